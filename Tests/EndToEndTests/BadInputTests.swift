import Foundation
import Testing

/// Bad input: one clear line on stderr, a non-zero exit, and nothing traced.
@Suite struct BadInputTests {
    static let cases: [(arguments: [String], message: String, status: Int32)] = [
        ([], "swtrace: must have COMMAND [ARGS] or -p PID (see 'swtrace --help')", 1),
        (["--bogus", "true"], "swtrace: unknown option '--bogus' (see 'swtrace --help')", 1),
        (["-s", "abc", "true"], "swtrace: invalid -s value 'abc'", 1),
        (["-p", "abc"], "swtrace: invalid process id: 'abc'", 1),
        (["-p", "0"], "swtrace: invalid process id: '0'", 1),
        (["--string-limit=-5", "true"], "swtrace: invalid -s value '-5'", 1),
        (["swtrace-no-such-command"], "swtrace: cannot run 'swtrace-no-such-command': command not found", 127),
        (["/nonexistent/command"], "swtrace: cannot run '/nonexistent/command': No such file or directory", 127),
        (["/tmp"], "swtrace: cannot run '/tmp': Is a directory", 126),
        (["-o", "/nonexistent/trace.txt", "true"], "swtrace: cannot open '/nonexistent/trace.txt': No such file or directory", 1),
        // Issue 12's list.
        (["-s", "-1", "true"], "swtrace: invalid -s value '-1'", 1),
        (["-o"], "swtrace: option -o needs a value (FILE) (see 'swtrace --help')", 1),
        (["-u", "nosuchuser", "true"], "swtrace: unknown user 'nosuchuser'", 1),
        (["-b", "open", "true"], "swtrace: -b can only detach on execve, not on 'open'", 1),
        (["-P"], "swtrace: option -P needs a value (PATH) (see 'swtrace --help')", 1),
        (["-k", "true"], "swtrace: -k: not supported yet", 1),
        (["-D", "-p", "1"], "swtrace: -D needs a COMMAND to start (see 'swtrace --help')", 1),
        (["--seccomp-bpf", "-p", "1"], "swtrace: --seccomp-bpf applies only to a command swtrace starts, not to -p", 1),
        // Filter expressions, checked by the filters themselves.
        (["-e", "trace=nosuchcall", "true"], "swtrace: -e trace: unknown system call 'nosuchcall'", 1),
        (["-e", "trace=/[", "true"], "swtrace: -e trace: bad regular expression '[': Invalid regular expression", 1),
        (["-e", "signal=SIGFOO", "true"], "swtrace: -e signal: unknown signal 'SIGFOO'", 1),
        (["-e", "status=bogus", "true"],
         "swtrace: -e status: unknown status 'bogus' (use successful, failed, unfinished, unavailable or detached)", 1),
        (["-S", "bogus", "-c", "true"], "swtrace: invalid sortby: 'bogus'", 1),
        (["-ff", "-c", "-o", "/dev/null", "true"], "swtrace: -c/-C (a summary) and -ff/--output-separately cannot be used together", 1),
    ]

    @Test(arguments: cases)
    func badInput(arguments: [String], message: String, status: Int32) throws {
        let result = try swtrace(arguments, environment: ["PATH": "/usr/bin:/bin"])
        #expect(result.stderrLines == [message])
        #expect(result.exitStatus == status)
        #expect(result.stdout.isEmpty)
    }

    /// A file that is not executable, and one that is but holds no program the kernel can run.
    @Test func commandThatCannotRun() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("swtrace-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let plain = directory.appendingPathComponent("plain").path
        let garbage = directory.appendingPathComponent("garbage").path
        #expect(FileManager.default.createFile(atPath: plain, contents: Data("x".utf8), attributes: [.posixPermissions: 0o644]))
        #expect(FileManager.default.createFile(atPath: garbage, contents: Data([0, 1, 2, 3]), attributes: [.posixPermissions: 0o755]))

        if getuid() != 0 {  // root may run any file that has an execute bit, and access() says so
            let notExecutable = try swtrace([plain])
            #expect(notExecutable.stderrLines == ["swtrace: cannot run '\(plain)': Permission denied"])
            #expect(notExecutable.exitStatus == 126)
        }
        // Another test forking while this file was open for writing holds it open until that
        // child execs: the kernel then says ETXTBSY, a race of the test runner, not of swtrace.
        var unrunnable = try swtrace([garbage])
        for _ in 0..<5 where unrunnable.stderr.contains("Text file busy") {
            usleep(100_000)
            unrunnable = try swtrace([garbage])
        }
        #expect(unrunnable.stderrLines == ["swtrace: cannot run '\(garbage)': Exec format error"])
        #expect(unrunnable.exitStatus == 126)
        #expect(unrunnable.stdout.isEmpty)
    }

    @Test func commandIsTheFirstWordThatIsNotAnOption() throws {
        let result = try swtrace(["-s", "8", Products.fixture, "exit", "4"])
        #expect(result.exitStatus == 4)
        #expect(result.lines.last == "+++ exited with 4 +++")
    }

    @Test func helpAndVersionExitZero() throws {
        let help = try swtrace(["--help"])
        #expect(help.exitStatus == 0)
        #expect(help.lines.first == "USAGE: swtrace [OPTIONS] [--] COMMAND [ARGS...]")
        let version = try swtrace(["-V"])
        #expect(version.exitStatus == 0)
        #expect(version.lines.count == 1 && version.lines[0].hasPrefix("swtrace "))
    }
}
