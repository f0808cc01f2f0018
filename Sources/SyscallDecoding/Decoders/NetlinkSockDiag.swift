/// NETLINK_SOCK_DIAG's messages as strace prints them: requests (the header has NLM_F_REQUEST)
/// for unix sockets (unix_diag_req) and inet sockets (inet_diag_req_v2 with its bytecode), and
/// the kernel's answers (unix_diag_msg, inet_diag_msg) with their UNIX_DIAG_* and INET_DIAG_*
/// attributes; the netlink, packet and smc families are in NetlinkSockDiagFamilies.swift. A
/// family strace does not decode prints as `{family=AF_XDP, data="..."}`.
extension DecodeContext {
    func printSockDiagPayload(type: UInt16, flags: UInt16, at address: UInt64, length: Int, to out: inout Emitter) -> Bool {
        guard length >= 1, let first = read(address, count: 1) else { return false }
        let family = first[0]
        let isRequest = flags & 1 != 0  // NLM_F_REQUEST
        if length > 1, let name = constants.addressFamilies.name(of: UInt64(family)) {
            if sameName(name, "AF_UNIX") {
                let decoded = isRequest ? printUnixDiagRequest(at: address, length: length, to: &out)
                                        : printUnixDiagMessage(at: address, length: length, to: &out)
                if decoded { return true }
            } else if sameName(name, "AF_INET") || sameName(name, "AF_INET6") {
                let decoded = isRequest ? printInetDiagRequest(at: address, length: length, to: &out)
                                        : printInetDiagMessage(at: address, length: length, to: &out)
                if decoded { return true }
            } else if printOtherDiagFamily(name, isRequest: isRequest, at: address, length: length, to: &out) {
                return true
            }
        }
        printDiagFamilyAndData(family, at: address, length: length, to: &out)
        return true
    }

    /// `{family=AF_XDP, data="\x00..."}`: a family whose structs strace does not know.
    private func printDiagFamilyAndData(_ family: UInt8, at address: UInt64, length: Int, to out: inout Emitter) {
        out.beginStruct()
        out.field("family")
        out.constant(UInt64(family), constants.addressFamilies, unknown: "AF_???")
        if length > 1 {
            out.field("data")
            printHexString(at: address &+ 1, length: length - 1, to: &out)
        }
        out.endStruct()
    }

    /// `{sdiag_family=AF_UNIX, sdiag_protocol=0, udiag_states=1<<TCP_ESTABLISHED|...,
    /// udiag_ino=0, udiag_show=UDIAG_SHOW_NAME, udiag_cookie=[0, 0]}`.
    private func printUnixDiagRequest(at address: UInt64, length: Int, to out: inout Emitter) -> Bool {
        let size = 24
        if length > size { return false }
        guard let bytes = diagStruct("sdiag_family", size: size, at: address, length: length, to: &out) else { return true }
        out.beginStruct()
        out.field("sdiag_family")
        out.constant(UInt64(bytes[0]), constants.addressFamilies, unknown: "AF_???")
        out.field("sdiag_protocol")
        out.uint(UInt64(bytes[1]))
        out.field("udiag_states")
        printStateMask(bytes.u32(4), to: &out)
        out.field("udiag_ino")
        out.uint(UInt64(bytes.u32(8)))
        out.field("udiag_show")
        out.flags(UInt64(bytes.u32(12)), constants.unixDiagShow)
        out.field("udiag_cookie")
        printCookie(bytes, at: 16, to: &out)
        out.endStruct()
        return true
    }

    /// `{udiag_family=AF_UNIX, udiag_type=SOCK_STREAM, udiag_state=TCP_LISTEN, udiag_ino=123,
    /// udiag_cookie=[1, 0]}`, then the UNIX_DIAG_* attributes.
    private func printUnixDiagMessage(at address: UInt64, length: Int, to out: inout Emitter) -> Bool {
        let size = 16
        guard let bytes = diagStruct("udiag_family", size: size, at: address, length: length, to: &out) else { return true }
        out.beginStruct()
        out.field("udiag_family")
        out.constant(UInt64(bytes[0]), constants.addressFamilies, unknown: "AF_???")
        out.field("udiag_type")
        out.constant(UInt64(bytes[1]), constants.socketTypes, unknown: "SOCK_???")
        out.field("udiag_state")
        out.constant(UInt64(bytes[2]), constants.tcpStates, unknown: "TCP_???")
        out.field("udiag_ino")
        out.uint(UInt64(bytes.u32(4)))
        out.field("udiag_cookie")
        printCookie(bytes, at: 8, to: &out)
        out.endStruct()
        guard length > size else { return true }
        out.element()
        printNetlinkAttributes(at: address &+ UInt64(size), length: length - size, names: constants.unixDiagAttributes,
                               unknown: "UNIX_DIAG_???", printValue: { type, at, count, out in
            self.printUnixDiagAttribute(type: type, at: at, length: count, to: &out)
        }, to: &out)
        return true
    }

    private func printUnixDiagAttribute(type: UInt16, at address: UInt64, length: Int, to out: inout Emitter) -> Bool {
        guard let name = constants.unixDiagAttributes.name(of: UInt64(type)) else { return false }
        if sameName(name, "UNIX_DIAG_NAME") { return printAttributeString(at: address, length: length, to: &out) }
        if sameName(name, "UNIX_DIAG_RQLEN") {
            return printAttributeStruct(at: address, length: length, fields: ["udiag_rqueue", "udiag_wqueue"], size: 4, to: &out)
        }
        if sameName(name, "UNIX_DIAG_VFS") {
            return printAttributeStruct(at: address, length: length, fields: ["udiag_vfs_ino", "udiag_vfs_dev"], size: 4, to: &out)
        }
        if sameName(name, "UNIX_DIAG_SHUTDOWN") { return printAttributeNumber(at: address, length: length, size: 1, to: &out) }
        if sameName(name, "UNIX_DIAG_PEER") || sameName(name, "UNIX_DIAG_UID") {
            return printAttributeNumber(at: address, length: length, size: 4, to: &out)
        }
        if sameName(name, "UNIX_DIAG_MEMINFO") {
            return printIndexedArray(at: address, length: length, elementSize: 4, signed: false, names: constants.socketMemoryInfo,
                                     indexOffset: 0, unknown: "SK_MEMINFO_???", to: &out)
        }
        return false
    }

    /// `{sdiag_family=AF_INET, sdiag_protocol=IPPROTO_TCP, idiag_ext=0, idiag_states=1<<TCP_LISTEN,
    /// id={...}}`, then the INET_DIAG_REQ_* attributes.
    private func printInetDiagRequest(at address: UInt64, length: Int, to out: inout Emitter) -> Bool {
        let size = 56
        guard let bytes = diagStruct("sdiag_family", size: size, at: address, length: length, to: &out) else { return true }
        let family = bytes[0]
        out.beginStruct()
        out.field("sdiag_family")
        out.constant(UInt64(family), constants.addressFamilies, unknown: "AF_???")
        out.field("sdiag_protocol")
        out.constant(UInt64(bytes[1]), constants.ipProtocols, unknown: "IPPROTO_???")
        out.field("idiag_ext")
        printDiagExtensions(UInt64(bytes[2]), to: &out)
        out.field("idiag_states")
        printStateMask(bytes.u32(4), to: &out)
        out.field("id")
        printInetDiagSocketId(bytes, at: 8, family: family, to: &out)
        out.endStruct()
        guard length > size else { return true }
        out.element()
        printNetlinkAttributes(at: address &+ UInt64(size), length: length - size, names: constants.inetDiagRequestAttributes,
                               unknown: "INET_DIAG_REQ_???", printValue: { type, at, count, out in
            guard let name = self.constants.inetDiagRequestAttributes.name(of: UInt64(type)),
                  sameName(name, "INET_DIAG_REQ_BYTECODE") else { return false }
            return self.printInetDiagBytecode(at: at, length: count, to: &out)
        }, to: &out)
        return true
    }

    /// `{idiag_family=AF_INET, idiag_state=TCP_LISTEN, idiag_timer=0, idiag_retrans=0, id={...},
    /// idiag_expires=0, idiag_rqueue=0, idiag_wqueue=1, idiag_uid=0, idiag_inode=123}`, then the
    /// INET_DIAG_* attributes.
    private func printInetDiagMessage(at address: UInt64, length: Int, to out: inout Emitter) -> Bool {
        let size = 72
        guard let bytes = diagStruct("idiag_family", size: size, at: address, length: length, to: &out) else { return true }
        let family = bytes[0]
        out.beginStruct()
        out.field("idiag_family")
        out.constant(UInt64(family), constants.addressFamilies, unknown: "AF_???")
        out.field("idiag_state")
        out.constant(UInt64(bytes[1]), constants.tcpStates, unknown: "TCP_???")
        out.field("idiag_timer")
        out.uint(UInt64(bytes[2]))
        out.field("idiag_retrans")
        out.uint(UInt64(bytes[3]))
        out.field("id")
        printInetDiagSocketId(bytes, at: 4, family: family, to: &out)
        for (index, name) in inetDiagMessageTail.enumerated() {
            out.field(name)
            out.uint(UInt64(bytes.u32(52 + 4 * index)))
        }
        out.endStruct()
        guard length > size else { return true }
        out.element()
        printNetlinkAttributes(at: address &+ UInt64(size), length: length - size, names: constants.inetDiagAttributes,
                               unknown: "INET_DIAG_???", printValue: { type, at, count, out in
            self.printInetDiagAttribute(type: type, at: at, length: count, to: &out)
        }, to: &out)
        return true
    }

    private func printInetDiagAttribute(type: UInt16, at address: UInt64, length: Int, to out: inout Emitter) -> Bool {
        guard let name = constants.inetDiagAttributes.name(of: UInt64(type)) else { return false }
        if sameName(name, "INET_DIAG_SHUTDOWN") { return printShutdownBits(at: address, length: length, alwaysVerbose: true, to: &out) }
        for byte in ["INET_DIAG_TOS", "INET_DIAG_TCLASS", "INET_DIAG_SKV6ONLY"] as [StaticString]
            where sameName(name, byte) {
            return printAttributeNumber(at: address, length: length, size: 1, to: &out)
        }
        if sameName(name, "INET_DIAG_MARK") || sameName(name, "INET_DIAG_CLASS_ID") {
            return printAttributeNumber(at: address, length: length, size: 4, to: &out)
        }
        if sameName(name, "INET_DIAG_CGROUP_ID") { return printAttributeNumber(at: address, length: length, size: 8, to: &out) }
        if sameName(name, "INET_DIAG_CONG") { return printAttributeString(at: address, length: length, to: &out) }
        if sameName(name, "INET_DIAG_PROTOCOL") {
            guard length >= 1, let bytes = read(address, count: 1) else { return false }
            out.constant(UInt64(bytes[0]), constants.ipProtocols, unknown: "IPPROTO_???")
            return true
        }
        if sameName(name, "INET_DIAG_MEMINFO") {
            return printAttributeStruct(at: address, length: length,
                                        fields: ["idiag_rmem", "idiag_wmem", "idiag_fmem", "idiag_tmem"], size: 4, to: &out)
        }
        if sameName(name, "INET_DIAG_SKMEMINFO") {
            return printIndexedArray(at: address, length: length, elementSize: 4, signed: false, names: constants.socketMemoryInfo,
                                     indexOffset: 0, unknown: "SK_MEMINFO_???", to: &out)
        }
        if sameName(name, "INET_DIAG_VEGASINFO") {
            return printAttributeStruct(at: address, length: length,
                                        fields: ["tcpv_enabled", "tcpv_rttcnt", "tcpv_rtt", "tcpv_minrtt"], size: 4, to: &out)
        }
        if sameName(name, "INET_DIAG_DCTCPINFO") { return printDctcpInfo(at: address, length: length, to: &out) }
        if sameName(name, "INET_DIAG_BBRINFO") { return printBbrInfo(at: address, length: length, to: &out) }
        if sameName(name, "INET_DIAG_MD5SIG") { return printMd5Signatures(at: address, length: length, to: &out) }
        if sameName(name, "INET_DIAG_ULP_INFO") {
            printNetlinkAttributes(at: address, length: length, names: constants.inetUlpInfoAttributes,
                                   unknown: "INET_ULP_INFO_???", printValue: { type, at, count, out in
                guard let name = self.constants.inetUlpInfoAttributes.name(of: UInt64(type)),
                      sameName(name, "INET_ULP_INFO_NAME") else { return false }
                return self.printAttributeString(at: at, length: count, to: &out)
            }, to: &out)
            return true
        }
        if sameName(name, "INET_DIAG_SK_BPF_STORAGES") { return printBpfStorages(at: address, length: length, to: &out) }
        if sameName(name, "INET_DIAG_SOCKOPT") {
            guard length >= 2, let bytes = read(address, count: 2) else { return false }
            // struct inet_diag_sockopt: one-bit fields, the ones that are set (every one with -v).
            out.beginStruct()
            let bits = UInt16(bytes[0]) | UInt16(bytes[1]) << 8
            for (bit, field) in socketOptionBits.enumerated() where !abbreviates || bits & (1 << bit) != 0 {
                out.field(field)
                out.uint(UInt64(bits >> bit & 1))
            }
            let unused = UInt64(bits >> socketOptionBits.count)
            if !abbreviates || unused != 0 {
                out.field("unused")
                out.uint(unused)
                out.raw(" /* bits 3..8 */")  // the five bits after the second byte's first three
            }
            out.endStruct()
            return true
        }
        return false
    }

    /// struct inet_diag_sockid: `{idiag_sport=htons(80), idiag_dport=htons(0),
    /// idiag_src=inet_addr("127.0.0.1"), idiag_dst=..., idiag_if=0, idiag_cookie=[0, 0]}`; IPv6
    /// addresses as `inet_pton(AF_INET6, "::1", &idiag_src)`.
    func printInetDiagSocketId(_ bytes: UnsafeRawBufferPointer, at offset: Int, family: UInt8, to out: inout Emitter) {
        let isInet = constants.addressFamilies.name(of: UInt64(family)).map { sameName($0, "AF_INET") } ?? false
        out.beginStruct()
        out.field("idiag_sport")
        printNetworkOrder(bytes, offset..<offset + 2, to: &out) { printNetworkShort(bytes.u16BigEndian(offset), to: &$0) }
        out.field("idiag_dport")
        printNetworkOrder(bytes, offset + 2..<offset + 4, to: &out) { printNetworkShort(bytes.u16BigEndian(offset + 2), to: &$0) }
        for (index, name) in (["idiag_src", "idiag_dst"] as [StaticString]).enumerated() {
            printInetAddress(name, bytes, at: offset + 4 + 16 * index, size: 16, isInet: isInet, to: &out)
        }
        out.field("idiag_if")
        printInterfaceIndex(bytes.u32(offset + 36), to: &out)
        out.field("idiag_cookie")
        printCookie(bytes, at: offset + 40, to: &out)
        out.endStruct()
    }

    /// A struct member holding an address (`size` bytes at `offset`, of which an IPv4 address
    /// uses 4): `idiag_src=inet_addr("127.0.0.1")`, or as strace writes an IPv6 one,
    /// `inet_pton(AF_INET6, "::1", &idiag_src)`; `-X raw` the member's bytes.
    func printInetAddress(_ name: StaticString, _ bytes: UnsafeRawBufferPointer, at offset: Int, size: Int, isInet: Bool,
                          to out: inout Emitter) {
        if isInet {
            out.field(name)
            printNetworkOrder(bytes, offset..<offset + size, to: &out) { out in
                out.beginCall("inet_addr")
                out.element()
                printIPv4(bytes, at: offset, to: &out)
                out.endCall()
            }
        } else if out.constantStyle == .abbrev {
            out.element()
            out.beginCall("inet_pton")
            out.element()
            out.name("AF_INET6")
            out.element()
            printIPv6(bytes, at: offset, to: &out)
            out.element()
            out.name("&", suffix: name)
            out.endCall()
        } else {
            out.field(name)
            printNetworkOrder(bytes, offset..<offset + size, to: &out) { out in
                out.beginCall("inet_pton")
                out.element()
                out.name("AF_INET6")
                out.element()
                printIPv6(bytes, at: offset, to: &out)
                out.endCall()
            }
        }
    }

    /// A socket cookie as the two u32 halves the UAPI structs hold: `[123, 0]`.
    func printCookie(_ bytes: UnsafeRawBufferPointer, at offset: Int, to out: inout Emitter) {
        out.beginArray()
        out.element()
        out.uint(UInt64(bytes.u32(offset)))
        out.element()
        out.uint(UInt64(bytes.u32(offset + 4)))
        out.endArray()
    }

    /// idiag_ext: bit N-1 asks for attribute INET_DIAG_N (`1<<(INET_DIAG_MEMINFO-1)`); smc's
    /// diag_ext the same with SMC_DIAG_N.
    func printDiagExtensions(_ mask: UInt64, names: ConstantTable? = nil, to out: inout Emitter) {
        guard mask != 0 else { return out.uint(0) }
        let names = names ?? constants.inetDiagAttributes
        out.styled(number: { $0.hex(mask) }, decoded: { out in
            var rest = mask
            out.beginOperation(.or)
            for bit in 0..<8 where mask & (1 << bit) != 0 {
                guard let name = names.name(of: UInt64(bit + 1)) else { continue }
                out.operand()
                out.beginOperation(.shiftLeft)
                out.operand()
                out.uint(1)
                out.operand()
                out.beginCall("")  // a parenthesised `NAME-1`: a call without a function in JSON
                out.element()
                out.name(name, suffix: "-1")
                out.endCall()
                out.endOperation()
                rest &= ~(1 << UInt64(bit))
            }
            if rest != 0 {
                out.operand()
                out.hex(rest)
            }
            out.endOperation()
        })
    }

    /// `1<<TCP_ESTABLISHED|1<<TCP_LISTEN|0xffffe001`: a mask of socket states by bit number;
    /// with `-X verbose` the number first.
    func printStateMask(_ mask: UInt32, to out: inout Emitter) {
        guard mask != 0 else { return out.uint(0) }
        out.styled(number: { $0.hex(UInt64(mask)) }, decoded: { out in
            var rest = UInt64(mask)
            out.beginOperation(.or)
            for entry in self.constants.tcpStates.entries where entry.value < 32 && rest & (1 << entry.value) != 0 {
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
}

/// inet_diag_msg's u32 fields after the socket id.
private let inetDiagMessageTail: [StaticString] = ["idiag_expires", "idiag_rqueue", "idiag_wqueue", "idiag_uid", "idiag_inode"]

/// struct inet_diag_sockopt's one-bit fields, from bit 0 up.
private let socketOptionBits: [StaticString] = [
    "recverr", "is_icsk", "freebind", "hdrincl", "mc_loop", "transparent", "mc_all", "nodefrag",
    "bind_address_no_port", "recverr_rfc4884", "defer_connect",
]
