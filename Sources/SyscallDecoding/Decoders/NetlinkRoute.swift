/// NETLINK_ROUTE payloads: ifinfomsg (links), ifaddrmsg (addresses) and rtmsg (routes), each
/// followed by its attributes (IFLA_*, IFA_*, RTA_*) as strace decodes them; rules and netconf
/// in `NetlinkRule.swift`, neighbours in `NetlinkNeighbour.swift`, traffic control in
/// `NetlinkTrafficControl.swift`, address labels in `NetlinkAddressLabel.swift`, next hops in
/// `NetlinkNextHop.swift`, nested link attributes in `NetlinkLinkNested.swift`, nested route
/// attributes in `NetlinkRouteNested.swift`, neighbour tables in `NetlinkNeighbourTable.swift`.
/// Other route messages (multicast routes, ...) print their bytes in hex.
extension DecodeContext {
    /// Prints the payload of route message `type` and returns true, or false when it is not one
    /// of the decoded kinds.
    func printRoutePayload(type: UInt16, at address: UInt64, length: Int, to out: inout Emitter) -> Bool {
        guard let name = constants.routeMessageTypes.name(of: UInt64(type)) else { return false }
        if nameHasSuffix(name, "LINK") {
            printInterfaceInfo(at: address, length: length, to: &out)
        } else if nameHasSuffix(name, "ADDR") {
            printInterfaceAddressMessage(at: address, length: length, to: &out)
        } else if nameHasSuffix(name, "ROUTE") {
            printRouteMessage(at: address, length: length, to: &out)
        } else if nameHasSuffix(name, "RULE") {
            printRuleMessage(at: address, length: length, to: &out)
        } else if nameHasSuffix(name, "NETCONF") {
            printNetconfMessage(at: address, length: length, to: &out)
        } else if nameHasSuffix(name, "NEXTHOP") {
            printNextHopMessage(at: address, length: length, to: &out)
        } else if nameHasSuffix(name, "ADDRLABEL") {
            printAddressLabelMessage(at: address, length: length, to: &out)
        } else if nameHasSuffix(name, "NEIGHTBL") {
            printNeighbourTableMessage(at: address, length: length, to: &out)
        } else if nameHasSuffix(name, "NEIGH") {
            printNeighbourMessage(at: address, length: length, to: &out)
        } else if nameHasSuffix(name, "QDISC") || nameHasSuffix(name, "TCLASS") || nameHasSuffix(name, "TFILTER")
                    || nameHasSuffix(name, "CHAIN") {
            printTrafficControlMessage(at: address, length: length, to: &out)
        } else {
            return false
        }
        return true
    }

    /// `{ifi_family=AF_UNSPEC, ifi_type=ARPHRD_ETHER, ifi_index=if_nametoindex("eth0"),
    /// ifi_flags=IFF_UP|..., ifi_change=0}`, then the IFLA_* attributes.
    private func printInterfaceInfo(at address: UInt64, length: Int, to out: inout Emitter) {
        let size = 16
        guard let bytes = read(address, count: min(length, size)) else { return out.hex(address) }
        let family = bytes[0]
        out.beginStruct()
        out.field("ifi_family")
        out.constant(UInt64(family), constants.addressFamilies, unknown: "AF_???")
        guard length >= size else {
            out.abbreviated()
            return out.endStruct()
        }
        out.field("ifi_type")
        out.constant(UInt64(bytes.u16(2)), constants.arpHardwareTypes, unknown: "ARPHRD_???")
        out.field("ifi_index")
        printInterfaceIndex(bytes.u32(4), to: &out)
        out.field("ifi_flags")
        out.flags(UInt64(bytes.u32(8)), constants.interfaceFlags)
        out.field("ifi_change")
        out.hex(UInt64(bytes.u32(12)))
        out.endStruct()
        guard length > size else { return }
        out.element()
        printNetlinkAttributes(at: address &+ UInt64(size), length: length - size, names: constants.linkAttributes,
                               unknown: "IFLA_???", printValue: { type, at, count, out in
            self.printLinkAttribute(type: type, family: family, at: at, length: count, to: &out)
        }, to: &out)
    }

    /// `{ifa_family=AF_INET, ifa_prefixlen=8, ifa_flags=IFA_F_PERMANENT, ifa_scope=RT_SCOPE_HOST,
    /// ifa_index=if_nametoindex("lo")}`, then the IFA_* attributes.
    private func printInterfaceAddressMessage(at address: UInt64, length: Int, to out: inout Emitter) {
        let size = 8
        guard let bytes = read(address, count: min(length, size)) else { return out.hex(address) }
        let family = bytes[0]
        out.beginStruct()
        out.field("ifa_family")
        out.constant(UInt64(family), constants.addressFamilies, unknown: "AF_???")
        guard length >= size else {
            out.abbreviated()
            return out.endStruct()
        }
        out.field("ifa_prefixlen")
        out.uint(UInt64(bytes[1]))
        out.field("ifa_flags")
        out.flags(UInt64(bytes[2]), constants.interfaceAddressFlags)
        out.field("ifa_scope")
        out.constant(UInt64(bytes[3]), constants.routingScopes, unknown: "RT_SCOPE_???")
        out.field("ifa_index")
        printInterfaceIndex(bytes.u32(4), to: &out)
        out.endStruct()
        guard length > size else { return }
        out.element()
        printNetlinkAttributes(at: address &+ UInt64(size), length: length - size, names: constants.addressAttributes,
                               unknown: "IFA_???", printValue: { type, at, count, out in
            self.printAddressAttribute(type: type, family: family, at: at, length: count, to: &out)
        }, to: &out)
    }

    /// `{rtm_family=AF_INET, rtm_dst_len=24, rtm_src_len=0, rtm_tos=0, rtm_table=RT_TABLE_MAIN,
    /// rtm_protocol=RTPROT_KERNEL, rtm_scope=RT_SCOPE_LINK, rtm_type=RTN_UNICAST, rtm_flags=0}`,
    /// then the RTA_* attributes.
    private func printRouteMessage(at address: UInt64, length: Int, to out: inout Emitter) {
        let size = 12
        guard let bytes = read(address, count: min(length, size)) else { return out.hex(address) }
        let family = bytes[0]
        out.beginStruct()
        out.field("rtm_family")
        out.constant(UInt64(family), constants.addressFamilies, unknown: "AF_???")
        guard length >= size else {
            out.abbreviated()
            return out.endStruct()
        }
        out.field("rtm_dst_len")
        out.uint(UInt64(bytes[1]))
        out.field("rtm_src_len")
        out.uint(UInt64(bytes[2]))
        out.field("rtm_tos")
        out.uint(UInt64(bytes[3]))
        out.field("rtm_table")
        if let name = constants.routingTables.name(of: UInt64(bytes[4])) {
            out.styled(number: { $0.hex(UInt64(bytes[4])) }, decoded: { $0.name(name) })  // `0xfe /* RT_TABLE_MAIN */`
        } else {
            out.constant(UInt64(bytes[4]), constants.routingTables)
        }
        out.field("rtm_protocol")
        out.constant(UInt64(bytes[5]), constants.routingProtocols, unknown: "RTPROT_???")
        out.field("rtm_scope")
        out.constant(UInt64(bytes[6]), constants.routingScopes, unknown: "RT_SCOPE_???")
        out.field("rtm_type")
        out.constant(UInt64(bytes[7]), constants.routeTypes, unknown: "RTN_???")
        out.field("rtm_flags")
        out.flags(UInt64(bytes.u32(8)), constants.routeFlags)
        out.endStruct()
        guard length > size else { return }
        out.element()
        printNetlinkAttributes(at: address &+ UInt64(size), length: length - size, names: constants.routeAttributes,
                               unknown: "RTA_???", printValue: { type, at, count, out in
            self.printRouteAttribute(type: type, family: family, at: at, length: count, to: &out)
        }, to: &out)
    }

    // MARK: Attribute values

    private func printLinkAttribute(type: UInt16, family: UInt8, at address: UInt64, length: Int, to out: inout Emitter) -> Bool {
        guard let name = constants.linkAttributes.name(of: UInt64(type)) else { return false }
        switch attributeKind(name, linkAttributeKinds) {
        case .string: return printAttributeString(at: address, length: length, to: &out)
        case .u8: return printAttributeNumber(at: address, length: length, size: 1, to: &out)
        case .u32: return printAttributeNumber(at: address, length: length, size: 4, to: &out)
        case .s32: return printAttributeNumber(at: address, length: length, size: 4, signed: true, to: &out)
        case .hardwareAddress: return printHardwareAddress(at: address, length: length, to: &out)
        case .interfaceIndex: return printAttributeInterfaceIndex(at: address, length: length, to: &out)
        case .linkStats64: return printAttributeStruct(at: address, length: length, fields: linkStatsFields, size: 8, to: &out)
        case .linkStats: return printAttributeStruct(at: address, length: length, fields: linkStatsFields.dropLast(), size: 4, to: &out)
        case .extensionMask:
            guard length >= 4, let bytes = read(address, count: 4) else { return false }
            out.flags(UInt64(bytes.u32(0)), constants.linkExtensionFilters)
            return true
        case .xdp: return printXdpAttributes(at: address, length: length, to: &out)
        case .linkInfo: return printLinkInfoAttributes(at: address, length: length, to: &out)
        case .afSpec: return printAddressFamilySpecificAttributes(at: address, length: length, to: &out)
        case .interfaceMap: return printInterfaceMap(at: address, length: length, to: &out)
        case .protocolInfo: return printLinkProtocolInfo(family: family, at: address, length: length, to: &out)
        case .linkEvent:
            guard length >= 4, let bytes = read(address, count: 4) else { return false }
            out.constant(UInt64(bytes.u32(0)), constants.linkEvents, unknown: "IFLA_EVENT_???")
            return true
        case .propertyList: return printLinkPropertyList(at: address, length: length, to: &out)
        case .protoDownReason: return printProtoDownReason(at: address, length: length, to: &out)
        case .descriptor:
            guard length >= 4, let bytes = read(address, count: 4) else { return false }
            out.fd(Int32(bitPattern: bytes.u32(0)))
            return true
        default: return false
        }
    }

    private func printAddressAttribute(type: UInt16, family: UInt8, at address: UInt64, length: Int, to out: inout Emitter) -> Bool {
        guard let name = constants.addressAttributes.name(of: UInt64(type)) else { return false }
        switch attributeKind(name, addressAttributeKinds) {
        case .string: return printAttributeString(at: address, length: length, to: &out)
        case .u32: return printAttributeNumber(at: address, length: length, size: 4, to: &out)
        case .s32: return printAttributeNumber(at: address, length: length, size: 4, signed: true, to: &out)
        case .inetAddress: return printAttributeInetAddress(family: family, at: address, length: length, to: &out)
        case .addressFlags:
            guard length >= 4, let bytes = read(address, count: 4) else { return false }
            out.flags(UInt64(bytes.u32(0)), constants.interfaceAddressFlags)
            return true
        case .addressCacheInfo:
            return printAttributeStruct(at: address, length: length,
                                        fields: ["ifa_prefered", "ifa_valid", "cstamp", "tstamp"], size: 4, to: &out)
        default: return false
        }
    }

    func printRouteAttribute(type: UInt16, family: UInt8, at address: UInt64, length: Int, to out: inout Emitter) -> Bool {
        guard let name = constants.routeAttributes.name(of: UInt64(type)) else { return false }
        switch attributeKind(name, routeAttributeKinds) {
        case .u8: return printAttributeNumber(at: address, length: length, size: 1, to: &out)
        case .u32: return printAttributeNumber(at: address, length: length, size: 4, to: &out)
        case .inetAddress: return printAttributeInetAddress(family: family, at: address, length: length, to: &out)
        case .interfaceIndex: return printAttributeInterfaceIndex(at: address, length: length, to: &out)
        case .routeTable:
            guard length >= 4, let bytes = read(address, count: 4) else { return false }
            let table = UInt64(bytes.u32(0))
            if let name = constants.routingTables.name(of: table) {
                out.styled(number: { $0.hex(table) }, decoded: { $0.name(name) })  // `0xfe /* RT_TABLE_MAIN */`
            } else {
                out.constant(table, constants.routingTables)
            }
            return true
        case .routeCacheInfo:
            return printAttributeStruct(at: address, length: length,
                                        fields: ["rta_clntref", "rta_lastuse", "rta_expires", "rta_error", "rta_used",
                                                 "rta_id", "rta_ts", "rta_tsage"], size: 4, signedFields: [2, 3], to: &out)
        case .routeMetrics: return printRouteMetrics(at: address, length: length, to: &out)
        case .multipath: return printMultipath(family: family, at: address, length: length, to: &out)
        default: return false
        }
    }

    /// A NUL-terminated name (`"lo"`), cut to `-s`.
    func printAttributeString(at address: UInt64, length: Int, to out: inout Emitter) -> Bool {
        let shown = min(length, options.stringLimit + 1)
        guard let bytes = read(address, count: shown) else { return false }
        if let nul = bytes.firstIndex(of: 0) {
            out.bytes(bytes[..<nul])
        } else {
            out.bytes(bytes.prefix(options.stringLimit), truncated: true)
        }
        return true
    }

    func printAttributeNumber(at address: UInt64, length: Int, size: Int, signed: Bool = false, to out: inout Emitter) -> Bool {
        guard length >= size, let bytes = read(address, count: size) else { return false }
        let field = FieldLayout(offset: 0, size: size)
        if signed { out.int(field.signed(in: bytes)) } else { out.uint(field.unsigned(in: bytes)) }
        return true
    }

    func printAttributeInterfaceIndex(at address: UInt64, length: Int, to out: inout Emitter) -> Bool {
        guard length >= 4, let bytes = read(address, count: 4) else { return false }
        printInterfaceIndex(bytes.u32(0), to: &out)
        return true
    }

    /// `02:fc:00:00:00:01`.
    func printHardwareAddress(at address: UInt64, length: Int, to out: inout Emitter) -> Bool {
        guard let bytes = read(address, count: length) else { return false }
        out.styled(number: { $0.hexBytes(bytes) }, decoded: { $0.hardwareAddress(bytes) })
        return true
    }

    /// `inet_addr("127.0.0.1")` or `inet_pton(AF_INET6, "::1")` by the message's family.
    func printAttributeInetAddress(family: UInt8, at address: UInt64, length: Int, to out: inout Emitter) -> Bool {
        let familyName = constants.addressFamilies.name(of: UInt64(family))
        if let familyName, sameName(familyName, "AF_INET"), length >= 4, let bytes = read(address, count: 4) {
            printNetworkOrder(bytes, 0..<4, to: &out) { out in
                out.beginCall("inet_addr")
                out.element()
                printIPv4(bytes, at: 0, to: &out)
                out.endCall()
            }
            return true
        }
        if let familyName, sameName(familyName, "AF_INET6"), length >= 16, let bytes = read(address, count: 16) {
            printNetworkOrder(bytes, 0..<16, to: &out) { out in
                out.beginCall("inet_pton")
                out.element()
                out.name("AF_INET6")
                out.element()
                printIPv6(bytes, at: 0, to: &out)
                out.endCall()
            }
            return true
        }
        return false
    }

    /// A struct of same-sized unsigned fields (`{rx_packets=1, ...}`); false when `length` is short.
    func printAttributeStruct<C: Collection>(at address: UInt64, length: Int, fields: C, size: Int,
                                                     signedFields: Set<Int> = [], to out: inout Emitter) -> Bool
        where C.Element == StaticString {
        let total = fields.count * size
        guard length >= total, let bytes = read(address, count: total) else { return false }
        out.beginStruct()
        for (index, name) in fields.enumerated() {
            out.field(name)
            let field = FieldLayout(offset: index * size, size: size)
            if signedFields.contains(index) { out.int(field.signed(in: bytes)) } else { out.uint(field.unsigned(in: bytes)) }
        }
        out.endStruct()
        return true
    }
}

/// How an attribute's value prints.
private enum AttributeKind {
    case string, u8, u32, s32, hardwareAddress, interfaceIndex, inetAddress, linkStats, linkStats64, extensionMask,
         addressFlags, addressCacheInfo, routeTable, routeCacheInfo, hex,
         xdp, linkInfo, afSpec, interfaceMap,  // nested link attributes: NetlinkLinkNested.swift
         protocolInfo, linkEvent, propertyList, protoDownReason, descriptor,
         routeMetrics, multipath  // nested route attributes: NetlinkRouteNested.swift
}

private func attributeKind(_ name: StaticString, _ kinds: [(StaticString, AttributeKind)]) -> AttributeKind {
    for (candidate, kind) in kinds where sameName(candidate, name) { return kind }
    return .hex
}

private let linkAttributeKinds: [(StaticString, AttributeKind)] = [
    ("IFLA_ADDRESS", .hardwareAddress), ("IFLA_BROADCAST", .hardwareAddress), ("IFLA_PERM_ADDRESS", .hardwareAddress),
    ("IFLA_IFNAME", .string), ("IFLA_QDISC", .string), ("IFLA_IFALIAS", .string), ("IFLA_PHYS_PORT_NAME", .string),
    ("IFLA_ALT_IFNAME", .string), ("IFLA_PARENT_DEV_NAME", .string), ("IFLA_PARENT_DEV_BUS_NAME", .string),
    ("IFLA_MTU", .u32), ("IFLA_LINK", .u32), ("IFLA_MASTER", .u32), ("IFLA_TXQLEN", .u32), ("IFLA_WEIGHT", .u32),
    ("IFLA_NET_NS_PID", .u32), ("IFLA_NUM_VF", .u32), ("IFLA_GROUP", .u32), ("IFLA_PROMISCUITY", .u32),
    ("IFLA_NUM_TX_QUEUES", .u32), ("IFLA_NUM_RX_QUEUES", .u32), ("IFLA_CARRIER_CHANGES", .u32),
    ("IFLA_GSO_MAX_SEGS", .u32), ("IFLA_GSO_MAX_SIZE", .u32), ("IFLA_CARRIER_UP_COUNT", .u32),
    ("IFLA_CARRIER_DOWN_COUNT", .u32), ("IFLA_MIN_MTU", .u32), ("IFLA_MAX_MTU", .u32), ("IFLA_GRO_MAX_SIZE", .u32),
    ("IFLA_TSO_MAX_SIZE", .u32), ("IFLA_TSO_MAX_SEGS", .u32), ("IFLA_ALLMULTI", .u32), ("IFLA_NEW_IFINDEX", .s32),
    ("IFLA_OPERSTATE", .u8), ("IFLA_LINKMODE", .u8), ("IFLA_CARRIER", .u8), ("IFLA_PROTO_DOWN", .u8),
    ("IFLA_LINK_NETNSID", .s32), ("IFLA_NEW_NETNSID", .s32), ("IFLA_IF_NETNSID", .s32),
    ("IFLA_STATS", .linkStats), ("IFLA_STATS64", .linkStats64), ("IFLA_EXT_MASK", .extensionMask),
    ("IFLA_XDP", .xdp), ("IFLA_LINKINFO", .linkInfo), ("IFLA_AF_SPEC", .afSpec), ("IFLA_MAP", .interfaceMap),
    ("IFLA_PROTINFO", .protocolInfo), ("IFLA_EVENT", .linkEvent), ("IFLA_PROP_LIST", .propertyList),
    ("IFLA_PROTO_DOWN_REASON", .protoDownReason), ("IFLA_NET_NS_FD", .descriptor),
]

private let addressAttributeKinds: [(StaticString, AttributeKind)] = [
    ("IFA_ADDRESS", .inetAddress), ("IFA_LOCAL", .inetAddress), ("IFA_BROADCAST", .inetAddress),
    ("IFA_ANYCAST", .inetAddress), ("IFA_MULTICAST", .inetAddress), ("IFA_LABEL", .string),
    ("IFA_CACHEINFO", .addressCacheInfo), ("IFA_FLAGS", .addressFlags), ("IFA_RT_PRIORITY", .u32),
    ("IFA_TARGET_NETNSID", .s32),
]

private let routeAttributeKinds: [(StaticString, AttributeKind)] = [
    ("RTA_DST", .inetAddress), ("RTA_SRC", .inetAddress), ("RTA_GATEWAY", .inetAddress), ("RTA_PREFSRC", .inetAddress),
    ("RTA_IIF", .interfaceIndex), ("RTA_OIF", .interfaceIndex), ("RTA_PRIORITY", .u32), ("RTA_TABLE", .routeTable),
    ("RTA_MARK", .u32), ("RTA_UID", .u32), ("RTA_FLOW", .u32), ("RTA_PREF", .u8), ("RTA_TTL_PROPAGATE", .u8),
    ("RTA_IP_PROTO", .u8), ("RTA_CACHEINFO", .routeCacheInfo), ("RTA_NH_ID", .u32),
    ("RTA_METRICS", .routeMetrics), ("RTA_MULTIPATH", .multipath),
]

/// struct rtnl_link_stats64's fields; rtnl_link_stats has all but the last.
private let linkStatsFields: [StaticString] = [
    "rx_packets", "tx_packets", "rx_bytes", "tx_bytes", "rx_errors", "tx_errors", "rx_dropped", "tx_dropped",
    "multicast", "collisions", "rx_length_errors", "rx_over_errors", "rx_crc_errors", "rx_frame_errors",
    "rx_fifo_errors", "rx_missed_errors", "tx_aborted_errors", "tx_carrier_errors", "tx_fifo_errors",
    "tx_heartbeat_errors", "tx_window_errors", "rx_compressed", "tx_compressed", "rx_nohandler",
    "rx_otherhost_dropped",
]

/// Whether `name` ends with `suffix` (`RTM_NEWLINK` ends with `LINK`).
private func nameHasSuffix(_ name: StaticString, _ suffix: StaticString) -> Bool {
    let count = name.utf8CodeUnitCount, suffixCount = suffix.utf8CodeUnitCount
    guard count >= suffixCount else { return false }
    for index in 0..<suffixCount where name.utf8Start[count - suffixCount + index] != suffix.utf8Start[index] {
        return false
    }
    return true
}
