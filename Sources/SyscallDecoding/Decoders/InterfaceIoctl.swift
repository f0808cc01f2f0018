/// Network interface ioctls (SIOCGIF*) as strace prints them: struct ifreq with the name the
/// caller gives at entry (`{ifr_name="lo"`) and the field the kernel fills in at exit
/// (`, ifr_ifindex=1}`); SIOCGIFNAME the other way round; SIOCGIFCONF's struct ifconf with its
/// length as `N * sizeof(struct ifreq)` and the interfaces it lists.
enum InterfaceRequest: Sendable {
    case index, flags, mtu, name, address(StaticString), hardwareAddress
}

extension DecodeContext {
    /// The entry half: `{ifr_name="lo"` (`{ifr_ifindex=1` for SIOCGIFNAME), NULL, or the address.
    func printInterfaceRequestEntry(_ request: InterfaceRequest, at address: UInt64, to out: inout Emitter) {
        guard address != 0 else { return out.name("NULL") }
        guard let bytes = read(address, count: layouts.ifreq.size) else { return out.hex(address) }
        out.raw("{")
        if case .name = request {
            out.raw("ifr_ifindex=")
            out.int(Int64(Int32(bitPattern: bytes.u32(16))))
        } else {
            appendInterfaceName(bytes, to: &out)
        }
    }

    /// The exit half: `, ifr_ifindex=1}` after success, `}` after a failure; nothing when the
    /// entry printed no struct.
    func printInterfaceRequestExit(_ request: InterfaceRequest, at address: UInt64, to out: inout Emitter) {
        guard address != 0, let bytes = read(address, count: layouts.ifreq.size) else { return }
        defer { out.raw("}") }
        guard returned != nil else { return }
        out.raw(", ")
        printInterfaceRequestField(request, bytes, to: &out)
    }

    private func printInterfaceRequestField(_ request: InterfaceRequest, _ bytes: UnsafeRawBufferPointer, to out: inout Emitter) {
        let union = UnsafeRawBufferPointer(rebasing: bytes[16...])
        switch request {
        case .index:
            out.raw("ifr_ifindex=")
            out.int(Int64(Int32(bitPattern: union.u32(0))))
        case .flags:
            out.raw("ifr_flags=")
            out.flags(UInt64(union.u16(0)), constants.interfaceFlags)
        case .mtu:
            out.raw("ifr_mtu=")
            out.int(Int64(Int32(bitPattern: union.u32(0))))
        case .name:
            appendInterfaceName(bytes, to: &out)
        case .address(let field):
            out.text.append(field)
            out.raw("=")
            printSockaddr(UnsafeRawBufferPointer(rebasing: union[0..<16]), to: &out)
        case .hardwareAddress:
            out.raw("ifr_hwaddr={sa_family=")
            out.constant(UInt64(union.u16(0)), constants.arpHardwareTypes, unknown: "ARPHRD_???")
            out.raw(", sa_data=")
            let data = UnsafeRawBufferPointer(rebasing: union[2..<16])
            out.styled(number: { $0.hexBytes(data) }, decoded: { out in
                for index in 0..<6 {
                    if index > 0 { out.raw(":") }
                    out.text.appendDigits(UInt64(data[index]), radix: 16, minimumDigits: 2)
                }
            })
            out.raw("}")
        }
    }

    /// `ifr_name="lo"`: the name up to its NUL (16 bytes at most).
    func appendInterfaceName(_ bytes: UnsafeRawBufferPointer, to out: inout Emitter) {
        out.raw("ifr_name=")
        out.bytes(bytes[0..<16].prefix { $0 != 0 })
    }

    /// SIOCGIFCONF at entry: keeps the length offered (the kernel writes the length used over it).
    mutating func keepInterfaceConfigurationLength(at address: UInt64) {
        guard address != 0, let bytes = read(address, count: layouts.ifconf.size) else { return }
        slot.values = (layouts.ifconf.ifcLen.unsigned(in: bytes), 0)
    }

    /// SIOCGIFCONF at exit: `{ifc_len=1024 => 80 /* 2 * sizeof(struct ifreq) */, ifc_buf=[...]}`.
    func printInterfaceConfiguration(at address: UInt64, to out: inout Emitter) {
        guard address != 0 else { return out.name("NULL") }
        let layout = layouts.ifconf
        guard let bytes = read(address, count: layout.size) else { return out.hex(address) }
        let length = Int32(truncatingIfNeeded: layout.ifcLen.unsigned(in: bytes))
        let buffer = layout.ifcBuf.unsigned(in: bytes)
        let offered = slot.isUsed ? Int32(truncatingIfNeeded: slot.values.0) : length
        let size = Int32(layouts.ifreq.size)
        out.beginStruct()
        out.field("ifc_len")
        if returned != nil && buffer != 0 && offered != length {
            out.int(Int64(offered))
            out.changed()
        }
        let shown = returned != nil ? length : offered
        out.int(Int64(shown))
        if shown > 0 && shown % size == 0 {
            out.beginComment()
            out.int(Int64(shown / size))
            out.raw(" * sizeof(struct ifreq)")
            out.endComment()
        }
        out.field("ifc_buf")
        if buffer == 0 || returned == nil {
            out.pointer(buffer)
        } else {
            out.beginArray()
            for index in 0..<Int(max(length, 0) / size) {
                guard out.element(index) else { break }
                let entry = buffer &+ UInt64(Int(size) * index)
                guard let request = read(entry, count: Int(size)) else {
                    out.hex(entry)
                    break
                }
                out.beginStruct()
                out.field("ifr_name")
                out.bytes(request[0..<16].prefix { $0 != 0 })
                out.field("ifr_addr")
                printSockaddr(UnsafeRawBufferPointer(rebasing: request[16..<32]), to: &out)
                out.endStruct()
            }
            out.endArray()
        }
        out.endStruct()
    }
}
