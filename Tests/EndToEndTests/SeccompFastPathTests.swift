import Foundation
import Testing

/// The seccomp fast path: with a filter that leaves calls out, the command swtrace starts carries a
/// seccomp-bpf filter, so untraced calls never stop it; and it is never left carrying that filter
/// without its tracer.
@Suite struct SeccompFastPathTests {
    /// The fixture reads its own `Seccomp:` line: 2 means a filter is installed.
    @Test(arguments: [
        (["-e", "trace=openat"], "Seccomp:\t2"),
        (["-e", "trace=openat", "--no-seccomp-bpf"], "Seccomp:\t0"),
        ([], "Seccomp:\t0"),
        (["-e", "trace=all"], "Seccomp:\t0"),
        (["--seccomp-bpf", "-e", "trace=!write"], "Seccomp:\t2"),
    ])
    func filterInstalledOnlyWhenItLeavesCallsOut(options: [String], mode: String) throws {
        let result = try traceFixture(["seccomp-mode"], options: options)
        #expect(result.exitStatus == 0)
        #expect(result.lines.contains(mode), "\(result.lines)")
    }

    /// 100,000 writes and 10 openat: exactly the openat lines print, for a 64-bit and an i386
    /// program (as strace, no execve line: it is not in the filter; an i386 program gets strace's
    /// personality notice first).
    @Test(arguments: [false, true])
    func onlyTheTracedCallsPrint(i386: Bool) throws {
        let program = i386 ? Products.fixture32 : Products.fixture
        let result = try swtrace(["-e", "trace=openat", "--", program, "writes", "100000", "10"])
        #expect(result.exitStatus == 0)
        var expected = [line(#"openat(AT_FDCWD, "/dev/null", O_WRONLY"#, "3")]
        expected += Array(repeating: line(#"openat(AT_FDCWD, "/dev/null", O_RDONLY"#, "3"), count: 10)
        expected.append("+++ exited with 0 +++")
        if i386 {
            let notice = try #require(result.lines.first)
            #expect(notice.range(of: #"^\[ Process PID=\d+ runs in 32 bit mode\. \]$"#, options: .regularExpression) != nil)
            expected.insert(notice, at: 0)
        }
        #expect(result.lines == expected)
    }

    /// Without -f, a child inherits the filter all the same: swtrace follows it silently, so that
    /// its traced calls (here its execve) work, and shows none of its lines.
    @Test func childrenWithoutFollowForksKeepWorking() throws {
        let result = try swtrace(["-e", "trace=execve", "--", "/bin/sh", "-c", "\(Products.fixture) write; exit 3"],
                                 environment: ["PATH": "/usr/bin:/bin"])
        #expect(result.exitStatus == 3)
        #expect(result.lines.contains("fixture: hello"))
        #expect(result.lines.first?.hasPrefix("execve(\"/bin/sh\"") == true)
        #expect(result.lines.filter { $0.hasPrefix("execve(") }.count == 1, "the child's execve is not shown: \(result.lines)")
        #expect(!result.lines.contains { $0.hasPrefix("[pid") })
        #expect(result.lines.last == "+++ exited with 3 +++")
        #expect(result.stderr.isEmpty, "no notice about the followed child: \(result.stderr)")
    }

    /// A failed write of the trace (the pipe's reader gone after one line) is handled as an
    /// interrupt: the filtered command's openat calls all still work, and it ends as untraced.
    @Test func writeFailureLeavesTheCommandWorking() throws {
        let result = try swtrace(["-o", "|head -1", "-e", "trace=openat", "--", Products.fixture, "opens-slowly", "40"],
                                 environment: ["PATH": "/usr/bin:/bin"])
        #expect(result.lines.count == 2 && result.lines.first?.hasPrefix("openat(AT_FDCWD, ") == true, "\(result.lines)")
        #expect(result.lines.last == "fixture: 40 opens, 0 failed")
        #expect(result.exitStatus == 0)
        #expect(result.stderr.isEmpty, "\(result.stderr)")
    }

    /// Interrupted while a filtered command runs, swtrace stops printing but keeps answering the
    /// command's stops until it exits: every openat still works (a filter left without its tracer
    /// would fail them with ENOSYS), and nothing is left stopped.
    @Test(arguments: [[String](), ["--no-seccomp-bpf"]])
    func interruptLeavesTheCommandWorking(extra: [String]) throws {
        let tracer = try RunningProcess(Products.swtrace, ["-e", "trace=openat"] + extra + ["--", Products.fixture, "opens-slowly", "40"],
                                        environment: fixtureEnvironment)
        usleep(400_000)
        let tracee = try #require(ProcFS.children(of: tracer.pid).first)
        kill(tracer.pid, SIGINT)  // the fixture ignores SIGINT, which swtrace passes on
        // Sampled: a tracee left in a ptrace-stop would be `t` every time; one whose stops are
        // answered is in its sleep nearly always (under load a sample may catch a stop).
        var stoppedSamples = 0
        for _ in 0..<20 {
            usleep(20_000)
            if ProcFS.state(of: tracee) == "t" { stoppedSamples += 1 }
        }
        #expect(stoppedSamples < 10, "the command is not left in a ptrace-stop (\(stoppedSamples) of 20 samples)")
        let result = tracer.finish(timeout: 20)
        #expect(result.lines.contains("fixture: 40 opens, 0 failed"), "\(result.lines.suffix(3))")
        #expect(result.exitStatus == 128 + SIGINT)
        let shown = result.lines.filter { $0.hasPrefix("openat(") }
        #expect(shown.count > 2 && shown.count < 40, "printing stopped at the interrupt: \(shown.count) lines")
    }
}
