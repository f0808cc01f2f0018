import Foundation
import Synchronization
import SyscallDecoding
import SyscallTables
import Testing

/// The programs of `NetworkFixtures/` (sockets, messages, options, ioctls, IPC), compiled static as
/// 64-bit and i386 (`-m32`) executables, traced by Debian's strace and by swtrace under
/// `setarch -R`, every line compared whole. strace prints raw (`-e raw=`) what swtrace does not
/// decode yet. Each program runs under the printing options that change what these calls show
/// (plain, `-y`, `-yy`, `-v`, `-X verbose`). Normalised besides what `TraceLines` does:
/// ephemeral ports, autobound unix names and socket inodes, which the kernel picks anew for each
/// run.
@Suite struct NetworkDifferentialTests {
    static let fixtures = ["sockets", "messages", "ioctl", "ioctl_dev", "netlink", "ipc", "ipcctl", "terminal", "system", "kernelapi", "kernel", "ptrace", "keys", "kernelmore", "netlink_route", "ioctl_more",
                           "netlink_diag", "ioctl_console", "fsdev"]
    static let variants: [(name: String, flags: [String], arch: SyscallArch)] = [
        ("64", [], .x86_64), ("32", ["-m32", "-I", NetworkFixtures.i386AsmHeaders], .i386),
    ]
    static let printingOptions: [String] = ["plain", "-y", "-yy", "-v", "-X verbose"]

    static let cases: [(String, String, String)] = fixtures.flatMap { fixture in
        variants.flatMap { variant in
            printingOptions.map { (fixture, variant.name, $0) }
        }
    }

    /// One run at a time per program: they bind fixed unix names and create fixed IPC names.
    static let fixtureLocks = Dictionary(uniqueKeysWithValues: fixtures.map { ($0, NSLock()) })

    @Test(arguments: cases)
    func sameLinesAsStrace(fixture: String, variant: String, printing: String) throws {
        try Self.compare(fixture: fixture, variant: variant,
                         options: printing == "plain" ? [] : printing.split(separator: " ").map(String.init))
    }

    /// `-X raw` on the fixtures whose named arguments it changes (the printing options above run
    /// on every fixture).
    static let optionCases: [(fixture: String, options: [String])] = [
        ("ipc", ["-X", "raw"]), ("ipcctl", ["-X", "raw"]), ("ioctl", ["-X", "raw"]), ("ioctl_dev", ["-X", "raw"]), ("kernel", ["-X", "raw"]),
        ("kernel", ["-s", "4"]), ("ptrace", ["-X", "raw"]),
        ("keys", ["-X", "raw"]), ("keys", ["-s", "4"]),
        ("kernelmore", ["-X", "raw"]),
        ("ioctl_more", ["-X", "raw"]),
        ("ioctl_console", ["-X", "raw"]),
        ("fsdev", ["-X", "raw"]),
    ]

    @Test(arguments: optionCases)
    func sameLinesAsStraceWithOptions(fixture: String, options: [String]) throws {
        try Self.compare(fixture: fixture, variant: "64", options: options)
    }

    static func compare(fixture: String, variant: String, options: [String]) throws {
        let strace = "/usr/bin/strace", setarch = "/usr/bin/setarch"
        try #require(FileManager.default.isExecutableFile(atPath: strace), "Debian's strace is needed: ./scripts/test installs it")
        let settings = Self.variants.first { $0.name == variant }!
        let program = try NetworkFixtures.compiled(fixture, variant: variant, flags: settings.flags)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("swtrace-net-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let straceOutput = directory.appendingPathComponent("strace.txt").path
        let ourOutput = directory.appendingPathComponent("swtrace.txt").path

        let raw = StraceDifferentialTests.rawList(for: settings.arch)
        let lock = Self.fixtureLocks[fixture]!
        lock.lock()
        defer { lock.unlock() }
        let straceRun = try run(setarch, ["-R", strace, "-f", "-o", straceOutput, "-e", "raw=\(raw)"] + options + ["--", program])
        let ourRun = try run(setarch, ["-R", Products.swtrace, "-f", "-o", ourOutput] + options + ["--", program])
        let label = "\(fixture) (\(variant))" + (options.isEmpty ? "" : " " + options.joined(separator: " "))
        #expect(straceRun.exitStatus == 0, "\(label): \(straceRun.stderr)")
        #expect(ourRun.exitStatus == straceRun.exitStatus, "\(label): \(ourRun.stderr)")

        let (straceLines, ourLines) = (TraceLines(file: straceOutput), TraceLines(file: ourOutput))
        let lines = { (tasks: [[String]]) in tasks.map { $0.filter { !Self.isRetriedAttempt($0) }.map(Self.normalise) } }
        let expected = Self.numberingInodes(lines(straceLines.tasks))
        let actual = Self.numberingInodes(lines(ourLines.tasks))
        // Pids left in, for lines where a pid's digits also stand for something else (sameUpToPids).
        let expectedExact = Self.numberingInodes(lines(straceLines.exactTasks))
        let actualExact = Self.numberingInodes(lines(ourLines.exactTasks))
        #expect(actual.count == expected.count, "\(label): tasks")
        var compared = 0
        for (task, (ours, theirs)) in zip(actual, expected).enumerated() {
            #expect(ours.count == theirs.count, "\(label): lines:\n\(ours.joined(separator: "\n"))\n--- strace:\n\(theirs.joined(separator: "\n"))")
            for (index, (mine, oracle)) in zip(ours, theirs).enumerated() {
                if Self.isPartlyDecoded(mine, arch: settings.arch) {
                    // Not this suite's calls (set_thread_area, ugetrlimit on i386): the name only.
                    #expect(StraceDifferentialTests.syscallName(mine) == StraceDifferentialTests.syscallName(oracle), "\(label): \(mine)")
                } else {
                    let same = mine == oracle || TraceLines.sameUpToPids(actualExact[task][index], ourLines.pids,
                                                                         expectedExact[task][index], straceLines.pids)
                    #expect(same, "\(label):\nswtrace: \(mine)\nstrace:  \(oracle)")
                    compared += 1
                }
            }
        }
        #expect(compared >= 20, "\(label)")
    }

    /// A BPF program load the verifier gave up on because a signal was pending: the fixtures try
    /// again, as libbpf does, so how many attempts a run took is the machine's load, not a decoding.
    static func isRetriedAttempt(_ line: String) -> Bool {
        line.hasPrefix("bpf(BPF_PROG_LOAD, ") && line.hasSuffix("= -1 EAGAIN (Resource temporarily unavailable)")
    }

    static func isPartlyDecoded(_ line: String, arch: SyscallArch) -> Bool {
        guard let name = StraceDifferentialTests.syscallName(line) else { return false }
        let signature = SyscallCatalog.signature(of: name, arch: arch)
        return !signature.isRaw && !signature.isFullyDecoded
    }

    /// `-yy`: socket inodes, ports and port ids inside a descriptor's `<...>` numbered in the
    /// order they first appear (`UNIX-STREAM:[#1->#2]`), so that two runs compare; key serials too.
    static func numberingInodes(_ tasks: [[String]]) -> [[String]] {
        var numbers: [String: Int] = [:]
        let decoration = try! NSRegularExpression(pattern: #"(?<=[0-9]<)[A-Za-z0-9/-]+:\[.*?\]>"#)
        let number = try! NSRegularExpression(pattern: #"[0-9]{4,}"#)
        let keySerial = try! NSRegularExpression(pattern: #"(?<![0-9x])[0-9]{5,}(?![0-9])"#)
        func numbered(_ key: String) -> String {
            if numbers[key] == nil { numbers[key] = numbers.count + 1 }
            return "#\(numbers[key]!)"
        }
        return tasks.map { lines in
            lines.map { line in
                var result = line
                // Key serial numbers are new in every run.
                if line.hasPrefix("add_key(") || line.hasPrefix("request_key(") || line.hasPrefix("keyctl(") {
                    for found in keySerial.matches(in: result, range: NSRange(result.startIndex..., in: result)).reversed() {
                        let digits = Range(found.range, in: result)!
                        result.replaceSubrange(digits, with: numbered(String(result[digits])))
                    }
                    return result
                }
                for match in decoration.matches(in: line, range: NSRange(line.startIndex..., in: line)).reversed() {
                    let range = Range(match.range, in: line)!
                    var text = String(line[range])
                    for found in number.matches(in: text, range: NSRange(text.startIndex..., in: text)).reversed() {
                        let digits = Range(found.range, in: text)!
                        let key = String(text[digits])
                        if numbers[key] == nil { numbers[key] = numbers.count + 1 }
                        text.replaceSubrange(digits, with: "#\(numbers[key]!)")
                    }
                    result.replaceSubrange(Range(match.range, in: result)!, with: text)
                }
                return result
            }
        }
    }

    /// Ports of 1024 and above are ephemeral (the fixtures bind port 0); an autobound unix socket
    /// gets five random hex digits; a pseudo-terminal's number depends on what else runs.
    static func normalise(_ line: String) -> String {
        line.replacingOccurrences(of: #"/dev/pts/[0-9]+(<char 136:)?[0-9]*"#, with: "/dev/pts/N$1", options: .regularExpression)
            .replacingOccurrences(of: #"(TIOCGPTN|0x80045430|TIOCGPTN \*/), \[[0-9]+\]"#, with: "$1, [N]", options: .regularExpression)
            // ioctl_dev: the free loop device is whichever the kernel has (its number, name, minor).
            .replacingOccurrences(of: #"/dev/loop[0-9]+(<block 7:)?[0-9]*"#, with: "/dev/loopN$1", options: .regularExpression)
            .replacingOccurrences(of: #"((LOOP_CTL_GET_FREE( \*/)?|0x4c82)\) +)= [0-9]+$"#, with: "$1= N", options: .regularExpression)
            .replacingOccurrences(of: #"^(ioctl\(.*(LOOP_GET_STATUS|0x4c0[35]\b).*lo_number=)[0-9]+"#, with: "$1N", options: .regularExpression)
            // fsdev: BLKTRACESETUP names the trace after the loop device.
            .replacingOccurrences(of: #"(, pid=[0-9]+, name=)"loop[0-9]+"\}"#, with: #"$1"loopN"}"#, options: .regularExpression)
            .replacingOccurrences(of: #"htons\((1[0-9]{3}|[2-9][0-9]{3}|[1-9][0-9]{4})\)"#, with: "htons(PORT)", options: .regularExpression)
            .replacingOccurrences(of: #"="(\\x[0-9a-f]{2}){2}" /\* htons\(PORT\)"#, with: #"=PORT /* htons(PORT)"#, options: .regularExpression)
            // recvmmsg: the time its one-second timeout left (less under load: up to 100 ms spent).
            .replacingOccurrences(of: #"tv_nsec=9[0-9]{8}"#, with: "tv_nsec=LEFT", options: .regularExpression)
            .replacingOccurrences(of: #"(sun_path=|,)@"[0-9a-f]{5}""#, with: #"$1@"AUTO""#, options: .regularExpression)
            // System V IPC: ids are the kernel's next free ones; pids and times change per run.
            .replacingOccurrences(of: #"^((msg|sem|shm)(snd|rcv|ctl|op|timedop|at)\()[0-9]+,"#, with: "$1ID,", options: .regularExpression)
            .replacingOccurrences(of: #"^((msg|sem|shm)get\(.*\) += )[0-9]+$"#, with: "$1ID", options: .regularExpression)
            .replacingOccurrences(of: #"_(lspid|lrpid|cpid|lpid)=[0-9]+"#, with: "_$1=PID", options: .regularExpression)
            .replacingOccurrences(of: #"_(stime|rtime|ctime|atime|dtime)=[0-9]+"#, with: "_$1=TIME", options: .regularExpression)
            // Netlink: the tracee's port id is its pid; an interface's counters move between runs.
            .replacingOccurrences(of: #"(nlmsg_pid|nl_pid)=[1-9][0-9]*"#, with: "$1=PID", options: .regularExpression)
            .replacingOccurrences(of: #"nlmsg_seq=[0-9]{6,}"#, with: "nlmsg_seq=TIME", options: .regularExpression)
            .replacingOccurrences(of: #"\b(rx_[a-z_]+|tx_[a-z_]+|multicast|collisions)=[0-9]+"#, with: "$1=N", options: .regularExpression)
            // ptrace: the fixture's child is made CLONE_UNTRACED (its own tracer is the fixture),
            // so TraceLines does not know its pid.
            .replacingOccurrences(of: #"^(clone\(.*(CLONE_UNTRACED|0x800000).*\) = )[0-9]+$"#, with: "$1CHILD", options: .regularExpression)
            .replacingOccurrences(of: #"^(ptrace\([^,]+, |wait4\(|kill\(|tgkill\()[0-9]+(, [0-9]+)?"#, with: "$1CHILD",
                                  options: .regularExpression)
            .replacingOccurrences(of: #"^(wait4\(CHILD, .*\) = )[0-9]+$"#, with: "$1CHILD", options: .regularExpression)
            // bpf object info: ids are the kernel's next free ones, load times the moment of loading.
            .replacingOccurrences(of: #"(info=\{type=[^,]+, id=)[0-9]+"#, with: "$1ID", options: .regularExpression)
            .replacingOccurrences(of: #"load_time=[0-9]+( /\* [^*]* \*/)?"#, with: "load_time=TIME", options: .regularExpression)
    }

    /// `ip addr` (iproute2, installed by scripts/setup --test): a route dump over netlink, every
    /// line as strace prints it (its sequence numbers are the time: normalised).
    @Test func ipAddrSameLinesAsStrace() throws {
        let ip = "/usr/sbin/ip", strace = "/usr/bin/strace"
        try #require(FileManager.default.isExecutableFile(atPath: ip), "iproute2 is needed: ./scripts/setup --test installs it")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("swtrace-ip-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let straceOutput = directory.appendingPathComponent("strace.txt").path
        let ourOutput = directory.appendingPathComponent("swtrace.txt").path
        let straceRun = try run(strace, ["-f", "-o", straceOutput, "-e", "trace=%network", "--", ip, "addr"])
        let ourRun = try run(Products.swtrace, ["-f", "-o", ourOutput, "-e", "trace=%network", "--", ip, "addr"])
        #expect(straceRun.exitStatus == 0 && ourRun.exitStatus == 0, "\(straceRun.stderr) \(ourRun.stderr)")
        let expected = TraceLines(file: straceOutput).tasks.flatMap { $0.map(Self.normalise) }
        let actual = TraceLines(file: ourOutput).tasks.flatMap { $0.map(Self.normalise) }
        #expect(expected.count >= 10 && actual.count == expected.count)
        for (mine, oracle) in zip(actual, expected) {
            #expect(mine == oracle)
        }
    }
}

/// The network fixture programs, compiled once per test run with the system C compiler.
enum NetworkFixtures {
    /// A directory whose `asm` is the x86_64 kernel headers, which serve both x86 ABIs: without
    /// gcc-multilib (which conflicts with the aarch64 cross compiler) `-m32` finds no `asm/`.
    static let i386AsmHeaders: String = {
        let include = Products.directory.appendingPathComponent("i386-include").path
        try? FileManager.default.createDirectory(atPath: include, withIntermediateDirectories: true)
        try? FileManager.default.createSymbolicLink(atPath: include + "/asm", withDestinationPath: "/usr/include/x86_64-linux-gnu/asm")
        return include
    }()

    /// `compile`, once per program and ABI in a test run (the option variants share it).
    static func compiled(_ name: String, variant: String, flags: [String]) throws -> String {
        let key = "\(name)-\(variant)"
        return try built.withLock { binaries in
            if let binary = binaries[key] { return binary }
            let binary = try compile(name, variant: variant, flags: flags)
            binaries[key] = binary
            return binary
        }
    }
    private static let built = Mutex<[String: String]>([:])

    static func compile(_ name: String, variant: String, flags: [String]) throws -> String {
        let source = Products.packageRoot.appendingPathComponent("Tests/EndToEndTests/NetworkFixtures/\(name).c").path
        let binary = Products.directory.appendingPathComponent("net-\(name)-\(variant)").path
        let temporary = binary + ".\(getpid()).\(UUID().uuidString.prefix(8))"
        let compile = try run("/usr/bin/cc", flags + ["-O1", "-static", "-Wall", "-Wno-nonnull", "-o", temporary, source],
                              environment: ["PATH": "/usr/bin:/bin"])
        try #require(compile.exitStatus == 0, "cannot compile \(name): \(compile.stderr)")
        try #require(rename(temporary, binary) == 0)
        return binary
    }
}
