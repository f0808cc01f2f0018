/// NETLINK_ROUTE payloads of neighbour entries (RTM_*NEIGH, as `ip neigh` dumps them): struct
/// ndmsg and the NDA_* attributes.
extension DecodeContext {
    /// `{ndm_family=AF_INET, ndm_ifindex=if_nametoindex("lo"), ndm_state=NUD_NOARP, ndm_flags=0,
    /// ndm_type=RTN_BROADCAST}`, then the NDA_* attributes.
    func printNeighbourMessage(at address: UInt64, length: Int, to out: inout Emitter) {
        let size = 12
        guard let bytes = read(address, count: min(length, size)) else { return out.hex(address) }
        let family = bytes[0]
        out.beginStruct()
        out.field("ndm_family")
        out.constant(UInt64(family), constants.addressFamilies, unknown: "AF_???")
        guard length >= size else {
            out.abbreviated()
            return out.endStruct()
        }
        out.field("ndm_ifindex")
        printInterfaceIndex(bytes.u32(4), to: &out)
        out.field("ndm_state")
        out.flags(UInt64(bytes.u16(8)), constants.neighbourStates, unknown: "NUD_???")
        out.field("ndm_flags")
        out.flags(UInt64(bytes[10]), constants.neighbourFlags, unknown: "NTF_???")
        out.field("ndm_type")
        out.constant(UInt64(bytes[11]), constants.routeTypes, unknown: "RTN_???")
        out.endStruct()
        guard length > size else { return }
        out.element()
        printNetlinkAttributes(at: address &+ UInt64(size), length: length - size, names: constants.neighbourAttributes,
                               unknown: "NDA_???", printValue: { type, at, count, out in
            self.printNeighbourAttribute(type: type, family: family, at: at, length: count, to: &out)
        }, to: &out)
    }

    private func printNeighbourAttribute(type: UInt16, family: UInt8, at address: UInt64, length: Int,
                                         to out: inout Emitter) -> Bool {
        guard let name = constants.neighbourAttributes.name(of: UInt64(type)) else { return false }
        if sameName(name, "NDA_DST") { return printAttributeInetAddress(family: family, at: address, length: length, to: &out) }
        if sameName(name, "NDA_LLADDR") { return printHardwareAddress(at: address, length: length, to: &out) }
        if sameName(name, "NDA_CACHEINFO") {
            return printAttributeStruct(at: address, length: length,
                                        fields: ["ndm_confirmed", "ndm_used", "ndm_updated", "ndm_refcnt"], size: 4, to: &out)
        }
        if sameName(name, "NDA_IFINDEX") || sameName(name, "NDA_MASTER") {
            return printAttributeInterfaceIndex(at: address, length: length, to: &out)
        }
        if sameName(name, "NDA_VLAN") { return printAttributeNumber(at: address, length: length, size: 2, to: &out) }
        if sameName(name, "NDA_PORT") {
            guard length >= 2, let bytes = read(address, count: 2) else { return false }
            printNetworkOrder(bytes, 0..<2, to: &out) { printNetworkShort(bytes.u16BigEndian(0), to: &$0) }
            return true
        }
        if sameName(name, "NDA_LINK_NETNSID") {
            return printAttributeNumber(at: address, length: length, size: 4, signed: true, to: &out)
        }
        if sameName(name, "NDA_PROTOCOL") {
            guard length >= 1, let bytes = read(address, count: 1) else { return false }
            out.constant(UInt64(bytes[0]), constants.routingProtocols, unknown: "RTPROT_???")
            return true
        }
        for number in ["NDA_PROBES", "NDA_VNI", "NDA_SRC_VNI", "NDA_NH_ID"] as [StaticString] where sameName(name, number) {
            return printAttributeNumber(at: address, length: length, size: 4, to: &out)
        }
        return false
    }
}
