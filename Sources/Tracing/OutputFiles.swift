import Glibc

/// `-ff -o FILE` (`--output-separately`): one file `FILE.PID` per traced process, opened when the
/// session first has a line for that process.
public struct OutputFiles: Sendable {
    /// `FILE` of `-o FILE`.
    public let basePath: String
    /// `-A`: append to an existing `FILE.PID` instead of truncating it.
    public let append: Bool

    public init(basePath: String, append: Bool) {
        self.basePath = basePath
        self.append = append
    }

    /// From the options: nil unless `-ff`/`--output-separately` with `-o FILE`.
    public init?(options: TraceOptions) {
        guard options.outputSeparately, case .file(let path) = options.output else { return nil }
        self.init(basePath: path, append: options.appendToOutput)
    }

    /// The path of `pid`'s file.
    public func path(forProcess pid: pid_t) -> String { "\(basePath).\(pid)" }

    /// Opens (creates; truncates unless `append`) `FILE.PID`, close-on-exec; the caller owns and
    /// closes the descriptor. Throws a `TraceError` whose description is the one line to print.
    public func open(forProcess pid: pid_t) throws -> Int32 {
        try TraceSetup.openFile(path(forProcess: pid), append: append)
    }
}
