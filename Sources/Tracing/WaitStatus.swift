import CPtrace

/// A waitpid(2) status, classified the way the ptrace documentation tells the stops apart.
enum WaitStatus: Equatable {
    case exited(code: Int32)
    case killed(signal: Int32, coreDumped: Bool)
    /// A syscall-enter or syscall-exit stop (SIGTRAP | 0x80).
    case syscallStop
    /// A PTRACE_EVENT stop; `signal` is WSTOPSIG (the stop signal for a group-stop).
    case eventStop(event: Int32, signal: Int32)
    /// A signal-delivery-stop, or a group-stop of a tracee that was not seized.
    case signalStop(signal: Int32)

    init(_ status: Int32) {
        if swt_wifexited(status) != 0 {
            self = .exited(code: swt_wexitstatus(status))
        } else if swt_wifsignaled(status) != 0 {
            self = .killed(signal: swt_wtermsig(status), coreDumped: swt_wcoredump(status) != 0)
        } else {
            let signal = swt_wstopsig(status)
            let event = status >> 16
            if signal == Ptrace.syscallStopSignal {
                self = .syscallStop
            } else if event != 0 {
                self = .eventStop(event: event, signal: signal)
            } else {
                self = .signalStop(signal: signal)
            }
        }
    }
}
