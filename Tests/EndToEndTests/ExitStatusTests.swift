import Foundation
import Testing

/// The man page's EXIT STATUS, held to what swtrace does: every status it lists is produced here
/// by a real run, and a status added to the page without a run here fails the test.
@Suite struct ExitStatusTests {
    /// The tags of the EXIT STATUS section's `.TP` entries (`.B 125` gives "125").
    private func documentedStatuses() throws -> [String] {
        let page = try String(contentsOf: Products.packageRoot.appendingPathComponent("man/swtrace.1"), encoding: .utf8)
        let lines = splitLines(page)
        let start = try #require(lines.firstIndex(of: ".SH EXIT STATUS"))
        let section = lines[(start + 1)...].prefix { !$0.hasPrefix(".SH ") }
        return zip(section, section.dropFirst()).compactMap { marker, tag in
            guard marker == ".TP" else { return nil }
            return tag.replacingOccurrences(of: #"^\.[BI] "#, with: "", options: .regularExpression)
        }
    }

    @Test func everyDocumentedStatusIsWhatSwtraceReturns() throws {
        #expect(try documentedStatuses() == ["the command's status", "0", "1", "125", "126", "127", "128+N"])

        // The command's status: its exit code, or the signal that killed it (swtrace dies of it too).
        #expect(try traceFixture(["exit", "5"], options: ["-o", "/dev/null"]).exitStatus == 5)
        let killed = try swtrace(["-o", "/dev/null", "--", "/bin/sh", "-c", "kill -TERM $$"])
        #expect(killed.exitStatus == nil && killed.signal == SIGTERM, "\(killed)")

        // 0: after -p, every traced process exited (the blockers end when their child is told to).
        let blockers = try RunningProcess(Products.fixture, ["stress-blockers", "100"], environment: fixtureEnvironment)
        try #require(waitUntil(20) { TaskProbe.threads(blockers.pid).count == 5 && ProcFS.children(of: blockers.pid).count == 1 })
        let watcher = try RunningProcess(Products.swtrace, ["-o", "/dev/null", "-p", String(blockers.pid)], environment: fixtureEnvironment)
        let watching = waitUntil(20) { TaskProbe.threads(blockers.pid).allSatisfy { TaskProbe.tracer(blockers.pid, task: $0) == watcher.pid } }
        ProcFS.children(of: blockers.pid).forEach { kill($0, SIGUSR1) }
        let watched = watcher.finish(timeout: 30)
        #expect(watching)
        #expect(watched.exitStatus == 0, "\(watched)")
        #expect(blockers.finish(timeout: 10).exitStatus == 0)

        // 1: bad input, one line.
        let bad = try swtrace(["--no-such-option", "/bin/true"])
        #expect(bad.exitStatus == 1 && bad.stderrLines.count == 1 && bad.stdout.isEmpty, "\(bad)")

        // 125: the trace could not be written, whatever the command's own status.
        for command in [["/bin/true"], ["/bin/sh", "-c", "exit 5"]] {
            let full = try swtrace(["-o", "/dev/full", "--"] + command)
            #expect(full.exitStatus == 125 && full.stderrLines.count == 1, "\(command): \(full)")
        }

        // 126 and 127: a command that cannot run, or is not there.
        let notExecutable = try swtrace(["-o", "/dev/null", "--", Products.packageRoot.appendingPathComponent("man/swtrace.1").path])
        #expect(notExecutable.exitStatus == 126 && notExecutable.stderrLines.count == 1, "\(notExecutable)")
        let missing = try swtrace(["-o", "/dev/null", "--", "/nonexistent/swtrace-command"])
        #expect(missing.exitStatus == 127 && missing.stderrLines.count == 1, "\(missing)")

        // 128+N: interrupted (here while attached with -p), every tracee detached and running on.
        let runner = try RunningProcess(Products.fixture, ["sleep", "60"], environment: fixtureEnvironment)
        defer { kill(runner.pid, SIGKILL); _ = runner.finish(timeout: 10) }
        let tracer = try RunningProcess(Products.swtrace, ["-o", "/dev/null", "-p", String(runner.pid)], environment: fixtureEnvironment)
        let attached = waitUntil(20) { TaskProbe.tracer(runner.pid) == tracer.pid }
        kill(tracer.pid, SIGTERM)
        let interrupted = tracer.finish(timeout: 20)
        #expect(attached)
        #expect(interrupted.exitStatus == 128 + SIGTERM, "\(interrupted)")
        let state = TaskProbe.state(runner.pid)
        #expect(TaskProbe.tracer(runner.pid) == 0 && (state == "S" || state == "R"), "runner: \(String(describing: state))")
    }
}
