// CONTRACT STUB: the summary helper fills in the rest of this folder and the bodies here.

/// `-c`, `-C`, `-w`, `-S`, `-U`, `-O`.
public struct SummaryOptions: Sendable, Equatable {
    /// `-C`: print the trace as well as the summary (`-c` prints only the summary).
    public var alsoTrace = false
    /// `-w`: wall-clock time between entry and exit instead of system CPU time.
    public var wallClock = false
    /// `-S`: the sort key, as `parseSortKey` accepted it (strace's default: time).
    public var sortBy = "time"
    /// `-U`: the columns, as `parseColumns` accepted them; nil for strace's default set.
    public var columns: [String]?
    /// `-O`: overhead in microseconds subtracted from each call's time; nil for strace's default.
    public var overheadMicroseconds: Double?

    public init() {}

    /// Checks and normalizes a `-S` value (`time`, `calls`, `errors`, `name`, `nothing`,
    /// `min-time`, ... as strace takes them).
    public static func parseSortKey(_ text: String) throws(FilterError) -> String { text }

    /// Checks and normalizes a `-U` value (a comma-separated list of column names).
    public static func parseColumns(_ text: String) throws(FilterError) -> [String] {
        text.split(separator: ",").map(String.init)
    }

    /// Checks a `-O` value (a time, `1.5`, `15us`, `2ms`) and returns it in microseconds.
    public static func parseOverhead(_ text: String) throws(FilterError) -> Double { Double(text) ?? 0 }
}
