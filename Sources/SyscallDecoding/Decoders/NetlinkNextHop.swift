/// NETLINK_ROUTE payloads of next hop objects (RTM_*NEXTHOP, as `ip nexthop` dumps them):
/// struct nhmsg and the NHA_* attributes: ids, devices, gateways, groups (struct nexthop_grp),
/// the group and encapsulation types, resilient groups' and buckets' nested attributes. The
/// encapsulation itself (NHA_ENCAP) stays in hex, as strace 6.1 prints it.
extension DecodeContext {
    /// `{nh_family=AF_UNSPEC, nh_scope=RT_SCOPE_UNIVERSE, nh_protocol=RTPROT_UNSPEC, nh_flags=0}`.
    func printNextHopMessage(at address: UInt64, length: Int, to out: inout Emitter) {
        let size = 8
        guard let bytes = read(address, count: min(length, size)) else { return out.hex(address) }
        let family = bytes[0]
        out.beginStruct()
        out.field("nh_family")
        out.constant(UInt64(family), constants.addressFamilies, unknown: "AF_???")
        guard length >= size else {
            out.abbreviated()
            return out.endStruct()
        }
        out.field("nh_scope")
        out.constant(UInt64(bytes[1]), constants.routingScopes, unknown: "RT_SCOPE_???")
        out.field("nh_protocol")
        out.constant(UInt64(bytes[2]), constants.routingProtocols, unknown: "RTPROT_???")
        out.field("nh_flags")
        out.flags(UInt64(bytes.u32(4)), constants.nextHopFlags, unknown: "RTNH_F_???")
        out.endStruct()
        guard length > size else { return }
        out.element()
        printNetlinkAttributes(at: address &+ UInt64(size), length: length - size, names: constants.nextHopAttributes,
                               unknown: "NHA_???", printValue: { type, at, count, out in
            self.printNextHopAttribute(type: type, family: family, at: at, length: count, to: &out)
        }, to: &out)
    }

    private func printNextHopAttribute(type: UInt16, family: UInt8, at address: UInt64, length: Int,
                                       to out: inout Emitter) -> Bool {
        guard let name = constants.nextHopAttributes.name(of: UInt64(type)) else { return false }
        if sameName(name, "NHA_ID") { return printAttributeNumber(at: address, length: length, size: 4, to: &out) }
        if sameName(name, "NHA_OIF") || sameName(name, "NHA_MASTER") {
            return printAttributeInterfaceIndex(at: address, length: length, to: &out)
        }
        if sameName(name, "NHA_GATEWAY") { return printAttributeInetAddress(family: family, at: address, length: length, to: &out) }
        if sameName(name, "NHA_GROUP") { return printNextHopGroup(at: address, length: length, to: &out) }
        if sameName(name, "NHA_GROUP_TYPE") {
            guard length >= 2, let bytes = read(address, count: 2) else { return false }
            out.constant(UInt64(bytes.u16(0)), constants.nextHopGroupTypes, unknown: "NEXTHOP_GRP_TYPE_???")
            return true
        }
        if sameName(name, "NHA_ENCAP_TYPE") {
            guard length >= 2, let bytes = read(address, count: 2) else { return false }
            out.constant(UInt64(bytes.u16(0)), constants.lightweightTunnelTypes, unknown: "LWTUNNEL_ENCAP_???")
            return true
        }
        if sameName(name, "NHA_RES_GROUP") {
            printNetlinkAttributes(at: address, length: length, names: constants.nextHopResilientGroupAttributes,
                                   unknown: "NHA_RES_GROUP_???", printValue: { type, at, count, out in
                guard let name = self.constants.nextHopResilientGroupAttributes.name(of: UInt64(type)) else { return false }
                if sameName(name, "NHA_RES_GROUP_BUCKETS") { return self.printAttributeNumber(at: at, length: count, size: 2, to: &out) }
                if sameName(name, "NHA_RES_GROUP_IDLE_TIMER") || sameName(name, "NHA_RES_GROUP_UNBALANCED_TIMER") {
                    return self.printAttributeClockTicks(at: at, length: count, to: &out)
                }
                if sameName(name, "NHA_RES_GROUP_UNBALANCED_TIME") {
                    return self.printAttributeClockTicks(at: at, length: count, to: &out)
                }
                return false
            }, to: &out)
            return true
        }
        if sameName(name, "NHA_RES_BUCKET") {
            printNetlinkAttributes(at: address, length: length, names: constants.nextHopResilientBucketAttributes,
                                   unknown: "NHA_RES_BUCKET_???", printValue: { type, at, count, out in
                guard let name = self.constants.nextHopResilientBucketAttributes.name(of: UInt64(type)) else { return false }
                if sameName(name, "NHA_RES_BUCKET_INDEX") { return self.printAttributeNumber(at: at, length: count, size: 2, to: &out) }
                if sameName(name, "NHA_RES_BUCKET_IDLE_TIME") { return self.printAttributeClockTicks(at: at, length: count, to: &out) }
                if sameName(name, "NHA_RES_BUCKET_NH_ID") { return self.printAttributeNumber(at: at, length: count, size: 4, to: &out) }
                return false
            }, to: &out)
            return true
        }
        return false
    }

    /// `[{id=1, weight=0}, {id=2, weight=4, resvd1=0x1, resvd2=0x2}]`: the reserved fields only
    /// when set; a partial record at the end is left out, as strace leaves it.
    private func printNextHopGroup(at address: UInt64, length: Int, to out: inout Emitter) -> Bool {
        let layout = layouts.nexthopGrp
        let count = length / layout.size
        guard count > 0, let bytes = read(address, count: count * layout.size) else { return false }
        let limit = abbreviates ? options.stringLimit : .max
        out.beginArray()
        for index in 0..<count {
            guard index < limit else {
                out.abbreviated()
                break
            }
            out.element()
            let record = UnsafeRawBufferPointer(rebasing: bytes[(index * layout.size)..<((index + 1) * layout.size)])
            out.beginStruct()
            out.field("id")
            out.uint(layout.id.unsigned(in: record))
            out.field("weight")
            out.uint(layout.weight.unsigned(in: record))
            let reserved1 = layout.resvd1.unsigned(in: record), reserved2 = layout.resvd2.unsigned(in: record)
            if reserved1 != 0 {
                out.field("resvd1")
                out.hex(reserved1)
            }
            if reserved2 != 0 {
                out.field("resvd2")
                out.hex(reserved2)
            }
            out.endStruct()
        }
        out.endArray()
        return true
    }

    /// A time in clock ticks (USER_HZ, 100 a second): `120 /* 1.20 s */`, the comment left out
    /// for 0 and under `-X raw`. As strace reads it: a whole u32 for up to 4 bytes, a whole u64
    /// for up to 8 (the bytes after a short value read too), hex beyond.
    func printAttributeClockTicks(at address: UInt64, length: Int, to out: inout Emitter) -> Bool {
        let size = length <= 4 ? 4 : 8
        guard length > 0, length <= 8, let bytes = read(address, count: size) else { return false }
        let ticks = FieldLayout(offset: 0, size: size).unsigned(in: bytes)
        out.uint(ticks)
        guard ticks != 0, out.constantStyle != .raw else { return true }
        out.beginComment()
        out.text.appendDecimal(ticks / 100)
        out.raw(".")
        out.text.appendDigits(ticks % 100, radix: 10, minimumDigits: 2)
        out.raw(" s")
        out.endComment()
        return true
    }
}
