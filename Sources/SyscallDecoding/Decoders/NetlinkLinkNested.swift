/// The nested attributes of a link message (RTM_NEWLINK) as strace prints them with `-v`:
/// IFLA_XDP, IFLA_LINKINFO (the kind names), IFLA_AF_SPEC (per address family: IPv4's and IPv6's
/// configuration arrays, IPv6's flags, times, statistics, token and address generation mode) and
/// IFLA_MAP. Without `-v` a link dump is cut at `-s` attributes before it reaches them.
extension DecodeContext {
    /// `[{nla_len=5, nla_type=IFLA_XDP_ATTACHED}, XDP_ATTACHED_NONE]`.
    func printXdpAttributes(at address: UInt64, length: Int, to out: inout Emitter) -> Bool {
        printNetlinkAttributes(at: address, length: length, names: constants.xdpAttributes, unknown: "IFLA_XDP_???",
                               printValue: { type, at, count, out in
            guard let name = self.constants.xdpAttributes.name(of: UInt64(type)) else { return false }
            if sameName(name, "IFLA_XDP_FD") || sameName(name, "IFLA_XDP_EXPECTED_FD") {
                return self.printAttributeNumber(at: at, length: count, size: 4, signed: true, to: &out)
            }
            if sameName(name, "IFLA_XDP_ATTACHED") {
                guard count >= 1, let bytes = self.read(at, count: 1) else { return false }
                out.constant(UInt64(bytes[0]), self.constants.xdpAttachModes, unknown: "XDP_ATTACHED_???")
                return true
            }
            if sameName(name, "IFLA_XDP_FLAGS") {
                guard count >= 4, let bytes = self.read(at, count: 4) else { return false }
                out.flags(UInt64(bytes.u32(0)), self.constants.xdpFlags, unknown: "XDP_FLAGS_???")
                return true
            }
            if sameName(name, "IFLA_XDP_UNSPEC") { return false }
            return self.printAttributeNumber(at: at, length: count, size: 4, to: &out)  // the program ids
        }, to: &out)
        return true
    }

    /// `[{nla_len=8, nla_type=IFLA_INFO_KIND}, "ifb"]`; a kind's own data stays in hex.
    func printLinkInfoAttributes(at address: UInt64, length: Int, to out: inout Emitter) -> Bool {
        printNetlinkAttributes(at: address, length: length, names: constants.linkInfoAttributes, unknown: "IFLA_INFO_???",
                               printValue: { type, at, count, out in
            guard let name = self.constants.linkInfoAttributes.name(of: UInt64(type)),
                  sameName(name, "IFLA_INFO_KIND") || sameName(name, "IFLA_INFO_SLAVE_KIND") else { return false }
            return self.printAttributeString(at: at, length: count, to: &out)
        }, to: &out)
        return true
    }

    /// IFLA_AF_SPEC: one nested attribute per address family (its type is the family).
    func printAddressFamilySpecificAttributes(at address: UInt64, length: Int, to out: inout Emitter) -> Bool {
        printNetlinkAttributes(at: address, length: length, names: constants.addressFamilies, unknown: "AF_???",
                               printValue: { type, at, count, out in
            guard let family = self.constants.addressFamilies.name(of: UInt64(type)) else { return false }
            if sameName(family, "AF_INET") {
                self.printNetlinkAttributes(at: at, length: count, names: self.constants.inetLinkAttributes,
                                            unknown: "IFLA_INET_???", printValue: { type, at, count, out in
                    guard let name = self.constants.inetLinkAttributes.name(of: UInt64(type)),
                          sameName(name, "IFLA_INET_CONF") else { return false }
                    // Element i is IPV4_DEVCONF_x - 1: `[IPV4_DEVCONF_FORWARDING-1]=0`.
                    return self.printIndexedArray(at: at, length: count, elementSize: 4, signed: true,
                                                  names: self.constants.ipv4DeviceConfiguration, indexOffset: 1,
                                                  unknown: "IPV4_DEVCONF_???", to: &out)
                }, to: &out)
                return true
            }
            if sameName(family, "AF_INET6") {
                self.printNetlinkAttributes(at: at, length: count, names: self.constants.inet6LinkAttributes,
                                            unknown: "IFLA_INET6_???", printValue: { type, at, count, out in
                    self.printInet6LinkAttribute(type: type, at: at, length: count, to: &out)
                }, to: &out)
                return true
            }
            return false
        }, to: &out)
        return true
    }

    private func printInet6LinkAttribute(type: UInt16, at address: UInt64, length: Int, to out: inout Emitter) -> Bool {
        guard let name = constants.inet6LinkAttributes.name(of: UInt64(type)) else { return false }
        if sameName(name, "IFLA_INET6_FLAGS") {
            guard length >= 4, let bytes = read(address, count: 4) else { return false }
            out.flags(UInt64(bytes.u32(0)), inet6InterfaceFlags, unknown: "IF_???")
            return true
        }
        if sameName(name, "IFLA_INET6_CONF") {
            return printIndexedArray(at: address, length: length, elementSize: 4, signed: true,
                                     names: constants.ipv6DeviceConfiguration, indexOffset: 0, unknown: "DEVCONF_???", to: &out)
        }
        if sameName(name, "IFLA_INET6_STATS") {
            return printIndexedArray(at: address, length: length, elementSize: 8, signed: false,
                                     names: constants.ipv6Statistics, indexOffset: 0, unknown: "IPSTATS_MIB_???", to: &out)
        }
        if sameName(name, "IFLA_INET6_ICMP6STATS") {
            return printIndexedArray(at: address, length: length, elementSize: 8, signed: false,
                                     names: constants.icmp6Statistics, indexOffset: 0, unknown: "ICMP6_MIB_???", to: &out)
        }
        if sameName(name, "IFLA_INET6_CACHEINFO") {
            return printAttributeStruct(at: address, length: length,
                                        fields: ["max_reasm_len", "tstamp", "reachable_time", "retrans_time"], size: 4, to: &out)
        }
        if sameName(name, "IFLA_INET6_TOKEN") {
            return printAttributeInetAddress(family: addressFamilyInet6, at: address, length: length, to: &out)
        }
        if sameName(name, "IFLA_INET6_ADDR_GEN_MODE") {
            guard length >= 1, let bytes = read(address, count: 1) else { return false }
            out.constant(UInt64(bytes[0]), constants.inet6AddressGenerationModes, unknown: "IN6_ADDR_GEN_MODE_???")
            return true
        }
        if sameName(name, "IFLA_INET6_RA_MTU") {
            return printAttributeNumber(at: address, length: length, size: 4, to: &out)
        }
        return false
    }

    /// `[[NAME]=value, ...]`: an array whose element i is named by the table's value
    /// i + `indexOffset` (written `NAME-1` when the offset is 1); an index the table does not name
    /// prints as `N /* PREFIX_??? */`. Cut at `-s` elements unless `-v`.
    func printIndexedArray(at address: UInt64, length: Int, elementSize: Int, signed: Bool, names: ConstantTable,
                           indexOffset: Int, unknown: StaticString, to out: inout Emitter) -> Bool {
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
            out.beginIndexedElement()
            if let name = names.name(of: UInt64(index + indexOffset)) {
                out.styled(number: { $0.uint(UInt64(index)) }, decoded: { out in
                    out.name(name)
                    if indexOffset == 1 { out.raw("-1") }
                })
            } else {
                out.uint(UInt64(index))
                out.beginComment()
                out.name(unknown)
                out.endComment()
            }
            out.indexedValue()
            let field = FieldLayout(offset: index * elementSize, size: elementSize)
            if signed { out.int(field.signed(in: bytes)) } else { out.uint(field.unsigned(in: bytes)) }
            out.endIndexedElement()
        }
        out.endArray()
        return true
    }

    /// struct rtnl_link_ifmap: `{mem_start=0, mem_end=0, base_addr=0, irq=0, dma=0, port=0}`.
    func printInterfaceMap(at address: UInt64, length: Int, to out: inout Emitter) -> Bool {
        let size = 28  // three u64, a u16 and two u8 (32 with the u64 alignment of 64-bit ABIs)
        guard length >= size, let bytes = read(address, count: size) else { return false }
        out.beginStruct()
        out.field("mem_start")
        out.hex(bytes.u64(0))
        out.field("mem_end")
        out.hex(bytes.u64(8))
        out.field("base_addr")
        out.hex(bytes.u64(16))
        out.field("irq")
        out.uint(UInt64(bytes.u16(24)))
        out.field("dma")
        out.uint(UInt64(bytes[26]))
        out.field("port")
        out.uint(UInt64(bytes[27]))
        out.endStruct()
        return true
    }
}

/// AF_INET6 on every Linux ABI.
private let addressFamilyInet6: UInt8 = 10

/// IFLA_INET6_FLAGS: the kernel's per-device IPv6 flags (`IF_RS_SENT`... in the kernel's own
/// include/net/if_inet6.h, which the UAPI headers do not export).
private let inet6InterfaceFlags = FlagTable(zero: nil, [
    (0x10, "IF_RS_SENT"), (0x20, "IF_RA_RCVD"), (0x40, "IF_RA_MANAGED"), (0x80, "IF_RA_OTHERCONF"),
    (0x8000_0000, "IF_READY"),
])
