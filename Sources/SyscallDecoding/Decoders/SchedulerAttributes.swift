import Glibc

/// sched_setattr and sched_getattr (`struct sched_attr`, `<linux/sched/types.h>`): the fields
/// the struct's own size covers, those SCHED_FLAG_KEEP_POLICY and SCHED_FLAG_KEEP_PARAMS say
/// the kernel ignores left out, `...` for a struct larger than the one this ABI knows, and the
/// size the kernel writes back when it refuses a larger one (E2BIG: `{size=20} => {size=56}`).
extension SyscallCatalog {
    static let schedulerAttributes: [String: SyscallSignature] = [
        "sched_setattr": .init(count: 3, decoder: .schedSetattr),
        "sched_getattr": .init(.int, .schedAttrOut, .uint, .uint),
    ]
}

/// The sizes of the struct's versions: the first ends after sched_period, the second after
/// sched_util_max (SCHED_ATTR_SIZE_VER0 and VER1 of the kernel).
private let schedAttrFirstSize = 48

extension CallDecoder {
    static let schedSetattr = CallDecoder(entry: { context, out in
        out.int(Int64(context.int32(0)))
        out.raw(", ")
        context.printSchedAttr(at: context.word(1), sizeZeroMeansFirst: true, to: &out)
    }, exit: { context, out in
        let address = context.word(1)
        if case .failure(let errno)? = context.result, errno == E2BIG, address != 0,
           let bytes = context.read(address, count: 4) {
            out.changed()
            out.beginStruct()
            out.field("size")
            out.uint(UInt64(bytes.u32(0)))
            out.endStruct()
        }
        out.raw(", ")
        out.uint(context.word(2) & 0xffff_ffff)
    })
}

extension ArgPrinter {
    /// sched_getattr's struct, which the kernel fills in (its size field too).
    static let schedAttrOut = output("schedAttrOut") { address, context, out in
        context.printSchedAttr(at: address, sizeZeroMeansFirst: false, to: &out)
    }
}

extension DecodeContext {
    /// `{size=56, sched_policy=SCHED_OTHER, sched_flags=0, sched_nice=0, ...}`. The struct's size
    /// field says how much of it to read; sched_setattr reads a size of 0 as the first version.
    func printSchedAttr(at address: UInt64, sizeZeroMeansFirst: Bool, to out: inout Emitter) {
        guard address != 0 else { return out.name("NULL") }
        guard let head = read(address, count: 4) else { return out.hex(address) }
        let size = Int(head.u32(0))
        let layout = layouts.schedAttr
        let effective = size == 0 && sizeZeroMeansFirst ? schedAttrFirstSize : size
        out.beginStruct()
        out.field("size")
        out.uint(UInt64(size))
        defer { out.endStruct() }
        guard effective >= schedAttrFirstSize else { return }
        guard let bytes = read(address, count: min(effective, layout.size)) else { return }
        let flags = layout.schedFlags.unsigned(in: bytes)
        let keepPolicy = constants.schedAttrFlags.bits(named: "SCHED_FLAG_KEEP_POLICY")
        let keepParameters = constants.schedAttrFlags.bits(named: "SCHED_FLAG_KEEP_PARAMS")
        // Keeping the parameters keeps the policy too: strace leaves it out for either flag.
        if flags & (keepPolicy | keepParameters) == 0 {
            out.field("sched_policy")
            out.constant(layout.schedPolicy.unsigned(in: bytes), constants.schedPolicies, unknown: "SCHED_???")
        }
        out.field("sched_flags")
        out.flags(flags, constants.schedAttrFlags, unknown: "SCHED_FLAG_???")
        if flags & keepParameters == 0 {
            out.field("sched_nice")
            out.int(layout.schedNice.signed(in: bytes))
            out.field("sched_priority")
            out.uint(layout.schedPriority.unsigned(in: bytes))
            out.field("sched_runtime")
            out.uint(layout.schedRuntime.unsigned(in: bytes))
            out.field("sched_deadline")
            out.uint(layout.schedDeadline.unsigned(in: bytes))
            out.field("sched_period")
            out.uint(layout.schedPeriod.unsigned(in: bytes))
        }
        guard effective >= layout.size else { return }
        out.field("sched_util_min")
        out.uint(layout.schedUtilMin.unsigned(in: bytes))
        out.field("sched_util_max")
        out.uint(layout.schedUtilMax.unsigned(in: bytes))
        if effective > layout.size { out.abbreviated() }
    }
}
