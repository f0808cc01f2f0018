import Glibc

extension TextBuffer {
    /// ` /* 2023-11-14T22:13:20.5+0000 */` after a time in seconds, as strace comments one: the
    /// local date and time (the tracer's TZ), the nanoseconds when there are any, the UTC offset.
    mutating func appendTimeComment(seconds: Int64, nanoseconds: UInt64) {
        var time = time_t(seconds)
        var parts = tm()
        guard localtime_r(&time, &parts) != nil else { return }
        append(" /* ")
        appendFormattedTime(&parts, "%FT%T")
        if nanoseconds != 0 {
            append(".")
            appendDigits(nanoseconds, radix: 10, minimumDigits: 9)
        }
        appendFormattedTime(&parts, "%z")
        append(" */")
    }

    private mutating func appendFormattedTime(_ parts: inout tm, _ format: StaticString) {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: 64) { buffer in
            let count = format.withUTF8Buffer { format in
                format.baseAddress!.withMemoryRebound(to: CChar.self, capacity: format.count + 1) {
                    strftime(buffer.baseAddress!, buffer.count, $0, &parts)
                }
            }
            buffer.baseAddress!.withMemoryRebound(to: UInt8.self, capacity: count) {
                append(contentsOf: UnsafeBufferPointer(start: $0, count: count))
            }
        }
    }
}
