/// `-c`, `-C`, `-w`, `-S`, `-U`, `-O`.
public struct SummaryOptions: Sendable, Equatable {
    /// `-C`: print the trace as well as the summary (`-c` prints only the summary).
    public var alsoTrace = false
    /// `-w`: wall-clock time between entry and exit instead of system CPU time.
    public var wallClock = false
    /// `-S`: the order of the rows (strace's default: time, longest first).
    public var sortBy = SummarySortKey.time
    /// `-U`: the columns in the order given, `name` last when not given; nil for strace's default set.
    public var columns: [SummaryColumn]?
    /// `-O`: overhead in microseconds subtracted from each call's time; nil for strace's default (none).
    public var overheadMicroseconds: Double?

    public init() {}

    /// The columns the table shows.
    public var effectiveColumns: [SummaryColumn] { columns ?? SummaryColumn.defaultSet }

    /// `-O` in whole nanoseconds, as the recorder subtracts it (saturating for absurd values).
    public var overheadNanoseconds: UInt64 {
        guard let microseconds = overheadMicroseconds, microseconds > 0 else { return 0 }
        let nanoseconds = microseconds * 1000
        return nanoseconds >= 1.8e19 ? UInt64.max : UInt64(nanoseconds)
    }

    /// Checks and normalizes a `-S` value (`time`, `calls`, `errors`, `name`, `nothing`,
    /// `min-time`, ... and the other spellings strace takes).
    public static func parseSortKey(_ text: String) throws(FilterError) -> SummarySortKey {
        guard let key = SummarySortKey(spelling: text) else { throw FilterError("invalid sortby: '\(text)'") }
        return key
    }

    /// Checks and normalizes a `-U` value: a comma-separated list of column names, each at most
    /// once; `name` is added last when missing, as strace does.
    public static func parseColumns(_ text: String) throws(FilterError) -> [SummaryColumn] {
        var columns: [SummaryColumn] = []
        let items = text.split(separator: ",", omittingEmptySubsequences: false)
        for (index, item) in items.enumerated() {
            guard let column = SummaryColumn(spelling: String(item)) else {
                throw FilterError("unknown column name: '\(item)'")
            }
            if columns.contains(column) {
                // strace names the rest of the list from the repeated item on.
                let residual = items[index...].joined(separator: ",")
                throw FilterError(
                    "call summary column has been provided more than once: '\(item)' (-U option residual: '\(residual)')")
            }
            columns.append(column)
        }
        if !columns.contains(.name) { columns.append(.name) }
        return columns
    }

    /// Checks a `-O` value (a time, `1.5`, `15us`, `2ms`: strace's time specification, microseconds
    /// without a unit) and returns it in microseconds.
    public static func parseOverhead(_ text: String) throws(FilterError) -> Double {
        guard let nanoseconds = TimeSpecification.nanoseconds(text) else {
            throw FilterError("invalid -O argument: '\(text)'")
        }
        return nanoseconds / 1000
    }
}

/// `-S`: what the summary's rows are sorted by.
public enum SummarySortKey: Sendable, Equatable, CaseIterable {
    /// Total time, most first (the default).
    case time
    /// Shortest call, longest first.
    case minTime
    /// Longest call, longest first.
    case maxTime
    /// Average call, longest first.
    case averageTime
    /// Calls, most first.
    case calls
    /// Failed calls, most first.
    case errors
    /// Syscall name, in byte order.
    case name
    /// Syscall number (strace's "nothing").
    case nothing

    /// The spellings `strace -S` accepts (see `man strace`, checked against strace 6.1).
    public init?(spelling: String) {
        switch spelling {
        case "time", "time-percent", "time-total", "total-time": self = .time
        case "min-time", "shortest", "time-min": self = .minTime
        case "max-time", "longest", "time-max": self = .maxTime
        case "avg-time", "time-avg": self = .averageTime
        case "calls", "count": self = .calls
        case "errors", "error": self = .errors
        case "name", "syscall", "syscall-name": self = .name
        case "nothing", "none": self = .nothing
        default: return nil
        }
    }
}

/// `-U`: one column of the summary table.
public enum SummaryColumn: Sendable, Equatable, CaseIterable {
    /// `% time`: share of all the time counted.
    case timePercent
    /// `seconds`: total time.
    case totalTime
    /// `shortest`: the shortest call.
    case minTime
    /// `longest`: the longest call.
    case maxTime
    /// `usecs/call`: average call, whole microseconds.
    case averageTime
    /// `calls`.
    case calls
    /// `errors`: failed calls, blank when none.
    case errors
    /// `syscall`.
    case name

    /// strace's columns without `-U`.
    public static let defaultSet: [SummaryColumn] = [.timePercent, .totalTime, .averageTime, .calls, .errors, .name]

    /// The spellings `strace -U` accepts (see `man strace`, checked against strace 6.1).
    public init?(spelling: String) {
        switch spelling {
        case "time-percent", "time": self = .timePercent
        case "total-time", "time-total": self = .totalTime
        case "min-time", "shortest", "time-min": self = .minTime
        case "max-time", "longest", "time-max": self = .maxTime
        case "avg-time", "time-avg": self = .averageTime
        case "calls", "count": self = .calls
        case "errors", "error": self = .errors
        case "name", "syscall", "syscall-name": self = .name
        default: return nil
        }
    }
}
