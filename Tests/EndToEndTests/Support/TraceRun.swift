import Foundation
import Testing

/// The built swtrace next to this test binary, and the fixture program.
enum Products {
    static let directory: URL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
    static let swtrace = directory.appendingPathComponent("swtrace").path
    /// The package's top directory (this file is Tests/EndToEndTests/Support/TraceRun.swift).
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// Fixture/swtrace-fixture.c, compiled once per test run with the system C compiler: statically,
    /// so that its syscalls are its own and not the dynamic loader's.
    static let fixture: String = {
        let source = packageRoot.appendingPathComponent("Tests/EndToEndTests/Fixture/swtrace-fixture.c").path
        let binary = directory.appendingPathComponent("swtrace-fixture").path
        let temporary = binary + ".\(getpid())"
        let compile = try! run("/usr/bin/cc", ["-O2", "-static", "-pthread", "-Wall", "-o", temporary, source],
                               environment: ["PATH": "/usr/bin:/bin"])
        precondition(compile.exitStatus == 0, "cannot compile the fixture: \(compile.stderr)")
        precondition(rename(temporary, binary) == 0)
        return binary
    }()
}

/// A finished run of a program: its output and how it ended.
struct RunResult {
    var stdout: String
    var stderr: String
    /// The exit status, or nil when a signal killed it.
    var exitStatus: Int32?
    /// The signal that killed it, or nil.
    var signal: Int32?

    var lines: [String] { splitLines(stdout) }
    var stderrLines: [String] { splitLines(stderr) }
}

func splitLines(_ text: String) -> [String] {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if lines.last == "" { lines.removeLast() }
    return lines
}

/// A program started in the background; `finish()` waits for it and collects its output.
final class RunningProcess {
    let process = Process()
    private var collected: (() -> (String, String))?

    init(_ executable: String, _ arguments: [String], environment: [String: String]) throws {
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        let stdout = Pipe(), stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        collected = collect(stdout: stdout, stderr: stderr)
    }

    var pid: Int32 { process.processIdentifier }

    /// Waits up to `timeout` seconds (then kills it, so the test fails on its output, not hangs).
    func finish(timeout: TimeInterval = 60) -> RunResult {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(5_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        let (out, err) = collected!()
        let killed = process.terminationReason == .uncaughtSignal
        return RunResult(stdout: out, stderr: err,
                         exitStatus: killed ? nil : process.terminationStatus,
                         signal: killed ? process.terminationStatus : nil)
    }
}

/// Reads both pipes to the end on background threads, so that neither fills up and blocks the child.
private func collect(stdout: Pipe, stderr: Pipe) -> () -> (String, String) {
    final class Box: @unchecked Sendable { var out = Data(), err = Data() }
    let box = Box()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async { box.out = stdout.fileHandleForReading.readDataToEndOfFile(); group.leave() }
    group.enter()
    DispatchQueue.global().async { box.err = stderr.fileHandleForReading.readDataToEndOfFile(); group.leave() }
    return {
        group.wait()
        return (String(decoding: box.out, as: UTF8.self), String(decoding: box.err, as: UTF8.self))
    }
}

/// The environment the traced fixture sees: exactly these variables, so `/* N vars */` is known.
let fixtureEnvironment = ["LC_ALL": "C"]

/// Runs `executable` with `arguments` and exactly `environment`, stdin from /dev/null.
func run(_ executable: String, _ arguments: [String], environment: [String: String] = fixtureEnvironment,
         timeout: TimeInterval = 60) throws -> RunResult {
    try RunningProcess(executable, arguments, environment: environment).finish(timeout: timeout)
}

/// Runs the built swtrace.
func swtrace(_ arguments: [String], environment: [String: String] = fixtureEnvironment,
             timeout: TimeInterval = 60) throws -> RunResult {
    try run(Products.swtrace, arguments, environment: environment, timeout: timeout)
}

/// Traces one scenario of the fixture program: `swtrace [options] -- swtrace-fixture scenario...`.
func traceFixture(_ scenario: [String], options: [String] = [], environment: [String: String] = fixtureEnvironment) throws -> RunResult {
    try swtrace(options + ["--", Products.fixture] + scenario, environment: environment)
}

/// A trace line as strace lays one out: the call, `) `, spaces up to column 40, `= result`.
func line(_ call: String, _ result: String, prefix: String = "") -> String {
    let head = prefix + call + ") "
    return head + String(repeating: " ", count: max(0, 40 - head.utf8.count)) + "= " + result
}

/// `[pid  1234] `, as strace prefixes lines when several tasks are traced.
func pidPrefix(_ pid: Int) -> String {
    let digits = String(pid)
    return "[pid " + String(repeating: " ", count: max(0, 5 - digits.count)) + digits + "] "
}

/// Replaces every hexadecimal number with `ADDR`: addresses change from run to run.
func withoutAddresses(_ text: String) -> String {
    text.replacingOccurrences(of: "0x[0-9a-f]+", with: "ADDR", options: .regularExpression)
}

/// The integer captured by `pattern`'s first group in the first line that matches.
func capture(_ pattern: String, in lines: [String]) -> Int? {
    let regex = try! NSRegularExpression(pattern: pattern)
    for text in lines {
        let range = NSRange(text.startIndex..., in: text)
        if let match = regex.firstMatch(in: text, range: range), let group = Range(match.range(at: 1), in: text) {
            return Int(text[group])
        }
    }
    return nil
}

/// The lines of `lines` that start with `prefix`.
func lines(_ lines: [String], startingWith prefix: String) -> [String] {
    lines.filter { $0.hasPrefix(prefix) }
}
