import Glibc
import SyscallDecoding

/// The time at the start of each trace line, as strace 6.1 prints it:
///
/// - `-t` `10:15:42 `, `-tt` `10:15:42.123456 `, `-ttt` `1700000000.123456 `, and every
///   `--absolute-timestamps=format:time|unix,precision:s|ms|us|ns` (fractions truncated);
/// - `-r` `     0.000123 `: the monotonic time since the previous line began (zero on the first
///   line), whole seconds right-aligned in six columns;
/// - both: `10:15:42 (+     0.000123) `.
///
/// Column alignment of the rest of the line counts these bytes (strace pads the result to column
/// 40 of the whole line), so write the prefix after the line has started in the buffer.
public struct LineTimestamps: Sendable {
    public let absolute: TimestampStyle?
    public let relative: TimePrecision?
    private let zone: TimestampZone
    /// The monotonic time the previous line began, for `-r`.
    private var previousLine: ClockReading?
    /// The last wall-clock second turned into a time of day, and what it became: a line that
    /// starts in the same second as the one before costs no localtime_r.
    private var cachedSecond: Int64?
    private var cachedTimeOfDay: (hour: Int32, minute: Int32, second: Int32) = (0, 0, 0)

    public init(absolute: TimestampStyle?, relative: TimePrecision?, zone: TimestampZone = .local) {
        self.absolute = absolute
        self.relative = relative
        self.zone = zone
    }

    /// True when lines start with no time (neither option given): nothing to read from the clocks.
    public var isEmpty: Bool { absolute == nil && relative == nil }

    /// Appends the prefix of a line that begins at `wallClock` (CLOCK_REALTIME, for `-t`) and
    /// `monotonic` (CLOCK_MONOTONIC, for `-r`); each is read only when its option is on.
    public mutating func appendPrefix(wallClock: ClockReading, monotonic: ClockReading, into buffer: inout TextBuffer) {
        if let absolute {
            switch absolute.format {
            case .timeOfDay: appendTimeOfDay(wallClock.seconds, into: &buffer)
            case .unix: buffer.appendDecimal(wallClock.seconds)
            }
            buffer.appendFraction(wallClock.nanoseconds, precision: absolute.precision)
            buffer.append(byte: UInt8(ascii: " "))
        }
        if let relative {
            let elapsed = previousLine.map { monotonic.totalNanoseconds &- min($0.totalNanoseconds, monotonic.totalNanoseconds) } ?? 0
            previousLine = monotonic
            if absolute != nil { buffer.append("(+" as StaticString) }
            buffer.appendSeconds(elapsed / 1_000_000_000, nanoseconds: UInt32(elapsed % 1_000_000_000),
                                 precision: relative, minimumWidth: 6)
            buffer.append(absolute != nil ? ") " as StaticString : " ")
        }
    }

    private mutating func appendTimeOfDay(_ seconds: Int64, into buffer: inout TextBuffer) {
        if seconds != cachedSecond {
            cachedTimeOfDay = zone.timeOfDay(seconds)
            cachedSecond = seconds
        }
        buffer.appendDigits(UInt64(cachedTimeOfDay.hour), radix: 10, minimumDigits: 2)
        buffer.append(byte: UInt8(ascii: ":"))
        buffer.appendDigits(UInt64(cachedTimeOfDay.minute), radix: 10, minimumDigits: 2)
        buffer.append(byte: UInt8(ascii: ":"))
        buffer.appendDigits(UInt64(cachedTimeOfDay.second), radix: 10, minimumDigits: 2)
    }
}

/// Which clock on the wall `-t` reads: the local one (strace's localtime(3), from `TZ` or
/// /etc/localtime), or a fixed offset from UTC (for tests, and for `TZ=UTC`-like use).
public enum TimestampZone: Sendable, Equatable {
    case local
    case fixedOffset(seconds: Int64)

    /// Hour, minute and second of the day at `seconds` since the epoch.
    func timeOfDay(_ seconds: Int64) -> (hour: Int32, minute: Int32, second: Int32) {
        switch self {
        case .local:
            var time = time_t(seconds)
            var broken = tm()
            guard localtime_r(&time, &broken) != nil else { return (0, 0, 0) }
            return (broken.tm_hour, broken.tm_min, broken.tm_sec)
        case .fixedOffset(let offset):
            let ofDay = (seconds + offset) % 86_400
            let positive = ofDay < 0 ? ofDay + 86_400 : ofDay
            return (Int32(positive / 3600), Int32(positive / 60 % 60), Int32(positive % 60))
        }
    }
}
