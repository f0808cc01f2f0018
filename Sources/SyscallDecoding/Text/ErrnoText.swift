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

/// `ENOENT (No such file or directory)` per errno as bytes, made the first time that errno prints
/// and kept: one copy per error line, where appending the name and the message as Strings cost
/// about 400 instructions (making all 134 at the first error cost more than a short trace's
/// errors save). One per formatter, which one thread uses, as its arena.
final class ErrorTexts: @unchecked Sendable {
    private var texts = [[UInt8]?](repeating: nil, count: 134)

    /// The text after `-1 ` for `errno`, or nil for codes without a name (printed the long way).
    func text(_ errno: Int) -> [UInt8]? {
        guard errno > 0 && errno < texts.count else { return nil }
        if let text = texts[errno] { return text }
        guard let name = ErrnoNames.name(errno), let message = strerror(Int32(errno)) else { return nil }
        var text = Array(name.utf8)
        text += [UInt8(ascii: " "), UInt8(ascii: "(")]
        text += UnsafeRawBufferPointer(start: message, count: strlen(message))
        text.append(UInt8(ascii: ")"))
        texts[errno] = text
        return text
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
