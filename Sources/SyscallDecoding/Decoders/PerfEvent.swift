/// perf_event_open(2) as strace prints it: struct perf_event_attr (type, size, config named by
/// type, sampling, the one-bit fields: only the set ones and precise_ip unless `-v`, then with
/// `-v` every field the attr's size covers), pid, cpu, group fd and PERF_FLAG_* flags.
///
/// The whole line prints at exit, as strace prints it: on E2BIG the kernel writes the size it
/// wants into the attr, shown as `size=0xc8 /* PERF_ATTR_SIZE_??? */ => 0x88 /* ... */`; the size
/// the caller passed is kept from the entry (the rest of the attr the kernel leaves alone).
extension SyscallCatalog {
    static let perfEvent: [String: SyscallSignature] = [
        "perf_event_open": .init(count: 5, returns: .fd, decoder: .perfEventOpen),
    ]
}

/// The first published perf_event_attr (PERF_ATTR_SIZE_VER0): what a size of 0 means, and the
/// least the kernel takes.
private let perfAttrSizeVer0 = 64

extension CallDecoder {
    static let perfEventOpen = CallDecoder(entry: { context, out in
        // Keep the caller's size (values.0) and whether the attr could be read (values.1).
        let address = context.word(0)
        if address != 0, let bytes = context.read(address &+ 4, count: 4) {
            context.slot.values = (UInt64(bytes.u32(0)), 1)
        } else {
            context.slot.values = (0, 0)
        }
    }, exit: { context, out in
        context.printPerfEventAttr(at: context.word(0), to: &out)
        out.raw(", ")
        out.int(Int64(context.int32(1)))
        out.raw(", ")
        out.int(Int64(context.int32(2)))
        out.raw(", ")
        out.fd(context.int32(3))
        out.raw(", ")
        out.flags(context.word(4), context.constants.perfEventOpenFlags, unknown: "PERF_FLAG_???")
    })
}

extension DecodeContext {
    func printPerfEventAttr(at address: UInt64, to out: inout Emitter) {
        guard address != 0 else { return out.name("NULL") }
        let layout = layouts.perfEventAttr
        let callerSize = Int(slot.values.0)
        let size = callerSize == 0 ? perfAttrSizeVer0 : callerSize
        guard slot.values.1 == 1, size >= perfAttrSizeVer0,
              let bytes = read(address, count: min(size, layout.size)) else { return out.hex(address) }
        let type = layout.type.unsigned(in: bytes)
        let types = constants.perfTypes
        func isType(_ name: StaticString) -> Bool { types.name(of: type).map { sameName($0, name) } ?? false }
        /// Whether the caller's attr reaches to the end of `field`.
        func covers(_ field: FieldLayout) -> Bool { field.offset + field.size <= min(size, layout.size) }

        out.beginStruct()
        out.field("type")
        out.constant(type, types, unknown: "PERF_TYPE_???")
        out.field("size")
        out.constant(UInt64(callerSize), constants.perfAttrSizes, unknown: "PERF_ATTR_SIZE_???")
        let sizeNow = layout.attrSize.unsigned(in: bytes)
        if sizeNow != UInt64(callerSize) {
            out.changed()
            out.constant(sizeNow, constants.perfAttrSizes, unknown: "PERF_ATTR_SIZE_???")
        }
        out.field("config")
        printPerfConfig(layout.config.unsigned(in: bytes), isType: isType, to: &out)

        let bitsOffset = layout.readFormat.offset + layout.readFormat.size
        let bits = FieldLayout(offset: bitsOffset, size: 8).unsigned(in: bytes)
        let bitfields = constants.perfAttrBitfields
        let frequencyBit = bitfields.bits(named: "freq"), watermarkBit = bitfields.bits(named: "watermark")
        out.field(bits & frequencyBit != 0 ? "sample_freq" : "sample_period")
        out.uint(layout.samplePeriod.unsigned(in: bytes))
        let sampleType = layout.sampleType.unsigned(in: bytes)
        out.field("sample_type")
        out.flags(sampleType, constants.perfSampleTypes, unknown: "PERF_SAMPLE_???")
        out.field("read_format")
        out.flags(layout.readFormat.unsigned(in: bytes), constants.perfReadFormats, unknown: "PERF_FORMAT_???")
        for entry in bitfields.entries {
            let shift = UInt64(entry.bits.trailingZeroBitCount)
            let value = (bits & entry.bits) >> shift
            if sameName(entry.name, "precise_ip") {
                out.field(entry.name)
                out.uint(value)
                out.beginComment()
                out.raw(preciseIpMeanings[Int(value & 3)])
                out.endComment()
            } else if entry.bits.nonzeroBitCount > 1 {
                // __reserved_1: the bits no field has yet, shown only when set.
                guard value != 0 else { continue }
                out.field(entry.name)
                out.hex(value)
                out.beginComment()
                out.raw("Bits ")
                out.text.appendDecimal(Int64(63 - entry.bits.leadingZeroBitCount))
                out.raw("..")
                out.text.appendDecimal(Int64(shift))
                out.endComment()
            } else if !abbreviates || value != 0 {
                out.field(entry.name)
                out.uint(value)
            }
        }
        guard !abbreviates else {
            out.abbreviated()
            return out.endStruct()
        }

        out.field(bits & watermarkBit != 0 ? "wakeup_watermark" : "wakeup_events")
        out.uint(layout.wakeupEvents.unsigned(in: bytes))
        if isType("PERF_TYPE_BREAKPOINT") {
            out.field("bp_type")
            out.constant(layout.bpType.unsigned(in: bytes), constants.hwBreakpointTypes, unknown: "HW_BREAKPOINT_???")
            out.field("bp_addr")
            out.hex(layout.config1.unsigned(in: bytes))
            if covers(layout.config2) {
                out.field("bp_len")
                out.uint(layout.config2.unsigned(in: bytes))
            }
        } else {
            out.field("config1")
            out.hex(layout.config1.unsigned(in: bytes))
            if covers(layout.config2) {
                out.field("config2")
                out.hex(layout.config2.unsigned(in: bytes))
            }
        }
        let sampleTypes = constants.perfSampleTypes
        if covers(layout.branchSampleType), sampleType & sampleTypes.bits(named: "PERF_SAMPLE_BRANCH_STACK") != 0 {
            out.field("branch_sample_type")
            out.flags(layout.branchSampleType.unsigned(in: bytes), constants.perfBranchSampleTypes,
                      unknown: "PERF_SAMPLE_BRANCH_???")
        }
        if covers(layout.clockid) {
            out.field("sample_regs_user")
            out.hex(layout.sampleRegsUser.unsigned(in: bytes))
            if sampleType & sampleTypes.bits(named: "PERF_SAMPLE_STACK_USER") != 0 {
                out.field("sample_stack_user")
                out.hex(layout.sampleStackUser.unsigned(in: bytes))
            }
            if bits & bitfields.bits(named: "use_clockid") != 0 {
                out.field("clockid")
                out.constant(layout.clockid.unsigned(in: bytes), constants.clockIds)
            }
        }
        if covers(layout.sampleRegsIntr) {
            out.field("sample_regs_intr")
            out.hex(layout.sampleRegsIntr.unsigned(in: bytes))
        }
        if covers(layout.reserved2) {
            out.field("aux_watermark")
            out.uint(layout.auxWatermark.unsigned(in: bytes))
            out.field("sample_max_stack")
            out.uint(layout.sampleMaxStack.unsigned(in: bytes))
            printReserved(layout.reserved2, "__reserved_2", bytes, to: &out)
        }
        if covers(layout.reserved3) {
            out.field("aux_sample_size")
            out.uint(layout.auxSampleSize.unsigned(in: bytes))
            printReserved(layout.reserved3, "__reserved_3", bytes, to: &out)
        }
        if covers(layout.sigData) {
            out.field("sig_data")
            out.hex(layout.sigData.unsigned(in: bytes))
        }
        // What the caller passed beyond the struct this ABI knows: `...` when any of it is set.
        if size > layout.size {
            let extra = readPrefix(address &+ UInt64(layout.size), count: min(size - layout.size, 4096))
            if extra.contains(where: { $0 != 0 }) { out.abbreviated() }
        }
        out.endStruct()
    }

    private func printReserved(_ field: FieldLayout, _ name: StaticString, _ bytes: UnsafeRawBufferPointer,
                               to out: inout Emitter) {
        let value = field.unsigned(in: bytes)
        guard value != 0 else { return }
        out.field(name)
        out.hex(value)
    }

    /// config by type: a hardware or software event's name, a cache event as
    /// `RESULT<<16|OP<<8|CACHE`, a tracepoint id in decimal, anything else in hex.
    private func printPerfConfig(_ config: UInt64, isType: (StaticString) -> Bool, to out: inout Emitter) {
        if isType("PERF_TYPE_HARDWARE") {
            out.constant(config, constants.perfHardwareEvents, unknown: "PERF_COUNT_HW_???")
        } else if isType("PERF_TYPE_SOFTWARE") {
            out.constant(config, constants.perfSoftwareEvents, unknown: "PERF_COUNT_SW_???")
        } else if isType("PERF_TYPE_TRACEPOINT") {
            out.uint(config)
        } else if isType("PERF_TYPE_HW_CACHE"), config >> 24 == 0 {
            // Each part by name (with `-X verbose` each part's number and name).
            out.beginOperation(.or)
            out.operand()
            out.beginOperation(.shiftLeft)
            out.operand()
            out.constant(config >> 16 & 0xff, constants.perfCacheResults, unknown: "PERF_COUNT_HW_CACHE_RESULT_???")
            out.operand()
            out.uint(16)
            out.endOperation()
            out.operand()
            out.beginOperation(.shiftLeft)
            out.operand()
            out.constant(config >> 8 & 0xff, constants.perfCacheOperations, unknown: "PERF_COUNT_HW_CACHE_OP_???")
            out.operand()
            out.uint(8)
            out.endOperation()
            out.operand()
            out.constant(config & 0xff, constants.perfCacheIds, unknown: "PERF_COUNT_HW_CACHE_???")
            out.endOperation()
        } else {
            out.hex(config)
        }
    }
}

/// What precise_ip's values ask of the sampled instruction pointer (<linux/perf_event.h>).
private let preciseIpMeanings: [StaticString] = [
    "arbitrary skid", "constant skid", "requested to have 0 skid", "must have 0 skid",
]
