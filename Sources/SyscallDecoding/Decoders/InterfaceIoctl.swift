/// Network interface ioctls (SIOCGIF*) as strace prints them: struct ifreq with the name the
/// caller gives at entry (`{ifr_name="lo"`) and the field the kernel fills in at exit
/// (`, ifr_ifindex=1}`); SIOCGIFNAME the other way round; SIOCGIFCONF's struct ifconf with its
/// length as `N * sizeof(struct ifreq)` and the interfaces it lists. The requests that set a field
/// (SIOCSIFFLAGS, SIOCSIFADDR, ...) print the name and the field at entry.
enum InterfaceRequest: Sendable {
    case index, flags, mtu, metric, queueLength, map, name, newName, slave, address(StaticString), hardwareAddress
    /// SIOCBRADDIF, SIOCBRDELIF: the port's index alone (`{ifr_ifindex=2}`).
    case bridgePort
}

extension DecodeContext {
    /// The entry half: `{ifr_name="lo"` (`{ifr_ifindex=1` for SIOCGIFNAME), NULL, or the address.
    func printInterfaceRequestEntry(_ request: InterfaceRequest, at address: UInt64, to out: inout Emitter) {
        guard address != 0 else { return out.name("NULL") }
        guard let bytes = read(address, count: layouts.ifreq.size) else { return out.hex(address) }
        out.beginStruct()
        if case .name = request {
            out.field("ifr_ifindex")
            out.int(Int64(Int32(bitPattern: bytes.u32(16))))
        } else {
            appendInterfaceName(bytes, to: &out)
        }
        out.suspendStruct()
    }

    /// The exit half: `, ifr_ifindex=1}` after success, `}` after a failure; nothing when the
    /// entry printed no struct.
    func printInterfaceRequestExit(_ request: InterfaceRequest, at address: UInt64, to out: inout Emitter) {
        guard address != 0, let bytes = read(address, count: layouts.ifreq.size) else { return }
        out.resumeStruct()
        defer { out.endStruct() }
        guard returned != nil else { return }
        printInterfaceRequestField(request, bytes, to: &out)
    }

    /// A request that sets a field: `{ifr_name="eth0", ifr_mtu=1400}`, NULL, or the address.
    func printInterfaceSetting(_ request: InterfaceRequest, at address: UInt64, to out: inout Emitter) {
        guard address != 0 else { return out.name("NULL") }
        guard let bytes = read(address, count: layouts.ifreq.size) else { return out.hex(address) }
        out.beginStruct()
        if case .bridgePort = request {
            printInterfaceRequestField(.index, bytes, to: &out)
            return out.endStruct()
        }
        appendInterfaceName(bytes, to: &out)
        printInterfaceRequestField(request, bytes, to: &out)
        out.endStruct()
    }

    private func printInterfaceRequestField(_ request: InterfaceRequest, _ bytes: UnsafeRawBufferPointer, to out: inout Emitter) {
        let union = UnsafeRawBufferPointer(rebasing: bytes[16...])
        switch request {
        case .index:
            out.field("ifr_ifindex")
            out.int(Int64(Int32(bitPattern: union.u32(0))))
        case .flags:
            out.field("ifr_flags")
            out.flags(UInt64(union.u16(0)), constants.interfaceFlags)
        case .mtu:
            out.field("ifr_mtu")
            out.int(Int64(Int32(bitPattern: union.u32(0))))
        case .metric:
            out.field("ifr_metric")
            out.int(Int64(Int32(bitPattern: union.u32(0))))
        case .queueLength:
            out.field("ifr_qlen")
            out.int(Int64(Int32(bitPattern: union.u32(0))))
        case .map:
            out.field("ifr_map")
            printInterfaceMap(union, to: &out)
        case .name:
            appendInterfaceName(bytes, to: &out)
        case .newName, .slave:
            if case .slave = request { out.field("ifr_slave") } else { out.field("ifr_newname") }
            out.bytes(union[0..<16].prefix { $0 != 0 })
        case .bridgePort:
            out.field("ifr_ifindex")
            out.int(Int64(Int32(bitPattern: union.u32(0))))
        case .address(let field):
            out.field(field)
            printSockaddr(UnsafeRawBufferPointer(rebasing: union[0..<16]), to: &out)
        case .hardwareAddress:
            out.field("ifr_hwaddr")
            out.beginStruct()
            out.field("sa_family")
            out.constant(UInt64(union.u16(0)), constants.arpHardwareTypes, unknown: "ARPHRD_???")
            out.field("sa_data")
            let family = union.u16(0)
            let data = UnsafeRawBufferPointer(rebasing: union[2..<16])
            let length = hardwareAddressLength(family)
            out.styled(number: { $0.hexBytes(data) },
                       decoded: { $0.hardwareAddress(UnsafeRawBufferPointer(rebasing: data[0..<length])) })
            out.endStruct()
        }
    }

    /// `{mem_start=0xd0000, mem_end=0, base_addr=0x300, irq=0x5, dma=0, port=0}`: struct ifmap,
    /// every field in hex.
    private func printInterfaceMap(_ union: UnsafeRawBufferPointer, to out: inout Emitter) {
        let layout = layouts.ifmap
        out.beginStruct()
        out.field("mem_start")
        out.hex(layout.memStart.unsigned(in: union))
        out.field("mem_end")
        out.hex(layout.memEnd.unsigned(in: union))
        out.field("base_addr")
        out.hex(layout.baseAddr.unsigned(in: union))
        out.field("irq")
        out.hex(layout.irq.unsigned(in: union))
        out.field("dma")
        out.hex(layout.dma.unsigned(in: union))
        out.field("port")
        out.hex(layout.port.unsigned(in: union))
        out.endStruct()
    }

    /// How many bytes of sa_data strace shows for a hardware type: the address length of the
    /// types it knows (6 for Ethernet-like ones, 7 for AX.25 and NET/ROM), the whole 14 otherwise.
    private func hardwareAddressLength(_ family: UInt16) -> Int {
        let types = constants.arpHardwareTypes
        func named(_ name: StaticString) -> Bool { types.value(named: name) == UInt64(family) }
        if named("ARPHRD_ETHER") || named("ARPHRD_LOOPBACK") || named("ARPHRD_IEEE802") { return 6 }
        if named("ARPHRD_NETROM") || named("ARPHRD_AX25") { return 7 }
        return 14
    }

    /// `ifr_name="lo"`: the name up to its NUL (16 bytes at most).
    func appendInterfaceName(_ bytes: UnsafeRawBufferPointer, to out: inout Emitter) {
        out.field("ifr_name")
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
