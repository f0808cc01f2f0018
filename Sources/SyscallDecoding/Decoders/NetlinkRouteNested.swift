/// The nested attributes of a route message (RTM_*ROUTE) as strace prints them: RTA_METRICS
/// (RTAX_* attributes, every one a plain u32 but the congestion control algorithm's name) and
/// RTA_MULTIPATH (struct rtnexthop records, each followed by its own RTA_* attributes).
extension DecodeContext {
    /// `[[{nla_len=8, nla_type=RTAX_LOCK}, 4], [{nla_len=9, nla_type=RTAX_CC_ALGO}, "reno"]]`.
    func printRouteMetrics(at address: UInt64, length: Int, to out: inout Emitter) -> Bool {
        printNetlinkAttributes(at: address, length: length, names: constants.routeMetrics, unknown: "RTAX_???",
                               printValue: { type, at, count, out in
            guard let name = self.constants.routeMetrics.name(of: UInt64(type)), !sameName(name, "RTAX_UNSPEC") else {
                return false
            }
            if sameName(name, "RTAX_CC_ALGO") { return self.printAttributeString(at: at, length: count, to: &out) }
            return self.printAttributeNumber(at: at, length: count, size: 4, to: &out)
        }, to: &out)
        return true
    }

    /// `[{rtnh_len=16, rtnh_flags=0, rtnh_hops=1, rtnh_ifindex=if_nametoindex("lo")}, [{nla_len=8,
    /// nla_type=RTA_GATEWAY}, inet_addr("10.0.0.2")]]`, an array of those for several next hops.
    /// As under strace: a record is read whole even where fewer bytes are left, the next one
    /// starts at the 4-aligned rtnh_len, and the records are not cut at `-s`.
    func printMultipath(family: UInt8, at address: UInt64, length: Int, to out: inout Emitter) -> Bool {
        let layout = layouts.rtnexthop
        var offset = 0
        var isArray = false
        while offset < length {
            let at = address &+ UInt64(offset)
            guard let bytes = read(at, count: layout.size) else {
                if isArray { out.element() }
                out.hex(at)
                break
            }
            let recordLength = Int(layout.rtnhLen.unsigned(in: bytes))
            let advance = (recordLength + 3) & ~3
            // strace loops for ever on a zero rtnh_len; this stops after the record.
            let hasNext = advance > 0 && offset + advance < length
            if !isArray && hasNext {
                out.beginArray()
                isArray = true
            }
            if isArray { out.element() }
            let attributesLength = min(recordLength, length - offset) - layout.size
            if attributesLength > 0 {
                out.beginArray()
                out.element()
            }
            out.beginStruct()
            out.field("rtnh_len")
            out.uint(UInt64(recordLength))
            out.field("rtnh_flags")
            out.flags(layout.rtnhFlags.unsigned(in: bytes), constants.nextHopFlags, unknown: "RTNH_F_???")
            out.field("rtnh_hops")
            out.uint(layout.rtnhHops.unsigned(in: bytes))
            out.field("rtnh_ifindex")
            printInterfaceIndex(UInt32(truncatingIfNeeded: layout.rtnhIfindex.unsigned(in: bytes)), to: &out)
            out.endStruct()
            if attributesLength > 0 {
                out.element()
                printNetlinkAttributes(at: at &+ UInt64(layout.size), length: attributesLength, names: constants.routeAttributes,
                                       unknown: "RTA_???", printValue: { type, at, count, out in
                    self.printRouteAttribute(type: type, family: family, at: at, length: count, to: &out)
                }, to: &out)
                out.endArray()
            }
            guard hasNext else { break }
            offset += advance
        }
        if isArray { out.endArray() }
        return true
    }
}
