/// personality(2)'s argument and result: `PER_LINUX32|ADDR_NO_RANDOMIZE`, the execution domain
/// (the low byte) by name, then the flag bits above it.
extension ArgPrinter {
    static let personality = ArgPrinter("personality") { value, context, out in
        context.printPersonality(UInt64(UInt32(truncatingIfNeeded: value)), to: &out)
    }
}

extension ReturnPrinter {
    /// The previous personality: `0x40000 (PER_LINUX|ADDR_NO_RANDOMIZE)`.
    static let personality = ReturnPrinter("personality") { value, context, out in
        let persona = UInt64(UInt32(truncatingIfNeeded: value))
        out.hex(persona)
        out.beginNote()
        out.element()
        context.printPersonality(persona, to: &out)
        out.endNote()
    }
}

/// PER_MASK of <linux/personality.h>: an enum constant, which the generator's scalars (found by
/// #ifdef) cannot probe.
private let personalityTypeMask: UInt64 = 0xff

extension DecodeContext {
    /// 0xffffffff only asks for the current personality: strace prints it as a number.
    func printPersonality(_ persona: UInt64, to out: inout Emitter) {
        guard persona != 0xffff_ffff else { return out.hex(persona) }
        out.beginOperation(.or)
        defer { out.endOperation() }
        out.operand()
        out.constant(persona & personalityTypeMask, constants.personalityTypes, unknown: "PER_???")
        let flags = persona & ~personalityTypeMask
        guard flags != 0 else { return }
        out.operand()
        out.flags(flags, constants.personalityFlags)
    }
}
