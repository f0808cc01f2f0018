import Foundation
import Testing

/// `swtrace -p PID`: attach to a running process, trace it, detach on SIGINT.
enum ProcFS {
    /// The children of `pid`, from /proc/PID/task/PID/children.
    static func children(of pid: pid_t) -> [pid_t] {
        let text = (try? String(contentsOfFile: "/proc/\(pid)/task/\(pid)/children", encoding: .utf8)) ?? ""
        return text.split(separator: " ").compactMap { pid_t($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }

    /// The state letter in /proc/PID/stat (R, S, T stopped, t tracing stop...).
    static func state(of pid: Int32) -> Character? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return nil }
        return stat[stat.index(close, offsetBy: 2)]
    }
}

@Suite struct AttachTests {
    func state(of pid: Int32) -> Character? { ProcFS.state(of: pid) }

    /// Attaches swtrace to `pid`, lets it trace for `seconds` once every thread is its tracee
    /// (swtrace's own start can take most of a second on a loaded machine), then sends it
    /// `signal` and waits.
    func traceAttached(to pid: pid_t, for seconds: Double, thenSend signal: Int32) throws -> RunResult {
        let tracer = try RunningProcess(Products.swtrace, ["-p", String(pid)], environment: fixtureEnvironment)
        let attached = waitUntil(20) {
            let threads = TaskProbe.threads(pid)
            return !threads.isEmpty && threads.allSatisfy { TaskProbe.tracer(pid, task: $0) == tracer.pid }
        }
        #expect(attached, "swtrace did not attach to every thread of \(pid)")
        usleep(UInt32(seconds * 1_000_000))
        kill(tracer.pid, signal)
        return tracer.finish(timeout: 10)
    }

    @Test func attachTraceDetachAndTheProcessCarriesOn() throws {
        let sleeper = try RunningProcess(Products.fixture, ["sleep", "5"], environment: fixtureEnvironment)
        #expect(waitUntil(10) { TaskProbe.blockedSyscall(sleeper.pid) == clockNanosleepNumber })
        let trace = try traceAttached(to: sleeper.pid, for: 0.7, thenSend: SIGINT)

        #expect(trace.exitStatus == 128 + SIGINT)
        #expect(trace.stderrLines == ["swtrace: Process \(sleeper.pid) attached", "swtrace: Process \(sleeper.pid) detached"])
        // It saw the sleeps: 100 ms each, so several whole lines in 700 ms.
        let sleeps = trace.lines.filter { $0.hasPrefix("clock_nanosleep(") && $0.hasSuffix(" = 0") }
        #expect(sleeps.count >= 3, "\(trace.lines)")
        // Detached, not stopped: the process runs on and finishes as if never traced.
        // (On a loaded machine it may even have finished already: Z, not yet reaped.)
        let stateAfterDetach = state(of: sleeper.pid)
        #expect(stateAfterDetach != nil && stateAfterDetach != "t" && stateAfterDetach != "T",
                "state \(String(describing: stateAfterDetach))")
        let sleeperResult = sleeper.finish(timeout: 10)
        #expect(sleeperResult.exitStatus == 0)
        #expect(sleeperResult.lines == ["fixture: sleeping", "fixture: done"])
    }

    /// Attaching to a process blocked in a sleep interrupts the sleep; the kernel resumes it with
    /// restart_syscall, which names the call it resumes. The fixture is in its one 3-second sleep
    /// (/proc/PID/syscall says so) before swtrace starts, so the restart is always there to see.
    @Test func attachInsideASleepShowsTheRestartThatResumesIt() throws {
        let napper = try RunningProcess(Products.fixture, ["nap", "3000"], environment: fixtureEnvironment)
        let asleep = waitUntil(5) { TaskProbe.blockedSyscall(napper.pid) == clockNanosleepNumber }
        try #require(asleep, "the fixture is not in clock_nanosleep")
        let trace = try swtrace(["-p", String(napper.pid)], timeout: 20)
        // The rest of the sleep takes seconds: its line is cut while it blocks (see the README).
        #expect(trace.lines == [
            "restart_syscall(<... resuming interrupted clock_nanosleep ...> <unfinished ...>",
            line("<... restart_syscall resumed>", "0"),
            line(#"write(1, "fixture: woke\n", 14"#, "14"),
            line("exit_group(0", "?"),
            "+++ exited with 0 +++",
        ])
        #expect(trace.exitStatus == 0)
        let result = napper.finish(timeout: 10)
        #expect(result.exitStatus == 0 && result.lines == ["fixture: woke"])
    }

    /// Every thread of the process is attached, and each line names its thread.
    @Test func attachToEveryThread() throws {
        let process = try RunningProcess(Products.fixture, ["threads", "3"], environment: fixtureEnvironment)
        #expect(waitUntil(10) { TaskProbe.threads(process.pid).count == 3 })
        let trace = try traceAttached(to: process.pid, for: 0.6, thenSend: SIGTERM)
        #expect(trace.exitStatus == 128 + SIGTERM)
        #expect(trace.stderrLines.first == "swtrace: Process \(process.pid) attached with 3 threads")
        #expect(trace.stderrLines.filter { $0.hasSuffix(" detached") }.count == 3)
        let threads = Set(trace.lines.compactMap { capture(#"^\[pid +(\d+)\] clock_nanosleep\("#, in: [$0]) })
        #expect(threads.count == 3, "\(trace.lines)")
        #expect(threads.contains(Int(process.pid)))
        let result = process.finish(timeout: 10)
        #expect(result.exitStatus == 0)
        #expect(result.lines == ["fixture: threads started", "fixture: threads done"])
    }

    @Test func attachToEveryProcessOfAList() throws {
        // Long enough that a slow start of swtrace still finds both alive.
        let first = try RunningProcess(Products.fixture, ["sleep", "3"], environment: fixtureEnvironment)
        let second = try RunningProcess(Products.fixture, ["sleep", "3"], environment: fixtureEnvironment)
        #expect(waitUntil(10) { [first, second].allSatisfy { TaskProbe.blockedSyscall($0.pid) == clockNanosleepNumber } })
        let trace = try swtrace(["-p", "\(first.pid),\(second.pid)"], timeout: 20)
        #expect(trace.exitStatus == 0, "every traced process exited")
        #expect(trace.stderrLines.prefix(2) == ["swtrace: Process \(first.pid) attached", "swtrace: Process \(second.pid) attached"])
        // The first to exit still has company, so its line names it; the last one's does not.
        let exits = trace.lines.filter { $0.hasSuffix("+++ exited with 0 +++") }
        #expect(exits.count == 2)
        #expect([first.pid, second.pid].map { pidPrefix(Int($0)) + "+++ exited with 0 +++" }.contains(exits.first ?? ""))
        #expect(trace.lines.last == "+++ exited with 0 +++")
        #expect(first.finish().exitStatus == 0)
        #expect(second.finish().exitStatus == 0)
    }

    /// A process stopped by SIGSTOP stays stopped while traced and after the detach, and runs on
    /// at SIGCONT: job control is not swtrace's to change.
    @Test func attachingToAStoppedProcessLeavesItStopped() throws {
        let sleeper = try RunningProcess(Products.fixture, ["sleep", "1"], environment: fixtureEnvironment)
        #expect(waitUntil(10) { TaskProbe.blockedSyscall(sleeper.pid) == clockNanosleepNumber })
        kill(sleeper.pid, SIGSTOP)
        #expect(waitUntil(10) { state(of: sleeper.pid) == "T" })
        let trace = try traceAttached(to: sleeper.pid, for: 0.5, thenSend: SIGINT)
        #expect(trace.lines == ["--- stopped by SIGSTOP ---"])
        #expect(trace.exitStatus == 128 + SIGINT)
        #expect(state(of: sleeper.pid) == "T")
        kill(sleeper.pid, SIGCONT)
        #expect(sleeper.finish(timeout: 10).exitStatus == 0)
    }

    /// A process that another tracer holds cannot be attached (EPERM): one clear line.
    @Test func aProcessTracedByAnotherTracerIsOneClearError() throws {
        let traced = try RunningProcess(Products.swtrace, ["-o", "/dev/null", "--", Products.fixture, "sleep", "2"],
                                        environment: fixtureEnvironment)
        #expect(waitUntil(10) { ProcFS.children(of: traced.pid).first.map { TaskProbe.blockedSyscall($0) == clockNanosleepNumber } ?? false })
        let tracee = try #require(ProcFS.children(of: traced.pid).first)
        let result = try swtrace(["-p", String(tracee)])
        #expect(result.stderrLines == ["swtrace: cannot attach to process \(tracee): Operation not permitted"])
        #expect(result.exitStatus == 1)
        #expect(traced.finish(timeout: 10).exitStatus == 0)
    }

    @Test func aPidThatDoesNotExistIsOneClearError() throws {
        let result = try swtrace(["-p", "99999999"])
        #expect(result.exitStatus == 1)
        #expect(result.stderrLines == ["swtrace: cannot attach to process 99999999: No such process"])
        #expect(result.stdout.isEmpty)
    }
}
