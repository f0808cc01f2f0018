import CPtrace
import Glibc

/// What swtrace does before tracing starts, in the order main does it: the checks that turn bad
/// input into one clear error, the command's environment and argv, the output, and `-D`.
public enum TraceSetup {
    /// The name swtrace was invoked as (the basename of argv[0]), which begins every message it
    /// prints. Set once by main before anything else runs.
    nonisolated(unsafe) public static var programName = "swtrace"

    /// The executable that `command` names (searched in PATH unless it has a slash).
    public static func resolveCommand(_ command: String) throws -> String {
        try CommandLauncher.resolve(command)
    }

    /// `-E`: applies the changes to swtrace's own environment, which the command inherits (as
    /// strace does with putenv: so `-E PATH=...` also decides where the command is found). Call
    /// before any thread starts: setenv(3) is not thread-safe.
    public static func applyEnvironment(_ changes: [EnvironmentChange]) {
        for change in changes {
            switch change {
            case .set(let name, let value): setenv(name, value, 1)
            case .remove(let name): unsetenv(name)
            }
        }
    }

    /// The command's argv: `--argv0` replaces the first word (the executable is found from the
    /// command's own first word all the same).
    public static func commandArguments(_ command: [String], argv0: String?) -> [String] {
        guard let argv0, !command.isEmpty else { return command }
        return [argv0] + command.dropFirst()
    }

    /// Opens where the trace goes: stdout as it is, `-o FILE` (created, truncated unless `append`),
    /// or `-o '|cmd'` (a pipe to `sh -c cmd`). Every descriptor is close-on-exec, so the tracee
    /// does not inherit it.
    public static func openOutput(_ destination: OutputDestination, append: Bool) throws -> OpenedOutput {
        switch destination {
        case .standardOutput:
            return OpenedOutput(fd: 1, pipeProcess: 0)
        case .file(let path):
            return OpenedOutput(fd: try openFile(path, append: append), pipeProcess: 0)
        case .pipe(let command):
            return try OutputPipe.start(command)
        }
    }

    /// Opens a trace file; close-on-exec.
    static func openFile(_ path: String, append: Bool) throws -> Int32 {
        let fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC | (append ? O_APPEND : O_TRUNC), 0o666)
        guard fd >= 0 else {
            throw TraceError("cannot open '\(path)': \(TraceError.errnoText(errno))")
        }
        return fd
    }

    /// `-D`, `-DD`, `-DDD`: splits swtrace so that this process, the one the shell started, becomes
    /// `executable` (run as `user`) and the tracer goes on in a grandchild, in its own process group
    /// (`mode` 2) or session (3). Returns only in the tracer, which then traces the command through
    /// the engine's usual launch. Call before any thread starts (the tracer is a forked copy).
    public static func daemonizeTracer(mode: Int, executable: String, arguments: [String], user: UserIdentity?) throws {
        var releaseFD: Int32 = -1
        let command = CommandLauncher.withSpawnRequest(executable: executable, arguments: arguments,
                                                       user: user, seccompFilter: nil) { request in
            swt_daemonize(Int32(mode), &request, &releaseFD)
        }
        guard command > 0 else {
            throw TraceError("cannot start the tracer process: \(TraceError.errnoText(errno))")
        }
        CommandLauncher.daemonizedCommand = (command, releaseFD)
    }
}

/// Where the trace goes, opened: the descriptor to write to, and the `sh -c` of `-o '|cmd'`.
public struct OpenedOutput: Sendable {
    public let fd: Int32
    /// The shell reading the trace through a pipe, or 0.
    public let pipeProcess: pid_t

    /// Standard output, as it is.
    public static let standardOutput = OpenedOutput(fd: 1, pipeProcess: 0)

    init(fd: Int32, pipeProcess: pid_t) {
        self.fd = fd
        self.pipeProcess = pipeProcess
    }

    /// Closes a trace file or pipe, and waits for the pipe's command to finish, as strace does, so
    /// that its output comes before swtrace exits.
    public func finish() {
        if fd > 2 { close(fd) }
        guard pipeProcess > 0 else { return }
        var status: Int32 = 0
        while waitpid(pipeProcess, &status, 0) < 0 && errno == EINTR {}
    }
}
