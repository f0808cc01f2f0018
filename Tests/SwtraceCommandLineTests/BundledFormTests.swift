import SwtraceCommandLine
import Testing
import Tracing

/// Every way strace's getopt lets options be written, bundled and joined, gives the TraceOptions
/// the plain spelling gives, field by field.
@Suite struct BundledFormTests {
    struct Form: CustomTestStringConvertible, Sendable {
        let arguments: [String]
        let expected: @Sendable () throws -> TraceOptions
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static func options(_ change: @escaping @Sendable (inout TraceOptions) throws -> Void) -> @Sendable () throws -> TraceOptions {
        { var options = TraceOptions(); try change(&options); return options }
    }

    /// With `-o` and a command, strace's defaults change: `-q` and `-I3`.
    static func writingToFile(_ change: @escaping @Sendable (inout TraceOptions) throws -> Void) -> @Sendable () throws -> TraceOptions {
        options { $0.quiet = [.attach, .personality]; $0.interruptibility = 3; try change(&$0) }
    }

    /// `-D` makes `-I4` the default.
    static func daemonized(_ change: @escaping @Sendable (inout TraceOptions) throws -> Void) -> @Sendable () throws -> TraceOptions {
        options { $0.interruptibility = 4; try change(&$0) }
    }

    static let forms: [Form] = [
        Form(arguments: ["-f"], expected: options { $0.followForks = true }),
        // -ff without -o is -f (as strace): nothing to separate into.
        Form(arguments: ["-ff"], expected: options { $0.followForks = true }),
        Form(arguments: ["-ff", "-o", "out"], expected: writingToFile {
            $0.followForks = true; $0.outputSeparately = true; $0.output = .file("out"); $0.outputIsFile = true
        }),
        Form(arguments: ["-fo", "out"], expected: writingToFile { $0.followForks = true; $0.output = .file("out"); $0.outputIsFile = true }),
        Form(arguments: ["-fffo", "out"], expected: writingToFile {
            $0.followForks = true; $0.outputSeparately = true; $0.output = .file("out"); $0.outputIsFile = true
        }),
        Form(arguments: ["-oout"], expected: writingToFile { $0.output = .file("out"); $0.outputIsFile = true }),
        Form(arguments: ["--output=out"], expected: writingToFile { $0.output = .file("out"); $0.outputIsFile = true }),
        Form(arguments: ["--output", "out"], expected: writingToFile { $0.output = .file("out"); $0.outputIsFile = true }),
        Form(arguments: ["-f", "--output-separately", "-o", "out"], expected: writingToFile {
            $0.followForks = true; $0.outputSeparately = true; $0.output = .file("out"); $0.outputIsFile = true
        }),
        Form(arguments: ["-t"], expected: options { $0.absoluteTimestamps = TimestampStyle(format: .timeOfDay, precision: .seconds) }),
        Form(arguments: ["-tt"], expected: options { $0.absoluteTimestamps = TimestampStyle(format: .timeOfDay, precision: .microseconds) }),
        Form(arguments: ["-t", "-t"], expected: options { $0.absoluteTimestamps = TimestampStyle(format: .timeOfDay, precision: .microseconds) }),
        Form(arguments: ["-ttt"], expected: options { $0.absoluteTimestamps = TimestampStyle(format: .unix, precision: .microseconds) }),
        Form(arguments: ["--absolute-timestamps"], expected: options { $0.absoluteTimestamps = TimestampStyle(format: .timeOfDay, precision: .seconds) }),
        Form(arguments: ["--absolute-timestamps=format:unix,precision:ms"], expected: options { $0.absoluteTimestamps = TimestampStyle(format: .unix, precision: .milliseconds) }),
        Form(arguments: ["--absolute-timestamps=unix,ns"], expected: options { $0.absoluteTimestamps = TimestampStyle(format: .unix, precision: .nanoseconds) }),
        Form(arguments: ["--timestamps=unix,ns"], expected: options { $0.absoluteTimestamps = TimestampStyle(format: .unix, precision: .nanoseconds) }),
        Form(arguments: ["--timestamps"], expected: options { $0.absoluteTimestamps = TimestampStyle(format: .timeOfDay, precision: .seconds) }),
        Form(arguments: ["--absolute-timestamps=ms"], expected: options { $0.absoluteTimestamps = TimestampStyle(format: .timeOfDay, precision: .milliseconds) }),
        Form(arguments: ["--absolute-timestamps=none"], expected: options { _ in }),
        Form(arguments: ["-r"], expected: options { $0.relativeTimestamps = .microseconds }),
        Form(arguments: ["--relative-timestamps=ms"], expected: options { $0.relativeTimestamps = .milliseconds }),
        Form(arguments: ["-T"], expected: options { $0.syscallTimes = .microseconds }),
        Form(arguments: ["--syscall-times=ns"], expected: options { $0.syscallTimes = .nanoseconds }),
        Form(arguments: ["-rTtt"], expected: options {
            $0.relativeTimestamps = .microseconds; $0.syscallTimes = .microseconds
            $0.absoluteTimestamps = TimestampStyle(format: .timeOfDay, precision: .microseconds)
        }),
        Form(arguments: ["-q"], expected: options { $0.quiet = [.attach, .personality] }),
        Form(arguments: ["-qq"], expected: options { $0.quiet = [.attach, .personality, .exit] }),
        Form(arguments: ["-qqq"], expected: options { $0.quiet = [.attach, .exit, .pathResolution, .personality, .threadExecve, .superseded] }),
        Form(arguments: ["-e", "quiet=attach,exit"], expected: options { $0.quiet = try QuietOptions.parse("attach,exit") }),
        Form(arguments: ["--quiet=exit"], expected: options { $0.quiet = try QuietOptions.parse("exit") }),
        Form(arguments: ["--silent=exit"], expected: options { $0.quiet = try QuietOptions.parse("exit") }),
        Form(arguments: ["--silence", "attach"], expected: options { $0.quiet = try QuietOptions.parse("attach") }),
        Form(arguments: ["-s0"], expected: options { $0.decode.stringLimit = 0 }),
        Form(arguments: ["-s", "0"], expected: options { $0.decode.stringLimit = 0 }),
        Form(arguments: ["--string-limit=128"], expected: options { $0.decode.stringLimit = 128 }),
        Form(arguments: ["--string-limit", "128"], expected: options { $0.decode.stringLimit = 128 }),
        Form(arguments: ["-a16"], expected: options { $0.decode.alignColumn = 16 }),
        Form(arguments: ["-y"], expected: options { $0.decode.descriptorDecoding = .paths }),
        Form(arguments: ["-yy"], expected: options { $0.decode.descriptorDecoding = .all }),
        Form(arguments: ["-y", "-y"], expected: options { $0.decode.descriptorDecoding = .all }),
        Form(arguments: ["--decode-fds=all"], expected: options { $0.decode.descriptorDecoding = .all }),
        Form(arguments: ["-e", "decode-fds=socket,dev"], expected: options { $0.decode.descriptorDecoding = [.sockets, .devices] }),
        Form(arguments: ["--decode-fds=pidfd", "-y"], expected: options { $0.decode.descriptorDecoding = [.paths, .pidfds] }),
        Form(arguments: ["--decode-fds=all,none"], expected: options { _ in }),
        Form(arguments: ["-fs64", "-a10"], expected: options { $0.followForks = true; $0.decode.stringLimit = 64; $0.decode.alignColumn = 10 }),
        Form(arguments: ["-etrace=open"], expected: options { $0.syscalls = try syscallFilter("open") }),
        Form(arguments: ["-e", "trace=open"], expected: options { $0.syscalls = try syscallFilter("open") }),
        Form(arguments: ["-e", "open"], expected: options { $0.syscalls = try syscallFilter("open") }),
        Form(arguments: ["-eopen"], expected: options { $0.syscalls = try syscallFilter("open") }),
        Form(arguments: ["-e", "t=open"], expected: options { $0.syscalls = try syscallFilter("open") }),
        Form(arguments: ["--trace=open"], expected: options { $0.syscalls = try syscallFilter("open") }),
        Form(arguments: ["--trace", "open"], expected: options { $0.syscalls = try syscallFilter("open") }),
        Form(arguments: ["-e", "trace=open", "-e", "trace=close"], expected: options { $0.syscalls = try syscallFilter("open", "close") }),
        Form(arguments: ["-veexecve"], expected: { try #require(parse(["-v", "-e", "trace=execve", "true"])).options }),
        Form(arguments: ["-xx"], expected: options { $0.decode.stringEscapes = .hexAll }),
        // -q, --quiet= or -I given with -o: theirs, not the -o defaults.
        Form(arguments: ["-qq", "-o", "out"], expected: options {
            $0.quiet = [.attach, .personality, .exit]; $0.interruptibility = 3; $0.output = .file("out"); $0.outputIsFile = true
        }),
        Form(arguments: ["-e", "quiet=exit", "-I2", "-oout"], expected: options {
            $0.quiet = try QuietOptions.parse("exit"); $0.interruptibility = 2; $0.output = .file("out"); $0.outputIsFile = true
        }),
        Form(arguments: ["-feexecve"], expected: options { $0.followForks = true; $0.syscalls = try syscallFilter("execve") }),
        Form(arguments: ["-e", "signal=SIGUSR1"], expected: options { $0.signals = try signalFilter("SIGUSR1") }),
        Form(arguments: ["-esignals=!SIGCHLD"], expected: options { $0.signals = try signalFilter("!SIGCHLD") }),
        Form(arguments: ["--signal=SIGUSR1"], expected: options { $0.signals = try signalFilter("SIGUSR1") }),
        Form(arguments: ["-e", "status=failed,unfinished"], expected: options { $0.statuses = try StatusFilter.parse("failed,unfinished") }),
        Form(arguments: ["--status=detached"], expected: options { $0.statuses = try StatusFilter.parse("detached") }),
        Form(arguments: ["-z"], expected: options { $0.statuses = .successful }),
        Form(arguments: ["-Z"], expected: options { $0.statuses = .failed }),
        Form(arguments: ["-e", "status=failed", "-z"], expected: options { $0.statuses = .successful }),
        Form(arguments: ["-P", "/etc/passwd", "-P/tmp"], expected: options { $0.paths = ["/etc/passwd", "/tmp"] }),
        Form(arguments: ["--trace-path=/etc"], expected: options { $0.paths = ["/etc"] }),
        Form(arguments: ["-e", "trace-fds=3"], expected: options { $0.descriptors = try DescriptorFilter.parse("3") }),
        Form(arguments: ["--trace-fds=0,1"], expected: options { $0.descriptors = try DescriptorFilter.parse("0,1") }),
        Form(arguments: ["--syscall-limit=5"], expected: options { $0.syscallLimit = 5 }),
        Form(arguments: ["-o", "|grep open"], expected: writingToFile { $0.output = .pipe(command: "grep open"); $0.outputIsFile = true }),
        Form(arguments: ["-o!cat"], expected: writingToFile { $0.output = .pipe(command: "cat"); $0.outputIsFile = true }),
        Form(arguments: ["-Ao", "out"], expected: writingToFile { $0.appendToOutput = true; $0.output = .file("out"); $0.outputIsFile = true }),
        Form(arguments: ["-E", "A=1", "-EB", "--env=C=x=y"], expected: options {
            $0.launch.environment = [.set(name: "A", value: "1"), .remove(name: "B"), .set(name: "C", value: "x=y")]
        }),
        Form(arguments: ["--argv0", "name"], expected: options { $0.launch.argv0 = "name" }),
        Form(arguments: ["--argv0=name"], expected: options { $0.launch.argv0 = "name" }),
        Form(arguments: ["-b", "execve"], expected: options { $0.detachOnExecve = true }),
        Form(arguments: ["--detach-on=execve"], expected: options { $0.detachOnExecve = true }),
        Form(arguments: ["-D"], expected: daemonized { $0.launch.daemonize = 1 }),
        Form(arguments: ["-DD"], expected: daemonized { $0.launch.daemonize = 2 }),
        Form(arguments: ["-DDD"], expected: daemonized { $0.launch.daemonize = 3 }),
        Form(arguments: ["--daemonize"], expected: daemonized { $0.launch.daemonize = 1 }),
        Form(arguments: ["--daemonize=pgroup"], expected: daemonized { $0.launch.daemonize = 2 }),
        Form(arguments: ["--daemonize=session"], expected: daemonized { $0.launch.daemonize = 3 }),
        Form(arguments: ["-I3"], expected: options { $0.interruptibility = 3 }),
        Form(arguments: ["--interruptible=never_tstp"], expected: options { $0.interruptibility = 4 }),
        Form(arguments: ["--kill-on-exit"], expected: options { $0.killOnExit = true }),
        Form(arguments: ["--seccomp-bpf"], expected: options { $0.seccomp = .forced }),
        Form(arguments: ["--no-seccomp-bpf"], expected: options { $0.seccomp = .off }),
        Form(arguments: ["--no-adaptive-wait"], expected: options { $0.adaptiveWait = false }),
        Form(arguments: ["-c"], expected: options { $0.summary = SummaryOptions() }),
        Form(arguments: ["--summary-only"], expected: options { $0.summary = SummaryOptions() }),
        Form(arguments: ["-C", "-w"], expected: options { var s = SummaryOptions(); s.alsoTrace = true; s.wallClock = true; $0.summary = s }),
        Form(arguments: ["-c", "--summary-wall"], expected: options { var s = SummaryOptions(); s.wallClock = true; $0.summary = s }),
        Form(arguments: ["-cScalls", "-U", "calls,name", "-O2"], expected: options {
            var s = SummaryOptions()
            s.sortBy = try SummaryOptions.parseSortKey("calls")
            s.columns = try SummaryOptions.parseColumns("calls,name")
            s.overheadMicroseconds = try SummaryOptions.parseOverhead("2")
            $0.summary = s
        }),
    ]

    @Test(arguments: forms)
    func form(_ form: Form) throws {
        guard let parsed = parse(form.arguments + ["true"]) else { return }
        #expect(parsed.action == .trace)
        #expect(parsed.command == ["true"])
        #expect(parsed.processes == [])
        expectSameOptions(parsed.options, try form.expected(), form.testDescription)
    }

    /// `-u` looks the user up at once: root's ids and groups.
    @Test func userIsResolved() throws {
        let parsed = try #require(parse(["-u", "root", "true"]))
        let user = try #require(parsed.options.launch.user)
        #expect(user.name == "root" && user.uid == 0 && user.gid == 0)
        #expect(user.groups.contains(0))
    }
}
