import Glibc
import SyscallDecoding
import Testing
@testable import Tracing

/// Line prefixes and `-T` suffixes against what strace 6.1 printed for the same clock readings
/// (recorded with `SummaryFixture/clock-shim.c`: wall clock 1700000000.999999999 then 1 ns more per
/// line; the monotonic clock 0.999999999 s and then 1234.567899999 s more; `TZ=UTC` and
/// `TZ=Europe/Berlin`, one hour ahead in November).
@Suite struct TimestampFormatTests {
    static let wallClock = [
        ClockReading(seconds: 1_700_000_000, nanoseconds: 999_999_999),
        ClockReading(seconds: 1_700_000_001, nanoseconds: 0),
        ClockReading(seconds: 1_700_000_001, nanoseconds: 1),
    ]
    static let monotonic = [
        ClockReading(seconds: 5000, nanoseconds: 0),
        ClockReading(seconds: 5000, nanoseconds: 999_999_999),
        ClockReading(seconds: 6235, nanoseconds: 567_899_998),
    ]

    static func prefixes(_ absolute: TimestampStyle?, _ relative: TimePrecision?,
                         zone: TimestampZone = .fixedOffset(seconds: 0)) -> [String] {
        var timestamps = LineTimestamps(absolute: absolute, relative: relative, zone: zone)
        return zip(wallClock, monotonic).map { wall, mono in
            var buffer = TextBuffer()
            timestamps.appendPrefix(wallClock: wall, monotonic: mono, into: &buffer)
            return String(decoding: buffer.bytes, as: UTF8.self)
        }
    }

    static let time = TimestampStyle.Format.timeOfDay
    static let unix = TimestampStyle.Format.unix

    @Test("absolute forms", arguments: [
        // -t
        (time, TimePrecision.seconds, ["22:13:20 ", "22:13:21 ", "22:13:21 "]),
        // -tt
        (time, .microseconds, ["22:13:20.999999 ", "22:13:21.000000 ", "22:13:21.000000 "]),
        // --absolute-timestamps=precision:ms and =ns
        (time, .milliseconds, ["22:13:20.999 ", "22:13:21.000 ", "22:13:21.000 "]),
        (time, .nanoseconds, ["22:13:20.999999999 ", "22:13:21.000000000 ", "22:13:21.000000001 "]),
        // -ttt
        (unix, .microseconds, ["1700000000.999999 ", "1700000001.000000 ", "1700000001.000000 "]),
        // --absolute-timestamps=format:unix[,precision:s|ms|ns]
        (unix, .seconds, ["1700000000 ", "1700000001 ", "1700000001 "]),
        (unix, .milliseconds, ["1700000000.999 ", "1700000001.000 ", "1700000001.000 "]),
        (unix, .nanoseconds, ["1700000000.999999999 ", "1700000001.000000000 ", "1700000001.000000001 "]),
    ])
    func absolute(format: TimestampStyle.Format, precision: TimePrecision, expected: [String]) {
        #expect(Self.prefixes(TimestampStyle(format: format, precision: precision), nil) == expected)
    }

    @Test func timeOfDayInAnotherZone() {
        let berlin = TimestampZone.fixedOffset(seconds: 3600)
        #expect(Self.prefixes(TimestampStyle(format: .timeOfDay, precision: .seconds), nil, zone: berlin)
            == ["23:13:20 ", "23:13:21 ", "23:13:21 "])
    }

    /// The local zone is the C library's (localtime_r), as strace's localtime(3).
    @Test func localZoneIsTheCLibrarys() {
        var seconds = time_t(1_700_000_000)
        var broken = tm()
        localtime_r(&seconds, &broken)
        var text = [CChar](repeating: 0, count: 16)
        let count = strftime(&text, 16, "%T", &broken)
        let expected = String(decoding: text.prefix(count).map { UInt8(bitPattern: $0) }, as: UTF8.self) + " "
        #expect(Self.prefixes(TimestampStyle(format: .timeOfDay, precision: .seconds), nil, zone: .local)[0] == expected)
    }

    @Test("-r: the time since the previous line began", arguments: [
        (TimePrecision.microseconds, ["     0.000000 ", "     0.999999 ", "  1234.567899 "]),
        (.seconds, ["     0 ", "     0 ", "  1234 "]),
        (.milliseconds, ["     0.000 ", "     0.999 ", "  1234.567 "]),
        (.nanoseconds, ["     0.000000000 ", "     0.999999999 ", "  1234.567899999 "]),
    ])
    func relative(precision: TimePrecision, expected: [String]) {
        #expect(Self.prefixes(nil, precision) == expected)
    }

    @Test("-r with -t, -tt, -ttt", arguments: [
        (TimestampStyle(format: .timeOfDay, precision: .seconds), TimePrecision.microseconds,
         ["22:13:20 (+     0.000000) ", "22:13:21 (+     0.999999) ", "22:13:21 (+  1234.567899) "]),
        (TimestampStyle(format: .unix, precision: .microseconds), .microseconds,
         ["1700000000.999999 (+     0.000000) ", "1700000001.000000 (+     0.999999) ",
          "1700000001.000000 (+  1234.567899) "]),
        (TimestampStyle(format: .timeOfDay, precision: .microseconds), .nanoseconds,
         ["22:13:20.999999 (+     0.000000000) ", "22:13:21.000000 (+     0.999999999) ",
          "22:13:21.000000 (+  1234.567899999) "]),
        (TimestampStyle(format: .timeOfDay, precision: .seconds), .seconds,
         ["22:13:20 (+     0) ", "22:13:21 (+     0) ", "22:13:21 (+  1234) "]),
    ])
    func both(absolute: TimestampStyle, relative: TimePrecision, expected: [String]) {
        #expect(Self.prefixes(absolute, relative) == expected)
    }

    @Test func noOptionsNoPrefix() {
        #expect(LineTimestamps(absolute: nil, relative: nil).isEmpty)
        #expect(Self.prefixes(nil, nil) == ["", "", ""])
    }

    @Test("-T: the call's duration, truncated", arguments: [
        (UInt64(999_999_999), TimePrecision.microseconds, " <0.999999>"),
        (999_999_999, .seconds, " <0>"),
        (999_999_999, .milliseconds, " <0.999>"),
        (999_999_999, .nanoseconds, " <0.999999999>"),
        (1_234_567_899_999, .microseconds, " <1234.567899>"),
        (56_000, .microseconds, " <0.000056>"),
    ])
    func syscallDuration(nanoseconds: UInt64, precision: TimePrecision, expected: String) {
        var buffer = TextBuffer()
        buffer.appendSyscallDuration(nanoseconds: nanoseconds, precision: precision)
        #expect(String(decoding: buffer.bytes, as: UTF8.self) == expected)
    }
}
