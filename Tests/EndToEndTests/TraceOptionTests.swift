import Foundation
import Testing

/// The options that change what the session reports and where: per-process files, timestamps,
/// the syscall limit, detaching on execve, tracing a command and running processes together.
/// (Which lines each filter leaves is compared with strace in `StraceDifferentialTests`.)
@Suite struct TraceOptionTests {
    /// A fresh directory, removed after `body`.
    func withDirectory<T>(_ body: (String) throws -> T) throws -> T {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("swtrace-opt-\(UUID())").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        return try body(directory)
    }

    func files(in directory: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
    }

    /// `-ff -o FILE`: one FILE.PID per process, no pid prefixes, each process's lines in its file.
    @Test func separateFilePerProcess() throws {
        try withDirectory { directory in
            let result = try traceFixture(["fork"], options: ["-ff", "-o", "\(directory)/out"])
            #expect(result.exitStatus == 0)
            #expect(result.lines == ["fixture: child", "fixture: child exited 7"])
            let names = try files(in: directory)
            #expect(names.count == 2 && names.allSatisfy { $0.hasPrefix("out.") }, "\(names)")
            let traces = try names.map { splitLines(try String(contentsOfFile: "\(directory)/\($0)", encoding: .utf8)) }
            let parent = try #require(traces.first { $0.first?.hasPrefix("execve(") == true })
            let child = try #require(traces.first { $0.first?.hasPrefix("execve(") == false })
            #expect(parent.last == "+++ exited with 0 +++")
            #expect(parent.contains { $0.hasPrefix("clone(") })
            #expect(parent.contains(line(#"write(1, "fixture: child exited 7\n", 24"#, "24")))
            #expect(child.suffix(3) == [
                line(#"write(1, "fixture: child\n", 15"#, "15"),
                line("exit_group(7", "?"),
                "+++ exited with 7 +++",
            ])
            #expect(!(parent + child).contains { $0.hasPrefix("[pid") || $0.range(of: #"^\d+ "#, options: .regularExpression) != nil })
        }
    }

    /// `-ff -o FILE` with threads: the issue asks for one file per thread group (strace 6.1
    /// writes one per thread): the main thread's lines and both threads' exits are in FILE.PID.
    @Test func separateFilePerThreadGroup() throws {
        try withDirectory { directory in
            let result = try traceFixture(["threads", "1"], options: ["-ff", "-o", "\(directory)/out", "-e", "trace=write,exit"])
            #expect(result.exitStatus == 0)
            let names = try files(in: directory)
            #expect(names.count == 1, "\(names)")
            let trace = splitLines(try String(contentsOfFile: "\(directory)/\(names[0])", encoding: .utf8))
            #expect(trace.first == line(#"write(1, "fixture: threads started\n", 25"#, "25"))
            #expect(trace.filter { $0.hasPrefix("exit(0") }.count == 2, "\(trace)")
            #expect(trace.last == "+++ exited with 0 +++")
        }
    }

    /// Every syscall line starts with its timestamp in the form the option names.
    @Test(arguments: [
        (["-t"], #"^\d\d:\d\d:\d\d $"#),
        (["-tt"], #"^\d\d:\d\d:\d\d\.\d{6} $"#),
        (["-ttt"], #"^\d{10}\.\d{6} $"#),
        (["--absolute-timestamps=format:unix,precision:ns"], #"^\d{10}\.\d{9} $"#),
        (["--absolute-timestamps=time,precision:ms"], #"^\d\d:\d\d:\d\d\.\d{3} $"#),
        (["-r"], #"^ {5}\d\.\d{6} $"#),
    ])
    func timestamps(options: [String], pattern: String) throws {
        let result = try traceFixture(["files"], options: options)
        let trace = result.lines.filter { !$0.hasPrefix("fixture:") }
        #expect(trace.count > 10)
        for text in trace {
            let stamp = try #require(text.range(of: #"^[0-9:. ]+ (?=[a-z+<\[-])"#, options: .regularExpression), "\(text)")
            #expect(String(text[stamp]).range(of: pattern, options: .regularExpression) != nil, "\(text)")
        }
        if options == ["-ttt"] {
            let times = trace.compactMap { Double($0.prefix { $0 != " " }) }
            #expect(times.count == trace.count && times == times.sorted(), "timestamps go forward")
        }
    }

    /// `-T`: each finished call ends with the time it took.
    @Test(arguments: [(["-T"], 6), (["--syscall-times=ns"], 9), (["--syscall-times=ms"], 3)])
    func syscallTimes(options: [String], digits: Int) throws {
        let result = try traceFixture(["files"], options: options)
        let calls = result.lines.filter { $0.range(of: #"^[a-z_0-9]+\("#, options: .regularExpression) != nil }
        #expect(calls.count > 10)
        for text in calls where !text.hasSuffix("= ?") {
            #expect(text.range(of: #" = .* <\d+\.\d{\#(digits)}>$"#, options: .regularExpression) != nil, "\(text)")
        }
        #expect(result.lines.contains { $0.hasPrefix("openat(AT_FDCWD, \"/dev/null\", O_WRONLY|O_CLOEXEC)") })
    }

    /// `--syscall-limit=N`: N calls print, then swtrace lets the command run on untraced and ends
    /// with its exit status.
    @Test func syscallLimit() throws {
        try withDirectory { directory in
            let result = try traceFixture(["write"], options: ["--syscall-limit=4", "-o", "\(directory)/trace"])
            #expect(result.exitStatus == 0)
            #expect(result.lines == ["fixture: hello"])
            let trace = splitLines(try String(contentsOfFile: "\(directory)/trace", encoding: .utf8))
            #expect(trace.count == 4, "\(trace)")
            #expect(trace.first?.hasPrefix("execve(") == true)
            #expect(!trace.contains { $0.hasPrefix("+++") })
        }
    }

    /// `-b execve`: a child that calls execve is let go; the command's own first exec is not.
    @Test func detachOnExecve() throws {
        let result = try swtrace(["-f", "-b", "execve", "--", "/bin/sh", "-c", "\(Products.fixture) write; exit 3"],
                                 environment: ["PATH": "/usr/bin:/bin"])
        #expect(result.exitStatus == 3)
        #expect(result.lines.first?.hasPrefix("execve(\"/bin/sh\"") == true)
        #expect(result.lines.contains("fixture: hello"))
        #expect(!result.lines.contains { $0.contains("write(1, \"fixture: hello") }, "the exec'd child is not traced")
        #expect(result.lines.contains { $0.contains("execve(\"\(Products.fixture)\"") && $0.hasSuffix(" <detached ...>") })
        #expect(result.stderrLines.contains { $0.range(of: #"^swtrace: Process \d+ detached$"#, options: .regularExpression) != nil })
        #expect(result.lines.last == "+++ exited with 3 +++")
    }

    /// `-b execve` lets a child go at its execve even when the filter leaves execve out: its
    /// write is not traced (as strace; swtrace used to keep it).
    @Test func detachOnExecveFilteredOut() throws {
        try withDirectory { directory in
            let command = ["-f", "-b", "execve", "-e", "trace=write", "-o"]
            let script = ["--", "/bin/sh", "-c", "\(Products.fixture) write; exit 3"]
            let ours = try swtrace(command + ["\(directory)/ours"] + script, environment: ["PATH": "/usr/bin:/bin"])
            let theirs = try run("/usr/bin/strace", command + ["\(directory)/theirs"] + script, environment: ["PATH": "/usr/bin:/bin"])
            #expect(ours.exitStatus == 3 && theirs.exitStatus == 3)
            #expect(ours.lines == ["fixture: hello"])
            let masked = { (name: String) in
                splitLines(try String(contentsOfFile: "\(directory)/\(name)", encoding: .utf8))
                    // The pid prefix is padded to five columns: a 4-digit pid has two spaces.
                    .map { $0.replacingOccurrences(of: #"^\d+ +"#, with: "N ", options: .regularExpression)
                        .replacingOccurrences(of: #"(si_[us]time=)?\d{2,}"#, with: "N", options: .regularExpression)
                        .replacingOccurrences(of: #"si_[us]time=\d+"#, with: "N", options: .regularExpression) }
            }
            let ourLines = try masked("ours")
            #expect(ourLines == [
                "N --- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=N, si_uid=0, si_status=0, N, N} ---",
                "N +++ exited with 3 +++",
            ])
            #expect(ourLines == (try masked("theirs")))
        }
    }

    /// `-p PID` with a command: both are traced (with `-o`, every line names its process, as
    /// strace's); swtrace ends with the command's status once both are done.
    @Test func attachAndCommandTogether() throws {
        let sleeper = try RunningProcess(Products.fixture, ["sleep", "1"], environment: fixtureEnvironment)
        usleep(300_000)
        try withDirectory { directory in
            let result = try traceFixture(["exit", "4"], options: ["-p", String(sleeper.pid), "-o", "\(directory)/trace"])
            #expect(result.exitStatus == 4)
            let trace = splitLines(try String(contentsOfFile: "\(directory)/trace", encoding: .utf8))
            #expect(trace.contains { $0.range(of: #"^\d+ +exit_group\(4\) += \?$"#, options: .regularExpression) != nil }, "\(trace)")
            #expect(trace.contains { $0.range(of: #"^\#(sleeper.pid) +restart_syscall\("#, options: .regularExpression) != nil }, "\(trace)")
            #expect(trace.contains { $0.range(of: #"^\#(sleeper.pid) +\+\+\+ exited with 0 \+\+\+$"#, options: .regularExpression) != nil })
        }
        _ = sleeper.finish()
    }
}

/// `-e trace-fds=` and `-I`.
@Suite struct DescriptorAndInterruptOptionTests {
    /// Only calls on the named descriptors print; calls on no descriptor do not.
    @Test func traceFdsKeepsCallsOnThoseDescriptors() throws {
        let result = try traceFixture(["files"], options: ["-e", "trace-fds=3"])
        let trace = result.lines.filter { !$0.hasPrefix("fixture:") }
        #expect(trace == [line(#"write(3, "hello\n", 6"#, "6"), line("close(3", "0"), "+++ exited with 0 +++"])
    }

    /// `-I 3`: swtrace does not take SIGTERM (the command would get it from a `kill` of swtrace
    /// under the default); it traces the command to its end.
    @Test func interruptibilityThreeIgnoresTermination() throws {
        let tracer = try RunningProcess(Products.swtrace, ["-I", "3", "--", Products.fixture, "nap"], environment: fixtureEnvironment)
        usleep(300_000)
        kill(tracer.pid, SIGTERM)
        let result = tracer.finish(timeout: 10)
        #expect(result.exitStatus == 0)
        #expect(result.lines.contains("fixture: woke"))
        #expect(result.lines.last == "+++ exited with 0 +++")

        let interruptible = try RunningProcess(Products.swtrace, ["--", Products.fixture, "nap"], environment: fixtureEnvironment)
        usleep(300_000)
        kill(interruptible.pid, SIGTERM)
        let stopped = interruptible.finish(timeout: 10)
        #expect(stopped.exitStatus == 128 + SIGTERM)
        #expect(!stopped.lines.contains("fixture: woke"), "by default SIGTERM goes on to the command")
    }
}
