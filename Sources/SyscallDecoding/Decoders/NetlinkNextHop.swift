/// NETLINK_ROUTE payloads of next hop objects (RTM_*NEXTHOP, as `ip nexthop` dumps them):
/// struct nhmsg and the NHA_* attributes (ids, devices and gateways decoded, the rest in hex).
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
            guard let name = self.constants.nextHopAttributes.name(of: UInt64(type)) else { return false }
            if sameName(name, "NHA_ID") { return self.printAttributeNumber(at: at, length: count, size: 4, to: &out) }
            if sameName(name, "NHA_OIF") || sameName(name, "NHA_MASTER") {
                return self.printAttributeInterfaceIndex(at: at, length: count, to: &out)
            }
            if sameName(name, "NHA_GATEWAY") { return self.printAttributeInetAddress(family: family, at: at, length: count, to: &out) }
            return false
        }, to: &out)
    }
}
