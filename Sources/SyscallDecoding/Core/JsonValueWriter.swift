/// The JSON style of the `Emitter` (`--output-format=json`): while the emitter writes strace's
/// text as always, this writes the same values as typed JSON (docs/json.md).
///
/// Decoders say what a value is through the emitter's methods; each method writes one typed value
/// here. The text is cut into *slots*: an argument (between top-level `, `), a struct member, an
/// array element, the result. A slot whose text was written by exactly one typed value is that
/// value. A slot that also holds free text (a decoder's `raw("makedev(")`, a comment, bytes written
/// straight into `text`) becomes `{"type":"text","text":...,"values":[...]}`: its strace text
/// beside the typed values inside it, so nothing a decoder prints is lost or needs a second decoder.
///
/// Free text is found by counting: every byte a typed value (or the struct/array syntax) writes to
/// the text is added to `typedBytes`; a slot whose text is longer than that holds free text.
///
/// One writer lives in each formatter and is reused by every stop: its buffers keep their capacity.
/// (Unchecked Sendable: as the formatter's arena, it is used by the one tracing thread only; for
/// the same reason its properties skip the runtime's exclusivity checks, a third of its cost.)
public final class JsonValueWriter: @unchecked Sendable {
    /// The JSON written so far (the sink takes it after each half of a call).
    @exclusivity(unchecked) public var json = TextBuffer(capacity: 1024)
    /// Text bytes accounted for by typed values and by slots already written as text.
    @exclusivity(unchecked) var typedBytes = 0
    @exclusivity(unchecked) private var frames: [Frame] = []
    @exclusivity(unchecked) private var slot = Slot(kind: .argument, jsonStart: 0, valueStart: 0, textStart: 0, typedStart: 0)
    @exclusivity(unchecked) private var slots: [Slot] = []
    /// Kind and (for `int`) value of the last typed value, for the result's `"retval"`.
    @exclusivity(unchecked) private(set) var lastKind = ValueKind.other
    @exclusivity(unchecked) private(set) var lastInt: Int64 = 0
    /// `(` minus `)` in free text at the top level: a `, ` inside `makedev(0x8, 0x1)` is no
    /// argument separator.
    @exclusivity(unchecked) private var parenDepth = 0
    /// Where the JSON of the last top-level argument starts (and of the one before it, for when
    /// the last turns out empty): the entry half's last argument is the `in` of an exit half that
    /// starts with ` => ` (clone3's `{...} => {parent_tid=[42]}`).
    @exclusivity(unchecked) private var lastArgumentStart = -1
    @exclusivity(unchecked) private var previousArgumentStart = -1
    /// An open ` /* ` comment: where its text and the JSON written since start, and what
    /// `typedBytes` was at its start (its ` /* ` counted).
    @exclusivity(unchecked) private var comment: (textStart: Int, jsonStart: Int, typedBytes: Int)?
    /// The length of the JSON of the entry half's last argument (`begin`), 0 for none.
    @exclusivity(unchecked) private var entryLastArgumentLength = 0

    /// The length of the JSON of the last top-level argument written since `begin`, 0 for none.
    var lastArgumentLength: Int { lastArgumentStart < 0 ? 0 : json.bytes.count - lastArgumentStart }

    enum ValueKind { case int, other }

    /// `operation`: an array of operands that is left out when it has one operand only.
    /// `indexed`: an array element shown with its index (`[VMIN]=1`), its two members keyed
    /// `index` and `value` in the value's own object.
    enum FrameKind { case root, structure, array, operation, indexed }
    private struct Frame {
        var kind: FrameKind
        var members = 0
        var abbreviated = false
        /// Where the container's own JSON starts (after its comma), and its members.
        var jsonStart = 0
        var membersStart = 0
    }

    enum SlotKind { case argument, member, result }
    private struct Slot {
        var kind: SlotKind
        /// Where the slot's JSON starts (before its separating comma) and where its value starts.
        var jsonStart: Int
        var valueStart: Int
        var textStart: Int
        var typedStart: Int
        var parts = 0
        /// `=>` was seen: the slot's value is `{"type":"changed","in":...,"out":` and this one.
        var changed = false
        /// `argument(named:)`: the slot's value is `{"type":"named","name":...,"value":` and this one
        /// (`label`: `{"type":"labeled","label":...,"value":`).
        var name: StaticString?
        var labeled = false

        init(kind: SlotKind, jsonStart: Int, valueStart: Int, textStart: Int, typedStart: Int) {
            self.kind = kind
            self.jsonStart = jsonStart
            self.valueStart = valueStart
            self.textStart = textStart
            self.typedStart = typedStart
        }
    }

    public init() {
        frames.reserveCapacity(16)
        slots.reserveCapacity(16)
    }

    // MARK: Calls (the formatter)

    /// Starts writing top-level values (arguments, or the result) into `json`, for text that
    /// starts at `textStart`. `commaFirst`: the first argument follows others (the exit half).
    func begin(_ kind: SlotKind, textStart: Int, commaFirst: Bool, entryLastArgumentLength: Int = 0) {
        frames.removeAll(keepingCapacity: true)
        slots.removeAll(keepingCapacity: true)
        frames.append(Frame(kind: .root, members: commaFirst ? 1 : 0))
        parenDepth = 0
        comment = nil
        lastKind = .other
        typedBytes = 0
        lastArgumentStart = -1
        previousArgumentStart = -1
        self.entryLastArgumentLength = entryLastArgumentLength
        openSlot(kind, text: textStart, typedStart: 0, key: nil)
    }

    /// Ends the top-level value begun last; `text` is the emitter's text.
    func end(text: TextBuffer) {
        closeSlot(text: text)
    }

    // MARK: Values (the emitter)

    /// Before a typed value whose text starts at `textStart`: the comma between values of one
    /// slot. A value first in a struct or array without `element()` before it is its first member.
    @inline(__always) func beginValue(textStart: Int) {
        if slot.parts < 0 { openImplicitMember(textStart: textStart) }
        if slot.parts > 0 { json.append(byte: UInt8(ascii: ",")) }
        slot.parts += 1
        lastKind = .other
    }

    /// After a typed value that wrote the text from `textStart` on.
    @inline(__always) func endValue(textStart: Int, text: TextBuffer) {
        typedBytes += text.bytes.count - textStart
    }

    func noteInt(_ value: Int64) {
        lastKind = .int
        lastInt = value
    }

    private func openImplicitMember(textStart: Int) {
        let isStructure = frames[frames.count - 1].kind == .structure
        openSlot(.member, text: slot.textStart, typedStart: typedBytes, key: isStructure ? "" : nil)
    }

    /// Free text written by the emitter itself (`raw`): at the top level, `, ` outside
    /// parentheses separates arguments.
    func freeText(_ fragment: StaticString, text: TextBuffer) -> Bool {
        let isTopLevel = frames.count == 1 && slot.kind == .argument
        if isTopLevel && parenDepth == 0 && fragment.utf8CodeUnitCount == 2 {
            let bytes = fragment.utf8Start
            if bytes[0] == UInt8(ascii: ",") && bytes[1] == UInt8(ascii: " ") {
                nextArgument(textEnd: text.bytes.count - 2, text: text)
                return true
            }
        }
        if isTopLevel {
            fragment.withUTF8Buffer { buffer in
                for byte in buffer {
                    if byte == UInt8(ascii: "(") { parenDepth += 1 }
                    if byte == UInt8(ascii: ")") { parenDepth -= 1 }
                }
            }
        }
        return false
    }

    /// The separator after an argument was written to the text (its bytes end at `textEnd + 2`).
    private func nextArgument(textEnd: Int, text: TextBuffer) {
        closeSlot(text: text, textEnd: textEnd)
        openSlot(.argument, text: text.bytes.count, typedStart: typedBytes, key: nil)
    }

    func beginContainer(isArray: Bool, textStart: Int) {
        beginValue(textStart: textStart)
        let headerStart = json.bytes.count
        json.append(isArray ? "{\"type\":\"array\",\"items\":[" : "{\"type\":\"struct\",\"fields\":{")
        openFrame(isArray ? .array : .structure, headerStart: headerStart, textStart: textStart, openingBytes: 1)
    }

    /// After `beginValue` and the JSON that opens a container (from `headerStart`, its `[` or `{`
    /// last): members follow. `openingBytes`: the text that opens it (`[`, `htons(`), from
    /// `textStart` on.
    func openFrame(_ kind: FrameKind, headerStart: Int, textStart: Int, openingBytes: Int) {
        slots.append(slot)
        frames.append(Frame(kind: kind, jsonStart: headerStart, membersStart: json.bytes.count))
        typedBytes += openingBytes
        slot = Slot(kind: .member, jsonStart: json.bytes.count, valueStart: json.bytes.count,
                    textStart: textStart + openingBytes, typedStart: typedBytes)
        slot.parts = -1  // no member open yet
    }

    /// Closes the container opened last; `closingBytes`: the text that closed it (`]`, `)`).
    func endContainer(text: TextBuffer, closingBytes: Int = 1) {
        let closeAt = text.bytes.count - closingBytes
        if slot.parts >= 0 { closeSlot(text: text, textEnd: closeAt) }
        let frame = frames.removeLast()
        typedBytes += closingBytes
        slot = slots.removeLast()
        lastKind = .other
        if frame.kind == .operation && frame.members == 1 && !frame.abbreviated {
            // One operand: the operand is the value.
            json.bytes.removeSubrange(frame.jsonStart..<frame.membersStart)
            return
        }
        if frame.kind != .indexed { json.append(frame.kind == .structure ? "}" : "]") }
        if frame.abbreviated { json.append(frame.kind == .structure ? ",\"abbreviated\":true" : ",\"truncated\":true") }
        json.append(byte: UInt8(ascii: "}"))
    }

    /// The next member of the struct or array: `name` for a named field. The emitter wrote the
    /// separator and the name to the text from `textBefore` on.
    func member(_ name: StaticString?, textBefore: Int, text: TextBuffer) {
        let textStart = text.bytes.count
        if frames.count == 1 {
            // element() at the top level separates arguments, as `, ` does.
            if textStart > textBefore { nextArgument(textEnd: textBefore, text: text) }
            return
        }
        if slot.parts >= 0 { closeSlot(text: text, textEnd: textBefore) }
        typedBytes += textStart - textBefore
        var key: StaticString? = name
        if frames[frames.count - 1].kind == .structure && name == nil { key = "" }
        if frames[frames.count - 1].kind == .array { key = nil }
        openSlot(.member, text: textStart, typedStart: typedBytes, key: key)
    }

    /// `[` of an indexed array element was written to the text at `textStart`: the index follows.
    func beginIndexed(textStart: Int, text: TextBuffer) {
        beginValue(textStart: textStart)
        let headerStart = json.bytes.count
        json.append("{\"type\":\"indexed\",")
        openFrame(.indexed, headerStart: headerStart, textStart: textStart, openingBytes: 1)
        member("index", textBefore: textStart + 1, text: text)
    }

    /// The exit half's first value goes on with the struct that ends the entry half
    /// (`Emitter.suspendStruct`): the entry's last argument is reopened, its closing `}}` taken
    /// off, and so is its last member, which a ` => ` may still change. Nothing happens when that
    /// argument is not a typed struct (its members then follow as the exit's text).
    func resumeStruct() {
        guard frames.count == 1, slot.kind == .argument, slot.parts == 0, entryLastArgumentLength > 0,
              slot.jsonStart == json.bytes.count - 1 else { return }
        let structStart = json.bytes.count - 1 - entryLastArgumentLength
        let header = "{\"type\":\"struct\",\"fields\":{".utf8
        // A struct closed by `suspendStruct` ends `}}` (`...,"abbreviated":true}` is not resumed).
        guard json.bytes[structStart...].starts(with: header), json.bytes.count - structStart > header.count + 2,
              json.bytes[json.bytes.count - 3] == UInt8(ascii: "}"), json.bytes[json.bytes.count - 2] == UInt8(ascii: "}"),
              let member = Self.lastMember(json.bytes, from: structStart + header.count, end: json.bytes.count - 3) else { return }
        let textStart = slot.textStart
        json.bytes.removeLast(3)  // the exit's comma, then the struct's `}}`
        frames[0].members -= 1
        var argument = Slot(kind: .argument, jsonStart: structStart, valueStart: structStart, textStart: textStart, typedStart: typedBytes)
        argument.parts = 1
        lastArgumentStart = structStart
        slots.append(argument)
        frames.append(Frame(kind: .structure, members: member.count, jsonStart: structStart, membersStart: structStart + header.count))
        slot = Slot(kind: .member, jsonStart: member.jsonStart, valueStart: member.valueStart, textStart: textStart, typedStart: typedBytes)
        slot.parts = 1
    }

    /// Where the last member of the JSON object members in `bytes[from..<end]` starts (its comma)
    /// and where its value starts, and how many members there are; nil for none.
    private static func lastMember(_ bytes: [UInt8], from: Int, end: Int) -> (jsonStart: Int, valueStart: Int, count: Int)? {
        var index = from, last: (jsonStart: Int, valueStart: Int, count: Int)? = nil
        var count = 0
        while index < end {
            let memberStart = index
            if bytes[index] == UInt8(ascii: ",") { index += 1 }
            index = skipJSON(bytes, at: index)  // the key
            index += 1  // `:`
            count += 1
            last = (memberStart, index, count)
            index = skipJSON(bytes, at: index)
        }
        return last
    }

    /// The index just past the JSON value (a string, an object or array, a literal) at `index`.
    private static func skipJSON(_ bytes: [UInt8], at start: Int) -> Int {
        var index = start, depth = 0, inString = false
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if inString {
                if byte == UInt8(ascii: "\\") { index += 1 } else if byte == UInt8(ascii: "\"") { inString = false; if depth == 0 { return index } }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if depth == 0 { return index - 1 }
                depth -= 1
                if depth == 0 { return index }
            case UInt8(ascii: ","): if depth == 0 { return index - 1 }
            default: break
            }
        }
        return index
    }

    /// `...` (with its separator, written to the text from `textBefore` on): the struct or array
    /// goes on beyond what is shown. At the top level it is free text of the argument.
    func abbreviated(textBefore: Int, text: TextBuffer) {
        guard frames.count > 1 else { return }
        if slot.parts >= 0 { closeSlot(text: text, textEnd: textBefore) }
        typedBytes += text.bytes.count - textBefore
        frames[frames.count - 1].abbreviated = true
        slot.parts = -1
    }

    /// ` => ` (written to the text just before `textEnd`): what came before in this slot is the
    /// value at entry, what follows the value at exit.
    func changed(textEnd: Int, text: TextBuffer) {
        if frames.count == 1 && slot.kind == .argument && slot.parts == 0 && slot.textStart == textEnd - 4
            && entryLastArgumentLength > 0 && slot.jsonStart == json.bytes.count - 1 {
            return changedAcrossHalves(textEnd: textEnd)
        }
        finishValue(text: text, textEnd: textEnd - 4)
        insert("{\"type\":\"changed\",\"in\":", at: slot.valueStart)
        json.append(",\"out\":")
        typedBytes += 4
        slot.changed = true
        slot.valueStart = json.bytes.count
        slot.textStart = textEnd
        slot.typedStart = typedBytes
        slot.parts = 0
    }

    /// ` => ` opens the exit half: the entry's last argument (just before this slot's comma) is
    /// the value at entry; the two become one `changed` argument.
    private func changedAcrossHalves(textEnd: Int) {
        json.bytes.removeSubrange(slot.jsonStart...)
        let inStart = json.bytes.count - entryLastArgumentLength
        insert("{\"type\":\"changed\",\"in\":", at: inStart)
        json.append(",\"out\":")
        typedBytes += 4
        slot = Slot(kind: .argument, jsonStart: inStart, valueStart: json.bytes.count,
                    textStart: textEnd, typedStart: typedBytes)
        slot.changed = true
        lastArgumentStart = inStart
    }

    /// ` (` was written to the text, up to `textEnd`: the slot's value so far is annotated by
    /// the note's items that follow (`endContainer` closes the note and the annotated value).
    func beginNote(textEnd: Int, text: TextBuffer) {
        finishValue(text: text, textEnd: textEnd - 2)
        slot.parts = 1
        insert("{\"type\":\"annotated\",\"value\":", at: slot.valueStart)
        json.append(",\"note\":[")
        openFrame(.array, headerStart: json.bytes.count, textStart: textEnd - 2, openingBytes: 2)
    }

    /// ` /* ` was written to the text, up to `textEnd`: the slot's value so far is commented by
    /// what follows, up to `endComment`, which keeps the comment as a string.
    func beginComment(textEnd: Int, text: TextBuffer) {
        finishValue(text: text, textEnd: textEnd - 4)
        slot.parts = 1
        insert("{\"type\":\"commented\",\"value\":", at: slot.valueStart)
        comment = (textStart: textEnd, jsonStart: json.bytes.count, typedBytes: typedBytes + 4)
    }

    /// ` */` ends the comment begun last: the values written inside it are its text only.
    func endComment(text: TextBuffer) {
        guard let open = comment else { return }
        comment = nil
        json.bytes.removeSubrange(open.jsonStart...)
        json.append(",\"comment\":")
        json.appendJSONString(text.bytes[open.textStart..<(text.bytes.count - 3)])
        json.append(byte: UInt8(ascii: "}"))
        typedBytes = open.typedBytes + (text.bytes.count - open.textStart)
        slot.parts = 1
        lastKind = .other
    }

    /// `name ` of a note's item was written to the text, up to `textEnd`.
    func label(_ name: StaticString, textEnd: Int) {
        guard frames.count > 1, slot.kind == .member, slot.parts == 0 else { return }
        typedBytes += textEnd - slot.textStart
        slot.typedStart = typedBytes
        slot.textStart = textEnd
        slot.name = name
        slot.labeled = true
    }

    /// `name=` of a top-level argument was written to the text, up to `textEnd`.
    func argumentName(_ name: StaticString, textEnd: Int) {
        guard frames.count == 1, slot.kind == .argument, slot.parts == 0 else { return }
        typedBytes += textEnd - slot.textStart
        slot.typedStart = typedBytes
        slot.textStart = textEnd
        slot.name = name
    }

    // MARK: Slots

    private func openSlot(_ kind: SlotKind, text textStart: Int, typedStart: Int, key: StaticString?) {
        let frameIndex = frames.count - 1
        let jsonStart = json.bytes.count
        if frames[frameIndex].members > 0 { json.append(byte: UInt8(ascii: ",")) }
        if let key {
            json.append(byte: UInt8(ascii: "\""))
            if key.utf8CodeUnitCount == 0 {
                json.append(byte: UInt8(ascii: "_"))
                json.appendDecimal(Int64(frames[frameIndex].members))
            } else {
                json.append(key)
            }
            json.append("\":")
        }
        frames[frameIndex].members += 1
        if frameIndex == 0 && kind == .argument {
            previousArgumentStart = lastArgumentStart
            lastArgumentStart = json.bytes.count
        }
        slot = Slot(kind: kind, jsonStart: jsonStart, valueStart: json.bytes.count,
                    textStart: textStart, typedStart: typedStart)
    }

    private func closeSlot(text: TextBuffer, textEnd: Int? = nil) {
        let end = textEnd ?? text.bytes.count
        let empty = slot.parts <= 0 && end == slot.textStart
        if empty && !slot.changed && slot.kind == .argument {
            // A trailing `, ` (the entry half ends before the exit's arguments): no argument yet.
            json.bytes.removeSubrange(slot.jsonStart...)
            frames[frames.count - 1].members -= 1
            lastArgumentStart = previousArgumentStart
            return
        }
        finishValue(text: text, textEnd: end)
        if slot.changed { json.append(byte: UInt8(ascii: "}")) }
        if let name = slot.name {
            // `{"type":"named","name":"NAME","value":` before the value, `}` after it.
            insert("\",\"value\":", at: slot.valueStart)
            insert(name, at: slot.valueStart)
            insert(slot.labeled ? "{\"type\":\"labeled\",\"label\":\"" : "{\"type\":\"named\",\"name\":\"", at: slot.valueStart)
            json.append(byte: UInt8(ascii: "}"))
        }
    }

    /// Makes the slot's JSON since `valueStart` one value: the typed value it is, `null` when
    /// nothing was written, or its text with the typed values inside it.
    private func finishValue(text: TextBuffer, textEnd end: Int) {
        let textCount = end - slot.textStart
        let typedCount = typedBytes - slot.typedStart
        if slot.parts == 1 && textCount == typedCount { return }
        if slot.parts <= 0 && textCount == 0 {
            json.append("null")
            return
        }
        let parts = Array(json.bytes[slot.valueStart...])
        json.bytes.removeSubrange(slot.valueStart...)
        json.append("{\"type\":\"text\",\"text\":")
        json.appendJSONString(text.bytes[slot.textStart..<end])
        if slot.parts > 0 {
            json.append(",\"values\":[")
            json.append(contentsOf: parts)
            json.append(byte: UInt8(ascii: "]"))
        }
        json.append(byte: UInt8(ascii: "}"))
        typedBytes += textCount - typedCount
        lastKind = .other
    }

    private func insert(_ prefix: StaticString, at index: Int) {
        prefix.withUTF8Buffer { json.bytes.insert(contentsOf: $0, at: index) }
    }
}

extension TextBuffer {
    /// A JSON string holding one character per byte (U+0000 to U+00FF): lossless for any bytes,
    /// and plain ASCII stays as it is.
    public mutating func appendJSONString<C: Collection>(_ source: C) where C.Element == UInt8 {
        append(byte: UInt8(ascii: "\""))
        for byte in source {
            switch byte {
            case UInt8(ascii: "\""): append("\\\"")
            case UInt8(ascii: "\\"): append("\\\\")
            case UInt8(ascii: "\n"): append("\\n")
            case UInt8(ascii: "\t"): append("\\t")
            case 0x20..<0x7f: append(byte: byte)
            default:
                append("\\u00")
                appendDigits(UInt64(byte), radix: 16, minimumDigits: 2)
            }
        }
        append(byte: UInt8(ascii: "\""))
    }

    public mutating func appendJSONString(_ text: String) {
        appendJSONString(text.utf8)
    }
}

extension TextBuffer {
    /// A JSON number in one append (`appendDecimal` appends digit by digit): JSON writes one or
    /// two numbers per value.
    @inline(__always)
    mutating func appendJSONNumber(_ value: Int64) {
        appendJSONNumber(value.magnitude, negative: value < 0)
    }

    mutating func appendJSONNumber(_ value: UInt64, negative: Bool = false) {
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes, filled from the end
        withUnsafeMutableBytes(of: &digits) { scratch in
            let end = scratch.baseAddress!.assumingMemoryBound(to: UInt8.self) + scratch.count
            var count = writeDecimalDigits(value, endingAt: end)
            if negative {
                count += 1
                (end - count).pointee = UInt8(ascii: "-")
            }
            bytes.append(contentsOf: UnsafeRawBufferPointer(start: end - count, count: count))
        }
    }
}

/// Writes `value`'s decimal digits (at least `minimumDigits`, at most 20) backwards so that they
/// end just before `end`, two digits per division; returns how many it wrote. JSON writes a few
/// numbers for every call (its time, its number, its result).
public func writeDecimalDigits(_ value: UInt64, minimumDigits: Int = 1, endingAt end: UnsafeMutablePointer<UInt8>) -> Int {
    let pairs: StaticString = "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"
    let table = pairs.utf8Start
    var rest = value
    var cursor = end
    while rest >= 100 {
        let pair = Int(truncatingIfNeeded: rest % 100) &* 2
        rest /= 100
        cursor -= 2
        cursor[0] = table[pair]
        cursor[1] = table[pair &+ 1]
    }
    if rest >= 10 {
        let pair = Int(truncatingIfNeeded: rest) &* 2
        cursor -= 2
        cursor[0] = table[pair]
        cursor[1] = table[pair &+ 1]
    } else {
        cursor -= 1
        cursor[0] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest)
    }
    while end - cursor < minimumDigits {
        cursor -= 1
        cursor[0] = UInt8(ascii: "0")
    }
    return end - cursor
}

extension TextBuffer {
    /// `{"type":"flags","raw":N,"names":[...],"unknown":N}`: the names of the bits that are set,
    /// and the bits no name covers (absent when none are left); `"comment"` is the text's
    /// `/* PROT_??? */` when no name matches.
    mutating func appendJSONFlags(_ value: UInt64, _ table: FlagTable, unknown comment: StaticString? = nil) {
        append("{\"type\":\"flags\",\"raw\":")
        appendDecimal(value)
        append(",\"names\":[")
        var rest = value
        if value == 0 {
            if let zero = table.zero {
                append(byte: UInt8(ascii: "\""))
                append(zero)
                append(byte: UInt8(ascii: "\""))
            }
        } else {
            var first = true
            for entry in table.entries where entry.bits != 0 && rest & entry.bits == entry.bits {
                append(first ? "\"" : ",\"")
                append(entry.name)
                append(byte: UInt8(ascii: "\""))
                rest &= ~entry.bits
                first = false
            }
        }
        append(byte: UInt8(ascii: "]"))
        if rest != 0 {
            append(",\"unknown\":")
            appendDecimal(rest)
            if rest == value, let comment {
                append(",\"comment\":\"")
                append(comment)
                append(byte: UInt8(ascii: "\""))
            }
        }
        append(byte: UInt8(ascii: "}"))
    }

    /// `{"type":"string","value":"...","truncated":true}`: the bytes one character each.
    /// `hex`: the text shows every byte as `\xNN`.
    mutating func appendJSONBytes<C: Collection>(_ bytes: C, truncated: Bool, hex: Bool = false) where C.Element == UInt8 {
        append("{\"type\":\"string\",\"value\":")
        appendJSONString(bytes)
        if truncated { append(",\"truncated\":true") }
        if hex { append(",\"hex\":true") }
        append(byte: UInt8(ascii: "}"))
    }
}
