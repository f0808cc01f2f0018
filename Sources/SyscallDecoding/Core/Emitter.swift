/// The only thing decoders write through. A decoder says what a value is (an fd, flags from a
/// table, a struct with named fields); the emitter decides the bytes. strace's text is its one
/// style today; another style (JSON Lines) changes this type, not the decoders.
///
/// Separators are the emitter's business: inside a struct or an array, every item after the
/// first is preceded by `, `. The nesting is tracked in a bit stack, so emitting allocates nothing.
public struct Emitter {
    public var text: TextBuffer
    /// Bit n: the item at depth n already has a member, so the next one needs `, `.
    private var hasMember: UInt64 = 0
    private var depth = 0

    public init(text: TextBuffer) {
        self.text = text
    }

    // MARK: Scalars

    public mutating func int(_ value: Int64) { text.appendDecimal(value) }
    public mutating func uint(_ value: UInt64) { text.appendDecimal(value) }
    /// Where strace prints a number in hex: `0x1f`, `0`.
    public mutating func hex(_ value: UInt64) { text.appendHex(value) }
    /// A pointer that is not followed: `NULL` or `0x7ffc...`.
    public mutating func pointer(_ value: UInt64) {
        if value == 0 { text.append("NULL") } else { text.appendHex(value) }
    }
    public mutating func fd(_ value: Int32) { text.appendDecimal(Int64(value)) }
    /// A file mode or mask in octal: `0644`, `022`.
    public mutating func octal(_ value: UInt64) { text.appendOctalMode(value) }
    /// A bare name (a constant that has no table, `NULL`, `SIG_DFL`).
    public mutating func name(_ name: StaticString) { text.append(name) }
    /// Free text that is part of the value's syntax in this style (`makedev(`, `*1024`).
    public mutating func raw(_ fragment: StaticString) { text.append(fragment) }

    /// `NAME|NAME|0x...`: the table's names whose bits are all set, then the leftover bits in
    /// hex; the table's zero name (or `0`) for 0.
    public mutating func flags(_ value: UInt64, _ table: FlagTable) {
        if value == 0 {
            if let zero = table.zero { text.append(zero) } else { text.append(byte: UInt8(ascii: "0")) }
            return
        }
        var rest = value
        var first = true
        for entry in table.entries where entry.bits != 0 && rest & entry.bits == entry.bits {
            if !first { text.append(byte: UInt8(ascii: "|")) }
            text.append(entry.name)
            rest &= ~entry.bits
            first = false
        }
        if rest != 0 {
            if !first { text.append(byte: UInt8(ascii: "|")) }
            text.appendHex(rest)
        }
    }

    /// A value's name from the table; unknown values print in hex with strace's
    /// `/* PREFIX_??? */` comment when `unknown` is given, in decimal otherwise.
    public mutating func constant(_ value: UInt64, _ table: ConstantTable, unknown: StaticString? = nil) {
        if let name = table.name(of: value) { return text.append(name) }
        if let unknown {
            text.appendHex(value)
            text.append(" /* ")
            text.append(unknown)
            text.append(" */")
        } else {
            text.appendDecimal(value)
        }
    }

    /// Bytes as a quoted C string (`"abc\n"...` when `truncated`).
    public mutating func bytes<C: Collection>(_ bytes: C, truncated: Bool = false) where C.Element == UInt8 {
        text.appendQuoted(bytes, truncated: truncated)
    }

    /// Bytes as a quoted string with every byte as `\xNN` (getrandom's output).
    public mutating func hexBytes(_ bytes: UnsafeRawBufferPointer, truncated: Bool = false) {
        text.append(byte: UInt8(ascii: "\""))
        for byte in bytes {
            text.append("\\x")
            text.appendDigits(UInt64(byte), radix: 16, minimumDigits: 2)
        }
        text.append(byte: UInt8(ascii: "\""))
        if truncated { text.append("...") }
    }

    /// A comment after a value: ` /* 5 entries */`.
    public mutating func beginComment() { text.append(" /* ") }
    public mutating func endComment() { text.append(" */") }

    // MARK: Structures

    public mutating func beginStruct() { open(UInt8(ascii: "{")) }
    public mutating func endStruct() { close(UInt8(ascii: "}")) }
    public mutating func beginArray() { open(UInt8(ascii: "[")) }
    public mutating func endArray() { close(UInt8(ascii: "]")) }

    /// Starts the next struct member: `, ` unless it is the first, then `name=`.
    public mutating func field(_ name: StaticString) {
        separate()
        text.append(name)
        text.append(byte: UInt8(ascii: "="))
    }

    /// Starts the next array element (or an unnamed struct member).
    public mutating func element() { separate() }

    /// `...`: the members strace leaves out unless `-v`.
    public mutating func abbreviated() {
        separate()
        text.append("...")
    }

    /// ` => `: between a value as it was at entry and as it is at exit.
    public mutating func changed() { text.append(" => ") }

    private mutating func separate() {
        let bit: UInt64 = 1 << UInt64(depth & 63)
        if hasMember & bit != 0 { text.append(", ") }
        hasMember |= bit
    }

    private mutating func open(_ bracket: UInt8) {
        text.append(byte: bracket)
        depth += 1
        hasMember &= ~(1 << UInt64(depth & 63))
    }

    private mutating func close(_ bracket: UInt8) {
        text.append(byte: bracket)
        hasMember &= ~(1 << UInt64(depth & 63))
        depth -= 1
    }
}
