/// The inet sock_diag attributes that are structs of their own, as strace prints them: a
/// request's bytecode (INET_DIAG_REQ_BYTECODE: the first op and what follows it), the
/// congestion-control infos (Vegas, DCTCP, BBR), MD5 signatures, the upper-layer protocol's
/// name, BPF storages and the shutdown bits. INET_DIAG_INFO (struct tcp_info), LOCALS and PEERS
/// stay in hex, as strace leaves them.
extension DecodeContext {
    /// `{code=INET_DIAG_BC_S_COND, yes=4, no=8}, {family=AF_INET, prefix_len=32, port=80,
    /// addr=inet_addr("127.0.0.1")}`: strace decodes the first op and takes the rest of the
    /// bytecode as that op's data.
    func printInetDiagBytecode(at address: UInt64, length: Int, to out: inout Emitter) -> Bool {
        guard length >= 4 else { return false }
        guard let op = read(address, count: 4) else {
            out.hex(address)
            return true
        }
        printBytecodeOp(op, to: &out)
        guard length > 4 else { return true }
        out.element()
        let data = address &+ 4, dataLength = length - 4
        let code = constants.inetDiagBytecodes.name(of: UInt64(op[0]))
        func isCode(_ names: StaticString...) -> Bool { code.map { code in names.contains { sameName($0, code) } } ?? false }
        if isCode("INET_DIAG_BC_S_COND", "INET_DIAG_BC_D_COND") {
            printHostCondition(at: data, length: dataLength, to: &out)
        } else if isCode("INET_DIAG_BC_DEV_COND"), dataLength >= 4 {
            if let index = read(data, count: 4) { printInterfaceIndex(index.u32(0), to: &out) } else { out.hex(data) }
        } else if isCode("INET_DIAG_BC_S_GE", "INET_DIAG_BC_S_LE", "INET_DIAG_BC_D_GE", "INET_DIAG_BC_D_LE"), dataLength >= 4 {
            if let port = read(data, count: 4) { printBytecodeOp(port, to: &out) } else { out.hex(data) }
        } else if isCode("INET_DIAG_BC_MARK_COND"), dataLength >= 8 {
            if !printAttributeStruct(at: data, length: dataLength, fields: ["mark", "mask"], size: 4, to: &out) { out.hex(data) }
        } else {
            printHexString(at: data, length: dataLength, to: &out)
        }
        return true
    }

    /// struct inet_diag_bc_op: `{code=INET_DIAG_BC_JMP, yes=4, no=8}`.
    private func printBytecodeOp(_ op: UnsafeRawBufferPointer, to out: inout Emitter) {
        out.beginStruct()
        out.field("code")
        out.constant(UInt64(op[0]), constants.inetDiagBytecodes, unknown: "INET_DIAG_BC_???")
        out.field("yes")
        out.uint(UInt64(op[1]))
        out.field("no")
        out.uint(UInt64(op.u16(2)))
        out.endStruct()
    }

    /// struct inet_diag_hostcond and the address after it, in hex when too short for its family.
    private func printHostCondition(at address: UInt64, length: Int, to out: inout Emitter) {
        let size = 8
        guard length >= size else { return printHexString(at: address, length: length, to: &out) }
        guard let condition = read(address, count: size) else { return out.hex(address) }
        let family = condition[0]
        out.beginStruct()
        out.field("family")
        out.constant(UInt64(family), constants.addressFamilies, unknown: "AF_???")
        out.field("prefix_len")
        out.uint(UInt64(condition[1]))
        out.field("port")
        out.uint(UInt64(condition.u32(4)))
        if length > size {
            printInetAddressField("addr", family: family, at: address &+ UInt64(size), length: length - size, to: &out)
        }
        out.endStruct()
    }

    /// A struct member holding an address of `family`: `addr=inet_addr("127.0.0.1")`,
    /// `inet_pton(AF_INET6, "::1", &addr)`, or the bytes in hex for another family or too few bytes.
    /// `-X raw` shows the field's `fieldSize` bytes (the address's own size when nil).
    func printInetAddressField(_ name: StaticString, family: UInt8, at address: UInt64, length: Int, fieldSize: Int? = nil,
                               to out: inout Emitter) {
        let familyName = constants.addressFamilies.name(of: UInt64(family))
        let isInet = familyName.map { sameName($0, "AF_INET") } ?? false
        let isInet6 = familyName.map { sameName($0, "AF_INET6") } ?? false
        let size = isInet ? 4 : isInet6 ? 16 : 0
        guard size > 0, length >= size else {
            out.field(name)
            return printHexString(at: address, length: length, to: &out)
        }
        let shown = max(size, min(fieldSize ?? size, length))
        guard let bytes = read(address, count: shown) else {
            out.field(name)
            return out.hex(address)
        }
        printInetAddress(name, bytes, at: 0, size: shown, isInet: isInet, to: &out)
    }

    /// struct tcp_dctcp_info: two u16 then three u32.
    func printDctcpInfo(at address: UInt64, length: Int, to out: inout Emitter) -> Bool {
        guard length >= 16, let bytes = read(address, count: 16) else { return false }
        out.beginStruct()
        out.field("dctcp_enabled")
        out.uint(UInt64(bytes.u16(0)))
        out.field("dctcp_ce_state")
        out.uint(UInt64(bytes.u16(2)))
        for (index, name) in (["dctcp_alpha", "dctcp_ab_ecn", "dctcp_ab_tot"] as [StaticString]).enumerated() {
            out.field(name)
            out.uint(UInt64(bytes.u32(4 + 4 * index)))
        }
        out.endStruct()
        return true
    }

    /// struct tcp_bbr_info: the bandwidth's halves in hex.
    func printBbrInfo(at address: UInt64, length: Int, to out: inout Emitter) -> Bool {
        guard length >= 20, let bytes = read(address, count: 20) else { return false }
        out.beginStruct()
        out.field("bbr_bw_lo")
        out.hex(UInt64(bytes.u32(0)))
        out.field("bbr_bw_hi")
        out.hex(UInt64(bytes.u32(4)))
        for (index, name) in (["bbr_min_rtt", "bbr_pacing_gain", "bbr_cwnd_gain"] as [StaticString]).enumerated() {
            out.field(name)
            out.uint(UInt64(bytes.u32(8 + 4 * index)))
        }
        out.endStruct()
        return true
    }

    /// An array of struct tcp_diag_md5sig (100 bytes each), cut at `-s` elements.
    func printMd5Signatures(at address: UInt64, length: Int, to out: inout Emitter) -> Bool {
        let size = 100
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
            let family = bytes[0]
            out.beginStruct()
            out.field("tcpm_family")
            out.constant(UInt64(family), constants.addressFamilies, unknown: "AF_???")
            out.field("tcpm_prefixlen")
            out.uint(UInt64(bytes[1]))
            out.field("tcpm_keylen")
            let keyLength = Int(bytes.u16(2))
            out.uint(UInt64(keyLength))
            printInetAddressField("tcpm_addr", family: family, at: at &+ 4, length: 16, fieldSize: 16, to: &out)
            out.field("tcpm_key")
            out.hexBytes(UnsafeRawBufferPointer(rebasing: bytes[20..<20 + min(keyLength, 80)]))
            out.endStruct()
        }
        out.endArray()
        return true
    }

    /// SK_DIAG_BPF_STORAGE attributes, each holding a map's id and value.
    func printBpfStorages(at address: UInt64, length: Int, to out: inout Emitter) -> Bool {
        printNetlinkAttributes(at: address, length: length, names: constants.bpfStorageReplyAttributes,
                               unknown: "SK_DIAG_BPF_STORAGE_REP_???", printValue: { type, at, count, out in
            guard let name = self.constants.bpfStorageReplyAttributes.name(of: UInt64(type)),
                  sameName(name, "SK_DIAG_BPF_STORAGE") else { return false }
            self.printNetlinkAttributes(at: at, length: count, names: self.constants.bpfStorageAttributes,
                                        unknown: "SK_DIAG_BPF_STORAGE_???", printValue: { type, at, count, out in
                guard let name = self.constants.bpfStorageAttributes.name(of: UInt64(type)),
                      sameName(name, "SK_DIAG_BPF_STORAGE_MAP_ID") else { return false }
                return self.printAttributeNumber(at: at, length: count, size: 4, to: &out)
            }, to: &out)
            return true
        }, to: &out)
        return true
    }

    /// A shutdown byte: `RCV_SHUTDOWN|SEND_SHUTDOWN`. inet's prints as `-X verbose` does at
    /// every level but `-X raw` (`0x3 /* RCV_SHUTDOWN|SEND_SHUTDOWN */`): strace's way of showing
    /// names that are not part of the UAPI.
    func printShutdownBits(at address: UInt64, length: Int, alwaysVerbose: Bool, to out: inout Emitter) -> Bool {
        guard length >= 1, let bytes = read(address, count: 1) else { return false }
        let style = out.constantStyle
        if alwaysVerbose && style != .raw { out.constantStyle = .verbose }
        out.flags(UInt64(bytes[0]), constants.sockShutdownFlags, unknown: "???_SHUTDOWN")
        out.constantStyle = style
        return true
    }
}
