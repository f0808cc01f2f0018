/// NETLINK_ROUTE payloads of traffic control (RTM_*QDISC, *TCLASS, *TFILTER, *CHAIN, as `tc`
/// sends and receives them): struct tcmsg and the TCA_* attributes, with the statistics of
/// TCA_STATS and TCA_STATS2 and the size table of TCA_STAB. A queueing discipline's own options
/// (TCA_OPTIONS), its TCA_XSTATS and TCA_STATS_APP stay in hex, as strace 6.1 prints them.
extension DecodeContext {
    /// `{tcm_family=AF_UNSPEC, tcm_ifindex=if_nametoindex("lo"), tcm_handle=0, tcm_parent=4294967295,
    /// tcm_info=2}`, then the TCA_* attributes.
    func printTrafficControlMessage(at address: UInt64, length: Int, to out: inout Emitter) {
        let size = 20
        guard let bytes = read(address, count: min(length, size)) else { return out.hex(address) }
        out.beginStruct()
        out.field("tcm_family")
        out.constant(UInt64(bytes[0]), constants.addressFamilies, unknown: "AF_???")
        guard length >= size else {
            out.abbreviated()
            return out.endStruct()
        }
        out.field("tcm_ifindex")
        printInterfaceIndex(bytes.u32(4), to: &out)
        for (index, name) in (["tcm_handle", "tcm_parent", "tcm_info"] as [StaticString]).enumerated() {
            out.field(name)
            out.uint(UInt64(bytes.u32(8 + 4 * index)))
        }
        out.endStruct()
        guard length > size else { return }
        out.element()
        printNetlinkAttributes(at: address &+ UInt64(size), length: length - size, names: constants.trafficControlAttributes,
                               unknown: "TCA_???", printValue: { type, at, count, out in
            self.printTrafficControlAttribute(type: type, at: at, length: count, to: &out)
        }, to: &out)
    }

    private func printTrafficControlAttribute(type: UInt16, at address: UInt64, length: Int, to out: inout Emitter) -> Bool {
        guard let name = constants.trafficControlAttributes.name(of: UInt64(type)) else { return false }
        if sameName(name, "TCA_KIND") { return printAttributeString(at: address, length: length, to: &out) }
        if sameName(name, "TCA_STATS") {
            // struct tc_stats: a u64 byte count, then u32s.
            guard length >= 36, let bytes = read(address, count: 36) else { return false }
            out.beginStruct()
            out.field("bytes")
            out.uint(bytes.u64(0))
            for (index, field) in trafficControlStatsFields.enumerated() {
                out.field(field)
                out.uint(UInt64(bytes.u32(8 + 4 * index)))
            }
            out.endStruct()
            return true
        }
        if sameName(name, "TCA_STATS2") {
            printNetlinkAttributes(at: address, length: length, names: constants.trafficControlStatistics,
                                   unknown: "TCA_STATS_???", printValue: { type, at, count, out in
                self.printTrafficControlStatistic(type: type, at: at, length: count, to: &out)
            }, to: &out)
            return true
        }
        if sameName(name, "TCA_RATE") {
            guard length >= 2, let bytes = read(address, count: 2) else { return false }
            out.beginStruct()
            out.field("interval")
            out.int(Int64(Int8(bitPattern: bytes[0])))
            out.field("ewma_log")
            out.uint(UInt64(bytes[1]))
            out.endStruct()
            return true
        }
        if sameName(name, "TCA_STAB") {
            printNetlinkAttributes(at: address, length: length, names: constants.sizeTableAttributes,
                                   unknown: "TCA_STAB_???", printValue: { type, at, count, out in
                self.printSizeTableAttribute(type: type, at: at, length: count, to: &out)
            }, to: &out)
            return true
        }
        if sameName(name, "TCA_HW_OFFLOAD") { return printAttributeNumber(at: address, length: length, size: 1, to: &out) }
        for number in ["TCA_FCNT", "TCA_CHAIN", "TCA_INGRESS_BLOCK", "TCA_EGRESS_BLOCK"] as [StaticString]
            where sameName(name, number) {
            return printAttributeNumber(at: address, length: length, size: 4, to: &out)
        }
        return false
    }

    private func printTrafficControlStatistic(type: UInt16, at address: UInt64, length: Int, to out: inout Emitter) -> Bool {
        guard let name = constants.trafficControlStatistics.name(of: UInt64(type)) else { return false }
        if sameName(name, "TCA_STATS_BASIC") || sameName(name, "TCA_STATS_BASIC_HW") {
            // struct gnet_stats_basic: a u64 byte count and a u32 packet count.
            guard length >= 12, let bytes = read(address, count: 12) else { return false }
            out.beginStruct()
            out.field("bytes")
            out.uint(bytes.u64(0))
            out.field("packets")
            out.uint(UInt64(bytes.u32(8)))
            out.endStruct()
            return true
        }
        if sameName(name, "TCA_STATS_RATE_EST") {
            return printAttributeStruct(at: address, length: length, fields: ["bps", "pps"], size: 4, to: &out)
        }
        if sameName(name, "TCA_STATS_RATE_EST64") {
            return printAttributeStruct(at: address, length: length, fields: ["bps", "pps"], size: 8, to: &out)
        }
        if sameName(name, "TCA_STATS_QUEUE") {
            return printAttributeStruct(at: address, length: length,
                                        fields: ["qlen", "backlog", "drops", "requeues", "overlimits"], size: 4, to: &out)
        }
        if sameName(name, "TCA_STATS_PKT64") { return printAttributeNumber(at: address, length: length, size: 8, to: &out) }
        return false
    }
}

extension DecodeContext {
    /// TCA_STAB_BASE's struct tc_sizespec (`{cell_log=3, size_log=1, cell_align=-1, overhead=-4,
    /// linklayer=2, mpu=64, mtu=2048, tsize=4}`, hex if short) and TCA_STAB_DATA's u16 cells.
    private func printSizeTableAttribute(type: UInt16, at address: UInt64, length: Int, to out: inout Emitter) -> Bool {
        guard let name = constants.sizeTableAttributes.name(of: UInt64(type)) else { return false }
        if sameName(name, "TCA_STAB_DATA") { return printNumberArray(at: address, length: length, elementSize: 2, to: &out) }
        guard sameName(name, "TCA_STAB_BASE") else { return false }
        let layout = layouts.tcSizespec
        guard length >= layout.size, let bytes = read(address, count: layout.size) else { return false }
        out.beginStruct()
        out.field("cell_log")
        out.uint(layout.cellLog.unsigned(in: bytes))
        out.field("size_log")
        out.uint(layout.sizeLog.unsigned(in: bytes))
        out.field("cell_align")
        out.int(layout.cellAlign.signed(in: bytes))
        out.field("overhead")
        out.int(layout.overhead.signed(in: bytes))
        let unsignedFields: [(StaticString, FieldLayout)] = [("linklayer", layout.linklayer), ("mpu", layout.mpu),
                                                            ("mtu", layout.mtu), ("tsize", layout.tsize)]
        for (field, place) in unsignedFields {
            out.field(field)
            out.uint(place.unsigned(in: bytes))
        }
        out.endStruct()
        return true
    }

    /// `[1, 2, 3]`: unsigned numbers of `elementSize` bytes, cut at `-s` elements unless `-v`;
    /// false (hex) when not even one fits.
    func printNumberArray(at address: UInt64, length: Int, elementSize: Int, to out: inout Emitter) -> Bool {
        let count = length / elementSize
        guard count > 0, let bytes = read(address, count: count * elementSize) else { return false }
        let limit = abbreviates ? options.stringLimit : .max
        out.beginArray()
        for index in 0..<count {
            guard index < limit else {
                out.abbreviated()
                break
            }
            out.element()
            out.uint(FieldLayout(offset: index * elementSize, size: elementSize).unsigned(in: bytes))
        }
        out.endArray()
        return true
    }
}

/// struct tc_stats's u32 fields after `bytes`.
private let trafficControlStatsFields: [StaticString] = ["packets", "drops", "overlimits", "bps", "pps", "qlen", "backlog"]
