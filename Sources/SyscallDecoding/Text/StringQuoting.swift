extension TextBuffer {
    /// Appends `bytes` as a C string literal the way strace prints one: printable ASCII as is,
    /// `\t \n \v \f \r \" \\` escaped, anything else as the shortest octal escape (three digits when
    /// a digit follows, so that the escape cannot swallow it). `truncated` adds `...` after the quote.
    public mutating func appendQuoted<C: Collection>(_ bytes: C, truncated: Bool = false) where C.Element == UInt8 {
        append(byte: UInt8(ascii: "\""))
        var index = bytes.startIndex
        while index != bytes.endIndex {
            let byte = bytes[index]
            let next = bytes.index(after: index)
            switch byte {
            case UInt8(ascii: "\""): append("\\\"")
            case UInt8(ascii: "\\"): append("\\\\")
            case 0x09: append("\\t")
            case 0x0a: append("\\n")
            case 0x0b: append("\\v")
            case 0x0c: append("\\f")
            case 0x0d: append("\\r")
            case 0x20..<0x7f: append(byte: byte)
            default:
                append(byte: UInt8(ascii: "\\"))
                let digitFollows = next != bytes.endIndex && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[next])
                if digitFollows || byte >= 0o100 { append(byte: UInt8(ascii: "0") + (byte >> 6)) }
                if digitFollows || byte >= 0o10 { append(byte: UInt8(ascii: "0") + ((byte >> 3) & 7)) }
                append(byte: UInt8(ascii: "0") + (byte & 7))
            }
            index = next
        }
        append(byte: UInt8(ascii: "\""))
        if truncated { append("...") }
    }
}
