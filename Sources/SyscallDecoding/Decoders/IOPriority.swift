/// ioprio_get and ioprio_set (`<linux/ioprio.h>`): whose priority, and the priority as
/// `IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, 4)`, the result of ioprio_get too. strace takes the
/// class as every bit above the data, unmasked (`IOPRIO_PRIO_VALUE(0x91a2 /* IOPRIO_CLASS_??? */, 5752)`).
extension SyscallCatalog {
    static let ioPriority: [String: SyscallSignature] = [
        "ioprio_get": .init(.ioprioWho, .int, returns: .ioprio),
        "ioprio_set": .init(.ioprioWho, .int, .ioprio),
    ]
}

extension ArgPrinter {
    static let ioprioWho = constant("ioprioWho", \.ioprioWho, unknown: "IOPRIO_WHO_???")
    static let ioprio = ArgPrinter("ioprio") { value, context, out in
        let priority = UInt64(UInt32(truncatingIfNeeded: value))
        out.styled(number: { $0.uint(priority) }, decoded: { context.printIoprio(priority, to: &$0) })
    }
}

extension ReturnPrinter {
    /// `4 (IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, 4))`; with `-X raw` the number alone.
    static let ioprio = ReturnPrinter("ioprio") { value, context, out in
        out.int(value)
        guard out.constantStyle != .raw else { return }
        out.returnComment { context.printIoprio(UInt64(UInt32(truncatingIfNeeded: value)), to: &$0) }
    }
}

extension DecodeContext {
    func printIoprio(_ priority: UInt64, to out: inout Emitter) {
        let shift = constants.ioprioClassShift ?? 13
        out.beginCall("IOPRIO_PRIO_VALUE")
        out.element()
        out.constant(priority >> shift, constants.ioprioClasses, unknown: "IOPRIO_CLASS_???")
        out.element()
        out.uint(priority & (1 << shift - 1))
        out.endCall()
    }
}
