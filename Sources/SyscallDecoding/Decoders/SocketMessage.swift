/// Socket messages: `struct msghdr` with its iovec array and control messages (sendmsg, recvmsg,
/// sendmmsg), and the data of send/receive buffers.
extension ArgPrinter {
    /// A buffer sent on socket `fd` (argument 0), its length in argument `length`: netlink
    /// messages on a netlink socket, else a string cut to `-s`.
    static func socketBuffer(length: Int) -> ArgPrinter {
        ArgPrinter("socketBuffer(\(length))", refersTo: length) { value, context, out in
            context.printSocketBuffer(fd: context.int32(0), at: context.truncate(value), length: context.word(length), to: &out)
        }
    }

    /// A buffer received on socket `fd` (argument 0), its length the return value.
    static let receivedSocketBuffer = ArgPrinter("receivedSocketBuffer", phase: .exit) { value, context, out in
        if let count = context.returned, count >= 0 {
            context.printSocketBuffer(fd: context.int32(0), at: context.truncate(value), length: UInt64(count), to: &out)
        } else {
            out.pointer(context.truncate(value))
        }
    }

    /// sendmsg's message, printed at entry.
    static let sentMessage = ArgPrinter("sentMessage") { value, context, out in
        context.printMessageHeader(at: context.truncate(value), dataLimit: nil, offeredNameLength: nil, to: &out)
    }
}

extension CallDecoder {
    /// recvmsg: the message as the kernel filled it in; its name length offered at entry is kept.
    static let recvmsg = CallDecoder(entry: { context, out in
        out.fd(context.int32(0))
        out.raw(", ")
        let layout = context.layouts.msghdr
        if let bytes = context.read(context.word(1), count: layout.size) {
            context.slot.values = (1, layout.msgNamelen.unsigned(in: bytes))
        } else {
            context.slot.values = (0, 0)
        }
    }, exit: { context, out in
        let address = context.word(1)
        if let count = context.returned, context.slot.values.0 == 1 {
            context.printMessageHeader(at: address, dataLimit: UInt64(bitPattern: count),
                                       offeredNameLength: context.slot.values.1, to: &out)
        } else if context.slot.values.0 == 1 {
            out.beginStruct()
            out.field("msg_namelen")
            out.uint(context.slot.values.1)
            out.endStruct()
        } else {
            out.pointer(address)
        }
        out.raw(", ")
        out.flags(UInt64(UInt32(truncatingIfNeeded: context.call.args[2])), context.constants.messageFlags)
    })

    /// sendmmsg: the messages sent, each with the length the kernel reports (printed at exit).
    static let sendmmsg = CallDecoder(entry: { context, out in
        out.fd(context.int32(0))
        out.raw(", ")
    }, exit: { context, out in
        let address = context.word(1)
        if let count = context.returned, count > 0, context.dereferences {
            let layout = context.layouts.mmsghdr
            out.beginArray()
            for index in 0..<Int(count) {
                if index >= context.options.stringLimit {
                    out.abbreviated()
                    break
                }
                let element = address &+ UInt64(index * layout.size)
                out.element()
                out.beginStruct()
                out.field("msg_hdr")
                context.printMessageHeader(at: element, dataLimit: nil, offeredNameLength: nil, to: &out)
                out.field("msg_len")
                if let bytes = context.read(element &+ UInt64(layout.msgLen.offset), count: 4) {
                    out.uint(UInt64(bytes.u32(0)))
                }
                out.endStruct()
            }
            out.endArray()
        } else {
            out.pointer(address)
        }
        out.raw(", ")
        out.uint(UInt64(UInt32(truncatingIfNeeded: context.call.args[2])))
        out.raw(", ")
        out.flags(UInt64(UInt32(truncatingIfNeeded: context.call.args[3])), context.constants.messageFlags)
    })
}

extension DecodeContext {
    /// `{msg_name=..., msg_namelen=..., msg_iov=[...], msg_iovlen=..., msg_control=[...],
    /// msg_controllen=..., msg_flags=...}`. `dataLimit`: the bytes received (the iovecs show only
    /// those); `offeredNameLength`: the name length before the call, for `110 => 8`.
    func printMessageHeader(at address: UInt64, dataLimit: UInt64?, offeredNameLength: UInt64?, to out: inout Emitter) {
        let layout = layouts.msghdr
        guard let bytes = read(address, count: layout.size) else { return out.pointer(address) }
        let name = layout.msgName.unsigned(in: bytes)
        let nameLength = layout.msgNamelen.unsigned(in: bytes)
        let iov = layout.msgIov.unsigned(in: bytes)
        let iovCount = layout.msgIovlen.unsigned(in: bytes)
        let control = layout.msgControl.unsigned(in: bytes)
        let controlLength = layout.msgControllen.unsigned(in: bytes)
        let flags = layout.msgFlags.unsigned(in: bytes)
        out.beginStruct()
        out.field("msg_name")
        let shownNameLength = min(nameLength, offeredNameLength ?? nameLength)
        if name == 0 { out.name("NULL") } else { printSockaddr(at: name, length: Int(Int32(truncatingIfNeeded: shownNameLength)), to: &out) }
        out.field("msg_namelen")
        if let offered = offeredNameLength, offered != nameLength {
            out.uint(offered)
            out.changed()
        }
        out.uint(nameLength)
        out.field("msg_iov")
        // strace decodes the data as netlink messages when the name is a netlink address.
        let netlinkFd: Int32? = name != 0 && shownNameLength >= 2 && isNetlinkAddress(at: name) ? int32(0) : nil
        printIovecs(at: iov, count: iovCount, dataLimit: dataLimit, netlinkFd: netlinkFd, to: &out)
        out.field("msg_iovlen")
        out.uint(iovCount)
        if controlLength > 0 {
            out.field("msg_control")
            printControlMessages(at: control, length: controlLength, to: &out)
        }
        out.field("msg_controllen")
        out.uint(controlLength)
        out.field("msg_flags")
        out.flags(flags, constants.messageFlags)
        out.endStruct()
    }

    /// `[{iov_base="abc", iov_len=3}, ...]`: the data of each, up to `dataLimit` bytes in all.
    func printIovecs(at address: UInt64, count: UInt64, dataLimit: UInt64?, netlinkFd: Int32? = nil, to out: inout Emitter) {
        let layout = layouts.iovec
        guard address != 0 else { return out.name("NULL") }
        guard count <= 1024, let vector = read(address, count: layout.size * Int(count)) else { return out.pointer(address) }
        var remaining = dataLimit ?? UInt64.max
        out.beginArray()
        for index in 0..<Int(count) {
            if index >= options.stringLimit {
                out.abbreviated()
                break
            }
            let element = UnsafeRawBufferPointer(rebasing: vector[index * layout.size..<(index + 1) * layout.size])
            let base = layout.iovBase.unsigned(in: element)
            let length = layout.iovLen.unsigned(in: element)
            out.element()
            out.beginStruct()
            out.field("iov_base")
            let shown = min(length, remaining)
            if let netlinkFd, base != 0 {
                printSocketBuffer(fd: netlinkFd, at: base, length: shown, to: &out)
            } else {
                printBuffer(at: base, length: shown, to: &out)
            }
            remaining -= shown
            out.field("iov_len")
            out.uint(length)
            out.endStruct()
        }
        out.endArray()
    }

    /// Whether the sockaddr at `address` is of family AF_NETLINK.
    func isNetlinkAddress(at address: UInt64) -> Bool {
        guard let bytes = read(address, count: 2), let name = constants.addressFamilies.name(of: UInt64(bytes.u16(0))) else {
            return false
        }
        return sameName(name, "AF_NETLINK")
    }

    /// `[{cmsg_len=24, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[0, 1]}, ...]`.
    func printControlMessages(at address: UInt64, length: UInt64, to out: inout Emitter) {
        let layout = layouts.cmsghdr
        let total = Int(min(length, 4096))
        guard let bytes = read(address, count: total) else { return out.pointer(address) }
        out.beginArray()
        var offset = 0
        var shown = 0
        while offset + layout.size <= total {
            if shown >= options.stringLimit {
                out.abbreviated()
                break
            }
            let header = UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + layout.size])
            // Clamped: a 64-bit cmsg_len from a bad buffer must not trap (or overflow the offsets).
            let rawLength = layout.cmsgLen.unsigned(in: header)
            let messageLength = Int(min(rawLength, UInt64(Int32.max)))
            let level = layout.cmsgLevel.unsigned(in: header)
            let type = layout.cmsgType.unsigned(in: header)
            out.element()
            out.beginStruct()
            out.field("cmsg_len")
            out.uint(rawLength)
            out.field("cmsg_level")
            out.constant(level, constants.socketLevels, unknown: "SOL_??")
            out.field("cmsg_type")
            let levelName = constants.socketLevels.name(of: level)
            let dataEnd = min(offset + messageLength, total)
            let data = UnsafeRawBufferPointer(rebasing: bytes[min(offset + layout.size, dataEnd)..<dataEnd])
            if let levelName, sameName(levelName, "SOL_SOCKET") {
                out.constant(type, constants.controlMessageTypes, unknown: "SCM_???")
                printSocketControlData(type: type, data, to: &out)
            } else if let levelName, sameName(levelName, "SOL_IP") {
                out.constant(type, constants.ipOptions, unknown: "IP_???")
                printIPControlData(type: type, data, to: &out)
            } else {
                out.hex(type)
            }
            out.endStruct()
            shown += 1
            guard messageLength >= layout.size else { break }
            offset += (messageLength + wordSize - 1) & ~(wordSize - 1)
        }
        out.endArray()
    }

    private func printSocketControlData(type: UInt64, _ data: UnsafeRawBufferPointer, to out: inout Emitter) {
        guard let name = constants.controlMessageTypes.name(of: type) else { return }
        if sameName(name, "SCM_RIGHTS") {
            out.field("cmsg_data")
            out.beginArray()
            for index in 0..<data.count / 4 {
                out.element()
                out.fd(Int32(bitPattern: data.u32(index * 4)))
            }
            out.endArray()
        } else if sameName(name, "SCM_CREDENTIALS"), data.count >= 12 {
            out.field("cmsg_data")
            out.beginStruct()
            out.field("pid")
            out.int(Int64(Int32(bitPattern: data.u32(0))))
            out.field("uid")
            out.uint(UInt64(data.u32(4)))
            out.field("gid")
            out.uint(UInt64(data.u32(8)))
            out.endStruct()
        } else if sameName(name, "SO_TIMESTAMP_OLD") || sameName(name, "SO_TIMESTAMPNS_OLD"), data.count >= 2 * wordSize {
            out.field("cmsg_data")
            out.beginStruct()
            out.field("tv_sec")
            out.int(FieldLayout(offset: 0, size: wordSize).signed(in: data))
            if sameName(name, "SO_TIMESTAMP_OLD") { out.field("tv_usec") } else { out.field("tv_nsec") }
            out.int(FieldLayout(offset: wordSize, size: wordSize).signed(in: data))
            out.endStruct()
        }
    }

    private func printIPControlData(type: UInt64, _ data: UnsafeRawBufferPointer, to out: inout Emitter) {
        guard let name = constants.ipOptions.name(of: type) else { return }
        if sameName(name, "IP_TTL") || sameName(name, "IP_TOS") || sameName(name, "IP_RECVERR"), data.count >= 4 {
            out.field("cmsg_data")
            out.beginArray()
            out.element()
            out.int(Int64(Int32(bitPattern: data.u32(0))))
            out.endArray()
        } else if sameName(name, "IP_PKTINFO"), data.count >= 12 {
            out.field("cmsg_data")
            out.beginStruct()
            out.field("ipi_ifindex")
            printInterfaceIndex(data.u32(0), to: &out)
            for (field, offset) in [("ipi_spec_dst", 4), ("ipi_addr", 8)] as [(StaticString, Int)] {
                out.field(field)
                printNetworkOrder(data, offset..<offset + 4, to: &out) { out in
                    out.beginCall("inet_addr")
                    out.element()
                    printIPv4(data, at: offset, to: &out)
                    out.endCall()
                }
            }
            out.endStruct()
        }
    }
}
