/// NETLINK_ROUTE payloads of IPv6 address labels (RTM_*ADDRLABEL, as `ip addrlabel` dumps them):
/// struct ifaddrlblmsg and the IFAL_* attributes.
extension DecodeContext {
    /// `{ifal_family=AF_INET6, ifal_prefixlen=128, ifal_flags=0, ifal_index=0, ifal_seq=10}`,
    /// then `[{nla_len=20, nla_type=IFAL_ADDRESS}, inet_pton(AF_INET6, "::1")]` and the label.
    func printAddressLabelMessage(at address: UInt64, length: Int, to out: inout Emitter) {
        let size = 12
        guard let bytes = read(address, count: min(length, size)) else { return out.hex(address) }
        let family = bytes[0]
        out.beginStruct()
        out.field("ifal_family")
        out.constant(UInt64(family), constants.addressFamilies, unknown: "AF_???")
        guard length >= size else {
            out.abbreviated()
            return out.endStruct()
        }
        out.field("ifal_prefixlen")
        out.uint(UInt64(bytes[2]))
        out.field("ifal_flags")
        out.uint(UInt64(bytes[3]))
        out.field("ifal_index")
        printInterfaceIndex(bytes.u32(4), to: &out)
        out.field("ifal_seq")
        out.uint(UInt64(bytes.u32(8)))
        out.endStruct()
        guard length > size else { return }
        out.element()
        printNetlinkAttributes(at: address &+ UInt64(size), length: length - size, names: constants.addressLabelAttributes,
                               unknown: "IFAL_???", printValue: { type, at, count, out in
            guard let name = self.constants.addressLabelAttributes.name(of: UInt64(type)) else { return false }
            if sameName(name, "IFAL_ADDRESS") {
                return self.printAttributeInetAddress(family: family, at: at, length: count, to: &out)
            }
            return self.printAttributeNumber(at: at, length: count, size: 4, to: &out)  // IFAL_LABEL
        }, to: &out)
    }
}
