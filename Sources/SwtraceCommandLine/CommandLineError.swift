/// A command line swtrace refuses: `message` is the one line printed after `NAME: `.
public struct CommandLineError: Error, Equatable, CustomStringConvertible {
    public let message: String
    /// Whether the mistake is in the shape of the command line (an unknown option, a missing
    /// value), where pointing at `--help` helps.
    public let isUsage: Bool

    init(_ message: String, usage: Bool = false) {
        self.message = Self.escapingControlCharacters(message)
        self.isUsage = usage
    }

    /// A value echoed in a message may hold a newline, a tab or a terminal escape (found by the
    /// command-line fuzz test): shown as `\n`, `\t`, `\x1b`, so the message stays one line.
    public static func escapingControlCharacters(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7f }) else { return text }
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": escaped += "\\n"
            case "\t": escaped += "\\t"
            case "\r": escaped += "\\r"
            case _ where scalar.value < 0x20 || scalar.value == 0x7f:
                escaped += "\\x" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    public var description: String { message }

    static func usage(_ message: String) -> CommandLineError { CommandLineError(message, usage: true) }

    static func invalidValue(_ option: String, _ value: String) -> CommandLineError {
        CommandLineError("invalid \(option) value '\(value)'")
    }

    static func notSupported(_ option: String) -> CommandLineError {
        CommandLineError("\(option): not supported yet")
    }
}
