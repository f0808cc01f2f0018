import Glibc

/// Socket addresses (`struct sockaddr_*`) as strace prints them: the family by name, then the
/// family's fields when the length holds the whole structure, else the bytes as `sa_data`.
/// The layouts are the same on every ABI (no pointers, no longs), so offsets are written here.
extension DecodeContext {
    /// The largest address the kernel takes (`sizeof(struct sockaddr_storage)`): longer lengths
    /// are read only this far.
    static let sockaddrStorageSize = 128

    /// `{sa_family=AF_INET, sin_port=htons(80), ...}`; the address when `length` is below the
    /// size of a family or unreadable.
    func printSockaddr(at address: UInt64, length: Int, to out: inout Emitter) {
        guard length >= 2 else { return out.pointer(address) }
        let count = min(length, Self.sockaddrStorageSize)
        guard let bytes = read(address, count: count) else { return out.pointer(address) }
        printSockaddr(bytes, to: &out)
    }

    /// An address already read: `bytes.count` is the length the caller gives it.
    func printSockaddr(_ bytes: UnsafeRawBufferPointer, to out: inout Emitter) {
        let family = UInt64(bytes.u16(0))
        out.beginStruct()
        out.field("sa_family")
        out.constant(family, constants.addressFamilies, unknown: "AF_???")
        if bytes.count > 2 {
            let name = constants.addressFamilies.name(of: family)
            let printer = name.flatMap { Self.familyPrinters(for: $0) }
            if let printer, bytes.count >= printer.minimumLength {
                printer.print(self, bytes, &out)
            } else {
                out.field("sa_data")
                out.bytes(bytes[2...])
            }
        }
        out.endStruct()
    }

    typealias FamilyPrinter = (minimumLength: Int, print: (DecodeContext, UnsafeRawBufferPointer, inout Emitter) -> Void)

    static func familyPrinters(for family: StaticString) -> FamilyPrinter? {
        if sameName(family, "AF_UNIX") { return (3, { $0.printUnixAddress($1, to: &$2) }) }
        if sameName(family, "AF_INET") { return (16, { $0.printInetAddress($1, to: &$2) }) }
        if sameName(family, "AF_INET6") { return (24, { $0.printInet6Address($1, to: &$2) }) }
        if sameName(family, "AF_NETLINK") { return (12, { $0.printNetlinkAddress($1, to: &$2) }) }
        if sameName(family, "AF_PACKET") { return (20, { $0.printPacketAddress($1, to: &$2) }) }
        if sameName(family, "AF_VSOCK") { return (16, { $0.printVsockAddress($1, to: &$2) }) }
        if sameName(family, "AF_ALG") { return (88, { $0.printAlgAddress($1, to: &$2) }) }
        if sameName(family, "AF_XDP") { return (16, { $0.printXDPAddress($1, to: &$2) }) }
        if sameName(family, "AF_BLUETOOTH") { return (3, { $0.printBluetoothAddress($1, to: &$2) }) }
        return nil
    }

    /// `sun_path="/run/x.sock"` up to its NUL, or an abstract name `sun_path=@"name"` whole.
    func printUnixAddress(_ bytes: UnsafeRawBufferPointer, to out: inout Emitter) {
        let path = bytes[2..<min(bytes.count, 110)]
        out.field("sun_path")
        if path.first == 0 {
            out.abstractSocketName(path.dropFirst())
        } else {
            out.bytes(path.prefix { $0 != 0 })
        }
    }

    /// `sin_port=htons(80), sin_addr=inet_addr("127.0.0.1")`; with `-X raw` the bytes as they are
    /// (`sin_port="\x00\x50"`), with `-X verbose` the bytes and the decoded form in a comment.
    func printInetAddress(_ bytes: UnsafeRawBufferPointer, to out: inout Emitter) {
        out.field("sin_port")
        out.styled(number: { $0.hexBytes(UnsafeRawBufferPointer(rebasing: bytes[2..<4])) },
                   decoded: { printNetworkShort(bytes.u16BigEndian(2), to: &$0) })
        out.field("sin_addr")
        out.styled(number: { $0.hexBytes(UnsafeRawBufferPointer(rebasing: bytes[4..<8])) }, decoded: { out in
            out.beginCall("inet_addr")
            out.element()
            printIPv4(bytes, at: 4, to: &out)
            out.endCall()
        })
    }

    /// `sin6_port=htons(0), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, "::1", &sin6_addr),
    /// sin6_scope_id=0`; the scope id only when the length holds it. With `-X raw` the
    /// network-order fields as bytes (`sin6_addr="\x00..."`), with `-X verbose` also decoded.
    func printInet6Address(_ bytes: UnsafeRawBufferPointer, to out: inout Emitter) {
        out.field("sin6_port")
        out.styled(number: { $0.hexBytes(UnsafeRawBufferPointer(rebasing: bytes[2..<4])) },
                   decoded: { printNetworkShort(bytes.u16BigEndian(2), to: &$0) })
        out.field("sin6_flowinfo")
        out.styled(number: { $0.hexBytes(UnsafeRawBufferPointer(rebasing: bytes[4..<8])) }, decoded: { out in
            out.beginCall("htonl")
            out.element()
            out.uint(UInt64(bytes.u32BigEndian(4)))
            out.endCall()
        })
        if out.constantStyle == .abbrev {
            out.element()
            out.beginCall("inet_pton")
            out.element()
            out.name("AF_INET6")
            out.element()
            printIPv6(bytes, at: 8, to: &out)
            out.element()
            out.name("&sin6_addr")
            out.endCall()
        } else {
            out.field("sin6_addr")
            out.styled(number: { $0.hexBytes(UnsafeRawBufferPointer(rebasing: bytes[8..<24])) }, decoded: { out in
                out.beginCall("inet_pton")
                out.element()
                out.name("AF_INET6")
                out.element()
                printIPv6(bytes, at: 8, to: &out)
                out.endCall()
            })
        }
        if bytes.count >= 28 {
            out.field("sin6_scope_id")
            printInterfaceIndex(bytes.u32(24), to: &out)
        }
    }

    /// `nl_pid=0, nl_groups=0x000011`, after `nl_pad=0xffff` when the padding is not zero.
    func printNetlinkAddress(_ bytes: UnsafeRawBufferPointer, to out: inout Emitter) {
        let pad = bytes.u16(2)
        if pad != 0 {
            out.field("nl_pad")
            out.hex(UInt64(pad))
        }
        out.field("nl_pid")
        out.int(Int64(Int32(bitPattern: bytes.u32(4))))
        out.field("nl_groups")
        // printf's `%#08x`: eight zeros for 0 (the `#` adds no 0x to zero), else 0x and six digits.
        let groups = UInt64(bytes.u32(8))
        out.paddedHex(groups, width: 8)
    }

    /// `sll_protocol=htons(ETH_P_IP), sll_ifindex=if_nametoindex("lo"), sll_hatype=ARPHRD_ETHER,
    /// sll_pkttype=PACKET_HOST, sll_halen=6, sll_addr=[0x1, ...]`.
    func printPacketAddress(_ bytes: UnsafeRawBufferPointer, to out: inout Emitter) {
        out.field("sll_protocol")
        printNetworkOrder(bytes, 2..<4, to: &out) { printEthernetProtocol(bytes.u16BigEndian(2), to: &$0) }
        out.field("sll_ifindex")
        printInterfaceIndex(bytes.u32(4), to: &out)
        out.field("sll_hatype")
        out.constant(UInt64(bytes.u16(8)), constants.arpHardwareTypes, unknown: "ARPHRD_???")
        out.field("sll_pkttype")
        out.constant(UInt64(bytes[10]), constants.packetTypes, unknown: "PACKET_???")
        let length = Int(bytes[11])
        out.field("sll_halen")
        out.uint(UInt64(length))
        out.field("sll_addr")
        out.beginArray()
        for index in 0..<min(length, 8) {
            out.element()
            out.hex(UInt64(bytes[12 + index]))
        }
        out.endArray()
    }

    /// `svm_cid=VMADDR_CID_LOCAL, svm_port=0x4d2, svm_flags=0`.
    func printVsockAddress(_ bytes: UnsafeRawBufferPointer, to out: inout Emitter) {
        out.field("svm_cid")
        let cid = UInt64(bytes.u32(8))
        if out.constantStyle == .verbose, let name = constants.vsockCids.name(of: cid) {
            out.styled(number: { $0.hex(cid) }, decoded: { $0.name(name) })
        } else {
            out.constant(cid, constants.vsockCids)
        }
        out.field("svm_port")
        out.hex(UInt64(bytes.u32(4)))
        out.field("svm_flags")
        out.hex(UInt64(bytes[12]))
    }

    /// `salg_type="hash", salg_feat=0, salg_mask=0, salg_name="sha256"`.
    func printAlgAddress(_ bytes: UnsafeRawBufferPointer, to out: inout Emitter) {
        out.field("salg_type")
        out.bytes(bytes[2..<16].prefix { $0 != 0 })
        out.field("salg_feat")
        out.uint(UInt64(bytes.u32(16)))
        out.field("salg_mask")
        out.uint(UInt64(bytes.u32(20)))
        out.field("salg_name")
        out.bytes(bytes[24..<88].prefix { $0 != 0 })
    }

    /// `sxdp_flags=XDP_COPY, sxdp_ifindex=if_nametoindex("lo"), sxdp_queue_id=3, sxdp_shared_umem_fd=4`.
    func printXDPAddress(_ bytes: UnsafeRawBufferPointer, to out: inout Emitter) {
        out.field("sxdp_flags")
        out.flags(UInt64(bytes.u16(2)), constants.xdpBindFlags)
        out.field("sxdp_ifindex")
        printInterfaceIndex(bytes.u32(4), to: &out)
        out.field("sxdp_queue_id")
        out.uint(UInt64(bytes.u32(8)))
        out.field("sxdp_shared_umem_fd")
        out.fd(Int32(bitPattern: bytes.u32(12)))
    }

    /// Bluetooth addresses told apart by length as strace does: HCI (6 bytes, or 4 without the
    /// channel), SCO (8), RFCOMM (10), L2CAP (14, or 12 without the address type); other
    /// lengths as `sa_data`.
    func printBluetoothAddress(_ bytes: UnsafeRawBufferPointer, to out: inout Emitter) {
        switch bytes.count {
        case 4, 6:
            out.field("hci_dev")
            out.beginCall("htobs")
            out.element()
            out.uint(UInt64(bytes.u16(2)))
            out.endCall()
            if bytes.count == 6 {
                out.field("hci_channel")
                out.constant(UInt64(bytes.u16(4)), constants.hciChannels, unknown: "HCI_CHANNEL_???")
            }
        case 8:
            out.field("sco_bdaddr")
            printBluetoothDeviceAddress(bytes, at: 2, to: &out)
        case 10:
            out.field("rc_bdaddr")
            printBluetoothDeviceAddress(bytes, at: 2, to: &out)
            out.field("rc_channel")
            out.uint(UInt64(bytes[8]))
        case 12, 14:
            let psms = constants.l2capPsms, cids = constants.l2capCids
            out.field("l2_psm")
            printL2capNumber(UInt64(bytes.u16(2)), psms, unknown: "L2CAP_PSM_???", ranges: [
                ("L2CAP_PSM_LE_DYN_START", "L2CAP_PSM_LE_DYN_END"), ("L2CAP_PSM_DYN_START", "L2CAP_PSM_DYN_END"),
            ], to: &out)
            out.field("l2_bdaddr")
            printBluetoothDeviceAddress(bytes, at: 4, to: &out)
            out.field("l2_cid")
            printL2capNumber(UInt64(bytes.u16(10)), cids, unknown: "L2CAP_CID_???",
                             ranges: [("L2CAP_CID_DYN_START", "L2CAP_CID_DYN_END")], to: &out)
            if bytes.count == 14 {
                out.field("l2_bdaddr_type")
                out.constant(UInt64(bytes[12]), constants.bluetoothAddressTypes, unknown: "BDADDR_???")
            }
        default:
            out.field("sa_data")
            out.bytes(bytes[2...])
        }
    }

    /// An L2CAP PSM or channel id in `htobs()`: by name, as an offset into a dynamic range
    /// (`htobs(L2CAP_PSM_DYN_START+563)`, strictly between the range's named ends), else in hex
    /// with the `unknown` comment.
    private func printL2capNumber(_ value: UInt64, _ table: ConstantTable, unknown: StaticString,
                                  ranges: [(start: StaticString, end: StaticString)], to out: inout Emitter) {
        out.beginCall("htobs")
        out.element()
        let range = ranges.first { range in
            guard let start = table.value(named: range.start), let end = table.value(named: range.end) else { return false }
            return value > start && value < end
        }
        if table.name(of: value) == nil, let range, let start = table.value(named: range.start) {
            out.offsetFromName(value, base: start, name: range.start)
        } else {
            out.constant(value, table, unknown: unknown)
        }
        out.endCall()
    }

    /// `01:02:03:04:05:06`: six bytes in memory order.
    private func printBluetoothDeviceAddress(_ bytes: UnsafeRawBufferPointer, at offset: Int, to out: inout Emitter) {
        printNetworkOrder(bytes, offset..<offset + 6, to: &out) { out in
            out.hardwareAddress(UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + 6]))
        }
    }

    /// A field kept in network order: `decoded` (`htons(80)`), or with `-X raw` its bytes as a
    /// hex string (`"\x00\x50"`), with `-X verbose` both (`"\x00\x50" /* htons(80) */`).
    func printNetworkOrder(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>, to out: inout Emitter,
                           decoded: (inout Emitter) -> Void) {
        out.styled(number: { $0.hexBytes(UnsafeRawBufferPointer(rebasing: bytes[range])) }, decoded: decoded)
    }

    /// `htons(443)`.
    func printNetworkShort(_ value: UInt16, to out: inout Emitter) {
        out.beginCall("htons")
        out.element()
        out.uint(UInt64(value))
        out.endCall()
    }

    /// `htons(ETH_P_IP)`, or `htons(0x1234 /* ETH_P_??? */)`: a protocol number in network order.
    func printEthernetProtocol(_ value: UInt16, to out: inout Emitter) {
        out.beginCall("htons")
        out.element()
        out.constant(UInt64(value), constants.ethernetProtocols, unknown: "ETH_P_???")
        out.endCall()
    }

    /// `if_nametoindex("lo")` when this machine has an interface of that index, else the number.
    func printInterfaceIndex(_ index: UInt32, to out: inout Emitter) {
        var name = [CChar](repeating: 0, count: Int(IF_NAMESIZE) + 1)
        if index != 0, if_indextoname(index, &name) != nil {
            out.styled(number: { $0.uint(UInt64(index)) }, decoded: { out in
                out.beginCall("if_nametoindex")
                out.element()
                out.bytes(name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) })
                out.endCall()
            })
        } else {
            out.uint(UInt64(index))
        }
    }

    /// Four bytes as the quoted string `"127.0.0.1"`, escaped as `-x` says (strace quotes it as
    /// any string).
    func printIPv4(_ bytes: UnsafeRawBufferPointer, at offset: Int, to out: inout Emitter) {
        printAddressText(family: AF_INET, UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + 4]), to: &out)
    }

    /// Sixteen bytes as `inet_ntop` writes them, quoted: `"::1"`, `"fe80::1"`, `"::ffff:127.0.0.1"`.
    func printIPv6(_ bytes: UnsafeRawBufferPointer, at offset: Int, to out: inout Emitter) {
        printAddressText(family: AF_INET6, UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + 16]), to: &out)
    }

    private func printAddressText(family: Int32, _ address: UnsafeRawBufferPointer, to out: inout Emitter) {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: Int(INET6_ADDRSTRLEN) + 1) { text in
            guard inet_ntop(family, address.baseAddress, text.baseAddress, socklen_t(text.count)) != nil else {
                return out.bytes(EmptyCollection<UInt8>())
            }
            let length = strlen(text.baseAddress!)
            out.bytes(UnsafeRawBufferPointer(start: text.baseAddress, count: length))
        }
    }
}

/// Little-endian and network-order reads from tracee bytes (x86 and aarch64 are little-endian).
extension UnsafeRawBufferPointer {
    func u16(_ offset: Int) -> UInt16 { UInt16(self[offset]) | UInt16(self[offset + 1]) << 8 }
    func u32(_ offset: Int) -> UInt32 { UInt32(u16(offset)) | UInt32(u16(offset + 2)) << 16 }
    func u64(_ offset: Int) -> UInt64 { UInt64(u32(offset)) | UInt64(u32(offset + 4)) << 32 }
    func u16BigEndian(_ offset: Int) -> UInt16 { UInt16(self[offset]) << 8 | UInt16(self[offset + 1]) }
    func u32BigEndian(_ offset: Int) -> UInt32 { UInt32(u16BigEndian(offset)) << 16 | UInt32(u16BigEndian(offset + 2)) }
}

extension Emitter {
    /// A number inside a named range as an offset from its start: `L2CAP_PSM_DYN_START+563`;
    /// `-X raw` the number in hex, `-X verbose` `0x1234 /* 0x1001 /* L2CAP_PSM_DYN_START */+563 */`
    /// (the start inside the comment as `-X verbose` prints a name). In JSON a `constant` whose
    /// name is the text `NAME+N`.
    mutating func offsetFromName(_ value: UInt64, base: UInt64, name: StaticString) {
        let start = text.bytes.count
        if constantStyle != .abbrev {
            text.appendHex(value)
        }
        if constantStyle == .verbose {
            text.append(" /* ")
            text.appendHex(base)
            text.append(" /* ")
        }
        if constantStyle != .raw {
            text.append(name)
            if constantStyle == .verbose { text.append(" */") }
            text.append("+")
            text.appendDecimal(value - base)
        }
        if constantStyle == .verbose {
            text.append(" */")
        }
        if let json {
            typed(json, start) {
                $0.append("{\"type\":\"constant\",\"raw\":")
                $0.appendJSONNumber(Int64(value))
                $0.append(",\"name\":\"")
                $0.append(name)
                $0.append("+")
                $0.appendDecimal(value - base)
                $0.append("\"}")
            }
        }
    }
}
