import Glibc
import SyscallDecoding

/// A moment on one of the clocks the trace prints: whole seconds and nanoseconds, as a timespec.
public struct ClockReading: Sendable, Equatable {
    public var seconds: Int64
    public var nanoseconds: UInt32

    public init(seconds: Int64, nanoseconds: UInt32) {
        self.seconds = seconds
        self.nanoseconds = nanoseconds
    }

    /// `clock_gettime(clock)`; no allocation.
    public static func now(_ clock: clockid_t) -> ClockReading {
        var time = timespec()
        clock_gettime(clock, &time)
        return ClockReading(seconds: Int64(time.tv_sec), nanoseconds: UInt32(time.tv_nsec))
    }

    /// CLOCK_REALTIME: what `-t`, `-tt`, `-ttt` print.
    public static func wallClock() -> ClockReading { now(CLOCK_REALTIME) }

    /// CLOCK_MONOTONIC: what `-r`, `-T` and `-c -w` measure differences on.
    public static func monotonic() -> ClockReading { now(CLOCK_MONOTONIC) }

    /// Nanoseconds since the clock's zero (monotonic readings: since boot).
    public var totalNanoseconds: UInt64 {
        UInt64(max(0, seconds)) &* 1_000_000_000 &+ UInt64(nanoseconds)
    }
}

extension TextBuffer {
    /// `seconds`, then `.` and the fraction truncated to `precision` (nothing for whole seconds):
    /// how strace prints every time (`1234.567899`, `0.000`, `12`).
    mutating func appendSeconds(_ seconds: UInt64, nanoseconds: UInt32, precision: TimePrecision, minimumWidth: Int = 1) {
        let digits = decimalDigitCount(seconds)
        if digits < minimumWidth { bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: minimumWidth - digits)) }
        appendDecimal(seconds)
        appendFraction(nanoseconds, precision: precision)
    }

    /// `.` and the first `precision` digits of `nanoseconds` (truncated, as strace does).
    mutating func appendFraction(_ nanoseconds: UInt32, precision: TimePrecision) {
        guard precision.digits > 0 else { return }
        var divisor: UInt32 = 1
        for _ in precision.digits..<9 { divisor *= 10 }
        append(byte: UInt8(ascii: "."))
        appendDigits(UInt64(nanoseconds / divisor), radix: 10, minimumDigits: precision.digits)
    }
}

private func decimalDigitCount(_ value: UInt64) -> Int {
    var count = 1
    var rest = value / 10
    while rest > 0 { count += 1; rest /= 10 }
    return count
}
