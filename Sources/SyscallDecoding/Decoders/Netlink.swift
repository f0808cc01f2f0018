import SyscallTables

/// Netlink messages in the buffers of sendto, recvfrom, send, recv and the iovecs of
/// sendmsg/recvmsg (when the message's name is an AF_NETLINK address), as strace prints them:
/// `[{nlmsg_len=..., nlmsg_type=RTM_NEWADDR, ...}, {ifa_family=...}, [attributes]]`, an array
/// when the buffer holds more than one message. The header's type and flags are named by the
/// socket's protocol (see `NetlinkSocketLookup`); route payloads are in `NetlinkRoute.swift`.
extension DecodeContext {
    static let netlinkHeaderSize = 16
    static let netlinkAttributeHeaderSize = 4

    /// A socket buffer: netlink messages on a netlink socket, else bytes as a string.
    func printSocketBuffer(fd: Int32, at address: UInt64, length: UInt64, to out: inout Emitter) {
        if let netlinkProtocol = NetlinkSocketLookup.netlinkProtocol(tid: tid, fd: fd) {
            // A netlink socket, its protocol known or not; uevents are text, not netlink messages.
            if netlinkFamily(netlinkProtocol) == .uevent { return printUevent(at: address, length: length, to: &out) }
            printNetlinkMessages(at: address, length: length, protocol: netlinkProtocol, to: &out)
        } else {
            printBuffer(at: address, length: length, to: &out)
        }
    }

    /// Bytes forced to `\xNN` escapes, cut to `-s`: how strace shows netlink data it does not
    /// decode. The address when unreadable.
    func printHexString(at address: UInt64, length: Int, to out: inout Emitter) {
        guard address != 0 else { return out.name("NULL") }
        let shown = min(length, options.stringLimit)
        guard let bytes = read(address, count: shown) else { return out.hex(address) }
        out.hexBytes(bytes, truncated: shown < length)
    }

    /// A sequence of netlink messages. `protocol` nil: a netlink socket whose protocol is not known.
    func printNetlinkMessages(at address: UInt64, length: UInt64, protocol netlinkProtocol: UInt32?, to out: inout Emitter) {
        guard address != 0 else { return out.name("NULL") }
        // Under `-e verbose=` leaving the call out, strace prints the messages as a plain buffer.
        guard dereferences else { return printBuffer(at: address, length: length, to: &out) }
        var offset: UInt64 = 0
        var isArray = false
        var count = 0
        let messageLimit = abbreviates ? options.stringLimit : .max  // -s messages, all of them with -v
        while true {
            let remaining = length - offset
            let at = address &+ offset
            if remaining < UInt64(Self.netlinkHeaderSize) {
                if isArray { out.abbreviated() } else { printHexString(at: at, length: Int(remaining), to: &out) }
                break
            }
            if count >= messageLimit {
                out.abbreviated()
                break
            }
            guard let header = read(at, count: Self.netlinkHeaderSize) else {
                if isArray { out.element() }
                out.hex(at)
                break
            }
            let messageLength = UInt64(header.u32(0))
            let aligned = (messageLength + 3) & ~3
            let hasNext = messageLength >= UInt64(Self.netlinkHeaderSize) && remaining > aligned
            if !isArray && hasNext {
                out.beginArray()
                isArray = true
            }
            if isArray { out.element() }
            printNetlinkMessage(header, at: at, length: min(messageLength, remaining), protocol: netlinkProtocol, to: &out)
            guard hasNext else { break }
            offset += aligned
            count += 1
        }
        if isArray { out.endArray() }
    }

    /// One message: `{header}`, or `[{header}, payload]` when it has one.
    private func printNetlinkMessage(_ header: UnsafeRawBufferPointer, at address: UInt64, length: UInt64,
                                     protocol netlinkProtocol: UInt32?, to out: inout Emitter) {
        let hasPayload = length > UInt64(Self.netlinkHeaderSize)
        if hasPayload { out.beginArray() }
        if hasPayload { out.element() }
        printNetlinkHeader(header, protocol: netlinkProtocol, to: &out)
        if hasPayload {
            out.element()
            let type = header.u16(4)
            printNetlinkPayload(type: type, flags: header.u16(6), at: address &+ UInt64(Self.netlinkHeaderSize),
                                length: Int(length) - Self.netlinkHeaderSize, protocol: netlinkProtocol, to: &out)
            out.endArray()
        }
    }

    /// `{nlmsg_len=20, nlmsg_type=NLMSG_DONE, nlmsg_flags=NLM_F_MULTI, nlmsg_seq=1, nlmsg_pid=1234}`.
    func printNetlinkHeader(_ header: UnsafeRawBufferPointer, protocol netlinkProtocol: UInt32?, to out: inout Emitter) {
        let type = UInt64(header.u16(4))
        let flags = UInt64(header.u16(6))
        out.beginStruct()
        out.field("nlmsg_len")
        out.uint(UInt64(header.u32(0)))
        out.field("nlmsg_type")
        let kind = netlinkFamily(netlinkProtocol)
        if type < 0x10 {
            out.constant(type, constants.netlinkMessageTypes, unknown: "NLMSG_???")
        } else {
            switch kind {
            case .route: out.constant(type, constants.routeMessageTypes, unknown: "RTM_???")
            case .sockDiag: out.constant(type, constants.sockDiagTypes, unknown: "SOCK_DIAG_???")
            case .audit: out.constant(type, constants.auditMessageTypes, unknown: "AUDIT_???")
            case .generic:
                // The one generic family whose number is fixed; the kernel names the others.
                if type == 0x10 {
                    out.styled(number: { $0.hex(type) }, decoded: { $0.name("nlctrl") })
                } else {
                    out.constant(type, runtimeName: GenericNetlinkFamilies.name(of: UInt16(type)), unknown: "GENERIC_FAMILY_???")
                }
            case .xfrm: out.constant(type, constants.xfrmMessageTypes, unknown: "XFRM_MSG_???")
            case .selinux: out.constant(type, constants.selinuxMessageTypes, unknown: "SELNL_MSG_???")
            case .crypto: out.constant(type, constants.cryptoMessageTypes, unknown: "CRYPTO_MSG_???")
            case .netfilter: printNetfilterType(type, to: &out)
            case .other, .uevent: out.constant(type, constants.netlinkMessageTypes, unknown: "NLMSG_???")
            }
        }
        out.field("nlmsg_flags")
        if flags == 0 {
            out.uint(0)
        } else {
            out.styled(number: { $0.hex(flags) }, decoded: { printNetlinkFlags(flags, type: type, kind: kind, to: &$0) })
        }
        out.field("nlmsg_seq")
        out.uint(UInt64(header.u32(8)))
        out.field("nlmsg_pid")
        out.int(Int64(Int32(bitPattern: header.u32(12))))
        out.endStruct()
    }

    enum NetlinkFamily { case route, sockDiag, audit, generic, xfrm, selinux, crypto, netfilter, uevent, other }

    func netlinkFamily(_ netlinkProtocol: UInt32?) -> NetlinkFamily {
        guard let netlinkProtocol, let name = constants.netlinkProtocols.name(of: UInt64(netlinkProtocol)) else { return .other }
        for (candidate, family) in netlinkFamilies where sameName(candidate, name) { return family }
        return .other
    }

    /// The common flags, then those of the request's kind (get, new, delete; an error's ack
    /// flags), then leftover bits in hex.
    func printNetlinkFlags(_ flags: UInt64, type: UInt64, kind: NetlinkFamily, to out: inout Emitter) {
        var second: FlagTable? = nil
        if type < 0x10 {
            if let error = constants.netlinkMessageTypes.value(named: "NLMSG_ERROR"), type == error {
                second = constants.netlinkAckFlags
            }
        } else if kind == .route {
            switch (type - 0x10) % 4 {
            case 0: second = constants.netlinkNewFlags
            case 1: second = constants.netlinkDeleteFlags
            case 2: second = constants.netlinkGetFlags
            default: break
            }
        } else if kind == .sockDiag {
            if let byFamily = constants.sockDiagTypes.value(named: "SOCK_DIAG_BY_FAMILY"), type == byFamily {
                second = constants.netlinkGetFlags
            } else {
                second = constants.netlinkDeleteFlags
            }
        } else if let request = requestKind(type: type, kind: kind) {
            switch request {
            case .new: second = constants.netlinkNewFlags
            case .delete: second = constants.netlinkDeleteFlags
            case .get: second = constants.netlinkGetFlags
            }
        }
        if flags == 0 { return out.uint(0) }
        var rest = flags
        out.beginOperation(.or)
        for table in [constants.netlinkFlags, second].compactMap({ $0 }) {
            for entry in table.entries where entry.bits != 0 && rest & entry.bits == entry.bits {
                out.operand()
                out.name(entry.name)
                rest &= ~entry.bits
            }
        }
        if rest != 0 {
            out.operand()
            out.hex(rest)
        }
        out.endOperation()
    }

    /// What follows a header: an error's `{error=..., msg=...}`, NLMSG_DONE's int, the protocol's
    /// own struct, or the bytes in hex.
    private func printNetlinkPayload(type: UInt16, flags: UInt16, at address: UInt64, length: Int, protocol netlinkProtocol: UInt32?,
                                     to out: inout Emitter) {
        let kind = netlinkFamily(netlinkProtocol)
        if kind == .route, type >= 0x10, printRoutePayload(type: type, at: address, length: length, to: &out) { return }
        if kind == .sockDiag, type >= 0x10,
           printSockDiagPayload(type: type, flags: flags, at: address, length: length, to: &out) { return }
        if kind == .selinux, type >= 0x10, printSelinuxPayload(type: type, at: address, length: length, to: &out) { return }
        if kind == .netfilter, type >= 0x10,
           printNetfilterPayload(at: address, length: length, to: &out) { return }
        let typeName = constants.netlinkMessageTypes.name(of: UInt64(type))
        if let typeName, sameName(typeName, "NLMSG_ERROR"), length >= 4 {
            return printNetlinkError(at: address, length: length, protocol: netlinkProtocol, to: &out)
        }
        if let typeName, sameName(typeName, "NLMSG_DONE"), length == 4 {
            guard let bytes = read(address, count: 4) else { return out.hex(address) }
            return out.int(Int64(Int32(bitPattern: bytes.u32(0))))
        }
        printHexString(at: address, length: length, to: &out)
    }

    /// `{error=-ENODEV, msg=[{nlmsg_len=...}, {...}]}`: the error (0 for an ack) and the request.
    private func printNetlinkError(at address: UInt64, length: Int, protocol netlinkProtocol: UInt32?, to out: inout Emitter) {
        guard let bytes = read(address, count: 4) else { return out.hex(address) }
        out.beginStruct()
        out.field("error")
        let error = Int32(bitPattern: bytes.u32(0))
        if error < 0, let name = ErrnoNames.name(Int(-error)) {
            out.styled(number: { $0.int(Int64(error)) }, decoded: { $0.negatedErrno(Int64(error), name) })
        } else {
            out.int(Int64(error))
        }
        let rest = length - 4
        if rest > 0 {
            out.field("msg")
            let request = address &+ 4
            if rest < Self.netlinkHeaderSize {
                printHexString(at: request, length: rest, to: &out)
            } else if let header = read(request, count: Self.netlinkHeaderSize) {
                let shown = min(UInt64(header.u32(0)), UInt64(rest))
                printNetlinkMessage(header, at: request, length: shown, protocol: netlinkProtocol, to: &out)
            } else {
                out.hex(request)
            }
        }
        out.endStruct()
    }

    /// Attributes after a payload struct: `[{nla_len=8, nla_type=IFA_ADDRESS}, value]`, an array of
    /// those when there are several. `printValue` prints one attribute's value and returns false
    /// when it does not decode that type (then its bytes print in hex).
    /// `unknown` nil: the types have no names (netfilter's), and print in hex.
    func printNetlinkAttributes(at address: UInt64, length: Int, names: ConstantTable, unknown: StaticString?,
                                printValue: (UInt16, UInt64, Int, inout Emitter) -> Bool, to out: inout Emitter) {
        var offset = 0
        var isArray = false
        var count = 0
        let attributeLimit = abbreviates ? options.stringLimit : .max  // -s attributes, all of them with -v
        while true {
            let remaining = length - offset
            let at = address &+ UInt64(offset)
            if remaining < Self.netlinkAttributeHeaderSize {
                if isArray { out.abbreviated() } else { printHexString(at: at, length: remaining, to: &out) }
                break
            }
            if count >= attributeLimit {
                out.abbreviated()
                break
            }
            guard let header = read(at, count: Self.netlinkAttributeHeaderSize) else {
                if isArray { out.element() }
                out.hex(at)
                break
            }
            let attributeLength = Int(header.u16(0))
            let aligned = (attributeLength + 3) & ~3
            let hasNext = attributeLength >= Self.netlinkAttributeHeaderSize && remaining > aligned
            if !isArray && hasNext {
                out.beginArray()
                isArray = true
            }
            if isArray { out.element() }
            let shown = min(attributeLength, remaining)
            let hasValue = shown > Self.netlinkAttributeHeaderSize
            if hasValue {
                out.beginArray()
                out.element()
            }
            out.beginStruct()
            out.field("nla_len")
            out.uint(UInt64(attributeLength))
            out.field("nla_type")
            let rawType = header.u16(2)
            out.beginOperation(.or)
            if rawType & 0x8000 != 0 {
                out.operand()
                out.styled(number: { $0.hex(0x8000) }, decoded: { $0.name("NLA_F_NESTED") })
            }
            if rawType & 0x4000 != 0 {
                out.operand()
                out.styled(number: { $0.hex(0x4000) }, decoded: { $0.name("NLA_F_NET_BYTEORDER") })
            }
            let type = rawType & 0x3fff
            out.operand()
            if let unknown { out.constant(UInt64(type), names, unknown: unknown) } else { out.hex(UInt64(type)) }
            out.endOperation()
            out.endStruct()
            if hasValue {
                out.element()
                let valueAddress = at &+ UInt64(Self.netlinkAttributeHeaderSize)
                let valueLength = shown - Self.netlinkAttributeHeaderSize
                if !printValue(type, valueAddress, valueLength, &out) {
                    printHexString(at: valueAddress, length: valueLength, to: &out)
                }
                out.endArray()
            }
            guard hasNext else { break }
            offset += aligned
            count += 1
        }
        if isArray { out.endArray() }
    }
}

/// The protocols whose messages decode beyond the common header, by their NETLINK_* name.
private let netlinkFamilies: [(StaticString, DecodeContext.NetlinkFamily)] = [
    ("NETLINK_ROUTE", .route), ("NETLINK_SOCK_DIAG", .sockDiag), ("NETLINK_AUDIT", .audit),
    ("NETLINK_GENERIC", .generic), ("NETLINK_XFRM", .xfrm), ("NETLINK_SELINUX", .selinux),
    ("NETLINK_CRYPTO", .crypto), ("NETLINK_NETFILTER", .netfilter), ("NETLINK_KOBJECT_UEVENT", .uevent),
]
