import Tracing

/// What a command line asks for: tracing with these options, or help, or the version.
public struct ParsedCommandLine {
    public enum Action: Equatable, Sendable {
        case trace, help, version
    }

    public var action = Action.trace
    public var options = TraceOptions()
    /// `-p`: processes to attach to, in the order given.
    public var processes: [Int32] = []
    /// The command and its arguments, as typed (`--argv0` is in `options.launch.argv0`).
    public var command: [String] = []
    /// Notices for options that have no effect as given (strace prints the same and goes on).
    public var warnings: [String] = []

    public init() {}
}
