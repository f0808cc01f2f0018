/// The netlink protocols other than route and sock_diag, as strace 6.1 prints them: netfilter's
/// types (`NFNL_SUBSYS_CTNETLINK<<8|IPCTNL_MSG_CT_GET`) and struct nfgenmsg, SELinux's two
/// messages, which of xfrm's, crypto's and netfilter's requests are gets, news and deletes (for
/// the header's flags), and uevents (text, or libudev's monitor header). Audit, xfrm and crypto
/// payloads, and generic netlink's, stay in hex as under strace.
extension DecodeContext {
    enum NetlinkRequestKind { case new, delete, get }

    /// Whether a message of `type` creates, deletes or gets, for the flags its header may carry;
    /// nil for the protocols and types strace gives only the common flags.
    func requestKind(type: UInt64, kind: NetlinkFamily) -> NetlinkRequestKind? {
        func kindOf(_ value: UInt64, _ table: ConstantTable, new: [StaticString], delete: [StaticString],
                    get: [StaticString]) -> NetlinkRequestKind? {
            guard let name = table.name(of: value) else { return nil }
            if new.contains(where: { sameName($0, name) }) { return .new }
            if delete.contains(where: { sameName($0, name) }) { return .delete }
            if get.contains(where: { sameName($0, name) }) { return .get }
            return nil
        }
        switch kind {
        case .xfrm:
            return kindOf(type, constants.xfrmMessageTypes,
                          new: ["XFRM_MSG_NEWSA", "XFRM_MSG_NEWPOLICY", "XFRM_MSG_NEWAE", "XFRM_MSG_NEWSADINFO", "XFRM_MSG_NEWSPDINFO"],
                          delete: ["XFRM_MSG_DELSA", "XFRM_MSG_DELPOLICY"],
                          get: ["XFRM_MSG_GETSA", "XFRM_MSG_GETPOLICY", "XFRM_MSG_GETAE", "XFRM_MSG_GETSADINFO",
                                "XFRM_MSG_GETSPDINFO"])
        case .crypto:
            return kindOf(type, constants.cryptoMessageTypes, new: ["CRYPTO_MSG_NEWALG"],
                          delete: ["CRYPTO_MSG_DELALG", "CRYPTO_MSG_DELRNG"], get: ["CRYPTO_MSG_GETALG"])
        case .netfilter:
            guard let subsystem = constants.netfilterSubsystems.name(of: type >> 8) else { return nil }
            let message = type & 0xff
            if sameName(subsystem, "NFNL_SUBSYS_CTNETLINK") {
                return kindOf(message, constants.conntrackMessageTypes, new: ["IPCTNL_MSG_CT_NEW"], delete: ["IPCTNL_MSG_CT_DELETE"],
                              get: ["IPCTNL_MSG_CT_GET", "IPCTNL_MSG_CT_GET_CTRZERO", "IPCTNL_MSG_CT_GET_STATS_CPU",
                                    "IPCTNL_MSG_CT_GET_STATS", "IPCTNL_MSG_CT_GET_DYING", "IPCTNL_MSG_CT_GET_UNCONFIRMED"])
            }
            if sameName(subsystem, "NFNL_SUBSYS_CTNETLINK_EXP") {
                return kindOf(message, constants.conntrackExpectMessageTypes, new: ["IPCTNL_MSG_EXP_NEW"],
                              delete: ["IPCTNL_MSG_EXP_DELETE"], get: ["IPCTNL_MSG_EXP_GET", "IPCTNL_MSG_EXP_GET_STATS_CPU"])
            }
            if sameName(subsystem, "NFNL_SUBSYS_ACCT") {
                return kindOf(message, constants.netfilterAccountingMessageTypes, new: ["NFNL_MSG_ACCT_NEW"],
                              delete: ["NFNL_MSG_ACCT_DEL"], get: ["NFNL_MSG_ACCT_GET", "NFNL_MSG_ACCT_GET_CTRZERO"])
            }
            if sameName(subsystem, "NFNL_SUBSYS_CTNETLINK_TIMEOUT") {
                return kindOf(message, constants.conntrackTimeoutMessageTypes, new: ["IPCTNL_MSG_TIMEOUT_NEW"],
                              delete: ["IPCTNL_MSG_TIMEOUT_DELETE"], get: ["IPCTNL_MSG_TIMEOUT_GET"])
            }
            if sameName(subsystem, "NFNL_SUBSYS_CTHELPER") {
                return kindOf(message, constants.conntrackHelperMessageTypes, new: ["NFNL_MSG_CTHELPER_NEW"],
                              delete: ["NFNL_MSG_CTHELPER_DEL"], get: ["NFNL_MSG_CTHELPER_GET"])
            }
            if sameName(subsystem, "NFNL_SUBSYS_NFTABLES") {
                return kindOf(message, constants.nftablesMessageTypes,
                              new: ["NFT_MSG_NEWTABLE", "NFT_MSG_NEWCHAIN", "NFT_MSG_NEWRULE", "NFT_MSG_NEWSET", "NFT_MSG_NEWSETELEM",
                                    "NFT_MSG_NEWGEN", "NFT_MSG_NEWOBJ", "NFT_MSG_NEWFLOWTABLE"],
                              delete: ["NFT_MSG_DELTABLE", "NFT_MSG_DELCHAIN", "NFT_MSG_DELRULE", "NFT_MSG_DELSET",
                                       "NFT_MSG_DELSETELEM", "NFT_MSG_DELOBJ", "NFT_MSG_DELFLOWTABLE"],
                              get: ["NFT_MSG_GETTABLE", "NFT_MSG_GETCHAIN", "NFT_MSG_GETRULE", "NFT_MSG_GETSET", "NFT_MSG_GETSETELEM",
                                    "NFT_MSG_GETGEN", "NFT_MSG_GETOBJ", "NFT_MSG_GETOBJ_RESET", "NFT_MSG_GETFLOWTABLE"])
            }
            if sameName(subsystem, "NFNL_SUBSYS_NFT_COMPAT") {
                return kindOf(message, constants.nftCompatMessageTypes, new: [], delete: [], get: ["NFNL_MSG_COMPAT_GET"])
            }
            return nil
        default:
            return nil
        }
    }

    /// The message types of a netfilter subsystem, with strace's placeholder for unknown ones.
    private func netfilterMessageTypes(_ subsystem: UInt64) -> (ConstantTable, StaticString)? {
        guard let name = constants.netfilterSubsystems.name(of: subsystem) else { return nil }
        let tables: [(StaticString, ConstantTable, StaticString)] = [
            ("NFNL_SUBSYS_CTNETLINK", constants.conntrackMessageTypes, "IPCTNL_MSG_CT_???"),
            ("NFNL_SUBSYS_CTNETLINK_EXP", constants.conntrackExpectMessageTypes, "IPCTNL_MSG_EXP_???"),
            ("NFNL_SUBSYS_QUEUE", constants.netfilterQueueMessageTypes, "NFQNL_MSG_???"),
            ("NFNL_SUBSYS_ULOG", constants.netfilterLogMessageTypes, "NFULNL_MSG_???"),
            ("NFNL_SUBSYS_OSF", constants.osfMessageTypes, "OSF_MSG_???"),
            ("NFNL_SUBSYS_IPSET", constants.ipsetCommands, "IPSET_CMD_???"),
            ("NFNL_SUBSYS_ACCT", constants.netfilterAccountingMessageTypes, "NFNL_MSG_ACCT_???"),
            ("NFNL_SUBSYS_CTNETLINK_TIMEOUT", constants.conntrackTimeoutMessageTypes, "IPCTNL_MSG_TIMEOUT_???"),
            ("NFNL_SUBSYS_CTHELPER", constants.conntrackHelperMessageTypes, "NFNL_MSG_CTHELPER_???"),
            ("NFNL_SUBSYS_NFTABLES", constants.nftablesMessageTypes, "NFT_MSG_???"),
            ("NFNL_SUBSYS_NFT_COMPAT", constants.nftCompatMessageTypes, "NFNL_MSG_COMPAT_???"),
        ]
        for (candidate, table, unknown) in tables where sameName(candidate, name) { return (table, unknown) }
        return nil
    }

    /// `NFNL_MSG_BATCH_BEGIN`, or the subsystem and its message: `NFNL_SUBSYS_IPSET<<8|IPSET_CMD_LIST`.
    func printNetfilterType(_ type: UInt64, to out: inout Emitter) {
        if constants.netfilterControlTypes.name(of: type) != nil {
            return out.constant(type, constants.netfilterControlTypes, unknown: "NFNL_MSG_???")
        }
        let subsystem = type >> 8, message = type & 0xff
        out.beginOperation(.or)
        out.operand()
        out.beginOperation(.shiftLeft)
        out.operand()
        out.constant(subsystem, constants.netfilterSubsystems, unknown: "NFNL_SUBSYS_???")
        out.operand()
        out.uint(8)
        out.endOperation()
        out.operand()
        if let (table, unknown) = netfilterMessageTypes(subsystem) {
            out.constant(message, table, unknown: unknown)
        } else {
            out.hex(message)
        }
        out.endOperation()
    }

    /// struct nfgenmsg, then the attributes, whose types strace leaves unnamed:
    /// `{nfgen_family=AF_INET, version=NFNETLINK_V0, res_id=htons(0)}`.
    func printNetfilterPayload(at address: UInt64, length: Int, to out: inout Emitter) -> Bool {
        guard length >= 4, let bytes = read(address, count: 4) else { return false }
        out.beginStruct()
        out.field("nfgen_family")
        out.constant(UInt64(bytes[0]), constants.addressFamilies, unknown: "AF_???")
        out.field("version")
        out.constant(UInt64(bytes[1]), constants.netfilterVersions, unknown: "NFNETLINK_???")
        out.field("res_id")
        printNetworkShort(bytes.u16BigEndian(2), to: &out)  // in every -X style
        out.endStruct()
        if length > 4 {
            out.element()
            printNetlinkAttributes(at: address &+ 4, length: length - 4, names: constants.netfilterVersions, unknown: nil,
                                   printValue: { _, _, _, _ in false }, to: &out)
        }
        return true
    }

    /// SELNL_MSG_SETENFORCE's `{val=1}` and SELNL_MSG_POLICYLOAD's `{seqno=42}`.
    func printSelinuxPayload(type: UInt16, at address: UInt64, length: Int, to out: inout Emitter) -> Bool {
        guard length >= 4, let name = constants.selinuxMessageTypes.name(of: UInt64(type)),
              let bytes = read(address, count: 4) else { return false }
        out.beginStruct()
        if sameName(name, "SELNL_MSG_SETENFORCE") {
            out.field("val")
            out.int(Int64(Int32(bitPattern: bytes.u32(0))))
        } else {
            out.field("seqno")
            out.uint(UInt64(bytes.u32(0)))
        }
        out.endStruct()
        return true
    }

    /// A NETLINK_KOBJECT_UEVENT buffer: a string, or libudev's monitor header
    /// (`{prefix="libudev", magic=htonl(0xfeedcafe), ...}`) and the properties after it.
    func printUevent(at address: UInt64, length: UInt64, to out: inout Emitter) {
        let size = 40
        guard length >= UInt64(size), let header = read(address, count: size),
              header.prefix(8).elementsEqual("libudev\0".utf8), header.u32BigEndian(8) == 0xfeed_cafe else {
            return printBuffer(at: address, length: length, to: &out)
        }
        let hasProperties = length > UInt64(size)
        if hasProperties {
            out.beginArray()
            out.element()
        }
        func networkLong(_ name: StaticString, at offset: Int) {  // in every -X style
            out.field(name)
            out.beginCall("htonl")
            out.element()
            out.hex(UInt64(header.u32BigEndian(offset)))
            out.endCall()
        }
        out.beginStruct()
        out.field("prefix")
        out.bytes(header.prefix(7))
        networkLong("magic", at: 8)
        for (index, name) in (["header_size", "properties_off", "properties_len"] as [StaticString]).enumerated() {
            out.field(name)
            out.uint(UInt64(header.u32(12 + 4 * index)))
        }
        for (index, name) in (["filter_subsystem_hash", "filter_devtype_hash", "filter_tag_bloom_hi", "filter_tag_bloom_lo"]
                              as [StaticString]).enumerated() {
            networkLong(name, at: 24 + 4 * index)
        }
        out.endStruct()
        if hasProperties {
            out.element()
            printBuffer(at: address &+ UInt64(size), length: length - UInt64(size), to: &out)
            out.endArray()
        }
    }
}
