/// setsockopt and getsockopt: the level, the option named within its level, and the value as
/// strace shows it (an int as `[1]`, a few structs, other values as bytes).
extension CallDecoder {
    static let setsockopt = CallDecoder(entry: { context, out in
        let level = UInt32(truncatingIfNeeded: context.call.args[1])
        let option = UInt32(truncatingIfNeeded: context.call.args[2])
        context.printSocketOptionName(level: level, option: option, to: &out)
        out.raw(", ")
        let length = context.int32(4)
        context.printSetOptionValue(level: level, option: option, at: context.word(3), length: length, to: &out)
        out.raw(", ")
        out.int(Int64(length))
    })

    static let getsockopt = CallDecoder(entry: { context, out in
        context.printSocketOptionName(level: UInt32(truncatingIfNeeded: context.call.args[1]),
                                      option: UInt32(truncatingIfNeeded: context.call.args[2]), to: &out)
        out.raw(", ")
        if let offered = context.readSocklen(context.word(4)) {
            context.slot.values = (1, UInt64(UInt32(bitPattern: offered)))
        } else {
            context.slot.values = (0, 0)
        }
    }, exit: { context, out in
        let value = context.word(3), lengthAddress = context.word(4)
        guard context.slot.values.0 == 1 else {
            out.pointer(value)
            out.raw(", ")
            out.pointer(lengthAddress)
            return
        }
        let offered = Int64(Int32(bitPattern: UInt32(truncatingIfNeeded: context.slot.values.1)))
        guard context.returned != nil, let returned = context.readSocklen(lengthAddress) else {
            out.pointer(value)
            out.raw(", ")
            out.beginArray()
            out.element()
            out.int(offered)
            out.endArray()
            return
        }
        context.printGotOptionValue(level: UInt32(truncatingIfNeeded: context.call.args[1]),
                                    option: UInt32(truncatingIfNeeded: context.call.args[2]),
                                    at: value, length: returned, to: &out)
        out.raw(", ")
        context.printLengthChange(from: offered, to: Int64(returned), to: &out)
    })
}

extension DecodeContext {
    /// `3, SOL_SOCKET, SO_REUSEADDR`: the fd, the level and the option named within it.
    func printSocketOptionName(level: UInt32, option: UInt32, to out: inout Emitter) {
        out.fd(int32(0))
        out.raw(", ")
        out.constant(UInt64(level), constants.socketLevels, unknown: "SOL_??")
        out.raw(", ")
        guard let (table, unknown) = optionTable(level: level) else { return out.uint(UInt64(option)) }
        out.constant(UInt64(option), table, unknown: unknown)
    }

    private func optionTable(level: UInt32) -> (ConstantTable, StaticString)? {
        guard let name = constants.socketLevels.name(of: UInt64(level)) else { return nil }
        if sameName(name, "SOL_SOCKET") { return (constants.socketOptions, "SO_???") }
        if sameName(name, "SOL_IP") { return (constants.ipOptions, "IP_???") }
        if sameName(name, "SOL_IPV6") { return (constants.ipv6Options, "IPV6_???") }
        if sameName(name, "SOL_TCP") { return (constants.tcpOptions, "TCP_???") }
        if sameName(name, "SOL_UDP") { return (constants.udpOptions, "UDP_???") }
        if sameName(name, "SOL_NETLINK") { return (constants.netlinkOptions, "NETLINK_???") }
        if sameName(name, "SOL_PACKET") { return (constants.packetOptions, "PACKET_???") }
        return nil
    }

    /// What kind of value an option takes, as strace tells them apart.
    private enum OptionValue { case integer, bytes, linger, peerCredentials, packetMembership }

    private func optionValue(level: UInt32, option: UInt32) -> OptionValue {
        guard let levelName = constants.socketLevels.name(of: UInt64(level)) else { return .bytes }
        if sameName(levelName, "SOL_NETLINK") { return .integer }
        if sameName(levelName, "SOL_PACKET") {
            let name = constants.packetOptions.name(of: UInt64(option))
            if let name, sameName(name, "PACKET_ADD_MEMBERSHIP") || sameName(name, "PACKET_DROP_MEMBERSHIP") {
                return .packetMembership
            }
            return .bytes
        }
        guard sameName(levelName, "SOL_SOCKET") else { return .bytes }
        guard let name = constants.socketOptions.name(of: UInt64(option)) else { return .bytes }
        if sameName(name, "SO_LINGER") { return .linger }
        if sameName(name, "SO_PEERCRED") { return .peerCredentials }
        for bytesOption: StaticString in ["SO_BINDTODEVICE", "SO_RCVTIMEO_OLD", "SO_SNDTIMEO_OLD", "SO_RCVTIMEO_NEW",
                                           "SO_SNDTIMEO_NEW", "SO_PEERNAME", "SO_PEERSEC", "SO_ATTACH_FILTER",
                                           "SO_ATTACH_REUSEPORT_CBPF"] where sameName(name, bytesOption) {
            return .bytes
        }
        return .integer
    }

    func printSetOptionValue(level: UInt32, option: UInt32, at address: UInt64, length: Int32, to out: inout Emitter) {
        guard address != 0 else { return out.name("NULL") }
        guard dereferences else { return out.pointer(address) }  // -e verbose= leaving the call out
        switch optionValue(level: level, option: option) {
        case .integer:
            if length < 4 { return out.pointer(address) }
            printIntArray1(at: address, to: &out)
        case .linger:
            if length < 8 { return out.pointer(address) }
            printLinger(at: address, to: &out)
        case .packetMembership:
            out.pointer(address)
        case .bytes, .peerCredentials:
            if length == 4 { return printIntArray1(at: address, to: &out) }
            printBuffer(at: address, length: UInt64(UInt32(bitPattern: max(length, 0))), to: &out)
        }
    }

    func printGotOptionValue(level: UInt32, option: UInt32, at address: UInt64, length: Int32, to out: inout Emitter) {
        guard address != 0 else { return out.name("NULL") }
        guard dereferences else { return out.pointer(address) }  // -e verbose= leaving the call out
        switch optionValue(level: level, option: option) {
        case .integer where length < 4 && length > 0:
            // strace forces hex escapes for some of these (SO_RCVBUF: "\x00\x40") and not for
            // others (SO_TYPE: "\1\0"); the plain quoting is the one known to match.
            guard let bytes = read(address, count: Int(length)) else { return out.pointer(address) }
            out.bytes(bytes)
        case .linger where length >= 8:
            printLinger(at: address, to: &out)
        case .peerCredentials where length > 0:
            guard let bytes = read(address, count: Int(min(length, 12))) else { return out.pointer(address) }
            out.beginStruct()
            out.field("pid")
            out.int(Int64(Int32(bitPattern: bytes.u32(0))))
            if bytes.count >= 8 {
                out.field("uid")
                out.uint(UInt64(bytes.u32(4)))
            }
            if bytes.count >= 12 {
                out.field("gid")
                out.uint(UInt64(bytes.u32(8)))
            }
            out.endStruct()
        default:
            if length == 4 { return printIntArray1(at: address, to: &out) }
            if length <= 0 { return out.pointer(address) }
            printBuffer(at: address, length: UInt64(length), to: &out)
        }
    }

    /// `[1]`: an int passed by address.
    func printIntArray1(at address: UInt64, to out: inout Emitter) {
        guard let bytes = read(address, count: 4) else { return out.pointer(address) }
        out.beginArray()
        out.element()
        out.int(Int64(Int32(bitPattern: bytes.u32(0))))
        out.endArray()
    }

    private func printLinger(at address: UInt64, to out: inout Emitter) {
        guard let bytes = read(address, count: 8) else { return out.pointer(address) }
        out.beginStruct()
        out.field("l_onoff")
        out.int(Int64(Int32(bitPattern: bytes.u32(0))))
        out.field("l_linger")
        out.int(Int64(Int32(bitPattern: bytes.u32(4))))
        out.endStruct()
    }
}
