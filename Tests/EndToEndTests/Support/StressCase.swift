import Foundation
import Testing

/// One case of issue 16's list, run once by `./scripts/test` and `SWTRACE_STRESS_RUNS` times in a
/// row by `scripts/stress`, which reads the one-line verdict from `SWTRACE_STRESS_REPORT`.
///
/// A case's body checks with `need(...)`, which throws the case's output instead of recording a
/// test issue, so that a repeated case can count its passes and keep the first failure.
enum StressCase {
    /// How many times each case runs in a row: 1 under `./scripts/test`.
    static let runs = max(1, Int(ProcessInfo.processInfo.environment["SWTRACE_STRESS_RUNS"] ?? "") ?? 1)
    /// The issue's full sizes (100,000 files, 10,000 threads, 1 GiB); `./scripts/test` runs smaller.
    static let fullSize = ProcessInfo.processInfo.environment["SWTRACE_STRESS_FULL"] == "1"

    /// Runs `body` `runs` times; fails the test with the first failure's output if any run failed.
    static func run(_ name: String, _ body: (inout [String]) throws -> Void) throws {
        var passes = 0
        var firstFailure: String?
        var notes: [String] = []
        for _ in 0..<runs {
            do {
                var runNotes: [String] = []
                try body(&runNotes)
                passes += 1
                if notes.isEmpty { notes = runNotes }
            } catch {
                if firstFailure == nil { firstFailure = "\(error)" }
            }
        }
        var verdict = "\(name): \(passes)/\(runs) passed"
        if !notes.isEmpty { verdict += " (\(notes.joined(separator: "; ")))" }
        if let firstFailure { verdict += "\n  first failure: " + firstFailure.replacingOccurrences(of: "\n", with: "\n  ") }
        if let report = ProcessInfo.processInfo.environment["SWTRACE_STRESS_REPORT"] {
            try? (verdict + "\n").write(toFile: report, atomically: true, encoding: .utf8)
        }
        if let firstFailure { Issue.record("\(passes)/\(runs) passed; first failure: \(firstFailure)") }
    }
}

/// A failed check of a stress case, with what was seen.
struct StressFailure: Error, CustomStringConvertible {
    var description: String
}

/// Throws `message` (what the check saw) unless `condition` holds.
func need(_ condition: Bool, _ message: @autoclosure () -> String) throws {
    if !condition { throw StressFailure(description: message()) }
}

/// Polls `condition` every `interval` seconds (10 ms) for up to `seconds`; true once it held.
func waitUntil(_ seconds: Double, every interval: Double = 0.01, _ condition: () -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if condition() { return true }
        usleep(UInt32(interval * 1_000_000))
    }
    return condition()
}

/// What /proc says about a task.
enum TaskProbe {
    static func status(_ pid: pid_t, task: pid_t? = nil) -> [String: String] {
        let path = task.map { "/proc/\(pid)/task/\($0)/status" } ?? "/proc/\(pid)/status"
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [:] }
        var fields: [String: String] = [:]
        for line in text.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return fields
    }

    /// The state letter: R, S, T (stopped), t (ptrace-stop), Z...; nil when gone.
    static func state(_ pid: pid_t) -> Character? { status(pid)["State"]?.first }

    static func tracer(_ pid: pid_t, task: pid_t? = nil) -> pid_t? { status(pid, task: task)["TracerPid"].flatMap { pid_t($0) } }

    static func threads(_ pid: pid_t) -> [pid_t] {
        ((try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? []).compactMap { pid_t($0) }
    }

    static func openDescriptors(_ pid: pid_t) -> Int? {
        (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/fd"))?.count
    }

    /// Peak resident memory so far, in KiB (VmHWM).
    static func peakKiB(_ pid: pid_t) -> Int? {
        status(pid)["VmHWM"].flatMap { Int($0.split(separator: " ").first ?? "") }
    }

    /// The number of the syscall the task is blocked in (first field of /proc/PID/syscall).
    static func blockedSyscall(_ pid: pid_t) -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/syscall", encoding: .utf8) else { return nil }
        return Int(text.split(separator: " ").first ?? "")
    }

    /// Every descendant of `pid`, depth first.
    static func descendants(of pid: pid_t) -> [pid_t] {
        ProcFS.children(of: pid).flatMap { [$0] + descendants(of: $0) }
    }
}

/// A scratch file path, unique to this test process and call.
func scratchPath(_ name: String) -> String {
    NSTemporaryDirectory() + "swtrace-stress-\(getpid())-\(UUID().uuidString.prefix(8))-\(name)"
}

/// The lines of a trace written with `-f -o FILE`: `PID  text` split into pid and text.
func tracePidLines(_ text: String) -> [(pid: Int, text: String)] {
    splitLines(text).compactMap { line in
        guard let space = line.firstIndex(of: " "), let pid = Int(line[..<space]) else { return nil }
        return (pid, String(line[space...].drop(while: { $0 == " " })))
    }
}
