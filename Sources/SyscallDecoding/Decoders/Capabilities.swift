/// capget and capset: `{version=_LINUX_CAPABILITY_VERSION_3, pid=0}` and the three capability
/// sets, `{effective=1<<CAP_CHOWN|1<<CAP_KILL, permitted=..., inheritable=0}`.
extension ArgPrinter {
    /// The header, read at entry (capget writes a version back only when it fails).
    static let capabilityHeader = ArgPrinter("capabilityHeader") { value, context, out in
        let layout = context.layouts.capHeader
        context.withStruct(at: context.truncate(value), size: layout.size, to: &out) { bytes, out in
            out.beginStruct()
            out.field("version")
            out.constant(layout.version.unsigned(in: bytes), context.constants.capabilityVersions,
                         unknown: "_LINUX_CAPABILITY_VERSION_???")
            out.field("pid")
            out.pid(layout.pid.signed(in: bytes))
            out.endStruct()
        }
    }

    /// capset's sets, read at entry.
    static let capabilitySets = ArgPrinter("capabilitySets") { value, context, out in
        context.printCapabilitySets(at: context.truncate(value), to: &out)
    }

    /// capget's sets, filled in by the kernel: its address when the call failed.
    static let capabilitySetsOut = ArgPrinter("capabilitySetsOut", phase: .exit) { value, context, out in
        guard context.returned != nil else { return out.pointer(context.truncate(value)) }
        context.printCapabilitySets(at: context.truncate(value), to: &out)
    }
}

extension DecodeContext {
    /// The sets as one struct per 32-bit word: versions 2 and 3 pass two, version 1 (and an
    /// unknown version) one.
    func printCapabilitySets(at address: UInt64, to out: inout Emitter) {
        let header = layouts.capHeader, data = layouts.capData
        var words = 1
        if let headerBytes = read(truncate(call.args[0]), count: header.size),
           let version = constants.capabilityVersions.name(of: header.version.unsigned(in: headerBytes)),
           !sameName(version, "_LINUX_CAPABILITY_VERSION_1") {
            words = 2
        }
        withStruct(at: address, size: data.size * words, to: &out) { bytes, out in
            let high = words == 2 ? UnsafeRawBufferPointer(rebasing: bytes[data.size...]) : nil
            out.beginStruct()
            for (name, field) in [("effective", data.effective), ("permitted", data.permitted),
                                  ("inheritable", data.inheritable)] as [(StaticString, FieldLayout)] {
                out.field(name)
                printCapabilitySet(low: field.unsigned(in: bytes), high: high.map { field.unsigned(in: $0) } ?? 0,
                                   to: &out)
            }
            out.endStruct()
        }
    }

    /// One set: the low word's capabilities, then the high word's (`1<<CAP_MAC_OVERRIDE` is its
    /// bit 0); each word's unknown bits in hex after its names, as strace prints them.
    private func printCapabilitySet(low: UInt64, high: UInt64, to out: inout Emitter) {
        out.beginOperation(.or)
        defer { out.endOperation() }
        if low != 0 || high == 0 {
            out.operand()
            out.flags(low, constants.capabilityBitsLow, unknown: "CAP_???")
        }
        guard high != 0 else { return }
        out.operand()
        out.flags(high, constants.capabilityBitsHigh, unknown: "CAP_???")
    }
}
