import SwtraceCommandLine
import Testing
import Tracing

/// Where the command starts, `-p` beside a command, help and version.
@Suite struct CommandPositionTests {
    @Test func optionsAfterTheFirstWordBelongToTheCommand() throws {
        let parsed = try #require(parse(["-f", "ls", "-l", "-o", "x", "--", "-f"]))
        #expect(parsed.command == ["ls", "-l", "-o", "x", "--", "-f"])
        #expect(parsed.options.output == .standardOutput)
        #expect(parsed.options.followForks)
    }

    @Test func doubleDashIsOptionalAndEndsTheOptions() throws {
        let parsed = try #require(parse(["-s", "8", "--", "-weird-name", "-f"]))
        #expect(parsed.command == ["-weird-name", "-f"])
        #expect(parsed.options.decode.stringLimit == 8 && !parsed.options.followForks)
    }

    @Test func aValueThatLooksLikeAnOptionIsTheValue() throws {
        let parsed = try #require(parse(["-o", "-f", "true"]))
        #expect(parsed.options.output == .file("-f"))
        #expect(!parsed.options.followForks)
        #expect(parsed.command == ["true"])
    }

    @Test func processesAndACommandTogether() throws {
        let parsed = try #require(parse(["-p", "12", "-p", "34 56", "-p78,9", "sleep", "1"]))
        #expect(parsed.processes == [12, 34, 56, 78, 9])
        #expect(parsed.command == ["sleep", "1"])
    }

    @Test func processesAlone() throws {
        let parsed = try #require(parse(["--attach=12"]))
        #expect(parsed.processes == [12] && parsed.command.isEmpty)
    }

    /// strace makes -o quiet and uninterruptible only for a command it starts, not for -p alone.
    @Test func outputDefaultsOnlyForACommand() throws {
        let attached = try #require(parse(["-o", "out", "-p", "12"]))
        #expect(attached.options.quiet == [] && attached.options.interruptibility == nil)
        let both = try #require(parse(["-o", "out", "-p", "12", "true"]))
        #expect(both.options.quiet == [.attach, .personality] && both.options.interruptibility == 3)
    }

    @Test func helpAndVersionStopReading() throws {
        #expect(parse(["-fh", "--bogus"])?.action == .help)
        #expect(parse(["--help"])?.action == .help)
        #expect(parse(["-V"])?.action == .version)
        #expect(parse(["--vers"])?.action == .version)
    }

    @Test func longNamesMayBeShortenedWhileUnambiguous() throws {
        #expect(parse(["--follow", "true"])?.options.followForks == true)
        #expect(refusal(["--tr=open", "true"]) == "option '--tr' is ambiguous: --trace, --trace-path, --trace-fds")
    }

    @Test func warningsForOptionsWithoutEffect() throws {
        #expect(parse(["-A", "true"])?.warnings == ["-A/--output-append-mode has no effect without -o"])
        #expect(parse(["-z", "-Z", "true"])?.warnings == ["only the last of -z/--successful-only and -Z/--failed-only takes effect"])
        #expect(parse(["-S", "calls", "true"])?.warnings == ["-S/--summary-sort-by has no effect without -c or -C"])
        #expect(parse(["--output-separately", "true"])?.warnings == ["--output-separately has no effect without -o"])
        #expect(parse(["-ff", "true"])?.warnings == [])
    }
}

/// Bad command lines: one message each, naming what is wrong.
@Suite struct RefusalTests {
    static let cases: [([String], String)] = [
        ([], "must have COMMAND [ARGS] or -p PID"),
        (["-f"], "must have COMMAND [ARGS] or -p PID"),
        (["-o"], "option -o needs a value (FILE)"),
        (["-P"], "option -P needs a value (PATH)"),
        (["--output"], "option --output needs a value (FILE)"),
        (["--bogus", "true"], "unknown option '--bogus'"),
        (["-Q", "true"], "unknown option -Q"),
        (["--follow-forks=yes", "true"], "option --follow-forks takes no value"),
        (["-s", "-1", "true"], "invalid -s value '-1'"),
        (["-s", "abc", "true"], "invalid -s value 'abc'"),
        (["-s", "99999999999", "true"], "invalid -s value '99999999999'"),
        (["-a", "-1", "true"], "invalid -a value '-1'"),
        (["-p", "abc"], "invalid process id: 'abc'"),
        (["-p", "0"], "invalid process id: '0'"),
        (["-u", "nosuchuser", "true"], "unknown user 'nosuchuser'"),
        (["-b", "open", "true"], "-b can only detach on execve, not on 'open'"),
        (["-I", "5", "true"], "invalid -I value '5'"),
        (["-E", "", "true"], "invalid -E value ''"),
        (["-E", "=x", "true"], "invalid -E value '=x'"),
        (["-o", "|", "true"], "invalid -o value '|'"),
        (["--syscall-limit=0", "true"], "invalid --syscall-limit value '0'"),
        (["--daemonize=bogus", "true"], "invalid --daemonize value 'bogus'"),
        (["--absolute-timestamps=bogus", "true"], "invalid --absolute-timestamps value 'bogus'"),
        (["--relative-timestamps=xs", "true"], "invalid --relative-timestamps value 'xs'"),
        (["--syscall-times=m", "true"], "invalid --syscall-times value 'm'"),
        (["-T=ms", "true"], "unknown option -="),
        (["-t", "--absolute-timestamps=unix", "true"], "-t and --absolute-timestamps cannot be used together"),
        (["-DDDD", "true"], "too many -D's (4): -DDD is the most"),
        (["-D", "-p", "12"], "-D needs a COMMAND to start"),
        (["--seccomp-bpf", "-p", "12"], "--seccomp-bpf applies only to a command swtrace starts, not to -p"),
        (["-c", "-C", "true"], "-c/--summary-only and -C/--summary cannot be used together"),
        (["-c", "-ff", "-o", "x", "true"], "-c/-C (a summary) and -ff/--output-separately cannot be used together"),
        (["-w", "true"], "-w/--summary-wall-clock needs -c or -C"),
        (["-U", "calls", "true"], "-U/--summary-columns needs -c or -C"),
        (["-ff", "-o", "|cat", "true"], "-ff/--output-separately cannot write to a pipe (-o '|COMMAND')"),
        (["-q", "-e", "quiet=exit", "true"], "-q and -e quiet=/--quiet= cannot be used together"),
        (["--decode-fds=sockets", "true"], "invalid --decode-fds value 'sockets'"),
        // strace's options swtrace does not have yet: refused by name.
        (["-k", "true"], "-k: not supported yet"),
        (["-d", "true"], "-d: not supported yet"),
        (["--tips", "true"], "--tips: not supported yet"),
        (["--secontext=full", "true"], "--secontext: not supported yet"),
        (["--pidns-translation", "true"], "--pidns-translation: not supported yet"),
        (["--inject=open:error=ENOENT", "true"], "--inject: not supported yet"),
        (["-e", "inject=open:error=ENOENT", "true"], "-e inject: not supported yet"),
        (["-e", "fault=open", "true"], "-e fault: not supported yet"),
        (["-e", "kvm=vcpu", "true"], "-e kvm: not supported yet"),
    ]

    @Test(arguments: cases)
    func refused(arguments: [String], message: String) {
        #expect(refusal(arguments) == message)
    }
}
