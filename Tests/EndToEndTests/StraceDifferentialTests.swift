import Foundation
import SyscallDecoding
import SyscallTables
import Testing

/// swtrace and Debian's strace on the same program, side by side: strace is the oracle.
///
/// Both run under `setarch -R` (no address randomisation), with the same arguments and
/// environment, so addresses agree. strace is told to print raw (`-e raw=`) the syscalls whose
/// arguments swtrace does not decode yet, so those lines compare whole too; for the few that
/// swtrace decodes in part, the name and the result are compared. What legitimately differs
/// between two runs is normalised: process ids, and the order in which two tasks' lines
/// interleave (each task's `<unfinished ...>` and `<... resumed>` halves are joined first).
@Suite struct StraceDifferentialTests {
    static let strace = "/usr/bin/strace"
    static let setarch = "/usr/bin/setarch"

    /// Scenarios whose syscalls do not depend on timing (stopcont races a sleep against SIGCHLD).
    static let scenarios: [[String]] = [["files"], ["strings"], ["signal"], ["fork"], ["exit", "3"], ["segv"], ["thread-exec"], ["write"], ["hostile"]]

    @Test(arguments: scenarios)
    func sameLinesAsStrace(scenario: [String]) throws {
        try Self.compare(options: [], scenario: scenario, minimumWhole: 6)
    }

    /// Filters and the options that decide which lines print, on the fixture, against strace with
    /// the same options.
    static let filtered: [(options: [String], scenario: [String])] = [
        (["-e", "trace=openat"], ["files"]),
        (["-e", "trace=openat,close", "-e", "trace=write"], ["files"]),
        (["-e", "trace=!write,close"], ["files"]),
        (["-e", "trace=%file"], ["files"]),
        (["-e", "trace=%desc"], ["files"]),
        (["-e", "trace=/^(open|clo)"], ["files"]),
        (["-e", "trace=none"], ["signal"]),
        (["-z"], ["files"]),
        (["-Z"], ["files"]),
        (["-e", "status=failed,unfinished"], ["files"]),
        (["-P", "/dev/null"], ["files"]),
        (["-P", "/tmp"], ["files"]),
        (["-e", "signal=none"], ["signal"]),
        (["-e", "signal=!SIGUSR1"], ["signal"]),
        (["-e", "quiet=exit"], ["fork"]),
        (["-e", "trace=execve,exit_group", "-qq"], ["fork"]),
        (["-e", "trace=openat", "--seccomp-bpf"], ["files"]),
        (["-e", "status=successful"], ["files"]),
        (["-e", "trace=?nosuch,openat@64"], ["files"]),
        (["-e", "signal=SIGUSR1"], ["signal"]),
        (["-qqq"], ["fork"]),
    ]

    @Test(arguments: filtered)
    func sameLinesAsStraceWithOptions(options: [String], scenario: [String]) throws {
        try Self.compare(options: options, scenario: scenario, minimumWhole: 1)
    }

    /// Runs strace and swtrace with `options` on the fixture `scenario` and compares every line
    /// of every task.
    static func compare(options: [String], scenario: [String], minimumWhole: Int) throws {
        try #require(FileManager.default.isExecutableFile(atPath: strace), "Debian's strace is needed: ./scripts/test installs it")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("swtrace-diff-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let straceOutput = directory.appendingPathComponent("strace.txt").path
        let ourOutput = directory.appendingPathComponent("swtrace.txt").path

        let raw = rawList(for: .x86_64)
        let straceRun = try run(setarch, ["-R", strace, "-f", "-o", straceOutput, "-e", "raw=\(raw)"] + options + ["--", Products.fixture] + scenario)
        let ourRun = try run(setarch, ["-R", Products.swtrace, "-f", "-o", ourOutput] + options + ["--", Products.fixture] + scenario)
        let label = (options + scenario).joined(separator: " ")
        #expect(ourRun.exitStatus == straceRun.exitStatus && ourRun.signal == straceRun.signal, "\(label)")
        #expect(ourRun.stdout == straceRun.stdout, "the program's own output")

        let expected = TraceLines(file: straceOutput)
        let actual = TraceLines(file: ourOutput)
        #expect(actual.tasks.count == expected.tasks.count, "\(label): tasks: \(actual.tasks.count) vs strace's \(expected.tasks.count)")
        var comparedWhole = 0, comparedByNameAndResult = 0
        for (task, (ours, theirs)) in zip(actual.tasks, expected.tasks).enumerated() {
            #expect(ours.count == theirs.count, "\(label): lines of one task:\n\(ours.joined(separator: "\n"))\n--- strace:\n\(theirs.joined(separator: "\n"))")
            for (index, (mine, oracle)) in zip(ours, theirs).enumerated() {
                if isPartlyDecoded(mine) {
                    #expect(nameAndResult(mine) == nameAndResult(oracle), "\(label): \(mine)\nstrace: \(oracle)")
                    comparedByNameAndResult += 1
                } else {
                    #expect(actual.matches(expected, task: task, index: index), "\(label): \(mine)\nstrace: \(oracle)")
                    comparedWhole += 1
                }
            }
        }
        #expect(comparedWhole >= minimumWhole, "\(label)")
        print("\(label): \(comparedWhole) lines equal to strace's, \(comparedByNameAndResult) by name and result")
    }

    /// The syscalls swtrace prints entirely raw, for strace's `-e raw=`.
    static func rawNames(for arch: SyscallArch) -> [String] {
        SyscallTable.forArch(arch).names.compactMap { $0 }.filter { SyscallCatalog.signature(of: $0, arch: arch).isRaw }
    }

    /// `rawNames` as the value of strace's `-e raw=`: `none` once no call is left raw (strace
    /// refuses an empty list).
    static func rawList(for arch: SyscallArch) -> String {
        let names = rawNames(for: arch)
        return names.isEmpty ? "none" : names.joined(separator: ",")
    }

    static func syscallName(_ line: String) -> String? {
        line.range(of: #"^[a-z_0-9]+(?=\()"#, options: .regularExpression).map { String(line[$0]) }
    }

    static func isPartlyDecoded(_ line: String) -> Bool {
        guard let name = syscallName(line) else { return false }
        let signature = SyscallCatalog.signature(of: name, arch: .x86_64)
        return !signature.isRaw && !signature.isFullyDecoded
    }

    static func nameAndResult(_ line: String) -> String {
        let result = line.range(of: ") = ", options: .backwards).map { String(line[$0.upperBound...]) } ?? ""
        return (syscallName(line) ?? line) + " = " + result
    }
}

/// The lines of a `-f -o FILE` trace, one list per task in order of appearance, with process ids
/// replaced by P1, P2... (in order of appearance), interrupted calls joined, and the padding before
/// ` = ` collapsed (joined lines lose their alignment).
struct TraceLines {
    var tasks: [[String]] = []
    /// The same lines with pids left as they are, and the pids in order of appearance: for
    /// `matches`, when a pid's digits stand in a line for something else (a pid of 4096 and a
    /// 4096-byte buffer).
    var exactTasks: [[String]] = []
    var pids: [String] = []

    init(file: String) {
        let text = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
        var order: [String] = []
        var byPid: [String: [String]] = [:]
        var pending: [String: String] = [:]
        for raw in splitLines(text) {
            guard let space = raw.firstIndex(of: " ") else { continue }
            let pid = String(raw[..<space])
            var content = String(raw[space...].drop(while: { $0 == " " }))
            if !order.contains(pid) { order.append(pid) }
            if content.hasSuffix(" <unfinished ...>") {
                pending[pid] = String(content.dropLast(" <unfinished ...>".count))
                continue
            }
            if content.hasPrefix("<... "), let resumed = content.range(of: " resumed>") {
                content = (pending.removeValue(forKey: pid) ?? "") + content[resumed.upperBound...]
            }
            if byPid.isEmpty {
                // The first execve's argv and envp are in the tracer's own child: with `-e verbose=`
                // leaving execve out, their addresses differ between the two tracers.
                content = content.replacingOccurrences(of: #"^(execve\("[^"]*", )0x[0-9a-f]+, 0x[0-9a-f]+\)"#,
                                                       with: "$1ARGV, ENVP)", options: .regularExpression)
            }
            byPid[pid, default: []].append(content)
        }
        for (pid, unfinished) in pending { byPid[pid, default: []].append(unfinished + " <unfinished ...>") }

        let placeholders = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, "P\($0 + 1)") })
        func normalise(_ line: String, replacingPids: Bool = true) -> String {
            var result = line.replacingOccurrences(of: #"\) +="#, with: ") =", options: .regularExpression)
            // The first execve's environment array is on the stack of the tracer's own child.
            result = result.replacingOccurrences(of: #"^(execve\(.*\], )0x[0-9a-f]+( /\* \d+ vars? \*/)"#, with: "$1ENVP$2",
                                                 options: .regularExpression)
            for (pid, placeholder) in placeholders where replacingPids {
                result = result.replacingOccurrences(of: #"(?<![0-9a-fx])\#(pid)(?![0-9])"#, with: placeholder, options: .regularExpression)
            }
            // -y: the inode of a pipe or socket is new in every run.
            result = result.replacingOccurrences(of: #"<(pipe|socket):\[\d+\]>"#, with: "<$1:[INODE]>", options: .regularExpression)
            // Random bytes differ between any two runs.
            result = result.replacingOccurrences(of: #"^getrandom\("[^"]*""#, with: "getrandom(RANDOM", options: .regularExpression)
            // Clock ticks spent: these differ between any two runs.
            return result.replacingOccurrences(of: #"si_(u|s)time=\d+( /\* [0-9.]+ s \*/)?"#, with: "si_$1time=T", options: .regularExpression)
        }
        tasks = order.map { pid in (byPid[pid] ?? []).map { normalise($0) } }
        exactTasks = order.map { pid in (byPid[pid] ?? []).map { normalise($0, replacingPids: false) } }
        pids = order
    }

    /// Whether line `index` of task `task` is the same in both traces, up to pids: the digits of
    /// each number either match or are the same-ranked pid of each trace.
    func matches(_ other: TraceLines, task: Int, index: Int) -> Bool {
        tasks[task][index] == other.tasks[task][index]
            || Self.sameUpToPids(exactTasks[task][index], pids, other.exactTasks[task][index], other.pids)
    }

    private static let numbersAndText = try! NSRegularExpression(pattern: #"[0-9]+|[^0-9]+"#)

    /// Whether two lines with their pids left in are the same, number by number, where a number
    /// may be the same-ranked pid of each run. Replacing pids everywhere cannot tell a pid of
    /// 4096 from a 4096-byte buffer; comparing token by token can.
    static func sameUpToPids(_ mine: String, _ minePids: [String], _ theirs: String, _ theirPids: [String]) -> Bool {
        func tokens(_ line: String) -> [String] {
            numbersAndText.matches(in: line, range: NSRange(line.startIndex..., in: line)).map { String(line[Range($0.range, in: line)!]) }
        }
        let a = tokens(mine), b = tokens(theirs)
        guard a.count == b.count else { return false }
        return zip(a, b).allSatisfy { x, y in
            x == y || (minePids.firstIndex(of: x).map { $0 == theirPids.firstIndex(of: y) } ?? false)
        }
    }
}
