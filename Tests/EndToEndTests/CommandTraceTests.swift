import Foundation
import Testing

/// `swtrace -- swtrace-fixture SCENARIO`: the fixture's syscalls are known in advance, so whole
/// lines can be compared.
@Suite struct CommandTraceTests {
    @Test func firstLineIsTheExecveAndLastLineTheExit() throws {
        let result = try traceFixture(["write"])
        #expect(result.exitStatus == 0)
        let first = try #require(result.lines.first)
        // argv[0] is the fixture's path, cut to the default string limit of 32 bytes.
        let path = Products.fixture
        let argv0 = path.utf8.count > 32 ? "\"\(path.prefix(32))\"..." : "\"\(path)\""
        #expect(withoutAddresses(first) == withoutAddresses(line(
            "execve(\"\(path)\", [\(argv0), \"write\"], 0x1 /* 1 var */", "0")))
        #expect(result.lines.last == "+++ exited with 0 +++")
        // The program's own output reaches the same stdout, between whole trace lines.
        #expect(result.lines.contains("fixture: hello"))
        #expect(result.lines.contains(line("write(1, \"fixture: hello\\n\", 15", "15")))
        #expect(result.stderr.isEmpty)
    }

    @Test func openatThatSucceedsAndThatFailsWriteAndClose() throws {
        let result = try traceFixture(["files"])
        let lines = result.lines
        #expect(lines.contains(line("openat(AT_FDCWD, \"/nonexistent/swtrace-fixture\", O_RDONLY",
                                    "-1 ENOENT (No such file or directory)")))
        let fd = try #require(capture(#"^openat\(AT_FDCWD, "/dev/null", O_WRONLY\|O_CLOEXEC\) += (\d+)$"#, in: lines))
        let opened = try #require(lines.firstIndex(of: line("openat(AT_FDCWD, \"/dev/null\", O_WRONLY|O_CLOEXEC", "\(fd)")))
        #expect(Array(lines[(opened + 1)...].prefix(3)) == [
            line("write(\(fd), \"hello\\n\", 6", "6"),
            line("close(\(fd)", "0"),
            line("openat(AT_FDCWD, \"/tmp\", O_RDONLY|O_NONBLOCK|O_DIRECTORY", "\(fd)"),
        ])
        #expect(lines.last == "+++ exited with 0 +++")
    }

    @Test func stringsAreEscapedAndCutAtTheStringLimit() throws {
        let short = try traceFixture(["strings"]).lines
        let fd = try #require(capture(#"^openat\(AT_FDCWD, "/dev/null", O_WRONLY\) += (\d+)$"#, in: short))
        #expect(short.contains(line(#"write(\#(fd), "tab\there\nquote\"back\\slash\0\1\377\0017en"..., 33"#, "33")))
        #expect(short.contains(line(#"write(\#(fd), "0123456789abcdefghijklmnopqrstuv"..., 42"#, "42")))

        let long = try traceFixture(["strings"], options: ["-s", "64"]).lines
        #expect(long.contains(line(#"write(\#(fd), "tab\there\nquote\"back\\slash\0\1\377\0017end", 33"#, "33")))
        #expect(long.contains(line(#"write(\#(fd), "0123456789abcdefghijklmnopqrstuvwxyzABCDEF", 42"#, "42")))

        let joined = try traceFixture(["strings"], options: ["-s4", "-a10"]).lines
        #expect(joined.contains(#"write(\#(fd), "0123"..., 42) = 42"#))
    }

    @Test(arguments: [0, 3, 255])
    func exitStatusIsTheCommands(code: Int) throws {
        let result = try traceFixture(["exit", String(code)])
        #expect(result.exitStatus == Int32(code))
        #expect(result.lines.suffix(2) == [line("exit_group(\(code)", "?"), "+++ exited with \(code) +++"])
    }

    @Test func deathBySignalIsReportedAndPassedOn() throws {
        let result = try traceFixture(["segv"])
        #expect(result.signal == SIGSEGV, "swtrace kills itself with the signal that killed the command")
        #expect(result.lines.suffix(2) == [
            "--- SIGSEGV {si_signo=SIGSEGV, si_code=SEGV_MAPERR, si_addr=0x10} ---",
            "+++ killed by SIGSEGV +++",
        ])
    }

    /// SIGKILL in the middle of a syscall: no exit stop comes; the call ends with `= ?`.
    @Test func killedMidSyscall() throws {
        let tracer = try RunningProcess(Products.swtrace, ["--", Products.fixture, "sleep", "5"], environment: fixtureEnvironment)
        usleep(400_000)
        let tracee = try #require(ProcFS.children(of: tracer.pid).first)
        kill(tracee, SIGKILL)
        let result = tracer.finish(timeout: 10)
        #expect(result.signal == SIGKILL)
        let last = Array(result.lines.suffix(2))
        // (`<... clock_nanosleep resumed>) = ?` if a tick showed the call while it slept.)
        #expect(last.count == 2 && last[0].range(of: #"^(clock_nanosleep\(|<\.\.\. clock_nanosleep resumed>).*\) += \?$"#,
                                                 options: .regularExpression) != nil, "\(last)")
        #expect(last.last == "+++ killed by SIGKILL +++")
    }

    @Test func signalIsShownDeliveredAndHandled() throws {
        let result = try traceFixture(["signal"])
        let lines = result.lines
        let pid = try #require(capture(#"^getpid\(\) += (\d+)$"#, in: lines))
        let sent = try #require(lines.firstIndex(of: line("kill(\(pid), SIGUSR1", "0")))
        #expect(Array(lines[(sent + 1)...].prefix(3)) == [
            "--- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_USER, si_pid=\(pid), si_uid=\(getuid())} ---",
            "fixture: SIGUSR1 handled",
            line("write(1, \"fixture: SIGUSR1 handled\\n\", 25", "25"),
        ])
        #expect(lines.contains("fixture: after signal"))
        #expect(result.exitStatus == 0)
    }

    /// A child stops itself with SIGSTOP; its parent checks it stays stopped for 300 ms and only
    /// runs again after SIGCONT. Traced with -f, the answer must be the same as untraced.
    @Test func stoppedTraceeStaysStoppedUntilSIGCONT() throws {
        let verdict = "fixture: reported stopped yes, stayed stopped yes, resumed yes, exited 0"
        let untraced = try run(Products.fixture, ["stopcont"])
        #expect(untraced.lines == [verdict])

        let result = try traceFixture(["stopcont"], options: ["-f"])
        #expect(result.lines.contains(verdict))
        let child = try #require(capture(#"^\[pid +(\d+)\] --- stopped by SIGSTOP ---$"#, in: result.lines))
        let stopped = try #require(result.lines.firstIndex(of: pidPrefix(child) + "--- stopped by SIGSTOP ---"))
        let sentStop = try #require(result.lines.firstIndex(of: line("kill(\(child), SIGSTOP", "0", prefix: pidPrefix(child))))
        #expect(sentStop < stopped)
        let continued = try #require(result.lines.firstIndex { $0.hasPrefix(pidPrefix(child) + "--- SIGCONT {si_signo=SIGCONT, si_code=SI_USER, si_pid=") })
        #expect(stopped < continued)
        #expect(result.lines.contains(pidPrefix(child) + "+++ exited with 0 +++"))
        #expect(result.exitStatus == 0)
    }

    /// The command starts with the signal mask and ignored signals swtrace was started with, though
    /// swtrace blocks and catches signals of its own.
    @Test func tracedCommandInheritsTheSignalStateItWouldUntraced() throws {
        let untraced = try run(Products.fixture, ["signal-state"])
        #expect(signalState(untraced).count == 2)
        let traced = try traceFixture(["signal-state"])
        #expect(signalState(traced) == signalState(untraced))

        // And when it was started with signals ignored (SIGHUP, SIGUSR2) and blocked (SIGINT).
        let script = "trap '' HUP USR2; exec \"$0\" \"$@\""
        let blocked = try run("/usr/bin/env", ["--block-signal=INT", "/bin/sh", "-c", script, Products.fixture, "signal-state"])
        let blockedTraced = try run("/usr/bin/env", ["--block-signal=INT", "/bin/sh", "-c", script, Products.swtrace, "--", Products.fixture, "signal-state"])
        #expect(signalState(blocked) == [0x2, 0x801])
        #expect(signalState(blockedTraced) == signalState(blocked))
    }

    /// SigBlk and SigIgn of the fixture's signal-state scenario, without glibc's internal signals
    /// 32 and 33: glibc takes those over in every process it starts, swtrace included, so what
    /// swtrace inherited for them cannot pass on (nor matter to a glibc program).
    func signalState(_ result: RunResult) -> [UInt64] {
        let glibcInternal: UInt64 = 0x1_8000_0000
        return result.lines.filter { $0.hasPrefix("Sig") }.compactMap { line in
            UInt64(line.split(separator: "\t").last ?? "", radix: 16).map { $0 & ~glibcInternal }
        }
    }

    /// Whether the fork scenario's child write shows whole, or in two halves when a stop of the
    /// parent (its wait4) came while the write ran, as strace prints it: unfinished, then resumed.
    /// The halves were in 1 trace of 200, 7 with the keep-awake thread.
    func showsChildWrite(_ lines: [String], prefix: String) -> Bool {
        let write = "write(1, \"fixture: child\\n\", 15"
        if lines.contains(line(write, "15", prefix: prefix)) { return true }
        guard let start = lines.firstIndex(of: prefix + write + " <unfinished ...>") else { return false }
        return lines[start...].contains(line("<... write resumed>", "15", prefix: prefix))
    }

    @Test func forkIsFollowedWithPidPrefixes() throws {
        let result = try traceFixture(["fork"], options: ["-f"])
        let child = try #require(capture(#"^\[pid +(\d+)\] \+\+\+ exited with 7 \+\+\+$"#, in: result.lines))
        #expect(showsChildWrite(result.lines, prefix: pidPrefix(child)), "\(result.lines)")
        #expect(result.lines.contains(line("exit_group(7", "?", prefix: pidPrefix(child))))
        #expect(result.stderrLines.contains("swtrace: Process \(child) attached"))
        // Once the child is gone, the parent's lines have no prefix again.
        #expect(result.lines.suffix(2) == [line("exit_group(0", "?"), "+++ exited with 0 +++"])
        #expect(result.exitStatus == 0)

        let unfollowed = try traceFixture(["fork"])
        #expect(!unfollowed.lines.contains { $0.hasPrefix("[pid") })
        #expect(unfollowed.lines.contains("fixture: child exited 7"))
        #expect(!unfollowed.lines.contains { $0.contains("exit_group(7") })
    }

    /// A thread that is not the leader calls execve: the kernel gives it the leader's id.
    @Test func execveFromAThreadTakesOverTheLeader() throws {
        let result = try traceFixture(["thread-exec"], options: ["-f"])
        let lines = result.lines
        let thread = try #require(capture(#"^\+\+\+ superseded by execve in pid (\d+) \+\+\+$"#, in: lines))
        let superseded = try #require(lines.firstIndex(of: "+++ superseded by execve in pid \(thread) +++"))
        let execve = try #require(lines.firstIndex {
            $0.hasPrefix(pidPrefix(thread) + "execve(\"/proc/self/exe\", [\"swtrace-fixture\", \"exit\", \"5\"], ")
        })
        #expect(execve < superseded)
        #expect(lines[superseded + 1] == line("<... execve resumed>", "0"))
        #expect(lines.suffix(2) == [line("exit_group(5", "?"), "+++ exited with 5 +++"])
        #expect(result.exitStatus == 5)
    }

    /// A call that blocks shows while it blocks, as an unfinished line, not only once it returns.
    @Test func aBlockingCallShowsBeforeItReturns() throws {
        let lines = try traceFixture(["nap"]).lines
        let blocked = try #require(lines.firstIndex { $0.hasPrefix("clock_nanosleep(") && $0.hasSuffix(" <unfinished ...>") })
        let woke = try #require(lines.firstIndex(of: "fixture: woke"))
        let resumed = try #require(lines.firstIndex(of: line("<... clock_nanosleep resumed>NULL", "0")))
        #expect(blocked < resumed && resumed < woke, "the unfinished line was written while the call slept")
    }

    @Test func outputFileTakesTheTraceAndStdoutKeepsTheProgramsOutput() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("swtrace-\(UUID()).txt").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try traceFixture(["write"], options: ["-o", path])
        #expect(result.lines == ["fixture: hello"])
        let trace = splitLines(try String(contentsOfFile: path, encoding: .utf8))
        #expect(trace.contains(line("write(1, \"fixture: hello\\n\", 15", "15")))
        #expect(trace.last == "+++ exited with 0 +++")

        // With -f and -o, every line starts with the pid padded to five columns.
        let followed = try traceFixture(["fork"], options: ["-f", "-o", path])
        #expect(followed.exitStatus == 0)
        let forkTrace = splitLines(try String(contentsOfFile: path, encoding: .utf8))
        let child = try #require(capture(#"^(\d+) +\+\+\+ exited with 7 \+\+\+$"#, in: forkTrace))
        let childPrefix = String(child).padding(toLength: 5, withPad: " ", startingAt: 0) + " "
        #expect(showsChildWrite(forkTrace, prefix: childPrefix), "\(forkTrace)")
        #expect(forkTrace.allSatisfy { $0.range(of: #"^\d+ +"#, options: .regularExpression) != nil })
    }

    /// The path for kernels without PTRACE_GET_SYSCALL_INFO prints the same trace. Both runs
    /// are without address randomisation and with environments of the same size (the variable
    /// that selects the path is inherited by the command), so only the process id differs.
    @Test func registerFallbackPrintsTheSameTrace() throws {
        func trace(_ mode: String) throws -> [String] {
            let result = try run("/usr/bin/setarch", ["-R", Products.swtrace, "--", Products.fixture, "files"],
                                 environment: ["LC_ALL": "C", "SWTRACE_SYSCALL_INFO": mode])
            #expect(result.exitStatus == 0)
            let pid = capture(#"^set_tid_address\(.*\) += (\d+)$"#, in: result.lines) ?? -1
            return result.lines.map {
                $0.replacingOccurrences(of: "= \(pid)", with: "= PID")
                    .replacingOccurrences(of: #"^getrandom\("[^"]*""#, with: "getrandom(RANDOM", options: .regularExpression)
            }
        }
        let normal = try trace("info")
        #expect(normal.count > 10)
        #expect(try trace("regs") == normal)
    }

    @Test func lsOfRootEndsWithExitZero() throws {
        let result = try swtrace(["--", "/bin/ls", "/"])
        #expect(result.exitStatus == 0)
        #expect(result.lines.last == "+++ exited with 0 +++")
        #expect(result.lines.first?.hasPrefix("execve(\"/bin/ls\", [\"/bin/ls\", \"/\"], ") == true)
    }
}
