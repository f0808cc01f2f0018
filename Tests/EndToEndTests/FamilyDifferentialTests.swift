import Foundation
import SyscallDecoding
import SyscallTables
import Testing

/// One C program per syscall family (FamilyFixtures/*.c, with NULL and unmapped pointers, strings
/// longer than -s, zero lengths, unknown flag bits and failing calls), traced by Debian's strace
/// and by swtrace under `setarch -R`, 64-bit and `-m32`: every line must be the same, whole.
///
/// strace prints raw (`-e raw=`) the calls swtrace does not decode fully (the startup's set_thread_area), and
/// pids are numbered in order of appearance. Clock readings differ between any two runs, so the
/// numbers a clock or the CPU time fills in are masked in the lines of the calls that read them.
@Suite(.serialized) struct FamilyDifferentialTests {
    static let fixtures = ["time", "signals", "process", "io", "memfs", "more", "attrs", "aio", "mempolicy", "admin", "legacyfiles",
                           "oldcalls", "paths"]

    @Test(arguments: fixtures, [false, true])
    func sameLinesAsStrace(fixture: String, i386: Bool) throws {
        try Self.compare(fixture: fixture, i386: i386, options: [])
    }

    /// The printing options on the fixtures with calls they change: siginfo in arguments (-X),
    /// memfd_create's unknown flags (-X verbose), pidfd_getfd's target descriptor (-y), prctl's
    /// names and unreadable arrays under -s 0.
    static let optionCases: [(fixture: String, options: [String])] = [
        ("signals", ["-X", "raw"]), ("signals", ["-X", "verbose"]), ("memfs", ["-X", "verbose"]),
        ("process", ["-y"]), ("process", ["-s", "0"]), ("io", ["-s", "0"]), ("more", ["-s", "0"]),
        ("admin", ["-X", "raw"]), ("aio", ["-s", "0"]), ("legacyfiles", ["-X", "verbose"]), ("legacyfiles", ["-s", "0"]),
        ("paths", ["-y"]), ("paths", ["-X", "raw"]),
        // -e verbose=none: structures and arrays as their addresses, buffers and paths still shown.
        ("io", ["-e", "verbose=none"]), ("process", ["-e", "verbose=none"]), ("signals", ["-e", "verbose=none"]),
        ("memfs", ["-e", "verbose=none"]), ("more", ["-e", "verbose=none"]), ("attrs", ["-e", "verbose=none"]),
        ("time", ["-e", "verbose=none"]), ("paths", ["-e", "verbose=none"]), ("admin", ["-e", "verbose=none"]),
        ("legacyfiles", ["-e", "verbose=none"]), ("aio", ["-e", "verbose=none"]), ("mempolicy", ["-e", "verbose=none"]),
    ]

    @Test(arguments: optionCases)
    func sameLinesAsStraceWithOptions(fixture: String, options: [String]) throws {
        try Self.compare(fixture: fixture, i386: false, options: options)
    }

    /// `-e verbose=none` on i386: the compat structures and the old sigreturn frame left unread.
    @Test(arguments: ["signals", "oldcalls", "io", "paths"])
    func i386WithoutDereferencing(fixture: String) throws {
        try Self.compare(fixture: fixture, i386: true, options: ["-e", "verbose=none"])
    }

    static func compare(fixture: String, i386: Bool, options: [String]) throws {
        try #require(FileManager.default.isExecutableFile(atPath: StraceDifferentialTests.strace),
                     "Debian's strace is needed: ./scripts/test installs it")
        let program = try FamilyFixture.compile(fixture, i386: i386)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("swtrace-family-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let straceOutput = directory.appendingPathComponent("strace.txt").path
        let ourOutput = directory.appendingPathComponent("swtrace.txt").path

        let arch: SyscallArch = i386 ? .i386 : .x86_64
        let raw = SyscallTable.forArch(arch).names.compactMap { $0 }
            .filter { !SyscallCatalog.signature(of: $0, arch: arch).isFullyDecoded }
            // strace 6.1 reads `raw=signal` as every signal-related call, not i386's signal(2).
            .filter { $0 != "signal" }.joined(separator: ",")
        let rawOption = "raw=" + (raw.isEmpty ? "none" : raw)  // strace refuses an empty `raw=`
        let setarch = StraceDifferentialTests.setarch
        // The fixtures use fixed names in /tmp: one run of a fixture at a time (JsonTypedValueTests too).
        let lock = FamilyFixture.runLocks[fixture]!
        lock.lock()
        defer { lock.unlock() }
        let theirs = try run(setarch, ["-R", StraceDifferentialTests.strace, "-f", "-o", straceOutput, "-e", rawOption]
                                 + options + ["--", program])
        let ours = try run(setarch, ["-R", Products.swtrace, "-f", "-o", ourOutput] + options + ["--", program])
        let label = fixture + (i386 ? " -m32" : "") + (options.isEmpty ? "" : " " + options.joined(separator: " "))
        #expect(ours.exitStatus == theirs.exitStatus && ours.signal == theirs.signal, "\(label)")

        // strace writes its "runs in 32 bit mode" notice to stderr even with -o; swtrace to the trace.
        let notice = "[ Process PID="
        let mask = { (line: String) in maskFreeSpace(maskClockReadings(line)) }
        // Where a child's SIGCHLD lands relative to the parent's wait4 is the scheduler's choice:
        // those lines are compared as a set, the rest in order.
        let isChildSignal = { (line: String) in line.hasPrefix("--- SIGCHLD ") }
        let lines = [straceOutput, ourOutput].map { TraceLines(file: $0) }
        // The lines with pids replaced, and the same lines with pids left in (see sameUpToPids).
        let traces = lines.map { $0.tasks.map { $0.filter { !$0.hasPrefix(notice) }.map(mask) } }
        let exact = lines.map { $0.exactTasks.map { $0.filter { !$0.hasPrefix(notice) }.map(mask) } }
        let inOrder = { (tasks: [[String]]) in tasks.map { $0.filter { !isChildSignal($0) } } }
        let (expected, actual) = (inOrder(traces[0]), inOrder(traces[1]))
        let (expectedExact, actualExact) = (inOrder(exact[0]), inOrder(exact[1]))
        let childSignals = traces.map { $0.map { $0.filter(isChildSignal).sorted() } }
        #expect(childSignals[1] == childSignals[0], "\(label): SIGCHLD lines")
        #expect(actual.count == expected.count, "\(label): tasks: \(actual.count) vs strace's \(expected.count)")
        var compared = 0
        for (task, (mine, oracle)) in zip(actual, expected).enumerated() {
            #expect(mine.count == oracle.count, "\(label): \(mine.count) lines vs strace's \(oracle.count)")
            for (index, (line, straceLine)) in zip(mine, oracle).enumerated() where line != straceLine
                && !TraceLines.sameUpToPids(actualExact[task][index], lines[1].pids, expectedExact[task][index], lines[0].pids) {
                Issue.record("\(label):\nswtrace: \(line)\nstrace:  \(straceLine)")
            }
            compared += min(mine.count, oracle.count)
        }
        #expect(compared >= 40, "\(label): only \(compared) lines")
    }
}

/// Calls whose output holds a clock reading or CPU time, which differ between any two runs.
private let clockReaders = try! NSRegularExpression(pattern:
    #"^(clock_gettime(64)?|clock_getres|gettimeofday|time|times|getitimer|setitimer|timer_gettime(64)?|timerfd_gettime(64)?|timer_settime|timerfd_settime|getrusage|wait4|sched_rr_get_interval|adjtimex|clock_adjtime(64)?)\("#)

/// The numbers of clock readings as `N`: tv_sec/tv_nsec/tv_usec values, time(2)'s value and date,
/// and times(2)'s tick count.
func maskClockReadings(_ line: String) -> String {
    guard clockReaders.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) != nil else { return line }
    var result = line.replacingOccurrences(of: #"(tv_sec|tv_nsec|tv_usec|tms_[a-z]+)=\d+"#, with: "$1=N", options: .regularExpression)
    result = result.replacingOccurrences(of: #"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d{4}"#, with: "DATE", options: .regularExpression)
    result = result.replacingOccurrences(of: #"\d{6,}"#, with: "N", options: .regularExpression)
    return result
}

/// A file system's free blocks and inodes (statfs), which other processes change between two runs.
func maskFreeSpace(_ line: String) -> String {
    guard line.contains("statfs") else { return line }
    return line.replacingOccurrences(of: #"(f_bfree|f_bavail|f_ffree)=\d+"#, with: "$1=N", options: .regularExpression)
}

/// The family fixtures, compiled by each test that runs one: static, 64-bit or `-m32`.
enum FamilyFixture {
    /// Held while a fixture runs: each uses fixed names in /tmp.
    static let runLocks = Dictionary(uniqueKeysWithValues: FamilyDifferentialTests.fixtures.map { ($0, NSLock()) })
    static let source = Products.packageRoot.appendingPathComponent("Tests/EndToEndTests/FamilyFixtures")

    static func compile(_ name: String, i386: Bool) throws -> String {
        let binary = Products.directory.appendingPathComponent("family-\(name)\(i386 ? "-i386" : "")").path
        // Two suites may compile the same fixture at once: each into its own file, renamed into place.
        let temporary = binary + ".\(getpid()).\(UUID().uuidString.prefix(8))"
        var flags = ["-O2", "-static", "-Wall", "-o", temporary, source.appendingPathComponent(name + ".c").path]
        if i386 { flags = ["-m32", "-I", i386AsmHeaders] + flags }
        let compile = try run("/usr/bin/cc", flags, environment: ["PATH": "/usr/bin:/bin"])
        try #require(compile.exitStatus == 0, "cannot compile \(name).c: \(compile.stderr)")
        try #require(rename(temporary, binary) == 0)
        return binary
    }

    /// A directory whose `asm` is the x86_64 kernel headers (they serve both x86 ABIs): without
    /// gcc-multilib `-m32` finds no `asm/` (as Support/TraceRun.swift does for the main fixture).
    private static var i386AsmHeaders: String {
        let include = Products.directory.appendingPathComponent("i386-include").path
        try? FileManager.default.createDirectory(atPath: include, withIntermediateDirectories: true)
        try? FileManager.default.createSymbolicLink(atPath: include + "/asm", withDestinationPath: "/usr/include/x86_64-linux-gnu/asm")
        return include
    }
}
