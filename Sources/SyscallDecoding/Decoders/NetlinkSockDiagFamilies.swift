/// sock_diag requests and answers of the netlink (netlink_diag_req/msg), packet
/// (packet_diag_req/msg) and smc (smc_diag_req/msg) families, with their attributes, as strace
/// prints them. A message too short for its struct shows its family and `...`.
extension DecodeContext {
    /// The family's request or answer; false for a family decoded elsewhere or not at all.
    func printOtherDiagFamily(_ family: StaticString, isRequest: Bool, at address: UInt64, length: Int,
                              to out: inout Emitter) -> Bool {
        if sameName(family, "AF_NETLINK") {
            isRequest ? printNetlinkDiagRequest(at: address, length: length, to: &out)
                      : printNetlinkDiagMessage(at: address, length: length, to: &out)
            return true
        }
        if sameName(family, "AF_PACKET") {
            isRequest ? printPacketDiagRequest(at: address, length: length, to: &out)
                      : printPacketDiagMessage(at: address, length: length, to: &out)
            return true
        }
        if sameName(family, "AF_SMC") {
            isRequest ? printSmcDiagRequest(at: address, length: length, to: &out)
                      : printSmcDiagMessage(at: address, length: length, to: &out)
            return true
        }
        return false
    }

    /// The struct's bytes, or nil after printing `{familyField=AF_..., ...}` (too short) or the
    /// address (unreadable).
    func diagStruct(_ familyField: StaticString, size: Int, at address: UInt64, length: Int,
                            to out: inout Emitter) -> UnsafeRawBufferPointer? {
        if length >= size, let bytes = read(address, count: size) { return bytes }
        guard length < size, let first = read(address, count: 1) else {
            out.hex(address)
            return nil
        }
        out.beginStruct()
        out.field(familyField)
        out.constant(UInt64(first[0]), constants.addressFamilies, unknown: "AF_???")
        out.abbreviated()
        out.endStruct()
        return nil
    }

    private func printFamilyField(_ name: StaticString, _ bytes: UnsafeRawBufferPointer, to out: inout Emitter) {
        out.field(name)
        out.constant(UInt64(bytes[0]), constants.addressFamilies, unknown: "AF_???")
    }

    /// The attributes after a struct of `size` bytes, when there are any.
    private func printDiagAttributes(after size: Int, at address: UInt64, length: Int, names: ConstantTable,
                                     unknown: StaticString, to out: inout Emitter,
                                     printValue: (UInt16, UInt64, Int, inout Emitter) -> Bool) {
        guard length > size else { return }
        out.element()
        printNetlinkAttributes(at: address &+ UInt64(size), length: length - size, names: names, unknown: unknown,
                               printValue: printValue, to: &out)
    }

    // MARK: netlink

    /// `{sdiag_family=AF_NETLINK, sdiag_protocol=NDIAG_PROTO_ALL, ndiag_ino=0,
    /// ndiag_show=NDIAG_SHOW_MEMINFO, ndiag_cookie=[0, 0]}`.
    private func printNetlinkDiagRequest(at address: UInt64, length: Int, to out: inout Emitter) {
        guard let bytes = diagStruct("sdiag_family", size: 20, at: address, length: length, to: &out) else { return }
        out.beginStruct()
        printFamilyField("sdiag_family", bytes, to: &out)
        out.field("sdiag_protocol")
        if bytes[1] == 0xff {
            out.styled(number: { $0.hex(0xff) }, decoded: { $0.name("NDIAG_PROTO_ALL") })
        } else {
            out.constant(UInt64(bytes[1]), constants.netlinkProtocols, unknown: "NETLINK_???")
        }
        out.field("ndiag_ino")
        out.uint(UInt64(bytes.u32(4)))
        out.field("ndiag_show")
        out.flags(UInt64(bytes.u32(8)), constants.netlinkDiagShow, unknown: "NDIAG_SHOW_???")
        out.field("ndiag_cookie")
        printCookie(bytes, at: 12, to: &out)
        out.endStruct()
    }

    /// netlink_diag_msg, then the NETLINK_DIAG_* attributes.
    private func printNetlinkDiagMessage(at address: UInt64, length: Int, to out: inout Emitter) {
        let size = 28
        guard let bytes = diagStruct("ndiag_family", size: size, at: address, length: length, to: &out) else { return }
        out.beginStruct()
        printFamilyField("ndiag_family", bytes, to: &out)
        out.field("ndiag_type")
        out.constant(UInt64(bytes[1]), constants.socketTypes, unknown: "SOCK_???")
        out.field("ndiag_protocol")
        out.constant(UInt64(bytes[2]), constants.netlinkProtocols, unknown: "NETLINK_???")
        out.field("ndiag_state")
        out.constant(UInt64(bytes[3]), constants.netlinkStates, unknown: "NETLINK_???")
        for (index, name) in (["ndiag_portid", "ndiag_dst_portid", "ndiag_dst_group", "ndiag_ino"] as [StaticString]).enumerated() {
            out.field(name)
            out.uint(UInt64(bytes.u32(4 + 4 * index)))
        }
        out.field("ndiag_cookie")
        printCookie(bytes, at: 20, to: &out)
        out.endStruct()
        printDiagAttributes(after: size, at: address, length: length, names: constants.netlinkDiagAttributes,
                            unknown: "NETLINK_DIAG_???", to: &out) { type, at, count, out in
            guard let name = self.constants.netlinkDiagAttributes.name(of: UInt64(type)) else { return false }
            if sameName(name, "NETLINK_DIAG_MEMINFO") { return self.printSocketMemory(at: at, length: count, to: &out) }
            if sameName(name, "NETLINK_DIAG_GROUPS") { return self.printGroupWords(at: at, length: count, to: &out) }
            if sameName(name, "NETLINK_DIAG_RX_RING") || sameName(name, "NETLINK_DIAG_TX_RING") {
                return self.printAttributeStruct(at: at, length: count, fields: ["ndr_block_size", "ndr_block_nr",
                                                                                "ndr_frame_size", "ndr_frame_nr"], size: 4, to: &out)
            }
            if sameName(name, "NETLINK_DIAG_FLAGS") {
                guard count >= 4, let flags = self.read(at, count: 4) else { return false }
                out.flags(UInt64(flags.u32(0)), self.constants.netlinkSocketFlags, unknown: "NDIAG_FLAG_???")
                return true
            }
            return false
        }
    }

    /// A socket's multicast groups as words of the tracee's size: `[0x00000000000005, 0000000000000000]`
    /// (printf's `%#0*x` with twice the word's size as the width).
    private func printGroupWords(at address: UInt64, length: Int, to out: inout Emitter) -> Bool {
        let count = length / wordSize
        guard count > 0 else { return false }
        out.beginArray()
        for index in 0..<count {
            guard out.element(index) else { break }
            let at = address &+ UInt64(index * wordSize)
            guard let word = readWord(at) else {
                out.hex(at)
                break
            }
            out.paddedHex(word, width: wordSize * 2)
        }
        out.endArray()
        return true
    }

    /// `[[SK_MEMINFO_RMEM_ALLOC]=0, ...]`.
    private func printSocketMemory(at address: UInt64, length: Int, to out: inout Emitter) -> Bool {
        printIndexedArray(at: address, length: length, elementSize: 4, signed: false, names: constants.socketMemoryInfo,
                          indexOffset: 0, unknown: "SK_MEMINFO_???", to: &out)
    }

    // MARK: packet

    /// `{sdiag_family=AF_PACKET, sdiag_protocol=0, pdiag_ino=0, pdiag_show=PACKET_SHOW_INFO,
    /// pdiag_cookie=[0, 0]}`.
    private func printPacketDiagRequest(at address: UInt64, length: Int, to out: inout Emitter) {
        guard let bytes = diagStruct("sdiag_family", size: 20, at: address, length: length, to: &out) else { return }
        out.beginStruct()
        printFamilyField("sdiag_family", bytes, to: &out)
        out.field("sdiag_protocol")
        out.hex(UInt64(bytes[1]))
        out.field("pdiag_ino")
        out.uint(UInt64(bytes.u32(4)))
        out.field("pdiag_show")
        out.flags(UInt64(bytes.u32(8)), constants.packetDiagShow, unknown: "PACKET_SHOW_???")
        out.field("pdiag_cookie")
        printCookie(bytes, at: 12, to: &out)
        out.endStruct()
    }

    /// packet_diag_msg, then the PACKET_DIAG_* attributes.
    private func printPacketDiagMessage(at address: UInt64, length: Int, to out: inout Emitter) {
        let size = 16
        guard let bytes = diagStruct("pdiag_family", size: size, at: address, length: length, to: &out) else { return }
        out.beginStruct()
        printFamilyField("pdiag_family", bytes, to: &out)
        out.field("pdiag_type")
        out.constant(UInt64(bytes[1]), constants.socketTypes, unknown: "SOCK_???")
        out.field("pdiag_num")
        out.constant(UInt64(bytes.u16(2)), constants.ethernetProtocols, unknown: "ETH_P_???")
        out.field("pdiag_ino")
        out.uint(UInt64(bytes.u32(4)))
        out.field("pdiag_cookie")
        printCookie(bytes, at: 8, to: &out)
        out.endStruct()
        printDiagAttributes(after: size, at: address, length: length, names: constants.packetDiagAttributes,
                            unknown: "PACKET_DIAG_???", to: &out) { type, at, count, out in
            guard let name = self.constants.packetDiagAttributes.name(of: UInt64(type)) else { return false }
            if sameName(name, "PACKET_DIAG_INFO") { return self.printPacketInfo(at: at, length: count, to: &out) }
            if sameName(name, "PACKET_DIAG_MCLIST") { return self.printPacketMulticastList(at: at, length: count, to: &out) }
            if sameName(name, "PACKET_DIAG_RX_RING") || sameName(name, "PACKET_DIAG_TX_RING") {
                return self.printAttributeStruct(at: at, length: count, fields: [
                    "pdr_block_size", "pdr_block_nr", "pdr_frame_size", "pdr_frame_nr", "pdr_retire_tmo",
                    "pdr_sizeof_priv", "pdr_features",
                ], size: 4, to: &out)
            }
            if sameName(name, "PACKET_DIAG_FANOUT") { return self.printAttributeNumber(at: at, length: count, size: 4, to: &out) }
            if sameName(name, "PACKET_DIAG_UID") {
                guard count >= 4, let uid = self.read(at, count: 4) else { return false }
                let value = uid.u32(0)
                if value == UInt32.max { out.int(-1) } else { out.uint(UInt64(value)) }
                return true
            }
            if sameName(name, "PACKET_DIAG_MEMINFO") { return self.printSocketMemory(at: at, length: count, to: &out) }
            if sameName(name, "PACKET_DIAG_FILTER") { return self.printPacketFilter(at: at, length: count, to: &out) }
            return false
        }
    }

    /// struct packet_diag_info.
    private func printPacketInfo(at address: UInt64, length: Int, to out: inout Emitter) -> Bool {
        guard length >= 24, let bytes = read(address, count: 24) else { return false }
        out.beginStruct()
        out.field("pdi_index")
        printInterfaceIndex(bytes.u32(0), to: &out)
        out.field("pdi_version")
        out.constant(UInt64(bytes.u32(4)), constants.packetVersions, unknown: "TPACKET_???")
        for (index, name) in (["pdi_reserve", "pdi_copy_thresh", "pdi_tstamp"] as [StaticString]).enumerated() {
            out.field(name)
            out.uint(UInt64(bytes.u32(8 + 4 * index)))
        }
        out.field("pdi_flags")
        out.flags(UInt64(bytes.u32(20)), constants.packetDiagInfoFlags, unknown: "PDI_???")
        out.endStruct()
        return true
    }

    /// An array of struct packet_diag_mclist (44 bytes each), the address cut to its length.
    private func printPacketMulticastList(at address: UInt64, length: Int, to out: inout Emitter) -> Bool {
        let size = 44
        let count = length / size
        guard count > 0 else { return false }
        out.beginArray()
        for index in 0..<count {
            guard out.element(index) else { break }
            let at = address &+ UInt64(index * size)
            guard let bytes = read(at, count: size) else {
                out.hex(at)
                break
            }
            out.beginStruct()
            out.field("pdmc_index")
            printInterfaceIndex(bytes.u32(0), to: &out)
            out.field("pdmc_count")
            out.uint(UInt64(bytes.u32(4)))
            out.field("pdmc_type")
            out.uint(UInt64(bytes.u16(8)))
            out.field("pdmc_alen")
            let addressLength = Int(bytes.u16(10))
            out.uint(UInt64(addressLength))
            out.field("pdmc_addr")
            out.hexBytes(UnsafeRawBufferPointer(rebasing: bytes[12..<12 + min(addressLength, 32)]))
            out.endStruct()
        }
        out.endArray()
        return true
    }

    /// A socket filter's instructions: their address, with `-v` `[BPF_STMT(...), ...]`.
    private func printPacketFilter(at address: UInt64, length: Int, to out: inout Emitter) -> Bool {
        let count = length / 8
        guard count > 0, count <= Int(UInt16.max) else { return false }
        guard !abbreviates, let instructions = read(address, count: min(count, max(options.stringLimit, 1)) * 8) else {
            out.hex(address)
            return true
        }
        out.beginArray()
        for index in 0..<count {
            guard out.element(index) else { break }
            printFilterInstruction(UnsafeRawBufferPointer(rebasing: instructions[index * 8..<index * 8 + 8]),
                                   seccomp: false, to: &out)
        }
        out.endArray()
        return true
    }

    // MARK: smc

    /// `{diag_family=AF_SMC, diag_ext=1<<(SMC_DIAG_CONNINFO-1), id={...}}`: the socket id is an
    /// inet one.
    private func printSmcDiagRequest(at address: UInt64, length: Int, to out: inout Emitter) {
        guard let bytes = diagStruct("diag_family", size: 52, at: address, length: length, to: &out) else { return }
        out.beginStruct()
        printFamilyField("diag_family", bytes, to: &out)
        out.field("diag_ext")
        printDiagExtensions(UInt64(bytes[3]), names: constants.smcDiagAttributes, to: &out)
        out.field("id")
        printInetDiagSocketId(bytes, at: 4, family: 2 /* AF_INET */, to: &out)
        out.endStruct()
    }

    /// smc_diag_msg, then the SMC_DIAG_* attributes.
    private func printSmcDiagMessage(at address: UInt64, length: Int, to out: inout Emitter) {
        let size = 64
        guard let bytes = diagStruct("diag_family", size: size, at: address, length: length, to: &out) else { return }
        out.beginStruct()
        printFamilyField("diag_family", bytes, to: &out)
        out.field("diag_state")
        out.constant(UInt64(bytes[1]), constants.smcStates, unknown: "SMC_???")
        out.field("diag_fallback")
        out.constant(UInt64(bytes[2]), constants.smcDiagModes, unknown: "SMC_DIAG_MODE_???")
        out.field("diag_shutdown")
        out.uint(UInt64(bytes[3]))
        out.field("id")
        printInetDiagSocketId(bytes, at: 4, family: 2 /* AF_INET */, to: &out)
        out.field("diag_uid")
        out.uint(UInt64(bytes.u32(52)))
        out.field("diag_inode")
        out.uint(bytes.u64(56))
        out.endStruct()
        printDiagAttributes(after: size, at: address, length: length, names: constants.smcDiagAttributes,
                            unknown: "SMC_DIAG_???", to: &out) { type, at, count, out in
            guard let name = self.constants.smcDiagAttributes.name(of: UInt64(type)) else { return false }
            if sameName(name, "SMC_DIAG_SHUTDOWN") {
                return self.printShutdownBits(at: at, length: count, alwaysVerbose: false, to: &out)
            }
            if sameName(name, "SMC_DIAG_CONNINFO") { return self.printSmcConnectionInfo(at: at, length: count, to: &out) }
            if sameName(name, "SMC_DIAG_DMBINFO") { return self.printSmcDmbInfo(at: at, length: count, to: &out) }
            if sameName(name, "SMC_DIAG_FALLBACK") { return self.printSmcFallback(at: at, length: count, to: &out) }
            return false
        }
    }

    /// struct smc_diag_conninfo: sizes, seven cursors and four flag bytes (`%#04x`).
    private func printSmcConnectionInfo(at address: UInt64, length: Int, to out: inout Emitter) -> Bool {
        let size = 76
        guard length >= size, let bytes = read(address, count: size) else { return false }
        func cursor(_ name: StaticString, at offset: Int) {
            out.field(name)
            out.beginStruct()
            out.field("reserved")
            out.uint(UInt64(bytes.u16(offset)))
            out.field("wrap")
            out.uint(UInt64(bytes.u16(offset + 2)))
            out.field("count")
            out.uint(UInt64(bytes.u32(offset + 4)))
            out.endStruct()
        }
        out.beginStruct()
        for (index, name) in (["token", "sndbuf_size", "rmbe_size", "peer_rmbe_size"] as [StaticString]).enumerated() {
            out.field(name)
            out.uint(UInt64(bytes.u32(4 * index)))
        }
        for (index, name) in (["rx_prod", "rx_cons", "tx_prod", "tx_cons"] as [StaticString]).enumerated() {
            cursor(name, at: 16 + 8 * index)
        }
        for (index, name) in (["rx_prod_flags", "rx_conn_state_flags", "tx_prod_flags", "tx_conn_state_flags"]
                              as [StaticString]).enumerated() {
            out.field(name)
            out.paddedHex(UInt64(bytes[48 + index]), width: 2)
        }
        for (index, name) in (["tx_prep", "tx_sent", "tx_fin"] as [StaticString]).enumerated() {
            cursor(name, at: 52 + 8 * index)
        }
        out.endStruct()
        return true
    }

    /// struct smcd_diag_dmbinfo: the link id, then GIDs and tokens in hex.
    private func printSmcDmbInfo(at address: UInt64, length: Int, to out: inout Emitter) -> Bool {
        let size = 40
        guard length >= size, let bytes = read(address, count: size) else { return false }
        out.beginStruct()
        out.field("linkid")
        out.uint(UInt64(bytes.u32(0)))
        for (index, name) in (["peer_gid", "my_gid", "token", "peer_token"] as [StaticString]).enumerated() {
            out.field(name)
            out.hex(bytes.u64(8 + 8 * index))
        }
        out.endStruct()
        return true
    }

    /// struct smc_diag_fallback: decline codes, which strace always prints with their number
    /// (the names are not part of the UAPI): `0x3010000 /* SMC_CLC_DECL_PEERNOSMC */`.
    private func printSmcFallback(at address: UInt64, length: Int, to out: inout Emitter) -> Bool {
        guard length >= 8, let bytes = read(address, count: 8) else { return false }
        let style = out.constantStyle
        out.beginStruct()
        for (index, name) in (["reason", "peer_diagnosis"] as [StaticString]).enumerated() {
            out.field(name)
            if style != .raw { out.constantStyle = .verbose }
            out.constant(UInt64(bytes.u32(4 * index)), constants.smcDeclineCodes, unknown: "SMC_CLC_DECL_???")
            out.constantStyle = style
        }
        out.endStruct()
        return true
    }
}
