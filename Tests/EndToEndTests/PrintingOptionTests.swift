import Foundation
import Testing

/// The options that change how lines print (`-x`, `-xx`, `--strings-in-hex`, `-X`, `-y`, `-Y`,
/// `-n`, `-i`, `-v`, `-e abbrev=`, `-e verbose=`, `-e raw=`, `-e read=`, `-e write=`, `-s`), each
/// against Debian's strace with the same option on the fixture's `printing` scenario (strings with
/// non-ASCII bytes, data through a pipe, an eventfd, known and unknown constants, process ids),
/// every line compared whole.
@Suite struct PrintingOptionTests {
    /// The calls whose printing no option here changes the meaning of, minus what differs between
    /// the two tracers for a reason of their own (noted per case).
    static let fixtureCalls = "-e trace=openat,write,close,pipe2,read,mmap,lseek,faccessat,getpid,kill"
    static var fixtureTrace: [String] { fixtureCalls.split(separator: " ").map(String.init) }

    static let cases: [[String]] = [
        ["-x"],
        ["-xx"],
        ["--strings-in-hex=non-ascii-chars"],
        ["--strings-in-hex=non-ascii"],
        ["--strings-in-hex=none"],
        ["--strings-in-hex"],
        ["-s", "4"],
        ["-s", "0", "-x"],
        // -X: every line, signals' siginfo too.
        ["-X", "raw"],
        ["-X", "verbose"],
        ["-X", "abbrev"],
        ["-y"],
        ["--decode-fds=path"],
        ["-yy"],
        ["--decode-fds=dev,pidfd"],
        ["-y", "-x"],
        ["-y", "-X", "verbose", "-e", "signal=none", "-e", "trace=openat,close,pipe2,read,write,eventfd2,faccessat"],
        // -Y: the first execve's prefix names the tracer that forked it (`<strace>`), strace still
        // finds the command's name when it reports its exit, and siginfo's si_pid has no name yet:
        // all three left out.
        ["-Y", "-e", "trace=getpid,kill", "-qq", "-e", "signal=none"],
        ["--decode-pids=comm", "-e", "trace=getpid,kill", "-qq", "-e", "signal=none"],
        // -n and -i: a prefix hides the line's syscall name from the comparison's normalisation
        // (random bytes, calls strace prints raw), so those calls are left out.
        ["-n"] + fixtureTrace,
        ["-n", "-e", "trace=kill"],
        // -i: also the first execve, whose address is in the tracer's own forked child.
        ["-i"] + fixtureTrace,
        ["-n", "-i"] + fixtureTrace,
        ["-v"],
        ["-e", "abbrev=none"],
        ["-v", "-e", "abbrev=execve"],
        ["-e", "verbose=none", "-e", "trace=pipe2,openat,write"],
        ["-e", "verbose=none"],
        ["-e", "verbose=!pipe2,lseek"],
        ["-e", "raw=write,mmap,openat"],
        // The dump lines have no pid prefix, which the comparison's normalisation takes for a task
        // of its own: only the calls that dump are traced.
        ["-e", "read=3", "-e", "write=4", "-e", "trace=read,write", "-e", "signal=none"],
        ["-e", "write=all", "-e", "trace=write", "-e", "signal=none"],
        ["-e", "read=!3", "-e", "write=none", "-e", "trace=read,write", "-e", "signal=none"],
    ]

    @Test(arguments: cases)
    func sameLinesAsStrace(options: [String]) throws {
        try StraceDifferentialTests.compare(options: options, scenario: ["printing"], minimumWhole: 3)
    }

    /// The long forms of the options above, which must mean the same as their short ones.
    static let longFormCases: [[String]] = [
        ["--strings-in-hex=all"],
        ["--const-print-style=raw"],
        ["--const-print-style=verbose"],
        ["--syscall-number"] + fixtureTrace,
        ["--instruction-pointer"] + fixtureTrace,
    ]

    @Test(arguments: longFormCases)
    func longFormsSameLinesAsStrace(options: [String]) throws {
        try StraceDifferentialTests.compare(options: options, scenario: ["printing"], minimumWhole: 3)
    }

    /// `-a N`: the column of ` = `, which the comparisons above collapse. One process, no pid
    /// prefix, and only calls whose lines are the same length in both runs (no pids, no random
    /// bytes), so that each line and its padding compare byte for byte.
    @Test(arguments: [["-a", "50"], ["-a0"], ["-a", "8"], []])
    func alignmentColumnSameAsStrace(options: [String]) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("swtrace-align-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let calls = ["-e", "trace=openat,write,close,pipe2,read,mmap,lseek,faccessat", "-e", "signal=none"]
        var outputs: [[String]] = []
        for tracer in [StraceDifferentialTests.strace, Products.swtrace] {
            let output = directory.appendingPathComponent(URL(fileURLWithPath: tracer).lastPathComponent).path
            let result = try run(StraceDifferentialTests.setarch, ["-R", tracer, "-o", output] + calls + options
                                 + ["--", Products.fixture, "printing"])
            #expect(result.exitStatus == 0)
            outputs.append(splitLines(try String(contentsOfFile: output, encoding: .utf8)))
        }
        #expect(outputs[1].count >= 10)
        #expect(outputs[1] == outputs[0], "\(options)")
    }

    /// What `-v`, `-X`, `-y` and `-s` change in structures and results, on the fixture's
    /// `structures` scenario: getdents64's entries, statx, uname, statfs, the descriptors fcntl and
    /// dup return, socket types, socket addresses, poll, prctl, futex and more (see the scenario).
    static let structureCases: [[String]] = [
        [], ["-v"], ["-X", "raw"], ["-X", "verbose"], ["-v", "-X", "raw"], ["-v", "-X", "verbose"],
        ["-y"], ["-y", "-X", "verbose"], ["-s", "0"], ["-v", "-s", "0"], ["-v", "-x"], ["-xx"],
        // -e verbose=: structures as addresses (getdents64 without its count, fstat, statx,
        // uname, poll without what is ready), buffers and paths still shown.
        ["-e", "verbose=none"], ["-v", "-e", "verbose=!newfstatat,uname,getdents64"],
    ]

    /// The directory the scenario lists and whose file it stats: its entries, inodes and times
    /// stay the same between the two runs.
    static var unchangingDirectory: String {
        Products.packageRoot.appendingPathComponent("Tests/EndToEndTests/Fixture").path
    }

    @Test(arguments: structureCases)
    func structuresSameAsStrace(options: [String]) throws {
        try StraceDifferentialTests.compare(options: options, scenario: ["structures", Self.unchangingDirectory],
                                            minimumWhole: 30)
    }

    /// `-P` on the listed directory: the calls that name it or use a descriptor open on it,
    /// including those a whole-call decoder prints (fcntl on a duplicate of its descriptor).
    @Test func pathFilterSameAsStrace() throws {
        try StraceDifferentialTests.compare(options: ["-P", Self.unchangingDirectory],
                                            scenario: ["structures", Self.unchangingDirectory], minimumWhole: 12)
    }

    /// The plain scenario too, so that a change to the fixture's calls shows without options first.
    @Test func plainPrintingScenario() throws {
        try StraceDifferentialTests.compare(options: [], scenario: ["printing"], minimumWhole: 20)
    }

    /// Values the options do not take: one line on stderr naming the option, a non-zero exit.
    @Test(arguments: [
        (["-X", "fancy"], "-X"),
        (["--strings-in-hex=some"], "--strings-in-hex"),
        (["--decode-fds=sockets"], "--decode-fds"),
        (["--decode-pids=pidns"], "--decode-pids=pidns"),
        (["-e", "abbrev=nosuchcall"], "-e abbrev"),
        (["-e", "read=x"], "-e read"),
    ])
    func badValues(options: [String], named: String) throws {
        let result = try run(Products.swtrace, options + ["--", Products.fixture, "write"])
        #expect(result.exitStatus != 0 && result.exitStatus != nil)
        #expect(result.stdout.isEmpty)
        #expect(result.stderrLines.count == 1, "\(result.stderr)")
        #expect(result.stderrLines.first?.hasPrefix("swtrace: ") == true, "\(result.stderr)")
        #expect(result.stderr.contains(named), "\(result.stderr)")
    }
}
