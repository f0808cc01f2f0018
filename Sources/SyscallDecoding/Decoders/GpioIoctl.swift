/// GPIO character device ioctls as strace prints what the tracee passes in: the line a
/// LINEINFO request asks about (`{line_offset=5}`, `{offset=4}`), the old ABI's handle and event
/// requests (`{lines=2, lineoffsets=[1, 2], flags=GPIOHANDLE_REQUEST_OUTPUT, default_values=[1, 0],
/// consumer_label="lbl"}`) and the v2 ABI's line values (`{bits=0x5, mask=0x7}`).
/// Not yet: what a successful call writes back (strace's ` => {...}`), GPIO_V2_GET_LINE_IOCTL's
/// and GPIO_V2_LINE_SET_CONFIG_IOCTL's line config and the handles' 64 values; they print as
/// their address.
enum GpioArgument {
    case lineInfo, unwatch, v2LineInfo, handleRequest, eventRequest, v2GetValues, v2SetValues
}

/// Registered in Ioctl.swift's request table.
let gpioRequestArguments: [(name: StaticString, argument: IoctlArgument)] = [
    ("GPIO_GET_LINEINFO_IOCTL", .gpio(.lineInfo)), ("GPIO_GET_LINEINFO_WATCH_IOCTL", .gpio(.lineInfo)),
    ("GPIO_GET_LINEINFO_UNWATCH_IOCTL", .gpio(.unwatch)),
    ("GPIO_V2_GET_LINEINFO_IOCTL", .gpio(.v2LineInfo)), ("GPIO_V2_GET_LINEINFO_WATCH_IOCTL", .gpio(.v2LineInfo)),
    ("GPIO_GET_LINEHANDLE_IOCTL", .gpio(.handleRequest)), ("GPIO_GET_LINEEVENT_IOCTL", .gpio(.eventRequest)),
    ("GPIO_V2_LINE_GET_VALUES_IOCTL", .gpio(.v2GetValues)), ("GPIO_V2_LINE_SET_VALUES_IOCTL", .gpio(.v2SetValues)),
]

/// The most lines one old-ABI handle request holds (the kernel's GPIOHANDLES_MAX).
private let gpioHandlesMax = 64

extension DecodeContext {
    func printGpioArgument(_ kind: GpioArgument, to out: inout Emitter) {
        let address = word(2)
        switch kind {
        case .lineInfo:
            let layout = layouts.gpiolineInfo
            printGpioOffset("line_offset", layout.lineOffset, size: layout.size, at: address, to: &out)
        case .unwatch:
            // A bare __u32 that strace prints as a struct.
            printGpioOffset("offset", FieldLayout(offset: 0, size: 4), size: 4, at: address, to: &out)
        case .v2LineInfo:
            let layout = layouts.gpioV2LineInfo
            printGpioOffset("offset", layout.offset, size: layout.size, at: address, to: &out)
        case .handleRequest:
            let layout = layouts.gpiohandleRequest
            withStruct(at: address, size: layout.size, to: &out) { bytes, out in
                let lines = Int(min(layout.lines.unsigned(in: bytes), UInt64(gpioHandlesMax)))
                out.beginStruct()
                out.field("lines")
                out.uint(layout.lines.unsigned(in: bytes))
                out.field("lineoffsets")
                printGpioArray(bytes, at: layout.lineoffsets.offset, elementSize: 4, count: lines, to: &out)
                out.field("flags")
                out.flags(layout.flags.unsigned(in: bytes), constants.gpioHandleFlags, unknown: "GPIOHANDLE_REQUEST_???")
                out.field("default_values")
                printGpioArray(bytes, at: layout.defaultValues.offset, elementSize: 1, count: lines, to: &out)
                out.field("consumer_label")
                printCharArray(bytes, layout.consumerLabel, to: &out)
                out.endStruct()
            }
        case .eventRequest:
            let layout = layouts.gpioeventRequest
            withStruct(at: address, size: layout.size, to: &out) { bytes, out in
                out.beginStruct()
                out.field("lineoffset")
                out.uint(layout.lineoffset.unsigned(in: bytes))
                out.field("handleflags")
                out.flags(layout.handleflags.unsigned(in: bytes), constants.gpioHandleFlags,
                          unknown: "GPIOHANDLE_REQUEST_???")
                out.field("eventflags")
                out.flags(layout.eventflags.unsigned(in: bytes), constants.gpioEventFlags,
                          unknown: "GPIOEVENT_REQUEST_???")
                out.field("consumer_label")
                printCharArray(bytes, layout.consumerLabel, to: &out)
                out.endStruct()
            }
        case .v2GetValues, .v2SetValues:
            let layout = layouts.gpioV2LineValues
            withStruct(at: address, size: layout.size, to: &out) { bytes, out in
                out.beginStruct()
                // Getting, the bits are what the kernel fills in.
                if case .v2SetValues = kind {
                    out.field("bits")
                    out.hex(layout.bits.unsigned(in: bytes))
                }
                out.field("mask")
                out.hex(layout.mask.unsigned(in: bytes))
                out.endStruct()
            }
        }
    }

    /// `{line_offset=5}`: the one field a line info request passes in.
    private func printGpioOffset(_ name: StaticString, _ field: FieldLayout, size: Int, at address: UInt64,
                                 to out: inout Emitter) {
        withStruct(at: address, size: size, to: &out) { bytes, out in
            out.beginStruct()
            out.field(name)
            out.uint(field.unsigned(in: bytes))
            out.endStruct()
        }
    }

    /// `[1, 2]`: the first `count` unsigned elements of an array inside the struct.
    private func printGpioArray(_ bytes: UnsafeRawBufferPointer, at offset: Int, elementSize: Int, count: Int,
                                to out: inout Emitter) {
        out.beginArray()
        for index in 0..<count {
            out.element()
            out.uint(FieldLayout(offset: offset + index * elementSize, size: elementSize).unsigned(in: bytes))
        }
        out.endArray()
    }
}
