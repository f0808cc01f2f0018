import Glibc

/// A reason swtrace cannot start tracing; `description` is the one line printed on stderr.
public struct TraceError: Error, CustomStringConvertible {
    public let description: String
    /// The exit status that goes with it: 127 for a command not found, 126 for one that cannot run,
    /// 1 otherwise.
    public let exitStatus: Int32

    init(_ description: String, exitStatus: Int32 = 1) {
        self.description = description
        self.exitStatus = exitStatus
    }

    static func errnoText(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}
