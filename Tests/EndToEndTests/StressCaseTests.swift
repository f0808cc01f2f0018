import Foundation
import Testing

/// Issue 16's cases: the program behaves the same traced and untraced, and nothing it, the
/// terminal or the user does breaks swtrace. Each runs once here and 100 times under
/// `scripts/stress` (see `StressCase`). The suite runs its cases one at a time: several of them
/// time things, and all of them load the machine.
@Suite(.serialized) struct StressCaseTests {
    // MARK: Job control

    /// ^Z on a traced foreground command in a real terminal (tmux) stops it, `fg` resumes it, and
    /// the shell sees the statuses it sees untraced; SIGSTOP keeps a tracee stopped until SIGCONT.
    @Test func jobControl() throws {
        try StressCase.run("job-control") { _ in
            let untraced = try shellSession(command: "\(Products.fixture) sleep 2")
            let traced = try shellSession(command: "\(Products.swtrace) -o /dev/null -- \(Products.fixture) sleep 2")
            try need(untraced == ["stopped=148", "fixture: done", "status=0"], "untraced: \(untraced)")
            try need(traced == untraced, "traced: \(traced), untraced: \(untraced)")

            let stopped = try traceFixture(["stopcont"], options: ["-f", "-o", "/dev/null"])
            try need(stopped.lines == ["fixture: reported stopped yes, stayed stopped yes, resumed yes, exited 0"]
                     && stopped.exitStatus == 0, "stopcont: \(stopped)")
        }
    }

    /// Runs `command` in an interactive bash in tmux, presses ^Z once it runs, prints `$?`, then
    /// `fg` and prints `$?` again: the lines the shell printed that say so.
    private func shellSession(command: String) throws -> [String] {
        let name = "swtrace-stress-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let tmux = "/usr/bin/tmux"
        let environment = ["PATH": "/usr/bin:/bin", "TERM": "xterm", "LC_ALL": "C"]
        func tmuxRun(_ arguments: [String]) throws -> RunResult {
            try run(tmux, ["-L", name] + arguments, environment: environment, timeout: 20)
        }
        func screen() -> String { (try? tmuxRun(["capture-pane", "-p", "-t", name]).stdout) ?? "" }
        _ = try tmuxRun(["new-session", "-d", "-s", name, "-x", "160", "-y", "40",
                         "env -i PATH=/usr/bin:/bin LC_ALL=C PS1='$ ' /bin/bash --norc --noprofile -i"])
        defer { _ = try? tmuxRun(["kill-server"]) }
        try need(waitUntil(10) { screen().hasPrefix("$") }, "no prompt: \(screen())")
        _ = try tmuxRun(["send-keys", "-t", name, command, "Enter"])
        try need(waitUntil(10) { screen().contains("fixture: sleeping") }, "did not start: \(screen())")
        _ = try tmuxRun(["send-keys", "-t", name, "C-z"])
        try need(waitUntil(10) { screen().contains("Stopped") }, "^Z did not stop it: \(screen())")
        _ = try tmuxRun(["send-keys", "-t", name, "echo stopped=$?", "Enter"])
        try need(waitUntil(10) { splitLines(screen()).contains { $0.hasPrefix("stopped=") } }, "no status: \(screen())")
        usleep(300_000)
        try need(!screen().contains("fixture: done"), "ran on while stopped: \(screen())")
        _ = try tmuxRun(["send-keys", "-t", name, "fg; echo status=$?", "Enter"])
        try need(waitUntil(15) { splitLines(screen()).contains { $0.hasPrefix("status=") } }, "fg did not finish it: \(screen())")
        return splitLines(screen()).filter { $0.hasPrefix("stopped=") || $0.hasPrefix("status=") || $0 == "fixture: done" }
    }

    // MARK: Signals

    /// Every signal arrives once with the same siginfo as under strace; a blocked one stays
    /// pending; a handled SIGSEGV, a SIGCHLD storm and queued real-time signals all arrive.
    @Test func signals() throws {
        try StressCase.run("signals") { _ in
            let untraced = try run(Products.fixture, ["stress-signals"])
            let traceFile = scratchPath("signals"), straceFile = scratchPath("signals-strace")
            defer { unlink(traceFile); unlink(straceFile) }
            let traced = try traceFixture(["stress-signals"], options: ["-f", "-o", traceFile])
            try need(traced.exitStatus == 0 && traced.lines == untraced.lines && untraced.lines.count == 5,
                     "traced \(traced.lines), untraced \(untraced.lines)")
            _ = try run("/usr/bin/strace", ["-f", "-o", straceFile, Products.fixture, "stress-signals"])
            // The main process's signals, SIGCHLD aside (how many a storm gives is the kernel's).
            func signalLines(_ file: String) throws -> [String] {
                let lines = tracePidLines(try String(contentsOfFile: file, encoding: .utf8))
                let main = lines.first?.pid
                return lines.filter { $0.pid == main && $0.text.hasPrefix("--- SIG") && !$0.text.hasPrefix("--- SIGCHLD") }
                    .map { $0.text.replacingOccurrences(of: #"si_pid=\d+"#, with: "si_pid=P", options: .regularExpression) }
            }
            let ours = try signalLines(traceFile), strace = try signalLines(straceFile)
            try need(ours.count == 6, "signals seen: \(ours)")
            try need(ours == strace, "swtrace:\n\(ours.joined(separator: "\n"))\nstrace:\n\(strace.joined(separator: "\n"))")
        }
    }

    // MARK: SIGKILL

    /// A child killed in a read, and a whole thread group killed while its four threads read: each
    /// line ends as strace ends it, and the parent goes on.
    @Test func sigkill() throws {
        try StressCase.run("sigkill") { _ in
            let traceFile = scratchPath("kill"), straceFile = scratchPath("kill-strace")
            defer { unlink(traceFile); unlink(straceFile) }
            let traced = try traceFixture(["stress-kill"], options: ["-f", "-o", traceFile])
            try need(traced.exitStatus == 0 && traced.lines == ["fixture: 2 killed by SIGKILL"], "\(traced)")
            _ = try run("/usr/bin/strace", ["-f", "-o", straceFile, Products.fixture, "stress-kill"])
            // Each killed task's last two lines, without its pid; and the parent's end.
            func endings(_ file: String) throws -> (killed: [String], parent: [String]) {
                let lines = tracePidLines(try String(contentsOfFile: file, encoding: .utf8))
                let killed = Set(lines.filter { $0.text == "+++ killed by SIGKILL +++" }.map(\.pid))
                let endings = killed.map { pid in lines.filter { $0.pid == pid }.suffix(2).map(\.text).joined(separator: " / ") }
                let parent = lines.filter { $0.pid == lines.first?.pid }.suffix(3).map(\.text)
                return (endings.sorted(), parent)
            }
            let ours = try endings(traceFile), strace = try endings(straceFile)
            try need(ours.killed.count == 5, "killed tasks: \(ours.killed)")
            try need(ours.killed == strace.killed, "swtrace: \(ours.killed)\nstrace: \(strace.killed)")
            try need(ours.parent == strace.parent, "parent: \(ours.parent) vs strace \(strace.parent)")
        }
    }

    // MARK: Attach

    /// `-p` on a process with 1,000 threads attaches every one (and how long that takes, beside
    /// strace); attaching and detaching again and again to threads blocked in read, nanosleep,
    /// poll, futex and wait4 changes none of their results.
    @Test func attach() throws {
        try StressCase.run("attach") { notes in
            let count = 1000
            let process = try RunningProcess(Products.fixture, ["stress-many-threads", String(count)], environment: fixtureEnvironment)
            defer { kill(process.pid, SIGKILL); _ = process.finish(timeout: 5) }
            try need(waitUntil(20) { TaskProbe.threads(process.pid).count == count + 1 }, "threads did not start")
            let ours = try timeAttach(process.pid, count: count + 1, tracer: Products.swtrace)
            try need(ours.result.exitStatus == 128 + SIGINT, "swtrace: \(ours.result.stderrLines.prefix(3))")
            try need(ours.result.stderrLines.first == "swtrace: Process \(process.pid) attached with \(count + 1) threads"
                     && ours.result.stderrLines.filter { $0.hasSuffix(" detached") }.count == count + 1,
                     "stderr: \(ours.result.stderrLines.prefix(3)) ... \(ours.result.stderrLines.count) lines")
            try need(TaskProbe.threads(process.pid).allSatisfy { TaskProbe.tracer(process.pid, task: $0) == 0 }, "a thread is still traced")
            let strace = try timeAttach(process.pid, count: count + 1, tracer: "/usr/bin/strace", options: ["-f"])
            notes.append(String(format: "attach to 1001 threads: swtrace %.2f s, strace %.2f s", ours.seconds, strace.seconds))

            // 200 attach/detach cycles while the five threads block; then the test releases them.
            let blockers = try RunningProcess(Products.fixture, ["stress-blockers", "150"], environment: fixtureEnvironment)
            var released = false
            defer {
                // A failed run leaves the blockers (and the child they wait for) blocked for good.
                if !released {
                    ProcFS.children(of: blockers.pid).forEach { kill($0, SIGKILL) }
                    kill(blockers.pid, SIGKILL)
                    _ = blockers.finish(timeout: 5)
                }
            }
            try need(waitUntil(10) { TaskProbe.threads(blockers.pid).count == 5 && ProcFS.children(of: blockers.pid).count == 1 },
                     "blockers did not start")
            let child = ProcFS.children(of: blockers.pid)[0]
            let cycles = 200
            let cyclesStart = Date()
            for cycle in 0..<cycles {
                try attachAndDetach(blockers.pid, threads: 5, cycle: cycle)
            }
            let cycleMilliseconds = Date().timeIntervalSince(cyclesStart) * 1000 / Double(cycles)
            kill(child, SIGUSR1)
            released = true
            let result = blockers.finish(timeout: 10)
            try need(result.exitStatus == 0 && result.lines == [
                "fixture: blocked", "fixture: read 1, short or failed sleeps 0, poll 1, futex 0, wait4 status 3",
            ], "after \(cycles) attach cycles: \(result)")
            notes.append(String(format: "%d attach/detach cycles to read, clock_nanosleep, poll, futex, wait4 (%.0f ms each)",
                                cycles, cycleMilliseconds))
        }
    }

    /// One cycle: `swtrace -p PID` until every thread has been stopped by it and runs on under it
    /// (traced, not in a ptrace-stop), then SIGINT; swtrace must detach every thread itself.
    private func attachAndDetach(_ pid: pid_t, threads count: Int, cycle: Int) throws {
        let tracer = try RunningProcess(Products.swtrace, ["-o", "/dev/null", "-p", String(pid)], environment: fixtureEnvironment)
        let attached = waitUntil(30, every: 0.001) {
            let threads = TaskProbe.threads(pid)
            return threads.count == count && threads.allSatisfy { task in
                let status = TaskProbe.status(pid, task: task)
                return status["TracerPid"] == String(tracer.pid) && status["State"]?.first != "t"
            }
        }
        kill(tracer.pid, SIGINT)
        let result = tracer.finish(timeout: 30)
        try need(attached, "cycle \(cycle): swtrace did not attach every thread: \(result)")
        try need(result.exitStatus == 128 + SIGINT
                 && result.stderrLines.first == "swtrace: Process \(pid) attached with \(count) threads"
                 && result.stderrLines.filter { $0.hasSuffix(" detached") }.count == count
                 && result.stderrLines.count == count + 1, "cycle \(cycle): \(result)")
    }

    /// Attaches `tracer -o /dev/null -p PID` (strace needs `-f` to attach every thread), times until every one of `count` threads has it as
    /// tracer, then interrupts it.
    private func timeAttach(_ pid: pid_t, count: Int, tracer: String, options: [String] = []) throws -> (seconds: Double, result: RunResult) {
        let start = Date()
        let process = try RunningProcess(tracer, options + ["-o", "/dev/null", "-p", String(pid)], environment: fixtureEnvironment)
        let attached = waitUntil(30) {
            let threads = TaskProbe.threads(pid)
            return threads.count == count && threads.allSatisfy { TaskProbe.tracer(pid, task: $0) == process.pid }
        }
        let seconds = Date().timeIntervalSince(start)
        kill(process.pid, SIGINT)
        let result = process.finish(timeout: 30)
        try need(attached, "\(tracer) did not attach every thread: \(result.stderrLines.prefix(3))")
        return (seconds, result)
    }

    // MARK: Detach

    /// SIGINT, SIGTERM or SIGHUP while tracees run, are group-stopped, are in a vfork (with and
    /// without the seccomp fast path): all go on, none is left in a ptrace-stop, the stopped one
    /// stays stopped until SIGCONT.
    @Test func detach() throws {
        try StressCase.run("detach") { _ in
            for (signal, seccomp) in [(SIGINT, false), (SIGTERM, true), (SIGHUP, false)] {
                try detachFamily(on: signal, seccomp: seccomp)
            }
        }
    }

    private func detachFamily(on signal: Int32, seccomp: Bool) throws {
        let label = "\(signal == SIGINT ? "SIGINT" : signal == SIGTERM ? "SIGTERM" : "SIGHUP")\(seccomp ? " (seccomp)" : "")"
        let output = scratchPath("family-out")
        defer { unlink(output) }
        let filter = seccomp ? "-e trace=openat" : "-e trace=all"
        // The family's own output goes to a file: it outlives swtrace. -I2: with -o and a
        // command, swtrace (as strace) would otherwise not take the signal at all.
        let tracer = try RunningProcess("/bin/sh", ["-c", "exec \(Products.swtrace) -f -I2 -o /dev/null \(filter) -- \(Products.fixture) stress-family 1500 >\(output) 2>/dev/null"],
                                        environment: fixtureEnvironment)
        // The parent, then its children in the order it made them (the kernel's list keeps it),
        // then the vfork child.
        var family: [pid_t] = []
        try need(waitUntil(10) {
            family = TaskProbe.descendants(of: tracer.pid)
            return family.count == 5 && TaskProbe.state(family[2]) == "t"
        }, "\(label): family did not start: \(family)")
        usleep(200_000)
        let stopper = family[2]
        try need(TaskProbe.state(stopper) == "t", "\(label): stopper is \(TaskProbe.status(stopper)["State"] ?? "gone")")
        kill(tracer.pid, signal)
        if !seccomp {
            let result = tracer.finish(timeout: 5)
            try need(result.exitStatus == 128 + signal, "\(label): swtrace \(result)")
        } else {
            usleep(300_000)
        }
        // Nobody left in a ptrace-stop; the stopped child stopped (under the fast path it is still
        // swtrace's, held in PTRACE_LISTEN, which /proc shows as t).
        // (A silent tracee of the fast path still passes through seccomp stops: t for a moment.)
        for pid in family where pid != stopper {
            try need(waitUntil(2) { TaskProbe.state(pid) != "t" && TaskProbe.state(pid) != "T" },
                     "\(label): \(pid) is \(String(describing: TaskProbe.state(pid)))")
            if !seccomp { try need(TaskProbe.tracer(pid) ?? 0 == 0, "\(label): \(pid) still traced") }
        }
        try need(waitUntil(2) { TaskProbe.state(stopper) == (seccomp ? "t" : "T") },
                 "\(label): stopper is \(String(describing: TaskProbe.state(stopper)))")
        usleep(200_000)
        try need(TaskProbe.state(stopper) == (seccomp ? "t" : "T"), "\(label): stopper resumed without SIGCONT")
        kill(stopper, SIGCONT)
        if seccomp {
            let result = tracer.finish(timeout: 10)
            try need(result.exitStatus == 128 + signal, "\(label): swtrace \(result)")
        }
        try need(waitUntil(10) { TaskProbe.state(family[0]) == nil || TaskProbe.state(family[0]) == "Z" }, "\(label): family did not finish")
        let lines = splitLines((try? String(contentsOfFile: output, encoding: .utf8)) ?? "")
        try need(lines == ["fixture: runner exited 0", "fixture: vforker exited 5", "fixture: stopper exited 4"], "\(label): \(lines)")
    }

    // MARK: Processes

    /// A storm of 500 children (some exit at once, some are killed): one exit line each; a vfork
    /// child, a CLONE_UNTRACED child and a zombie; execve from a thread; a PID namespace.
    @Test func processes() throws {
        try StressCase.run("processes") { _ in
            let traceFile = scratchPath("storm")
            defer { unlink(traceFile) }
            let storm = try traceFixture(["stress-storm", "500"], options: ["-f", "-q", "-o", traceFile])
            try need(storm.exitStatus == 0 && storm.lines == ["fixture: reaped 500, as expected 500"], "storm: \(storm)")
            let lines = tracePidLines(try String(contentsOfFile: traceFile, encoding: .utf8))
            let ends = lines.filter { $0.text.hasPrefix("+++ exited with ") || $0.text.hasPrefix("+++ killed by ") }
            try need(ends.count == 501 && Set(ends.map(\.pid)).count == 501, "\(ends.count) exit lines for \(Set(ends.map(\.pid)).count) pids")

            let oddities = try traceFixture(["stress-oddities"], options: ["-f", "-q", "-o", traceFile])
            try need(oddities.exitStatus == 0 && oddities.lines == [
                "fixture: vfork child exited 4", "fixture: untraced child exited 6", "fixture: zombie exited 7",
            ], "oddities: \(oddities)")
            let trace = try String(contentsOfFile: traceFile, encoding: .utf8)
            try need(!trace.contains("getppid("), "the CLONE_UNTRACED child was traced")
            try need(trace.components(separatedBy: "+++ exited with 4 +++").count == 2
                     && trace.components(separatedBy: "+++ exited with 7 +++").count == 2, "exit lines: \(trace.suffix(500))")

            let threadExec = try traceFixture(["thread-exec"], options: ["-f", "-o", traceFile])
            try need(threadExec.exitStatus == 5, "thread-exec: \(threadExec)")
            // After the thread's execve, every line is the leader's, and ends as strace's do.
            let execTrace = tracePidLines(try String(contentsOfFile: traceFile, encoding: .utf8))
            let execIndex = try #require(execTrace.firstIndex { $0.text.hasPrefix(#"execve("/proc/self/exe""#) }, "no execve from the thread")
            let leader = execTrace[0].pid, thread = execTrace[execIndex].pid
            let after = execTrace[(execIndex + 1)...].map { "\($0.pid) " + $0.text.replacingOccurrences(of: #"\) +="#, with: ") =", options: .regularExpression) }
            try need(after.prefix(3) == ["\(leader) <... futex resumed>) = ?", "\(leader) +++ superseded by execve in pid \(thread) +++",
                                         "\(leader) <... execve resumed>) = 0"]
                     && after.suffix(2) == ["\(leader) exit_group(5) = ?", "\(leader) +++ exited with 5 +++"]
                     && after.allSatisfy { $0.hasPrefix("\(leader) ") }, "thread-exec, after the execve: \(after)")

            let namespace = try swtrace(["-f", "-q", "-o", "/dev/null", "--", "/usr/bin/unshare", "-pf", Products.fixture, "fork"], timeout: 20)
            try need(namespace.exitStatus == 0 && namespace.lines == ["fixture: child", "fixture: child exited 7"], "unshare -pf: \(namespace)")
        }
    }

    // MARK: Output

    /// The reader goes away: swtrace ends at once and quietly, a -p tracee runs on, a started
    /// command gets its SIGPIPE. A full disk or an unwritable -o: one line, non-zero exit.
    @Test func output() throws {
        try StressCase.run("output") { _ in
            let shell = ["PATH": "/usr/bin:/bin", "LC_ALL": "C"]
            let start = Date()
            let yes = try run("/bin/bash", ["-c", "\(Products.swtrace) -- yes | head -1 >/dev/null; echo ${PIPESTATUS[@]}"], environment: shell, timeout: 20)
            try need(yes.lines == ["141 0"] && yes.stderr.isEmpty && Date().timeIntervalSince(start) < 5, "yes | head -1: \(yes)")

            let sleeper = try RunningProcess(Products.fixture, ["sleep", "3"], environment: fixtureEnvironment)
            try need(waitUntil(5) { TaskProbe.blockedSyscall(sleeper.pid) == clockNanosleepNumber }, "sleeper did not sleep")
            let grepStart = Date()
            let grep = try run("/bin/bash", ["-c", "\(Products.swtrace) -p \(sleeper.pid) | grep -m1 -c nanosleep; echo ${PIPESTATUS[@]}"], environment: shell, timeout: 20)
            let grepSeconds = Date().timeIntervalSince(grepStart)
            try need(grep.lines == ["1", "0 0"] && grepSeconds < 5, "-p | grep -m1 (\(grepSeconds) s): \(grep)")
            try need(grep.stderrLines == ["swtrace: Process \(sleeper.pid) attached", "swtrace: Process \(sleeper.pid) detached"], "stderr: \(grep.stderrLines)")
            let state = TaskProbe.state(sleeper.pid)
            try need(state == "S" || state == "R", "the tracee is \(String(describing: state)) after the reader left")
            let slept = sleeper.finish(timeout: 10)
            try need(slept.exitStatus == 0 && slept.lines == ["fixture: sleeping", "fixture: done"], "tracee: \(slept)")

            // The tracee blocks for good after the line grep wanted: swtrace writes nothing more,
            // so only watching its pipe tells it the reader left.
            let reader = try RunningProcess(Products.fixture, ["stress-read-forever"], environment: fixtureEnvironment)
            defer { kill(reader.pid, SIGKILL); _ = reader.finish(timeout: 5) }
            try need(waitUntil(5) { TaskProbe.blockedSyscall(reader.pid) == readNumber }, "reader did not block in read")
            let blockedStart = Date()
            let blocked = try run("/bin/bash", ["-c", "\(Products.swtrace) -p \(reader.pid) | grep -m1 -c read; echo ${PIPESTATUS[@]}"], environment: shell, timeout: 20)
            let blockedSeconds = Date().timeIntervalSince(blockedStart)
            try need(blocked.lines == ["1", "0 0"] && blockedSeconds < 5, "-p blocked | grep -m1 (\(blockedSeconds) s): \(blocked)")
            // Just detached, it may still be on its way back into read (R) for a moment.
            try need(waitUntil(5) { TaskProbe.state(reader.pid) == "S" && TaskProbe.tracer(reader.pid) == 0
                                    && TaskProbe.blockedSyscall(reader.pid) == readNumber },
                     "the blocked tracee after the reader left: \(TaskProbe.status(reader.pid)["State"] ?? "gone")")

            // The trace is lost, the tracee is not: cat still prints the whole file.
            let hostname = try String(contentsOfFile: "/etc/hostname", encoding: .utf8)
            for (command, output) in [(["/bin/true"], ""), (["/bin/cat", "/etc/hostname"], hostname)] {
                let full = try swtrace(["-o", "/dev/full", "--"] + command)
                try need(full.exitStatus == 125 && full.stdout == output
                         && full.stderrLines == ["swtrace: cannot write the trace to '/dev/full': No space left on device; the trace is incomplete"],
                         "\(command): \(full)")
            }
            let unwritable = try swtrace(["-o", "/nonexistent/trace", "--", Products.fixture, "write"])
            try need(unwritable.exitStatus == 1 && unwritable.stdout.isEmpty
                     && unwritable.stderrLines == ["swtrace: cannot open '/nonexistent/trace': No such file or directory"], "unwritable: \(unwritable)")
        }
    }

    // MARK: Resources

    /// 100,000 files opened, 10,000 short threads, 1 GiB of traced writes (a tenth under
    /// `./scripts/test`): swtrace's peak memory and descriptor count do not grow with the work.
    @Test func resources() throws {
        try StressCase.run("resources") { notes in
            let scale = StressCase.fullSize ? 1 : 10
            for (scenario, full) in [("stress-files", 100_000), ("stress-short-threads", 10_000), ("stress-big-writes", 1024)] {
                let small = try measureTracing(scenario, full / 100)
                let large = try measureTracing(scenario, full / scale)
                try need(large.peakKiB <= small.peakKiB + 4096,
                         "\(scenario) \(full / scale): peak \(large.peakKiB) KiB, \(small.peakKiB) KiB at 1/\(100 / scale) of it")
                try need(large.descriptorGrowth <= 2 && small.descriptorGrowth <= 2,
                         "\(scenario): up to \(large.descriptorGrowth) more descriptors open as the work went on")
                notes.append("\(scenario) \(full / scale): \(large.peakKiB / 1024) MiB peak, \(String(format: "%.1f", large.seconds)) s")
            }
        }
    }

    /// Traces `fixture scenario count` (`-f -o /dev/null`): swtrace's peak memory (from wait4, so
    /// the peak of the whole run) and how many more descriptors it had open at its busiest sample
    /// than at its first (it inherits whatever the test process has open, so only growth counts).
    private func measureTracing(_ scenario: String, _ count: Int) throws -> (peakKiB: Int, descriptorGrowth: Int, seconds: Double) {
        let start = Date()
        let arguments = [Products.swtrace, "-f", "-o", "/dev/null", "--", Products.fixture, scenario, String(count)]
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for fd: Int32 in 0...2 { posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", fd == 0 ? O_RDONLY : O_WRONLY, 0) }
        let argv = arguments.map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = [strdup("LC_ALL=C"), nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        try need(posix_spawn(&pid, Products.swtrace, &actions, nil, argv, envp) == 0, "cannot start swtrace")
        var first: Int?, most = 0, status: Int32 = 0
        var usage = rusage()
        while true {
            let waited = wait4(pid, &status, WNOHANG, &usage)
            if waited == pid || (waited < 0 && errno != EINTR) { break }
            // Well after exec: execve renames the process before it closes the close-on-exec
            // descriptors it inherited from this test process, so a sample taken in between
            // would count the test's descriptors as swtrace's.
            // Growth is measured from the first sample: a sample taken while swtrace exits sees
            // its descriptor table already emptied.
            if Date().timeIntervalSince(start) > 0.2, TaskProbe.status(pid)["Name"] == "swtrace",
               let value = TaskProbe.openDescriptors(pid) {
                if first == nil { first = value }
                most = max(most, value)
            }
            if Date().timeIntervalSince(start) > 300 { kill(pid, SIGKILL) }
            usleep(20_000)
        }
        try need(status == 0, "\(scenario) \(count): wait status \(status)")
        return (usage.ru_maxrss, first.map { most - $0 } ?? 0, Date().timeIntervalSince(start))
    }
}

#if arch(arm64)
let clockNanosleepNumber = 115
let readNumber = 63
#else
let clockNanosleepNumber = 230
let readNumber = 0
#endif
