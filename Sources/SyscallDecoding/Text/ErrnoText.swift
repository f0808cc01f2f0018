import Glibc
import SyscallTables

/// How a failed syscall's error prints: `-1 ENOENT (No such file or directory)`.
public enum ErrnoText {
    /// strerror(3) text per errno, built once: strerror is not free and errors are common.
    private static let messages: [String] = (0..<Int32(134)).map { String(cString: strerror($0)) }

    /// Kernel-internal codes that a tracer sees when a signal interrupts a syscall. They are not
    /// errors the program gets to see, so they print as `= ? NAME (what will happen)`.
    static func restartExplanation(_ errno: Int) -> StaticString? {
        switch errno {
        case 512: "To be restarted if SA_RESTART is set"
        case 513: "To be restarted"
        case 514: "To be restarted if no handler"
        case 516: "Interrupted by signal"
        default: nil
        }
    }

    public static func message(_ errno: Int) -> String {
        errno >= 0 && errno < messages.count ? messages[errno] : "Unknown error \(errno)"
    }
}

extension TextBuffer {
    /// `-1 ENOENT (No such file or directory)`, or `? ERESTARTSYS (...)` for restart codes.
    public mutating func appendErrorReturn(errno: Int) {
        if let explanation = ErrnoText.restartExplanation(errno) {
            append("? ")
            append(ErrnoNames.name(errno) ?? "ERESTART")
            append(" (")
            append(explanation)
            append(")")
            return
        }
        append("-1 ")
        if let name = ErrnoNames.name(errno) {
            append(name)
        } else {
            append("errno ")
            appendDecimal(UInt64(errno))
        }
        append(" (")
        append(ErrnoText.message(errno))
        append(")")
    }
}
