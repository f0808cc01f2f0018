/// Signal numbers and names as the kernel numbers them on x86_64, i386 and aarch64 (the generic
/// numbering of `asm-generic/signal.h` and `asm/signal.h`).
public enum SignalNames {
    static let classic: [StaticString] = [
        "0", "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT", "SIGBUS", "SIGFPE",
        "SIGKILL", "SIGUSR1", "SIGSEGV", "SIGUSR2", "SIGPIPE", "SIGALRM", "SIGTERM", "SIGSTKFLT",
        "SIGCHLD", "SIGCONT", "SIGSTOP", "SIGTSTP", "SIGTTIN", "SIGTTOU", "SIGURG", "SIGXCPU",
        "SIGXFSZ", "SIGVTALRM", "SIGPROF", "SIGWINCH", "SIGIO", "SIGPWR", "SIGSYS",
    ]
    /// The kernel's first real-time signal (glibc reserves 32 and 33 and reports 34 as SIGRTMIN).
    public static let kernelRealtimeMin: Int32 = 32
    public static let kernelRealtimeMax: Int32 = 64

    /// `SIGUSR1`; `SIGRTMIN`, `SIGRT_1`... for real-time signals; nil outside 1...64.
    public static func name(_ signal: Int32) -> String? {
        var buffer = TextBuffer(capacity: 16)
        guard buffer.appendSignalName(signal) else { return nil }
        return String(decoding: buffer.bytes, as: UTF8.self)
    }

    /// Whether `signal` has a name (1...64).
    static func hasName(_ signal: Int32) -> Bool {
        signal > 0 && signal <= kernelRealtimeMax
    }

    /// The signals whose default action stops the process (they start a group-stop).
    public static func isStopSignal(_ signal: Int32) -> Bool {
        signal == 19 || signal == 20 || signal == 21 || signal == 22
    }
}

extension TextBuffer {
    /// Appends the signal's name and returns true, or returns false and appends nothing.
    @discardableResult
    public mutating func appendSignalName(_ signal: Int32) -> Bool {
        if signal > 0 && signal < Int32(SignalNames.classic.count) {
            append(SignalNames.classic[Int(signal)])
        } else if signal == SignalNames.kernelRealtimeMin {
            append("SIGRTMIN")
        } else if signal > SignalNames.kernelRealtimeMin && signal <= SignalNames.kernelRealtimeMax {
            append("SIGRT_")
            appendDecimal(UInt64(signal - SignalNames.kernelRealtimeMin))
        } else {
            return false
        }
        return true
    }

    /// The signal's name, or its number when it has none.
    public mutating func appendSignal(_ signal: Int32) {
        if !appendSignalName(signal) { appendDecimal(Int64(signal)) }
    }
}
