/// Sockets: socket, bind, connect, accept, the sockname calls, send and receive, options.
/// Addresses are in `SocketAddress.swift`, messages (msghdr, iovec, cmsg) in `SocketMessage.swift`,
/// options in `SocketOptions.swift`; i386's multiplexed `socketcall` is in `i386Specific`.
extension SyscallCatalog {
    static let network: [String: SyscallSignature] = [
        "socket": .init(.addressFamily, .socketType, .socketProtocol(family: 0), returns: .int),
        "socketpair": .init(.addressFamily, .socketType, .socketProtocol(family: 0), .fdPair),
        "bind": .init(.fd, .sockaddr(length: 2), .int),
        "connect": .init(.fd, .sockaddr(length: 2), .int),
        "listen": .init(.fd, .int),
        "accept": .init(count: 3, decoder: .sockname(hasFlags: false)),
        "accept4": .init(count: 4, decoder: .sockname(hasFlags: true)),
        "getsockname": .init(count: 3, decoder: .sockname(hasFlags: false)),
        "getpeername": .init(count: 3, decoder: .sockname(hasFlags: false)),
        "shutdown": .init(.fd, .constant("shutdownHow", \.shutdownHow, unknown: "SHUT_???")),
        "sendto": .init(.fd, .socketBuffer(length: 2), .ulong, .messageFlags, .sockaddr(length: 5), .int),
        "recvfrom": .init(count: 6, decoder: .recvfrom),
        "sendmsg": .init(.fd, .sentMessage, .messageFlags),
        "recvmsg": .init(count: 3, decoder: .recvmsg),
        "sendmmsg": .init(count: 4, decoder: .sendmmsg),
        "setsockopt": .init(count: 5, decoder: .setsockopt),
        "getsockopt": .init(count: 5, decoder: .getsockopt),
        "recvmmsg": .init(count: 5, returns: .recvmmsgResult(time64: false), decoder: .recvmmsg(time64: false)),
        "recvmmsg_time64": .init(count: 5, returns: .recvmmsgResult(time64: true), decoder: .recvmmsg(time64: true)),
    ]
}

extension ArgPrinter {
    /// `AF_INET`, or `0xfa /* AF_??? */`.
    static let addressFamily = ArgPrinter.constant("addressFamily", \.addressFamilies, unknown: "AF_???")

    /// `SOCK_STREAM|SOCK_CLOEXEC|SOCK_NONBLOCK`: the type (low four bits) by name, then its flags.
    static let socketType = ArgPrinter("socketType") { value, context, out in
        context.printSocketType(UInt32(truncatingIfNeeded: value), to: &out)
    }

    /// The protocol, named by the family in argument `family`: `IPPROTO_TCP`, `NETLINK_ROUTE`,
    /// `htons(ETH_P_ALL)`; a number for other families.
    static func socketProtocol(family: Int) -> ArgPrinter {
        ArgPrinter("socketProtocol(\(family))", refersTo: family) { value, context, out in
            context.printSocketProtocol(UInt32(truncatingIfNeeded: value),
                                        family: UInt32(truncatingIfNeeded: context.call.args[family]), to: &out)
        }
    }

    /// `MSG_DONTWAIT|MSG_NOSIGNAL`.
    static let messageFlags = ArgPrinter.flags("messageFlags", \.messageFlags)

    /// A socket address whose length is argument `length`.
    static func sockaddr(length: Int) -> ArgPrinter {
        ArgPrinter("sockaddr(\(length))", refersTo: length) { value, context, out in
            context.printSockaddr(at: context.truncate(value), length: Int(context.int32(length)), to: &out)
        }
    }

    /// socketpair's `[3, 4]`, filled in by the kernel.
    static let fdPair = ArgPrinter("fdPair", phase: .exit) { value, context, out in
        let address = context.truncate(value)
        guard context.returned != nil, let bytes = context.read(address, count: 8) else { return out.pointer(address) }
        out.beginArray()
        out.element()
        out.fd(Int32(bitPattern: bytes.u32(0)))
        out.element()
        out.fd(Int32(bitPattern: bytes.u32(4)))
        out.endArray()
    }
}

extension DecodeContext {
    func printSocketType(_ type: UInt32, to out: inout Emitter) {
        let base = UInt64(type & 0xf)
        guard let name = constants.socketTypes.name(of: base) else {
            return out.constant(UInt64(type), constants.socketTypes, unknown: "SOCK_???")
        }
        let flags = UInt64(type & ~0xf)
        out.beginOperation(.or)
        defer { out.endOperation() }
        guard out.constantStyle == .abbrev else {
            // `-X raw`: `0x1|0x80800`; `-X verbose`: each part with its names in a comment.
            out.operand()
            out.constant(base, constants.socketTypes, unknown: "SOCK_???")
            if flags != 0 {
                out.operand()
                out.flags(flags, constants.socketTypeFlags, unknown: "SOCK_???")
            }
            return
        }
        out.operand()
        out.name(name)
        guard flags != 0 else { return }
        let table = constants.socketTypeFlags
        var rest = flags
        for entry in table.entries where rest & entry.bits == entry.bits {
            out.operand()
            out.name(entry.name)
            rest &= ~entry.bits
        }
        if rest != 0 {
            out.operand()
            out.hex(rest)
            out.beginComment()
            out.raw("SOCK_???")
            out.endComment()
        }
    }

    func printSocketProtocol(_ value: UInt32, family: UInt32, to out: inout Emitter) {
        let name = constants.addressFamilies.name(of: UInt64(family))
        if let name, sameName(name, "AF_INET") || sameName(name, "AF_INET6") {
            out.constant(UInt64(value), constants.ipProtocols, unknown: "IPPROTO_???")
        } else if let name, sameName(name, "AF_NETLINK") {
            out.constant(UInt64(value), constants.netlinkProtocols, unknown: "NETLINK_???")
        } else if let name, sameName(name, "AF_PACKET") {
            printEthernetProtocol(UInt16(truncatingIfNeeded: value).byteSwapped, to: &out)
        } else {
            out.uint(UInt64(value))
        }
    }

    /// A socklen_t the tracee passes by address, or nil (NULL, unreadable).
    func readSocklen(_ address: UInt64) -> Int32? {
        guard address != 0, let bytes = read(address, count: 4) else { return nil }
        return Int32(bitPattern: bytes.u32(0))
    }

    /// `[16]`, or `[128 => 16]` when the kernel changed the length.
    func printLengthChange(from before: Int64, to after: Int64, to out: inout Emitter) {
        out.beginArray()
        out.element()
        if before != after {
            out.int(before)
            out.changed()
        }
        out.int(after)
        out.endArray()
    }
}

extension CallDecoder {
    /// accept, accept4, getsockname, getpeername: the address and its length are the kernel's
    /// answer; the length the caller offered is kept from the entry (`[128 => 16]`).
    static func sockname(hasFlags: Bool) -> CallDecoder {
        CallDecoder(entry: { context, out in
            out.fd(context.int32(0))
            out.raw(", ")
            if context.call.args[1] != 0, let offered = context.readSocklen(context.word(2)) {
                context.slot.values = (1, UInt64(UInt32(bitPattern: offered)))
                return
            }
            // Nothing to read back: strace prints both pointers at entry.
            context.slot.values = (0, 0)
            out.pointer(context.word(1))
            out.raw(", ")
            out.pointer(context.word(2))
            if hasFlags {
                out.raw(", ")
                out.flags(UInt64(UInt32(truncatingIfNeeded: context.call.args[3])), context.constants.socketTypeFlags)
            }
        }, exit: { context, out in
            guard context.slot.values.0 == 1 else { return }
            let offered = Int64(Int32(bitPattern: UInt32(truncatingIfNeeded: context.slot.values.1)))
            if context.returned == nil || context.readSocklen(context.word(2)) == nil {
                out.pointer(context.word(1))
                out.raw(", ")
                out.beginArray()
                out.element()
                out.int(offered)
                out.endArray()
            } else {
                let returned = Int64(context.readSocklen(context.word(2))!)
                context.printSockaddr(at: context.word(1), length: Int(min(offered, returned)), to: &out)
                out.raw(", ")
                context.printLengthChange(from: offered, to: returned, to: &out)
            }
            if hasFlags {
                out.raw(", ")
                out.flags(UInt64(UInt32(truncatingIfNeeded: context.call.args[3])), context.constants.socketTypeFlags)
            }
        })
    }

    /// recvfrom: the buffer, then the sender's address and its length as the kernel left them.
    static let recvfrom = CallDecoder(entry: { context, out in
        out.fd(context.int32(0))
        out.raw(", ")
        if context.call.args[4] != 0, let offered = context.readSocklen(context.word(5)) {
            context.slot.values = (1, UInt64(UInt32(bitPattern: offered)))
        } else {
            context.slot.values = (0, 0)
        }
    }, exit: { context, out in
        if let count = context.returned, count >= 0 {
            context.printSocketBuffer(fd: context.int32(0), at: context.word(1), length: UInt64(count), to: &out)
        } else {
            out.pointer(context.word(1))
        }
        out.raw(", ")
        out.uint(context.word(2))
        out.raw(", ")
        out.flags(UInt64(UInt32(truncatingIfNeeded: context.call.args[3])), context.constants.messageFlags)
        out.raw(", ")
        let offered = Int64(Int32(bitPattern: UInt32(truncatingIfNeeded: context.slot.values.1)))
        guard context.call.args[4] != 0, let returned = context.readSocklen(context.word(5)) else {
            out.pointer(context.word(4))
            out.raw(", ")
            out.pointer(context.word(5))
            return
        }
        if context.returned == nil {
            out.pointer(context.word(4))
            out.raw(", ")
            out.beginArray()
            out.element()
            out.uint(UInt64(UInt32(bitPattern: Int32(truncatingIfNeeded: offered))))
            out.endArray()
            return
        }
        context.printSockaddr(at: context.word(4), length: Int(min(offered, Int64(returned))), to: &out)
        out.raw(", ")
        out.beginArray()
        if offered != Int64(returned) {
            out.uint(UInt64(UInt32(bitPattern: Int32(truncatingIfNeeded: offered))))
            out.changed()
        }
        out.uint(UInt64(UInt32(bitPattern: returned)))
        out.endArray()
    })
}
