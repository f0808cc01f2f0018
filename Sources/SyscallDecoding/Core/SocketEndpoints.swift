import Glibc
import Synchronization

/// `-yy`: a socket's endpoints as strace 6.1 shows them (`UNIX-STREAM:[12345->12346,"/run/x"]`,
/// `TCP:[127.0.0.1:1234->127.0.0.1:80]`, `UDPv6:[[::1]:53]`, `NETLINK:[ROUTE:1234]`), found as
/// strace finds them: the protocol from the `system.sockprotoname` attribute of /proc/PID/fd/N,
/// then a NETLINK_SOCK_DIAG query on a netlink socket of swtrace's own for the socket's inode.
///
/// What a query finds is cached by inode for the rest of the session, as strace caches it (1024
/// slots, by the inode's low bits), so a later line shows the endpoints the first successful
/// query saw: a bound UDP socket that connects later keeps printing its local address alone,
/// as under strace. A descriptor that now holds another socket has another inode, hence its
/// own entry. A socket the kernel does not list yet (not bound) prints `TCP:[inode]` and is
/// asked again next time.
enum SocketEndpoints {
    private enum Query {
        case unix
        case inet(family: UInt8, protocolNumber: UInt8)
        case netlink
    }

    /// The protocol names strace resolves, with the query that finds their endpoints.
    private static let protocols: [(name: StaticString, query: Query)] = [
        ("UNIX", .unix), ("UNIX-STREAM", .unix),
        ("TCP", .inet(family: 2, protocolNumber: 6)), ("UDP", .inet(family: 2, protocolNumber: 17)),
        ("UDPLITE", .inet(family: 2, protocolNumber: 136)), ("DCCP", .inet(family: 2, protocolNumber: 33)),
        ("SCTP", .inet(family: 2, protocolNumber: 132)), ("L2TP/IP", .inet(family: 2, protocolNumber: 115)),
        ("PING", .inet(family: 2, protocolNumber: 1)), ("RAW", .inet(family: 2, protocolNumber: 255)),
        ("TCPv6", .inet(family: 10, protocolNumber: 6)), ("UDPv6", .inet(family: 10, protocolNumber: 17)),
        ("UDPLITEv6", .inet(family: 10, protocolNumber: 136)), ("DCCPv6", .inet(family: 10, protocolNumber: 33)),
        ("SCTPv6", .inet(family: 10, protocolNumber: 132)), ("L2TP/IPv6", .inet(family: 10, protocolNumber: 115)),
        // strace asks for IPPROTO_ICMP for ICMPv6 ping sockets too (so it finds none of them).
        ("PINGv6", .inet(family: 10, protocolNumber: 1)), ("RAWv6", .inet(family: 10, protocolNumber: 255)),
        ("NETLINK", .netlink),
    ]

    private static let cacheSize = 1024
    private static let cache = Mutex<[(inode: UInt64, details: [UInt8])]>(
        Array(repeating: (inode: 0, details: []), count: cacheSize))

    /// `<details>` for the socket `inode` open at `procPath` (/proc/PID/fd/N, whose target is
    /// `link`); the link itself (`<socket:[12345]>`) for a protocol strace does not resolve.
    static func append(inode: UInt64, procPath: UnsafePointer<CChar>, link: UnsafeBufferPointer<UInt8>,
                       escapes: StringEscapes, to text: inout TextBuffer) {
        let slot = Int(inode % UInt64(cacheSize))
        let found = cache.withLock { entries -> Bool in
            guard entries[slot].inode == inode else { return false }
            text.append(byte: UInt8(ascii: "<"))
            text.append(contentsOf: entries[slot].details)
            text.append(byte: UInt8(ascii: ">"))
            return true
        }
        if found { return }
        guard let protocolIndex = protocolIndex(procPath: procPath) else {
            return text.appendDescriptorPath(link, escapes: escapes)
        }
        let entry = protocols[protocolIndex]
        var details = TextBuffer(capacity: 128)
        if lookUp(entry.query, name: entry.name, inode: inode, escapes: escapes, into: &details) {
            let bytes = details.bytes
            cache.withLock { $0[slot] = (inode: inode, details: bytes) }
            text.append(byte: UInt8(ascii: "<"))
            text.append(contentsOf: bytes)
            text.append(byte: UInt8(ascii: ">"))
        } else {
            text.append(byte: UInt8(ascii: "<"))
            text.append(entry.name)
            text.append(":[")
            text.appendDecimal(inode)
            text.append("]>")
        }
    }

    /// The index in `protocols` of the socket's `system.sockprotoname`, nil when it is not there.
    private static func protocolIndex(procPath: UnsafePointer<CChar>) -> Int? {
        guard let getxattr = NetlinkSocketLookup.getxattrFunction else { return nil }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 256) { name -> Int? in
            let count = getxattr(procPath, "system.sockprotoname", name.baseAddress, 255)
            guard count > 0 else { return nil }
            var length = 0
            while length < count && name[length] != 0 { length += 1 }
            return protocols.firstIndex { entry in
                entry.name.utf8CodeUnitCount == length && memcmp(entry.name.utf8Start, name.baseAddress!, length) == 0
            }
        }
    }

    // MARK: The sock_diag conversation

    private static let sockDiagByFamily: UInt16 = 20
    private static let requestFlag: UInt16 = 0x1
    private static let dumpFlags: UInt16 = 0x300

    private static func lookUp(_ query: Query, name: StaticString, inode: UInt64, escapes: StringEscapes,
                               into details: inout TextBuffer) -> Bool {
        let diag = socket(AF_NETLINK, Int32(SOCK_RAW.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 4 /* NETLINK_SOCK_DIAG */)
        guard diag >= 0 else { return false }
        defer { close(diag) }
        switch query {
        case .unix:
            var request = DiagRequest(type: sockDiagByFamily, flags: requestFlag)
            request.append8(UInt8(AF_UNIX)); request.append8(0); request.append16(0)
            request.append32(UInt32.max)                 // udiag_states: all
            request.append32(UInt32(truncatingIfNeeded: inode))
            request.append32(1 | 4)                      // UDIAG_SHOW_NAME | UDIAG_SHOW_PEER
            request.append32(UInt32.max); request.append32(UInt32.max)  // no cookie
            guard request.send(on: diag) else { return false }
            return receive(on: diag, inode: inode) { parseUnix($0, inode: inode, name: name, escapes: escapes, into: &details) }
        case let .inet(family, protocolNumber):
            var request = DiagRequest(type: sockDiagByFamily, flags: requestFlag | dumpFlags)
            request.append8(family); request.append8(protocolNumber); request.append8(0); request.append8(0)
            request.append32(UInt32.max)                 // idiag_states: all
            for _ in 0..<12 { request.append32(0) }      // inet_diag_sockid: any
            guard request.send(on: diag) else { return false }
            return receive(on: diag, inode: inode) { parseInet($0, inode: inode, name: name, into: &details) }
        case .netlink:
            var request = DiagRequest(type: sockDiagByFamily, flags: requestFlag | dumpFlags)
            request.append8(UInt8(AF_NETLINK)); request.append8(255 /* NDIAG_PROTO_ALL */); request.append16(0)
            for _ in 0..<4 { request.append32(0) }       // ino, show, cookie
            guard request.send(on: diag) else { return false }
            return receive(on: diag, inode: inode) { parseNetlink($0, inode: inode, name: name, into: &details) }
        }
    }

    /// One answer's verdict: this socket (details written), another one, or a broken answer.
    private enum Match { case found, other, broken }

    /// Reads answers until `parse` finds the socket, a message of another type (the dump's end,
    /// an error) arrives, or nothing more is waiting.
    private static func receive(on diag: Int32, inode: UInt64,
                                _ parse: (UnsafeRawBufferPointer) -> Match) -> Bool {
        withUnsafeTemporaryAllocation(byteCount: 8192, alignment: 8) { buffer -> Bool in
            var flags: Int32 = 0
            while true {
                let count = recv(diag, buffer.baseAddress, buffer.count, flags)
                if count < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                var offset = 0
                var first = true
                while count - offset >= 16 {
                    let length = Int(buffer.load(fromByteOffset: offset, as: UInt32.self))
                    guard length >= 16, length <= count - offset else { break }
                    first = false
                    let type = buffer.load(fromByteOffset: offset + 4, as: UInt16.self)
                    guard type == sockDiagByFamily else { return false }
                    // The parsers see the payload and, as strace's do, the whole message's length.
                    let message = UnsafeRawBufferPointer(rebasing: buffer[offset..<offset + length])
                    switch parse(message) {
                    case .found: return true
                    case .broken: return false
                    case .other: break
                    }
                    offset += (length + 3) & ~3
                }
                if first { return false }
                flags = Int32(MSG_DONTWAIT)
            }
        }
    }

    /// `NAME:[INODE->PEER,"path"]` from a unix_diag_msg and its UNIX_DIAG_NAME/PEER attributes.
    private static func parseUnix(_ message: UnsafeRawBufferPointer, inode: UInt64, name: StaticString,
                                  escapes: StringEscapes, into details: inout TextBuffer) -> Match {
        let header = 16, size = 16
        guard message.count >= header + size else { return .broken }
        guard UInt64(message.loadU32(header + 4)) == inode else { return .other }
        guard message[header] == UInt8(AF_UNIX) else { return .broken }
        var peer: UInt32 = 0
        var path: UnsafeRawBufferPointer? = nil
        var offset = header + size
        while message.count - offset >= 4 {
            let length = Int(message.loadU16(offset))
            guard length >= 4, length <= message.count - offset else { break }
            let payload = UnsafeRawBufferPointer(rebasing: message[offset + 4..<offset + length])
            switch message.loadU16(offset + 2) {
            case 0 where path == nil && payload.count > 0:  // UNIX_DIAG_NAME
                path = UnsafeRawBufferPointer(rebasing: payload.prefix(108))
            case 2 where payload.count >= 4:  // UNIX_DIAG_PEER
                peer = payload.loadU32(0)
            default: break
            }
            offset += (length + 3) & ~3
        }
        guard peer != 0 || path != nil else { return .broken }
        details.append(name)
        details.append(":[")
        details.appendDecimal(inode)
        if peer != 0 {
            details.append("->")
            details.appendDecimal(UInt64(peer))
        }
        if let path {
            details.append(byte: UInt8(ascii: ","))
            var name = path[...]
            if path[0] == 0 {
                details.append(byte: UInt8(ascii: "@"))
                name = path.dropFirst()
            }
            details.appendQuoted(name.prefix { $0 != 0 }, escapes: escapes)
        }
        details.append(byte: UInt8(ascii: "]"))
        return .found
    }

    /// `NAME:[SRC:PORT]` or `NAME:[SRC:PORT->DST:PORT]` from an inet_diag_msg (IPv6 in brackets).
    private static func parseInet(_ message: UnsafeRawBufferPointer, inode: UInt64, name: StaticString,
                                  into details: inout TextBuffer) -> Match {
        let header = 16
        guard message.count >= header + 72 else { return .broken }
        guard UInt64(message.loadU32(header + 68)) == inode else { return .other }
        let family = Int32(message[header])
        guard family == AF_INET || family == AF_INET6 else { return .broken }
        let addressSize = family == AF_INET ? 4 : 16
        let source = UnsafeRawBufferPointer(rebasing: message[header + 8..<header + 8 + addressSize])
        let destination = UnsafeRawBufferPointer(rebasing: message[header + 24..<header + 24 + addressSize])
        let sourcePort = UInt16(bigEndian: message.loadU16(header + 4))
        let destinationPort = UInt16(bigEndian: message.loadU16(header + 6))
        details.append(name)
        details.append(":[")
        guard appendAddress(source, family: family, port: sourcePort, to: &details) else { return .broken }
        if destinationPort != 0 || destination.contains(where: { $0 != 0 }) {
            details.append("->")
            guard appendAddress(destination, family: family, port: destinationPort, to: &details) else { return .broken }
        }
        details.append(byte: UInt8(ascii: "]"))
        return .found
    }

    private static func appendAddress(_ address: UnsafeRawBufferPointer, family: Int32, port: UInt16,
                                      to details: inout TextBuffer) -> Bool {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: Int(INET6_ADDRSTRLEN)) { text -> Bool in
            guard inet_ntop(family, address.baseAddress, text.baseAddress, socklen_t(text.count)) != nil else { return false }
            if family == AF_INET6 { details.append(byte: UInt8(ascii: "[")) }
            details.append(contentsOf: UnsafeRawBufferPointer(start: text.baseAddress, count: strlen(text.baseAddress!)))
            if family == AF_INET6 { details.append(byte: UInt8(ascii: "]")) }
            details.append(byte: UInt8(ascii: ":"))
            details.appendDecimal(UInt64(port))
            return true
        }
    }

    /// `NAME:[ROUTE:PORTID]` (the protocol without `NETLINK_`) or `NAME:[PROTOCOL]` from a netlink_diag_msg.
    private static func parseNetlink(_ message: UnsafeRawBufferPointer, inode: UInt64, name: StaticString,
                                     into details: inout TextBuffer) -> Match {
        let header = 16
        guard message.count >= header + 28 else { return .broken }
        guard UInt64(message.loadU32(header + 16)) == inode else { return .other }
        guard Int32(message[header]) == AF_NETLINK else { return .broken }
        let protocolNumber = message[header + 2]
        details.append(name)
        details.append(":[")
        if let protocolName = DecodeABI.x86_64.constants.netlinkProtocols.name(of: UInt64(protocolNumber)) {
            let prefix = 8  // "NETLINK_"
            details.append(contentsOf: UnsafeBufferPointer(start: protocolName.utf8Start + prefix,
                                                           count: protocolName.utf8CodeUnitCount - prefix))
            details.append(byte: UInt8(ascii: ":"))
            details.appendDecimal(UInt64(message.loadU32(header + 4)))
        } else {
            details.appendDecimal(UInt64(protocolNumber))
        }
        details.append(byte: UInt8(ascii: "]"))
        return .found
    }
}

/// A sock_diag request: an nlmsghdr and its payload, built in a fixed buffer.
private struct DiagRequest {
    private var bytes: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    private var count = 0

    init(type: UInt16, flags: UInt16) {
        append32(0)  // nlmsg_len, set by send
        append16(type)
        append16(flags)
        append32(0)  // seq
        append32(0)  // pid
    }

    mutating func append8(_ value: UInt8) {
        withUnsafeMutableBytes(of: &bytes) { $0[count] = value }
        count += 1
    }
    mutating func append16(_ value: UInt16) { for shift in [0, 8] { append8(UInt8(truncatingIfNeeded: value >> shift)) } }
    mutating func append32(_ value: UInt32) { for shift in [0, 8, 16, 24] { append8(UInt8(truncatingIfNeeded: value >> shift)) } }

    mutating func send(on socket: Int32) -> Bool {
        let length = UInt32(count)
        withUnsafeMutableBytes(of: &bytes) { $0.storeBytes(of: length, toByteOffset: 0, as: UInt32.self) }
        return withUnsafeBytes(of: &bytes) { buffer in
            while true {
                if Glibc.send(socket, buffer.baseAddress, Int(length), 0) >= 0 { return true }
                if errno != EINTR { return false }
            }
        }
    }
}

private extension UnsafeRawBufferPointer {
    func loadU16(_ offset: Int) -> UInt16 { loadUnaligned(fromByteOffset: offset, as: UInt16.self) }
    func loadU32(_ offset: Int) -> UInt32 { loadUnaligned(fromByteOffset: offset, as: UInt32.self) }
}
