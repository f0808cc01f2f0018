/// The console's KD* ioctls as strace prints what the tracee passes in: modes and LEDs by name,
/// KDSIGACCEPT's signal, KIOCSOUND's and KDMKTONE's sound (`1000 /* 1193 Hz */`,
/// `4660<<16|22136 /* 53 Hz, 4660 ms */`), KDADDIO's port (`0x3c0 /* GPFIRST + 12 */`) and
/// the structs of KDSETKEYCODE and PIO_UNIMAPCLR. The VT_* requests' arguments stay in hex, as
/// strace leaves them; what the kernel fills in (KDGETMODE, ...) prints as its address.
enum ConsoleArgument {
    case keyboardMode, signal, soundPeriod, tone, ioPort, keycode, unimapInit
}

/// Registered in Ioctl.swift's request table.
let consoleRequestArguments: [(name: StaticString, argument: IoctlArgument)] = [
    ("KDENABIO", .none), ("KDDISABIO", .none), ("KDMAPDISP", .none), ("KDUNMAPDISP", .none),
    ("PIO_FONTRESET", .none),
    ("KDSETMODE", .named(\.consoleModes, unknown: "KD_???")),
    ("KDSKBMETA", .named(\.keyboardMetaModes, unknown: "K_???")),
    ("KDSETLED", .flags(\.keyboardLeds, unknown: "LED_???")),
    ("KDSKBMODE", .console(.keyboardMode)), ("KDSIGACCEPT", .console(.signal)),
    ("KIOCSOUND", .console(.soundPeriod)), ("KDMKTONE", .console(.tone)),
    ("KDADDIO", .console(.ioPort)), ("KDDELIO", .console(.ioPort)),
    ("KDSETKEYCODE", .console(.keycode)), ("PIO_UNIMAPCLR", .console(.unimapInit)),
]

/// The PC speaker's timer clock in Hz (the kernel's PIT_TICK_RATE): a period of N ticks is a
/// tone of this / N Hz.
private let speakerClock: UInt64 = 1_193_182
/// The VGA ports KDADDIO and KDDELIO accept (the kernel's GPFIRST and GPLAST).
private let vgaPorts: ClosedRange<UInt64> = 0x3b4...0x3df

extension DecodeContext {
    func printConsoleArgument(_ kind: ConsoleArgument, to out: inout Emitter) {
        let value = UInt64(UInt32(truncatingIfNeeded: call.args[2]))
        switch kind {
        case .keyboardMode:
            // Unlike the other modes, strace prints an unknown keyboard mode in decimal.
            if let name = constants.keyboardModes.name(of: value) { return out.named(Int64(value), name) }
            out.uint(value)
            if out.constantStyle != .raw {
                out.beginComment()
                out.raw("K_???")
                out.endComment()
            }
        case .signal:
            out.signal(Int32(bitPattern: UInt32(value)))
        case .soundPeriod:
            out.uint(value)
            guard out.constantStyle != .raw else { return }
            out.beginComment()
            if value == 0 || speakerClock / value == 0 {
                out.raw("off")
            } else {
                out.text.appendDecimal(speakerClock / value)
                out.raw(" Hz")
            }
            out.endComment()
        case .tone:
            // The low half is the period in timer ticks, the high half the duration in ms.
            let period = value & 0xffff, duration = value >> 16
            if duration == 0 {
                out.uint(value)
            } else {
                out.beginOperation(.or)
                out.operand()
                out.beginOperation(.shiftLeft)
                out.operand()
                out.uint(duration)
                out.operand()
                out.uint(16)
                out.endOperation()
                out.operand()
                out.uint(period)
                out.endOperation()
            }
            guard out.constantStyle != .raw else { return }
            out.beginComment()
            if period == 0 || duration == 0 {
                out.raw("off")
            } else {
                out.text.appendDecimal(speakerClock / period)
                out.raw(" Hz, ")
                out.text.appendDecimal(duration)
                out.raw(" ms")
            }
            out.endComment()
        case .ioPort:
            out.hex(value)
            guard out.constantStyle != .raw, vgaPorts.contains(value) else { return }
            out.beginComment()
            out.raw("GPFIRST + ")
            out.text.appendDecimal(value - vgaPorts.lowerBound)
            out.endComment()
        case .keycode:
            let layout = layouts.kbkeycode
            withStruct(at: word(2), size: layout.size, to: &out) { bytes, out in
                out.beginStruct()
                out.field("scancode")
                out.hex(layout.scancode.unsigned(in: bytes))
                out.field("keycode")
                out.hex(layout.keycode.unsigned(in: bytes))
                out.endStruct()
            }
        case .unimapInit:
            let layout = layouts.unimapinit
            withStruct(at: word(2), size: layout.size, to: &out) { bytes, out in
                out.beginStruct()
                out.field("advised_hashsize")
                out.uint(layout.advisedHashsize.unsigned(in: bytes))
                out.field("advised_hashstep")
                out.uint(layout.advisedHashstep.unsigned(in: bytes))
                out.field("advised_hashlevel")
                out.uint(layout.advisedHashlevel.unsigned(in: bytes))
                out.endStruct()
            }
        }
    }
}
