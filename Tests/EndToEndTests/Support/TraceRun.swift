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
    static let fixture: String = compileFixture(named: "swtrace-fixture", flags: [])
    /// The same program as an i386 executable (`gcc -m32`, Debian's gcc-multilib).
    static let fixture32: String = compileFixture(named: "swtrace-fixture-i386", flags: ["-m32", "-I", i386AsmHeaders])

    /// A directory whose `asm` is the x86_64 kernel headers, which serve both x86 ABIs: without
    /// gcc-multilib (which conflicts with the aarch64 cross compiler) `-m32` finds no `asm/`.
    private static var i386AsmHeaders: String {
        let include = directory.appendingPathComponent("i386-include").path
        try? FileManager.default.createDirectory(atPath: include, withIntermediateDirectories: true)
        try? FileManager.default.createSymbolicLink(atPath: include + "/asm", withDestinationPath: "/usr/include/x86_64-linux-gnu/asm")
        return include
    }

    private static func compileFixture(named name: String, flags: [String]) -> String {
        let source = packageRoot.appendingPathComponent("Tests/EndToEndTests/Fixture/swtrace-fixture.c").path
        let binary = directory.appendingPathComponent(name).path
        let temporary = binary + ".\(getpid())"
        let compile = try! run("/usr/bin/cc", flags + ["-O2", "-static", "-pthread", "-Wall", "-Wno-array-bounds", "-o", temporary, source],
                               environment: ["PATH": "/usr/bin:/bin"])
        precondition(compile.exitStatus == 0, "cannot compile the fixture: \(compile.stderr)")
        precondition(rename(temporary, binary) == 0)
        return binary
    }
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
///
/// Started with posix_spawn and a clean signal state (nothing blocked, every signal at its default
/// action): the test runner blocks most signals, and swtrace passes the mask it was started with on
/// to the command it traces, as it must.
final class RunningProcess {
    let pid: pid_t
    private let collected: () -> (String, String)

    init(_ executable: String, _ arguments: [String], environment: [String: String]) throws {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        var stdout: [Int32] = [0, 0], stderr: [Int32] = [0, 0]
        // Close-on-exec from the start: tests run in parallel, and a pipe end leaked into another
        // test's child would keep this test's reader waiting for that child.
        guard systemPipe2(&stdout, O_CLOEXEC) == 0, systemPipe2(&stderr, O_CLOEXEC) == 0 else { throw POSIXError(.EMFILE) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, stdout[1], 1)
        posix_spawn_file_actions_adddup2(&actions, stderr[1], 2)
        // Only 0, 1 and 2: a descriptor another test's thread opened without close-on-exec at
        // this moment must not reach the program (its own descriptor numbers would shift).
        _ = systemAddCloseFrom(&actions, 3)

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var child: pid_t = 0
        let failure = posix_spawn(&child, executable, &actions, &attributes, argv, envp)
        close(stdout[1])
        close(stderr[1])
        guard failure == 0 else {
            close(stdout[0])
            close(stderr[0])
            throw POSIXError(POSIXErrorCode(rawValue: failure) ?? .EINVAL)
        }
        pid = child
        collected = collect(stdout: stdout[0], stderr: stderr[0])
    }

    /// Waits up to `timeout` seconds (then kills it, so the test fails on its output, not hangs).
    func finish(timeout: TimeInterval = 60) -> RunResult {
        let deadline = Date().addingTimeInterval(timeout)
        var status: Int32 = 0
        while true {
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid { break }
            if result < 0 && errno != EINTR { break }
            if Date() > deadline { kill(pid, SIGKILL) }
            usleep(2_000)
        }
        let (out, err) = collected()
        let signal = status & 0x7f
        return RunResult(stdout: out, stderr: err,
                         exitStatus: signal == 0 ? (status >> 8) & 0xff : nil,
                         signal: signal == 0 ? nil : signal)
    }
}

/// posix_spawn_file_actions_addclosefrom_np(3) (glibc 2.34), which Glibc's module map leaves out.
@_silgen_name("posix_spawn_file_actions_addclosefrom_np")
private func systemAddCloseFrom(_ actions: UnsafeMutablePointer<posix_spawn_file_actions_t>, _ from: Int32) -> Int32

/// pipe2(2), which Glibc's module map leaves out (it is a _GNU_SOURCE declaration).
@_silgen_name("pipe2")
private func systemPipe2(_ fds: UnsafeMutablePointer<Int32>, _ flags: Int32) -> Int32

/// Reads both pipes to the end on threads of their own, so that neither fills up and blocks the
/// child. Not on Dispatch's global queue: on this 2-core machine it runs as many blocks at once as
/// there are cores, and CPU-bound tests running in parallel held its threads for tens of seconds,
/// so that a run's output was collected long after the run ended.
private func collect(stdout: Int32, stderr: Int32) -> () -> (String, String) {
    final class Box: @unchecked Sendable { var out = Data(), err = Data() }
    let box = Box()
    let group = DispatchGroup()
    group.enter()
    Thread { box.out = FileHandle(fileDescriptor: stdout, closeOnDealloc: true).readDataToEndOfFile(); group.leave() }.start()
    group.enter()
    Thread { box.err = FileHandle(fileDescriptor: stderr, closeOnDealloc: true).readDataToEndOfFile(); group.leave() }.start()
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
