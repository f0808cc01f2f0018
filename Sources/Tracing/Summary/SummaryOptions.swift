// CONTRACT STUB: the summary helper fills in the rest of this folder.

/// `-c`, `-C`, `-w`, `-S`, `-U`, `-O`.
public struct SummaryOptions: Sendable, Equatable {
    /// `-C`: print the trace as well as the summary (`-c` prints only the summary).
    public var alsoTrace = false
    /// `-w`: wall-clock time between entry and exit instead of system CPU time.
    public var wallClock = false
    /// `-S`: the sort key (strace's default: time).
    public var sortBy = "time"
    /// `-U`: the columns, as given (strace's default set when nil).
    public var columns: [String]?
    /// `-O`: overhead in microseconds subtracted from each call's time; nil for strace's default.
    public var overheadMicroseconds: Double?

    public init() {}
}
