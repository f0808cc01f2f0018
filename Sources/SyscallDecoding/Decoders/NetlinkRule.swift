/// NETLINK_ROUTE payloads of routing rules (RTM_*RULE: struct fib_rule_hdr and FRA_* attributes)
/// and of per-family configuration (RTM_*NETCONF: struct netconfmsg and NETCONFA_* attributes),
/// as `ip rule` and `ip netconf` send and receive them.
extension DecodeContext {
    /// `{family=AF_INET, dst_len=0, src_len=0, tos=0, table=RT_TABLE_MAIN, action=FR_ACT_TO_TBL,
    /// flags=0}`, then the FRA_* attributes.
    func printRuleMessage(at address: UInt64, length: Int, to out: inout Emitter) {
        let size = 12
        guard let bytes = read(address, count: min(length, size)) else { return out.hex(address) }
        let family = bytes[0]
        out.beginStruct()
        out.field("family")
        out.constant(UInt64(family), constants.addressFamilies, unknown: "AF_???")
        guard length >= size else {
            out.abbreviated()
            return out.endStruct()
        }
        out.field("dst_len")
        out.uint(UInt64(bytes[1]))
        out.field("src_len")
        out.uint(UInt64(bytes[2]))
        out.field("tos")
        out.uint(UInt64(bytes[3]))
        out.field("table")
        printRoutingTable(UInt64(bytes[4]), to: &out)
        out.field("action")
        out.constant(UInt64(bytes[7]), constants.fibRuleActions, unknown: "FR_ACT_???")
        out.field("flags")
        out.flags(UInt64(bytes.u32(8)), constants.fibRuleFlags, unknown: "FIB_RULE_???")
        out.endStruct()
        guard length > size else { return }
        out.element()
        printNetlinkAttributes(at: address &+ UInt64(size), length: length - size, names: constants.fibRuleAttributes,
                               unknown: "FRA_???", printValue: { type, at, count, out in
            self.printRuleAttribute(type: type, family: family, at: at, length: count, to: &out)
        }, to: &out)
    }

    private func printRuleAttribute(type: UInt16, family: UInt8, at address: UInt64, length: Int, to out: inout Emitter) -> Bool {
        guard let name = constants.fibRuleAttributes.name(of: UInt64(type)) else { return false }
        if sameName(name, "FRA_DST") || sameName(name, "FRA_SRC") {
            return printAttributeInetAddress(family: family, at: address, length: length, to: &out)
        }
        if sameName(name, "FRA_IIFNAME") || sameName(name, "FRA_OIFNAME") {
            return printAttributeString(at: address, length: length, to: &out)
        }
        if sameName(name, "FRA_TABLE") {
            guard length >= 4, let bytes = read(address, count: 4) else { return false }
            printRoutingTable(UInt64(bytes.u32(0)), to: &out)
            return true
        }
        if sameName(name, "FRA_PROTOCOL") {
            guard length >= 1, let bytes = read(address, count: 1) else { return false }
            out.constant(UInt64(bytes[0]), constants.routingProtocols, unknown: "RTPROT_???")
            return true
        }
        if sameName(name, "FRA_L3MDEV") {
            return printAttributeNumber(at: address, length: length, size: 1, to: &out)
        }
        if sameName(name, "FRA_UID_RANGE") {
            return printAttributeStruct(at: address, length: length, fields: ["start", "end"], size: 4, to: &out)
        }
        if sameName(name, "FRA_SPORT_RANGE") || sameName(name, "FRA_DPORT_RANGE") {
            return printAttributeStruct(at: address, length: length, fields: ["start", "end"], size: 2, to: &out)
        }
        for number in ruleNumberAttributes where sameName(name, number) {
            return printAttributeNumber(at: address, length: length, size: 4, to: &out)
        }
        return false
    }

    /// A routing table's number: its name (`RT_TABLE_MAIN`), `0xfe /* RT_TABLE_MAIN */` with
    /// `-X verbose`, the number when it has none.
    func printRoutingTable(_ table: UInt64, to out: inout Emitter) {
        if let name = constants.routingTables.name(of: table) {
            out.styled(number: { $0.hex(table) }, decoded: { $0.name(name) })
        } else {
            out.constant(table, constants.routingTables)
        }
    }

    /// `{ncm_family=AF_INET}`, then the NETCONFA_* attributes (after the struct's 4 aligned bytes).
    func printNetconfMessage(at address: UInt64, length: Int, to out: inout Emitter) {
        guard length >= 1, let bytes = read(address, count: 1) else { return out.hex(address) }
        out.beginStruct()
        out.field("ncm_family")
        out.constant(UInt64(bytes[0]), constants.addressFamilies, unknown: "AF_???")
        out.endStruct()
        let size = 4
        guard length > size else { return }
        out.element()
        printNetlinkAttributes(at: address &+ UInt64(size), length: length - size, names: constants.netconfAttributes,
                               unknown: "NETCONFA_???", printValue: { type, at, count, out in
            guard let name = self.constants.netconfAttributes.name(of: UInt64(type)) else { return false }
            if sameName(name, "NETCONFA_UNSPEC") { return false }
            if sameName(name, "NETCONFA_IFINDEX") {
                return self.printAttributeInterfaceIndex(at: at, length: count, to: &out)
            }
            return self.printAttributeNumber(at: at, length: count, size: 4, signed: true, to: &out)
        }, to: &out)
    }
}

/// FRA_* attributes whose value is a plain u32.
private let ruleNumberAttributes: [StaticString] = [
    "FRA_GOTO", "FRA_PRIORITY", "FRA_FWMARK", "FRA_FLOW", "FRA_SUPPRESS_IFGROUP", "FRA_SUPPRESS_PREFIXLEN", "FRA_FWMASK",
]
