import Foundation
import Testing

/// The command line seen end to end: what the traced command gets (-u, -E, --argv0), where it
/// runs (-D), where the trace goes (-o pipes, -A), and the name swtrace was invoked as.
@Suite final class CommandLineTests {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("swtrace-cli-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    func contents(_ name: String) throws -> [String] {
        splitLines(try String(contentsOfFile: path(name), encoding: .utf8))
    }

    @Test func processAndCommandAreTracedTogether() throws {
        let sleeper = try RunningProcess("/bin/sleep", ["2"], environment: fixtureEnvironment)
        let result = try swtrace(["-p", "\(sleeper.pid)", "--", Products.fixture, "exit", "3"])
        _ = sleeper.finish()
        #expect(result.stderrLines.contains("swtrace: Process \(sleeper.pid) attached"))
        // Both print with [pid N] while both are traced; the sleeper, left alone, without.
        let command = try #require(capture(#"^\[pid +(\d+)\] execve\("#, in: result.lines))
        #expect(result.lines.contains("\(pidPrefix(command))+++ exited with 3 +++"))
        #expect(result.lines.last == "+++ exited with 0 +++")
        #expect(result.exitStatus == 3)
    }

    @Test func userSwitchesUidGidAndGroups() throws {
        let untraced = try run("/usr/bin/id", ["nobody"])
        let traced = try swtrace(["-u", "nobody", "-o", "/dev/null", "/usr/bin/id"])
        #expect(untraced.lines == ["uid=65534(nobody) gid=65534(nogroup) groups=65534(nogroup)"])
        #expect(traced.lines == untraced.lines)
        #expect(traced.exitStatus == 0)
    }

    @Test func environmentSetsAndRemoves() throws {
        let result = try swtrace(["-E", "FOO=bar=baz", "-E", "HOME", "--env=LC_ALL=POSIX", "-o", "/dev/null", "/usr/bin/env"],
                                 environment: ["HOME": "/root", "LC_ALL": "C", "PATH": "/usr/bin:/bin"])
        #expect(result.lines.sorted() == ["FOO=bar=baz", "LC_ALL=POSIX", "PATH=/usr/bin:/bin"])
    }

    @Test func argv0ReplacesTheCommandsFirstWord() throws {
        let result = try swtrace(["--argv0", "custom", "-o", path("trace"), "/bin/sh", "-c", "echo $0"])
        #expect(result.lines == ["custom"])
        #expect(withoutAddresses(try contents("trace")[0])
                == #"execve("/bin/sh", ["custom", "-c", "echo $0"], ADDR /* 1 var */) = 0"#)
    }

    /// -D: the traced command is the process swtrace was started as (its pid, its parent), and
    /// the tracer has gone into the background, still writing the trace: in the caller's process
    /// group (-D), its own group (-DD) or its own session (-DDD).
    @Test(arguments: [1, 2, 3])
    func daemonizedTracerLeavesTheCommandItsPid(count: Int) throws {
        let option = "-" + String(repeating: "D", count: count)
        let trace = path("trace")
        let started = try RunningProcess(Products.swtrace, [option, "-o", trace, "/bin/sh", "-c", "echo $$ $PPID; sleep 1; exit 5"],
                                         environment: fixtureEnvironment)
        var tracerPid: Int32?
        let deadline = Date().addingTimeInterval(20)
        while tracerPid == nil && Date() < deadline {
            tracerPid = Self.process(withArgument: trace, notFrom: started.pid)
            usleep(10_000)
        }
        // Past the instant between its fork and its setpgid/setsid.
        usleep(200_000)
        let tracer = tracerPid.flatMap(Self.groupAndSession)
        let result = started.finish()
        #expect(result.lines == ["\(started.pid) \(getpid())"])
        #expect(result.exitStatus == 5)
        let pid = try #require(tracerPid)
        let found = try #require(tracer)
        switch count {
        case 1: #expect(found.group == getpgrp() && found.session == getsid(0))
        case 2: #expect(found.group == pid && found.session == getsid(0))
        default: #expect(found.group == pid && found.session == pid)
        }
        var lines: [String] = []
        while Date() < deadline {
            lines = (try? contents("trace")) ?? []
            if lines.last == "+++ exited with 5 +++" { break }
            usleep(20_000)
        }
        #expect(lines.first?.hasPrefix(#"execve("/bin/sh", ["/bin/sh", "-c", "echo $$ $PPID; sleep 1; exit 5"]"#) == true)
        #expect(lines.last == "+++ exited with 5 +++")
    }

    /// The process, neither `parent` nor a child of it, one of whose arguments is `argument`.
    static func process(withArgument argument: String, notFrom parent: pid_t) -> Int32? {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        for entry in entries {
            guard let pid = Int32(entry), pid != parent,
                  let cmdline = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline"),
                  cmdline.split(separator: 0).contains(where: { String(decoding: $0, as: UTF8.self) == argument }),
                  let fields = statFields(pid), fields.count > 3, Int32(fields[1]) != parent
            else { continue }
            return pid
        }
        return nil
    }

    /// The process group and session of `pid`, from /proc/PID/stat.
    static func groupAndSession(_ pid: Int32) -> (group: Int32, session: Int32)? {
        guard let fields = statFields(pid), fields.count > 3, let group = Int32(fields[2]), let session = Int32(fields[3])
        else { return nil }
        return (group, session)
    }

    /// The fields of /proc/PID/stat after the command name: state, ppid, pgrp, session, ...
    static func statFields(_ pid: Int32) -> [Substring]? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return nil }
        return stat[stat.index(after: close)...].split(separator: " ")
    }

    @Test(arguments: ["|", "!"])
    func outputToAPipe(marker: String) throws {
        let result = try swtrace(["-o", "\(marker)sed s/^/T:/", Products.fixture, "exit", "4"])
        #expect(!result.lines.isEmpty)
        #expect(result.lines.allSatisfy { $0.hasPrefix("T:") })
        #expect(result.lines.last == "T:+++ exited with 4 +++")
        #expect(result.exitStatus == 4)
    }

    /// swtrace exits only after the pipe's command has: its last act is done when swtrace is.
    @Test func waitsForThePipeCommand() throws {
        let done = path("done")
        let result = try swtrace(["-o", "|exec >/dev/null 2>&1; cat > \(done).tmp; sleep 0.3; mv \(done).tmp \(done)",
                                  Products.fixture, "exit", "0"])
        #expect(result.exitStatus == 0)
        #expect(try contents("done").last == "+++ exited with 0 +++")
    }

    @Test func appendKeepsWhatTheFileHeld() throws {
        _ = try swtrace(["-o", path("trace"), Products.fixture, "exit", "1"])
        _ = try swtrace(["-A", "-o", path("trace"), Products.fixture, "exit", "2"])
        #expect(try contents("trace").filter { $0.hasPrefix("+++") } == ["+++ exited with 1 +++", "+++ exited with 2 +++"])
        _ = try swtrace(["-o", path("trace"), Products.fixture, "exit", "3"])
        #expect(try contents("trace").filter { $0.hasPrefix("+++") } == ["+++ exited with 3 +++"])
    }

    /// With `-o` and a command, strace is quiet (-q: no "Process N attached") and cannot be
    /// interrupted (-I3): a SIGTERM to the tracer leaves the command traced to its end.
    @Test func outputFileMakesACommandsTraceQuietAndUninterruptible() throws {
        let script = "/bin/true; exit 3"
        let ours = try swtrace(["-f", "-o", path("ours"), "/bin/sh", "-c", script])
        let theirs = try run("/usr/bin/strace", ["-f", "-o", path("theirs"), "/bin/sh", "-c", script])
        #expect(ours.exitStatus == 3 && theirs.exitStatus == 3)
        #expect(ours.stderrLines == [])
        #expect(ours.stderrLines == theirs.stderrLines)
        let shown = try swtrace(["-f", "-o", path("shown"), "-e", "quiet=exit", "/bin/sh", "-c", script])
        #expect(shown.stderrLines.count == 1 && shown.stderrLines.allSatisfy {
            $0.range(of: #"^swtrace: Process \d+ attached$"#, options: .regularExpression) != nil
        }, "\(shown.stderrLines)")

        let tracer = try RunningProcess(Products.swtrace, ["-o", path("nap"), "--", Products.fixture, "nap"], environment: fixtureEnvironment)
        usleep(300_000)
        kill(tracer.pid, SIGTERM)
        let result = tracer.finish(timeout: 10)
        #expect(result.lines == ["fixture: woke"])
        #expect(result.exitStatus == 0)
        #expect(try contents("nap").last == "+++ exited with 0 +++")
    }

    /// `--kill-on-exit`: interrupted, swtrace kills the command (which ignores SIGINT and carries
    /// the seccomp filter) instead of tracing it silently to its end.
    @Test func killOnExitKillsTheCommandWhenInterrupted() throws {
        let tracer = try RunningProcess(Products.swtrace, ["--kill-on-exit", "-e", "trace=openat", "--", Products.fixture, "opens-slowly", "40"],
                                        environment: fixtureEnvironment)
        usleep(400_000)
        let tracee = try #require(ProcFS.children(of: tracer.pid).first)
        kill(tracer.pid, SIGINT)
        let result = tracer.finish(timeout: 20)
        #expect(result.exitStatus == 128 + SIGINT)
        #expect(!result.lines.contains("fixture: 40 opens, 0 failed"), "\(result.lines.suffix(3))")
        #expect(result.lines.contains { $0.hasPrefix("openat(") })
        #expect(waitUntil(10) { ProcFS.state(of: tracee) == nil || ProcFS.state(of: tracee) == "Z" }, "the command is gone")
    }

    /// Messages begin with the name swtrace was invoked as, as GNU tools' do.
    @Test func messagesNameTheInvokedName() throws {
        let link = path("mytrace")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: Products.swtrace)
        let version = try run(link, ["-V"])
        #expect(version.lines == ["mytrace 0.1.0"])
        let refused = try run(link, ["-k", "true"])
        #expect(refused.stderrLines == ["mytrace: -k: not supported yet"])
        #expect(refused.exitStatus == 1)
        let missing = try run(link, ["swtrace-no-such-command"], environment: ["PATH": "/usr/bin:/bin"])
        #expect(missing.stderrLines == ["mytrace: cannot run 'swtrace-no-such-command': command not found"])
        let help = try run(link, ["--help"])
        #expect(help.lines.first == "USAGE: mytrace [OPTIONS] [--] COMMAND [ARGS...]")
    }
}
