/// The input event devices' ioctls (evdev, `/dev/input/event*`) as strace prints them. Most
/// requests have a fixed number (the table below); the string, bit set and axis requests carry a
/// length or a code in their number, and strace names them as the macros that make them:
/// `EVIOCGNAME(64)`, `EVIOCGBIT(EV_KEY, 96)`, `EVIOCGABS(ABS_X)`. Key codes print by name
/// (`KEY_A`), axes' limits as struct input_absinfo. Not decoded yet, as in strace's raw output:
/// the bit sets the kernel fills in (EVIOCGBIT, EVIOCGKEY, ...), EVIOCGMTSLOTS's values and
/// EVIOCSFF's force-feedback effect: their addresses print.
let evdevRequestArguments: [(name: StaticString, argument: IoctlArgument)] = [
    ("EVIOCGVERSION", .decoded(.init(exit: { $0.printWritten(at: $1, to: &$2, $0.printEvdevVersion) }))),
    ("EVIOCGID", .decoded(.init(exit: { $0.printWritten(at: $1, to: &$2, $0.printInputId) }))),
    ("EVIOCGREP", .decoded(.init(exit: { $0.printWritten(at: $1, to: &$2, $0.printEvdevRepeat) }))),
    ("EVIOCSREP", .decoded(.init(entry: { $0.printEvdevRepeat(at: $1, to: &$2) }))),
    ("EVIOCGKEYCODE", .decoded(.init(exit: { $0.printWritten(at: $1, to: &$2, $0.printEvdevKeycode) }))),
    ("EVIOCSKEYCODE", .decoded(.init(entry: { $0.printEvdevKeycode(at: $1, to: &$2) }))),
    ("EVIOCGKEYCODE_V2", .decoded(.init(exit: { $0.printWritten(at: $1, to: &$2, $0.printInputKeymapEntry) }))),
    ("EVIOCSKEYCODE_V2", .decoded(.init(entry: { $0.printInputKeymapEntry(at: $1, to: &$2) }))),
    ("EVIOCRMFF", .integer), ("EVIOCGRAB", .unsignedLong), ("EVIOCREVOKE", .unsignedLong),
    ("EVIOCGEFFECTS", .valueOut(.int)), ("EVIOCSCLOCKID", .valueIn(.int)),
]

/// The evdev requests whose number carries a length or a code: which one `request` is.
private enum EvdevVariableRequest {
    case string(StaticString)  // EVIOCGNAME(len), EVIOCGPHYS(len), EVIOCGUNIQ(len)
    case bits(StaticString)  // EVIOCGPROP(len), EVIOCGMTSLOTS(len), EVIOCGKEY(len), ...
    case eventBits(UInt64)  // EVIOCGBIT(ev, len)
    case getAxis(UInt64)  // EVIOCGABS(abs)
    case setAxis(UInt64)  // EVIOCSABS(abs)

    init?(_ request: UInt64) {
        guard (request >> 8) & 0xff == UInt64(UInt8(ascii: "E")) else { return nil }
        let number = request & 0xff
        switch (request >> 30, number) {
        case (2, 0x06): self = .string("EVIOCGNAME")
        case (2, 0x07): self = .string("EVIOCGPHYS")
        case (2, 0x08): self = .string("EVIOCGUNIQ")
        case (2, 0x09): self = .bits("EVIOCGPROP")
        case (2, 0x0a): self = .bits("EVIOCGMTSLOTS")
        case (2, 0x18): self = .bits("EVIOCGKEY")
        case (2, 0x19): self = .bits("EVIOCGLED")
        case (2, 0x1a): self = .bits("EVIOCGSND")
        case (2, 0x1b): self = .bits("EVIOCGSW")
        case (2, 0x20...0x3f): self = .eventBits(number - 0x20)
        case (2, 0x40...0x7f): self = .getAxis(number - 0x40)
        case (1, 0xc0...0xff): self = .setAxis(number - 0xc0)
        default: return nil
        }
    }
}

/// The size of struct input_absinfo before `resolution` (Linux 2.6.31 added it): strace prints
/// a shorter argument as an address.
private let absinfoSizeWithoutResolution = 20

extension DecodeContext {
    /// `EVIOCGNAME(64)`, `EVIOCGBIT(EV_KEY, 96)`, `EVIOCSABS(ABS_MT_POSITION_X)`, as one
    /// operand of the request's names; false when `request` is no such evdev request.
    func printEvdevRequestName(_ request: UInt64, to out: inout Emitter) -> Bool {
        guard let kind = EvdevVariableRequest(request) else { return false }
        let length = (request >> 16) & 0x3fff
        out.operand()
        switch kind {
        case .string(let name), .bits(let name):
            out.beginCall(name)
            out.element()
            out.uint(length)
        case .eventBits(let type):
            out.beginCall("EVIOCGBIT")
            out.element()
            // EVIOCGBIT(0, len) asks which event types the device has, not EV_SYN's codes.
            if type == 0 { out.uint(0) } else { printEvdevCode(type, constants(\.evdevEventTypes), unknown: "EV_???", to: &out) }
            out.element()
            out.uint(length)
        case .getAxis(let axis):
            out.beginCall("EVIOCGABS")
            out.element()
            printEvdevCode(axis, constants(\.evdevAbsoluteAxes), unknown: "ABS_???", to: &out)
        case .setAxis(let axis):
            out.beginCall("EVIOCSABS")
            out.element()
            printEvdevCode(axis, constants(\.evdevAbsoluteAxes), unknown: "ABS_???", to: &out)
        }
        out.endCall()
        return true
    }

    /// A code inside a request's name: its name, or in hex, with strace's `/* EV_??? */` unless
    /// the name is itself inside a comment (`-X verbose`).
    private func printEvdevCode(_ value: UInt64, _ table: ConstantTable, unknown: StaticString,
                                to out: inout Emitter) {
        if let name = table.name(of: value) { return out.name(name) }
        out.hex(value)
        guard out.constantStyle == .abbrev else { return }
        out.beginComment()
        out.name(unknown)
        out.endComment()
    }

    /// How a request with a length or a code in its number takes its argument; nil for any other.
    func evdevVariableArgument(_ request: UInt64) -> IoctlArgument? {
        switch EvdevVariableRequest(request) {
        case .string?:
            return .decoded(.init(exit: { context, address, out in
                context.printWritten(at: address, to: &out) { address, out in
                    context.printCString(at: address, limit: context.options.stringLimit, to: &out)
                }
            }))
        case .getAxis?:
            return .decoded(.init(exit: { context, address, out in
                guard context.evdevAbsinfoSize != nil else { return out.hex(address) }
                context.printWritten(at: address, to: &out, context.printInputAbsinfo)
            }))
        case .setAxis?:
            return .decoded(.init(entry: { $0.printInputAbsinfo(at: $1, to: &$2) }))
        case .bits?, .eventBits?, nil:
            return nil
        }
    }

    /// The size of the struct input_absinfo that EVIOCGABS/EVIOCSABS's number gives, at most the
    /// whole struct; nil when it is too short to print.
    private var evdevAbsinfoSize: Int? {
        let size = Int((call.args[1] >> 16) & 0x3fff)
        return size < absinfoSizeWithoutResolution ? nil : min(size, layouts.inputAbsinfo.size)
    }

    /// struct input_absinfo: `{value=1, minimum=0, ...}`, every field as strace prints it, unsigned;
    /// resolution when the request's size has it.
    func printInputAbsinfo(at address: UInt64, to out: inout Emitter) {
        guard let size = evdevAbsinfoSize else { return out.hex(address) }
        let layout = layouts.inputAbsinfo
        withStruct(at: address, size: size, to: &out) { bytes, out in
            out.beginStruct()
            out.field("value")
            out.uint(layout.value.unsigned(in: bytes))
            out.field("minimum")
            out.uint(layout.minimum.unsigned(in: bytes))
            if abbreviates {
                out.abbreviated()
            } else {
                out.field("maximum")
                out.uint(layout.maximum.unsigned(in: bytes))
                out.field("fuzz")
                out.uint(layout.fuzz.unsigned(in: bytes))
                out.field("flat")
                out.uint(layout.flat.unsigned(in: bytes))
                if size >= layout.resolution.offset + layout.resolution.size {
                    out.field("resolution")
                    out.uint(layout.resolution.unsigned(in: bytes))
                }
            }
            out.endStruct()
        }
    }

    /// EVIOCGVERSION's `[0x10001]`.
    func printEvdevVersion(at address: UInt64, to out: inout Emitter) {
        guard address != 0 else { return out.name("NULL") }
        guard let bytes = read(address, count: 4) else { return out.pointer(address) }
        out.beginArray()
        out.element()
        out.hex(UInt64(bytes.u32(0)))
        out.endArray()
    }

    /// struct input_id: `{bustype=3, vendor=1133, product=49271, version=273}`.
    func printInputId(at address: UInt64, to out: inout Emitter) {
        let layout = layouts.inputId
        withStruct(at: address, size: layout.size, to: &out) { bytes, out in
            out.beginStruct()
            out.field("bustype")
            out.uint(layout.bustype.unsigned(in: bytes))
            out.field("vendor")
            out.uint(layout.vendor.unsigned(in: bytes))
            out.field("product")
            out.uint(layout.product.unsigned(in: bytes))
            out.field("version")
            out.uint(layout.version.unsigned(in: bytes))
            out.endStruct()
        }
    }

    /// The key repeat's `[delay, period]` in milliseconds: `[250, 33]`.
    func printEvdevRepeat(at address: UInt64, to out: inout Emitter) {
        guard address != 0 else { return out.name("NULL") }
        guard let bytes = read(address, count: 8) else { return out.pointer(address) }
        out.beginArray()
        out.element()
        out.uint(UInt64(bytes.u32(0)))
        out.element()
        out.uint(UInt64(bytes.u32(4)))
        out.endArray()
    }

    /// A scan code and its key: `[30, KEY_A]`.
    func printEvdevKeycode(at address: UInt64, to out: inout Emitter) {
        guard address != 0 else { return out.name("NULL") }
        guard let bytes = read(address, count: 8) else { return out.pointer(address) }
        out.beginArray()
        out.element()
        out.uint(UInt64(bytes.u32(0)))
        out.element()
        out.constant(UInt64(bytes.u32(4)), constants(\.evdevKeys), unknown: "KEY_???")
        out.endArray()
    }

    /// struct input_keymap_entry: `{flags=0, len=4, ...}`; with `-v` the index, the key and the
    /// whole scan code buffer in hex.
    func printInputKeymapEntry(at address: UInt64, to out: inout Emitter) {
        let layout = layouts.inputKeymapEntry
        withStruct(at: address, size: layout.size, to: &out) { bytes, out in
            out.beginStruct()
            out.field("flags")
            out.uint(layout.flags.unsigned(in: bytes))
            out.field("len")
            out.uint(layout.len.unsigned(in: bytes))
            if abbreviates {
                out.abbreviated()
            } else {
                out.field("index")
                out.uint(layout.index.unsigned(in: bytes))
                out.field("keycode")
                out.constant(layout.keycode.unsigned(in: bytes), constants(\.evdevKeys), unknown: "KEY_???")
                out.field("scancode")
                out.beginArray()
                for index in 0..<layout.scancode.size {
                    guard out.element(index) else { break }
                    out.hex(UInt64(bytes[layout.scancode.offset + index]))
                }
                out.endArray()
            }
            out.endStruct()
        }
    }
}
