extension TextBuffer {
    /// Appends `bytes` as a C string literal the way strace prints one: printable ASCII as is,
    /// `\t \n \v \f \r \" \\` escaped, anything else as the shortest octal escape (three digits when
    /// a digit follows, so that the escape cannot swallow it). `truncated` adds `...` after the quote.
    /// `escapes` is `-x`/`-xx`/`--strings-in-hex=`.
    public mutating func appendQuoted<C: Collection>(_ bytes: C, truncated: Bool = false,
                                                     escapes: StringEscapes = .octal) where C.Element == UInt8 {
        append(byte: UInt8(ascii: "\""))
        appendEscaped(bytes, escapes: escapes, alsoEscaping: nil)
        append(byte: UInt8(ascii: "\""))
        if truncated { append("...") }
    }

    /// A descriptor's path as `-y` shows it after the number, `<` and `>` included: escaped as a
    /// string is, and `<` `>` escaped too so that the brackets stay unambiguous.
    public mutating func appendDescriptorPath<C: Collection>(_ bytes: C, escapes: StringEscapes)
    where C.Element == UInt8 {
        append(byte: UInt8(ascii: "<"))
        appendEscaped(bytes, escapes: escapes, alsoEscaping: (UInt8(ascii: "<"), UInt8(ascii: ">")))
        append(byte: UInt8(ascii: ">"))
    }

    /// A descriptor's path escaped as `appendDescriptorPath` escapes it, without the brackets
    /// (the device `-yy` prints as `</dev/null<char 1:3>>`).
    mutating func appendDescriptorPathBody<C: Collection>(_ bytes: C, escapes: StringEscapes)
    where C.Element == UInt8 {
        appendEscaped(bytes, escapes: escapes, alsoEscaping: (UInt8(ascii: "<"), UInt8(ascii: ">")))
    }

    /// The body of a quoted string, without the quotes.
    private mutating func appendEscaped<C: Collection>(_ bytes: C, escapes: StringEscapes,
                                                       alsoEscaping extra: (UInt8, UInt8)?) where C.Element == UInt8 {
        if escapes == .hexAll || (escapes == .hexWhenNonASCII && bytes.contains(where: needsHexString)) {
            for byte in bytes { appendHexEscape(byte) }
            return
        }
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
            case 0x20..<0x7f where extra.map({ byte != $0.0 && byte != $0.1 }) ?? true: append(byte: byte)
            default:
                if escapes == .octal {
                    let digitFollows = next != bytes.endIndex && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[next])
                    appendOctalEscape(byte, fullWidth: digitFollows)
                } else {
                    appendHexEscape(byte)
                }
            }
            index = next
        }
    }

    /// `-x`: a byte that makes the whole string print in hex: not printable ASCII, and not one of
    /// the white space characters C names (`\t \n \v \f \r`).
    private func needsHexString(_ byte: UInt8) -> Bool {
        byte > 0x7e || (byte < 0x20 && !(0x09...0x0d).contains(byte))
    }

    private mutating func appendHexEscape(_ byte: UInt8) {
        append("\\x")
        appendDigits(UInt64(byte), radix: 16, minimumDigits: 2)
    }

    /// `\0`, `\33`, `\177`; all three digits when `fullWidth` (a digit follows).
    private mutating func appendOctalEscape(_ byte: UInt8, fullWidth: Bool) {
        append(byte: UInt8(ascii: "\\"))
        if fullWidth || byte >= 0o100 { append(byte: UInt8(ascii: "0") + (byte >> 6)) }
        if fullWidth || byte >= 0o10 { append(byte: UInt8(ascii: "0") + ((byte >> 3) & 7)) }
        append(byte: UInt8(ascii: "0") + (byte & 7))
    }
}
