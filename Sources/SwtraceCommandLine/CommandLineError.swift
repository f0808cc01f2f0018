/// A command line swtrace refuses: `message` is the one line printed after `NAME: `.
public struct CommandLineError: Error, Equatable, CustomStringConvertible {
    public let message: String
    /// Whether the mistake is in the shape of the command line (an unknown option, a missing
    /// value), where pointing at `--help` helps.
    public let isUsage: Bool

    init(_ message: String, usage: Bool = false) {
        self.message = message
        self.isUsage = usage
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
