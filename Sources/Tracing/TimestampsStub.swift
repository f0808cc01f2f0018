import Glibc
import SyscallDecoding

// TEMPORARY: replaced by the summary helper's Timestamps.swift at merge.
enum Timestamps {
    static func appendAbsolute(_ nanoseconds: UInt64, style: TimestampStyle, to out: inout TextBuffer) {
        var seconds = time_t(nanoseconds / 1_000_000_000)
        if style.format == .timeOfDay {
            var parts = tm()
            localtime_r(&seconds, &parts)
            out.appendDigits(UInt64(parts.tm_hour), radix: 10, minimumDigits: 2)
            out.append(":")
            out.appendDigits(UInt64(parts.tm_min), radix: 10, minimumDigits: 2)
            out.append(":")
            out.appendDigits(UInt64(parts.tm_sec), radix: 10, minimumDigits: 2)
        } else {
            out.appendDecimal(UInt64(seconds))
        }
        appendFraction(nanoseconds, precision: style.precision, to: &out)
    }

    static func appendRelative(_ nanoseconds: UInt64, precision: TimePrecision, to out: inout TextBuffer) {
        let seconds = nanoseconds / 1_000_000_000
        var digits = 1
        var rest = seconds / 10
        while rest > 0 { digits += 1; rest /= 10 }
        if digits < 6 { for _ in digits..<6 { out.append(" ") } }
        out.appendDecimal(seconds)
        appendFraction(nanoseconds, precision: precision, to: &out)
    }

    static func appendSeconds(_ nanoseconds: UInt64, precision: TimePrecision, to out: inout TextBuffer) {
        out.appendDecimal(nanoseconds / 1_000_000_000)
        appendFraction(nanoseconds, precision: precision, to: &out)
    }

    private static func appendFraction(_ nanoseconds: UInt64, precision: TimePrecision, to out: inout TextBuffer) {
        guard precision.digits > 0 else { return }
        var fraction = nanoseconds % 1_000_000_000
        for _ in 0..<(9 - precision.digits) { fraction /= 10 }
        out.append(".")
        out.appendDigits(fraction, radix: 10, minimumDigits: precision.digits)
    }
}
