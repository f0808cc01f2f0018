import Glibc

/// strace's "time specification" (`man strace`, section "Time specification format description"),
/// taken by `-O` and later by `-e inject=delay_enter/delay_exit`: a decimal number as strtod(3)
/// reads it, then an optional unit `s`, `ms`, `us` or `ns`; microseconds without one.
///
/// Checked against strace 6.1: leading blanks and a sign are taken, `-0` is, negative values are
/// not; hexadecimal, `inf`, `nan`, a value out of double's normal range, a blank after the number
/// and any other suffix are refused.
enum TimeSpecification {
    /// The value in nanoseconds, or nil when strace would refuse the text.
    static func nanoseconds(_ text: String) -> Double? {
        let bytes = Array(text.utf8)
        guard let numberEnd = decimalNumberEnd(bytes) else { return nil }
        let unit: Double
        switch String(decoding: bytes[numberEnd...], as: UTF8.self) {
        case "": unit = 1000
        case "s": unit = 1_000_000_000
        case "ms": unit = 1_000_000
        case "us": unit = 1000
        case "ns": unit = 1
        default: return nil
        }
        // strtod does the conversion so that rounding, overflow and underflow are C's own.
        let number = Array(bytes[..<numberEnd]) + [0]
        errno = 0
        let value = number.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { strtod($0.baseAddress!, nil) }
        }
        guard errno == 0, value.isFinite, !(value < 0) else { return nil }
        return value * unit
    }

    /// Where a decimal floating-point number at the start of `bytes` ends (strtod's grammar without
    /// its hexadecimal, infinity and NaN forms), or nil when there is none.
    private static func decimalNumberEnd(_ bytes: [UInt8]) -> Int? {
        var index = 0
        func isDigit(_ at: Int) -> Bool { at < bytes.count && bytes[at] >= UInt8(ascii: "0") && bytes[at] <= UInt8(ascii: "9") }
        while index < bytes.count, [0x20, 0x09, 0x0a, 0x0b, 0x0c, 0x0d].contains(bytes[index]) { index += 1 }
        if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
        var digits = 0
        while isDigit(index) { index += 1; digits += 1 }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            while isDigit(index) { index += 1; digits += 1 }
        }
        guard digits > 0 else { return nil }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            var exponent = index + 1
            if exponent < bytes.count, bytes[exponent] == UInt8(ascii: "+") || bytes[exponent] == UInt8(ascii: "-") {
                exponent += 1
            }
            // strtod leaves a bare `e` unread; no unit starts with one, so the text is refused.
            guard isDigit(exponent) else { return nil }
            while isDigit(exponent) { exponent += 1 }
            index = exponent
        }
        return index
    }
}
