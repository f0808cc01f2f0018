import SyscallDecoding

/// What to trace and how to print it.
public struct TraceOptions: Sendable {
    /// `-f`: trace the children and threads the tracees create.
    public var followForks = false
    public var decode = DecodeOptions()
    /// Where trace lines go (stdout, or the `-o` file).
    public var outputFD: Int32 = 1
    /// `-o` was given: lines carry a plain `PID ` prefix when several tasks may print.
    public var outputIsFile = false
    /// Read syscalls from registers even where PTRACE_GET_SYSCALL_INFO works (for testing the
    /// fallback that kernels before 5.3 need).
    public var forceRegisterFallback = false

    public init() {}
}

/// What to trace: a command swtrace starts, or processes that already run.
public enum TraceTarget: Sendable {
    case command(executable: String, arguments: [String])
    case processes([Int32])
}

/// How tracing ended, which decides swtrace's own exit status.
public enum TraceOutcome: Equatable, Sendable {
    /// The command swtrace started exited with this code.
    case commandExited(Int32)
    /// The command swtrace started was killed by this signal.
    case commandKilled(signal: Int32)
    /// swtrace was asked to stop by this signal and detached.
    case interrupted(signal: Int32)
    /// Every attached process exited, or swtrace detached because its output closed.
    case finished
}

extension TraceOutcome {
    /// The outcome of the command swtrace started, from its wait status; nil unless it ended.
    init?(commandStatus status: WaitStatus) {
        switch status {
        case .exited(let code): self = .commandExited(code)
        case .killed(let signal, _): self = .commandKilled(signal: signal)
        default: return nil
        }
    }
}
