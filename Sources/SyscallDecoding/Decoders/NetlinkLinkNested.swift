/// The nested attributes of a link message (RTM_NEWLINK) as strace prints them with `-v`:
/// IFLA_XDP, IFLA_LINKINFO (the kind names, a tun device's and a bridge's data, a bridge port's),
/// IFLA_PROTINFO (bridge ports, IPv6), IFLA_PROP_LIST, IFLA_PROTO_DOWN_REASON, IFLA_AF_SPEC (per
/// address family: IPv4's and IPv6's
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

    /// `[{nla_len=8, nla_type=IFLA_INFO_KIND}, "tun"]`, then the kind's own data where strace
    /// decodes it: a tun device's IFLA_INFO_DATA, a bridge port's IFLA_INFO_SLAVE_DATA (the kind
    /// named before the data); other kinds' data and IFLA_INFO_XSTATS stay in hex.
    func printLinkInfoAttributes(at address: UInt64, length: Int, to out: inout Emitter) -> Bool {
        var kind = LinkKind.other, slaveKind = LinkKind.other
        printNetlinkAttributes(at: address, length: length, names: constants.linkInfoAttributes, unknown: "IFLA_INFO_???",
                               printValue: { type, at, count, out in
            guard let name = self.constants.linkInfoAttributes.name(of: UInt64(type)) else { return false }
            if sameName(name, "IFLA_INFO_KIND") || sameName(name, "IFLA_INFO_SLAVE_KIND") {
                let named = self.linkKind(at: at, length: count)
                if sameName(name, "IFLA_INFO_KIND") { kind = named } else { slaveKind = named }
                return self.printAttributeString(at: at, length: count, to: &out)
            }
            if sameName(name, "IFLA_INFO_DATA"), kind == .tun { return self.printTunAttributes(at: at, length: count, to: &out) }
            if sameName(name, "IFLA_INFO_DATA"), kind == .bridge {
                return self.printBridgeAttributes(at: at, length: count, to: &out)
            }
            if sameName(name, "IFLA_INFO_SLAVE_DATA"), slaveKind == .bridge {
                return self.printBridgePortAttributes(at: at, length: count, to: &out)
            }
            return false
        }, to: &out)
        return true
    }

    /// Which of the kinds whose data strace decodes an IFLA_INFO_KIND names.
    private func linkKind(at address: UInt64, length: Int) -> LinkKind {
        guard length > 0, let bytes = read(address, count: min(length, 8)) else { return .other }
        let name = bytes.prefix { $0 != 0 }
        if name.elementsEqual("tun".utf8) { return .tun }
        if name.elementsEqual("bridge".utf8) { return .bridge }
        return .other
    }

    /// IFLA_INFO_DATA of a tun device: `[{nla_len=8, nla_type=IFLA_TUN_OWNER}, 1000], ...`.
    private func printTunAttributes(at address: UInt64, length: Int, to out: inout Emitter) -> Bool {
        printNetlinkAttributes(at: address, length: length, names: constants.tunAttributes, unknown: "IFLA_TUN_???",
                               printValue: { type, at, count, out in
            guard let name = self.constants.tunAttributes.name(of: UInt64(type)) else { return false }
            if sameName(name, "IFLA_TUN_OWNER") || sameName(name, "IFLA_TUN_GROUP") {
                // A uid or gid: -1 when unset.
                guard count >= 4, let bytes = self.read(at, count: 4) else { return false }
                let id = bytes.u32(0)
                if id == UInt32.max { out.int(-1) } else { out.uint(UInt64(id)) }
                return true
            }
            if sameName(name, "IFLA_TUN_TYPE") {
                guard count >= 1, let bytes = self.read(at, count: 1) else { return false }
                out.constant(UInt64(bytes[0]), self.constants.tunDeviceTypes, unknown: "IFF_???")
                return true
            }
            if sameName(name, "IFLA_TUN_NUM_QUEUES") || sameName(name, "IFLA_TUN_NUM_DISABLED_QUEUES") {
                return self.printAttributeNumber(at: at, length: count, size: 4, to: &out)
            }
            if sameName(name, "IFLA_TUN_UNSPEC") { return false }
            return self.printAttributeNumber(at: at, length: count, size: 1, to: &out)  // the u8 switches
        }, to: &out)
        return true
    }

    /// A bridge port's attributes (IFLA_PROTINFO of AF_BRIDGE, IFLA_INFO_SLAVE_DATA of a bridge's
    /// port): numbers of the sizes strace reads, ids, timers in clock ticks.
    func printBridgePortAttributes(at address: UInt64, length: Int, to out: inout Emitter) -> Bool {
        printNetlinkAttributes(at: address, length: length, names: constants.bridgePortAttributes, unknown: "IFLA_BRPORT_???",
                               printValue: { type, at, count, out in
            guard let name = self.constants.bridgePortAttributes.name(of: UInt64(type)) else { return false }
            var value = BridgePortValue.u8
            for (candidate, kind) in bridgePortValues where sameName(candidate, name) { value = kind }
            switch value {
            case .u8: return self.printAttributeNumber(at: at, length: count, size: 1, to: &out)
            case .u16: return self.printAttributeNumber(at: at, length: count, size: 2, to: &out)
            case .u32: return self.printAttributeNumber(at: at, length: count, size: 4, to: &out)
            case .hex16:
                guard count >= 2, let bytes = self.read(at, count: 2) else { return false }
                out.hex(UInt64(bytes.u16(0)))
                return true
            case .interfaceIndex: return self.printAttributeInterfaceIndex(at: at, length: count, to: &out)
            case .clockTicks: return self.printAttributeClockTicks(at: at, length: count, to: &out)
            case .bridgeId: return self.printBridgeId(at: at, length: count, to: &out)
            case .hex, .hardwareAddress, .ethernetProtocol, .booleanOptions, .querierState: return false
            }
        }, to: &out)
        return true
    }

    /// IFLA_INFO_DATA of a bridge: its IFLA_BR_* attributes.
    private func printBridgeAttributes(at address: UInt64, length: Int, to out: inout Emitter) -> Bool {
        printNetlinkAttributes(at: address, length: length, names: constants.bridgeAttributes, unknown: "IFLA_BR_???",
                               printValue: { type, at, count, out in
            guard let name = self.constants.bridgeAttributes.name(of: UInt64(type)) else { return false }
            var value = BridgePortValue.u8
            for (candidate, kind) in bridgeValues where sameName(candidate, name) { value = kind }
            switch value {
            case .u8: return self.printAttributeNumber(at: at, length: count, size: 1, to: &out)
            case .u16: return self.printAttributeNumber(at: at, length: count, size: 2, to: &out)
            case .u32: return self.printAttributeNumber(at: at, length: count, size: 4, to: &out)
            case .hex16:
                guard count >= 2, let bytes = self.read(at, count: 2) else { return false }
                out.hex(UInt64(bytes.u16(0)))
                return true
            case .interfaceIndex: return self.printAttributeInterfaceIndex(at: at, length: count, to: &out)
            case .clockTicks: return self.printAttributeClockTicks(at: at, length: count, to: &out)
            case .bridgeId: return self.printBridgeId(at: at, length: count, to: &out)
            case .hardwareAddress: return self.printHardwareAddress(at: at, length: count, to: &out)
            case .ethernetProtocol:
                // `htons(ETH_P_8021Q)`, strace's unknown ones named ETHER_P_???.
                guard count >= 2, let bytes = self.read(at, count: 2) else { return false }
                out.beginCall("htons")
                out.element()
                out.constant(UInt64(bytes.u16BigEndian(0)), self.constants.ethernetProtocols, unknown: "ETHER_P_???")
                out.endCall()
                return true
            case .booleanOptions: return self.printBridgeBooleanOptions(at: at, length: count, to: &out)
            case .querierState: return self.printBridgeQuerierState(at: at, length: count, to: &out)
            case .hex: return false
            }
        }, to: &out)
        return true
    }

    /// struct br_boolopt_multi: `{optval=1<<BR_BOOLOPT_NO_LL_LEARN, optmask=...}`.
    private func printBridgeBooleanOptions(at address: UInt64, length: Int, to out: inout Emitter) -> Bool {
        guard length >= 8, let bytes = read(address, count: 8) else { return false }
        out.beginStruct()
        out.field("optval")
        printBitNumbers(UInt64(bytes.u32(0)), constants.bridgeBooleanOptions, to: &out)
        out.field("optmask")
        printBitNumbers(UInt64(bytes.u32(4)), constants.bridgeBooleanOptions, to: &out)
        out.endStruct()
        return true
    }

    /// `1<<NAME|1<<OTHER|0x20100`: a mask whose bits the table names by bit number; with
    /// `-X verbose` the number first.
    private func printBitNumbers(_ mask: UInt64, _ names: ConstantTable, to out: inout Emitter) {
        guard mask != 0 else { return out.uint(0) }
        out.styled(number: { $0.hex(mask) }, decoded: { out in
            var rest = mask
            out.beginOperation(.or)
            for entry in names.entries where entry.value < 64 && rest & (1 << entry.value) != 0 {
                out.operand()
                out.beginOperation(.shiftLeft)
                out.operand()
                out.uint(1)
                out.operand()
                out.name(entry.name)
                out.endOperation()
                rest &= ~(1 << entry.value)
            }
            if rest != 0 {
                out.operand()
                out.hex(rest)
            }
            out.endOperation()
        })
    }

    /// IFLA_BR_MCAST_QUERIER_STATE: the querier's address, port and timer, IPv4 and IPv6.
    private func printBridgeQuerierState(at address: UInt64, length: Int, to out: inout Emitter) -> Bool {
        printNetlinkAttributes(at: address, length: length, names: constants.bridgeQuerierAttributes,
                               unknown: "BRIDGE_QUERIER_???", printValue: { type, at, count, out in
            guard let name = self.constants.bridgeQuerierAttributes.name(of: UInt64(type)) else { return false }
            if sameName(name, "BRIDGE_QUERIER_IP_ADDRESS") {
                return self.printAttributeInetAddress(family: addressFamilyInet, at: at, length: count, to: &out)
            }
            if sameName(name, "BRIDGE_QUERIER_IPV6_ADDRESS") {
                return self.printAttributeInetAddress(family: addressFamilyInet6, at: at, length: count, to: &out)
            }
            if sameName(name, "BRIDGE_QUERIER_IP_PORT") || sameName(name, "BRIDGE_QUERIER_IPV6_PORT") {
                return self.printAttributeInterfaceIndex(at: at, length: count, to: &out)
            }
            if sameName(name, "BRIDGE_QUERIER_IP_OTHER_TIMER") || sameName(name, "BRIDGE_QUERIER_IPV6_OTHER_TIMER") {
                return self.printAttributeClockTicks(at: at, length: count, to: &out)
            }
            return false
        }, to: &out)
        return true
    }

    /// struct ifla_bridge_id: `{prio=[128, 0], addr=02:00:00:00:00:01}`.
    private func printBridgeId(at address: UInt64, length: Int, to out: inout Emitter) -> Bool {
        guard length >= 8, let bytes = read(address, count: 8) else { return false }
        out.beginStruct()
        out.field("prio")
        out.beginArray()
        out.element()
        out.uint(UInt64(bytes[0]))
        out.element()
        out.uint(UInt64(bytes[1]))
        out.endArray()
        out.field("addr")
        let mac = UnsafeRawBufferPointer(rebasing: bytes[2..<8])
        out.styled(number: { $0.hexBytes(mac) }, decoded: { $0.hardwareAddress(mac) })
        out.endStruct()
        return true
    }

    /// IFLA_PROTINFO by the message's family: a bridge port's (AF_BRIDGE) or IPv6's (AF_INET6)
    /// attributes; hex for the other families, as strace prints them.
    func printLinkProtocolInfo(family: UInt8, at address: UInt64, length: Int, to out: inout Emitter) -> Bool {
        guard let familyName = constants.addressFamilies.name(of: UInt64(family)) else { return false }
        if sameName(familyName, "AF_BRIDGE") { return printBridgePortAttributes(at: address, length: length, to: &out) }
        guard sameName(familyName, "AF_INET6") else { return false }
        printNetlinkAttributes(at: address, length: length, names: constants.inet6LinkAttributes,
                               unknown: "IFLA_INET6_???", printValue: { type, at, count, out in
            self.printInet6LinkAttribute(type: type, at: at, length: count, to: &out)
        }, to: &out)
        return true
    }

    /// IFLA_PROP_LIST: the alternative names (`[{nla_len=12, nla_type=IFLA_ALT_IFNAME}, "altname"]`);
    /// any other attribute in it in hex.
    func printLinkPropertyList(at address: UInt64, length: Int, to out: inout Emitter) -> Bool {
        printNetlinkAttributes(at: address, length: length, names: constants.linkAttributes, unknown: "IFLA_???",
                               printValue: { type, at, count, out in
            guard let name = self.constants.linkAttributes.name(of: UInt64(type)), sameName(name, "IFLA_ALT_IFNAME") else {
                return false
            }
            return self.printAttributeString(at: at, length: count, to: &out)
        }, to: &out)
        return true
    }

    /// IFLA_PROTO_DOWN_REASON: its mask and value in hex.
    func printProtoDownReason(at address: UInt64, length: Int, to out: inout Emitter) -> Bool {
        printNetlinkAttributes(at: address, length: length, names: constants.protoDownReasonAttributes,
                               unknown: "IFLA_PROTO_DOWN_REASON_???", printValue: { type, at, count, out in
            guard let name = self.constants.protoDownReasonAttributes.name(of: UInt64(type)),
                  !sameName(name, "IFLA_PROTO_DOWN_REASON_UNSPEC"), count >= 4,
                  let bytes = self.read(at, count: 4) else { return false }
            out.hex(UInt64(bytes.u32(0)))
            return true
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

/// The link kinds whose IFLA_INFO_DATA or IFLA_INFO_SLAVE_DATA strace decodes.
private enum LinkKind { case tun, bridge, other }

/// How a bridge port attribute's value prints; not listed: a u8.
private enum BridgePortValue {
    case u8, u16, hex16, u32, interfaceIndex, clockTicks, bridgeId, hex
    case hardwareAddress, ethernetProtocol, booleanOptions, querierState  // a bridge's own
}
private let bridgePortValues: [(StaticString, BridgePortValue)] = [
    ("IFLA_BRPORT_UNSPEC", .hex), ("IFLA_BRPORT_FLUSH", .hex), ("IFLA_BRPORT_PAD", .hex),
    ("IFLA_BRPORT_PRIORITY", .u16), ("IFLA_BRPORT_DESIGNATED_PORT", .u16), ("IFLA_BRPORT_DESIGNATED_COST", .u16),
    ("IFLA_BRPORT_ID", .u16), ("IFLA_BRPORT_NO", .u16), ("IFLA_BRPORT_GROUP_FWD_MASK", .hex16),
    ("IFLA_BRPORT_COST", .u32), ("IFLA_BRPORT_MCAST_EHT_HOSTS_LIMIT", .u32), ("IFLA_BRPORT_MCAST_EHT_HOSTS_CNT", .u32),
    ("IFLA_BRPORT_BACKUP_PORT", .interfaceIndex), ("IFLA_BRPORT_MESSAGE_AGE_TIMER", .clockTicks),
    ("IFLA_BRPORT_FORWARD_DELAY_TIMER", .clockTicks), ("IFLA_BRPORT_HOLD_TIMER", .clockTicks),
    ("IFLA_BRPORT_ROOT_ID", .bridgeId), ("IFLA_BRPORT_BRIDGE_ID", .bridgeId),
]

/// How a bridge's IFLA_BR_* attribute's value prints; not listed: a u8.
private let bridgeValues: [(StaticString, BridgePortValue)] = [
    ("IFLA_BR_UNSPEC", .hex), ("IFLA_BR_FDB_FLUSH", .hex), ("IFLA_BR_PAD", .hex),
    ("IFLA_BR_FORWARD_DELAY", .clockTicks), ("IFLA_BR_HELLO_TIME", .clockTicks), ("IFLA_BR_MAX_AGE", .clockTicks),
    ("IFLA_BR_AGEING_TIME", .clockTicks), ("IFLA_BR_HELLO_TIMER", .clockTicks), ("IFLA_BR_TCN_TIMER", .clockTicks),
    ("IFLA_BR_TOPOLOGY_CHANGE_TIMER", .clockTicks), ("IFLA_BR_GC_TIMER", .clockTicks),
    ("IFLA_BR_MCAST_LAST_MEMBER_INTVL", .clockTicks), ("IFLA_BR_MCAST_MEMBERSHIP_INTVL", .clockTicks),
    ("IFLA_BR_MCAST_QUERIER_INTVL", .clockTicks), ("IFLA_BR_MCAST_QUERY_INTVL", .clockTicks),
    ("IFLA_BR_MCAST_QUERY_RESPONSE_INTVL", .clockTicks), ("IFLA_BR_MCAST_STARTUP_QUERY_INTVL", .clockTicks),
    ("IFLA_BR_STP_STATE", .u32), ("IFLA_BR_ROOT_PATH_COST", .u32), ("IFLA_BR_MCAST_HASH_ELASTICITY", .u32),
    ("IFLA_BR_MCAST_HASH_MAX", .u32), ("IFLA_BR_MCAST_LAST_MEMBER_CNT", .u32), ("IFLA_BR_MCAST_STARTUP_QUERY_CNT", .u32),
    ("IFLA_BR_PRIORITY", .u16), ("IFLA_BR_ROOT_PORT", .u16), ("IFLA_BR_VLAN_DEFAULT_PVID", .u16),
    ("IFLA_BR_GROUP_FWD_MASK", .hex16), ("IFLA_BR_ROOT_ID", .bridgeId), ("IFLA_BR_BRIDGE_ID", .bridgeId),
    ("IFLA_BR_GROUP_ADDR", .hardwareAddress), ("IFLA_BR_VLAN_PROTOCOL", .ethernetProtocol),
    ("IFLA_BR_MULTI_BOOLOPT", .booleanOptions), ("IFLA_BR_MCAST_QUERIER_STATE", .querierState),
]

/// AF_INET on every Linux ABI.
private let addressFamilyInet: UInt8 = 2

/// AF_INET6 on every Linux ABI.
private let addressFamilyInet6: UInt8 = 10

/// IFLA_INET6_FLAGS: the kernel's per-device IPv6 flags (`IF_RS_SENT`... in the kernel's own
/// include/net/if_inet6.h, which the UAPI headers do not export).
private let inet6InterfaceFlags = FlagTable(zero: nil, [
    (0x10, "IF_RS_SENT"), (0x20, "IF_RA_RCVD"), (0x40, "IF_RA_MANAGED"), (0x80, "IF_RA_OTHERCONF"),
    (0x8000_0000, "IF_READY"),
])
