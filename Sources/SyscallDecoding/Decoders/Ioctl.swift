/// ioctl(2): the request by name (every name strace knows for its number, as `A or B`), or as
/// `_IOC(dir, type, nr, size)` when unknown, then its argument as that request takes it.
/// Request numbers come per ABI from the kernel headers (they encode the argument's size).
extension SyscallCatalog {
    static let ioctl: [String: SyscallSignature] = [
        "ioctl": .init(count: 3, decoder: .ioctl),
    ]
}

/// How one request's third argument prints.
private enum IoctlArgument {
    /// Not printed at all (FIOCLEX).
    case none
    /// A number (TCSBRK's duration, FICLONE's source fd).
    case integer
    /// A value named from a table (TCFLSH's queue).
    case named(KeyPath<ABIConstants, ConstantTable> & Sendable)
    /// An int the tracee passes by address (`[1]`), printed at entry.
    case intIn
    /// An int the kernel writes (`[0]`), printed at exit.
    case intOut
    /// struct winsize, passed in or read back.
    case windowSizeIn, windowSizeOut
    /// struct termios, passed in (TCSETS*) or read back (TCGETS).
    case termiosIn, termiosOut
    /// An int of inode flags, passed in (FS_IOC_SETFLAGS) or read back (FS_IOC_GETFLAGS).
    case inodeFlagsIn, inodeFlagsOut
    /// struct fiemap: the request at entry, the answer at exit.
    case fiemap
    /// struct ifreq: the interface named at entry, the field filled in at exit.
    case interfaceRequest(InterfaceRequest)
    /// struct ifconf (SIOCGIFCONF).
    case interfaceConfiguration
    /// A struct not decoded yet (the old termio): its address, `NULL` for 0 as strace prints it.
    case structAddress
    /// Not decoded: the register in hex.
    case address
}

private let requestArguments: [(name: StaticString, argument: IoctlArgument)] = [
    ("FIOCLEX", .none), ("FIONCLEX", .none), ("TIOCNOTTY", .none), ("TIOCEXCL", .none), ("TIOCNXCL", .none),
    ("TIOCSBRK", .none), ("TIOCCBRK", .none), ("TIOCVHANGUP", .none),
    ("TCSBRK", .integer), ("TCSBRKP", .integer), ("TIOCSCTTY", .integer), ("FICLONE", .integer),
    ("TCXONC", .named(\.terminalFlowActions)), ("TCFLSH", .named(\.terminalFlushQueues)),
    ("TIOCGPGRP", .intOut), ("TIOCGSID", .intOut), ("FIONREAD", .intOut), ("TIOCOUTQ", .intOut),
    ("TIOCGPTN", .intOut), ("TIOCGETD", .intOut), ("TIOCMGET", .intOut), ("TIOCGPTLCK", .intOut),
    ("TIOCGPKT", .intOut), ("TIOCGEXCL", .intOut), ("TIOCGSOFTCAR", .intOut),
    ("TIOCSPGRP", .intIn), ("FIONBIO", .intIn), ("TIOCSPTLCK", .intIn), ("FIOASYNC", .intIn), ("TIOCSETD", .intIn),
    ("TIOCMBIS", .intIn), ("TIOCMBIC", .intIn), ("TIOCMSET", .intIn), ("TIOCPKT", .intIn), ("TIOCSSOFTCAR", .intIn),
    ("TIOCGWINSZ", .windowSizeOut), ("TIOCSWINSZ", .windowSizeIn),
    ("TCGETS", .termiosOut), ("TCSETS", .termiosIn), ("TCSETSW", .termiosIn), ("TCSETSF", .termiosIn),
    ("TCGETA", .structAddress), ("TCSETA", .structAddress), ("TCSETAW", .structAddress), ("TCSETAF", .structAddress),
    ("FS_IOC_GETFLAGS", .inodeFlagsOut), ("FS_IOC_SETFLAGS", .inodeFlagsIn), ("FS_IOC_FIEMAP", .fiemap),
    ("FS_IOC32_GETFLAGS", .inodeFlagsOut), ("FS_IOC32_SETFLAGS", .inodeFlagsIn),
    ("SIOCGIFINDEX", .interfaceRequest(.index)), ("SIOCGIFFLAGS", .interfaceRequest(.flags)),
    ("SIOCGIFMTU", .interfaceRequest(.mtu)), ("SIOCGIFNAME", .interfaceRequest(.name)),
    ("SIOCGIFADDR", .interfaceRequest(.address("ifr_addr"))),
    ("SIOCGIFDSTADDR", .interfaceRequest(.address("ifr_dstaddr"))),
    ("SIOCGIFBRDADDR", .interfaceRequest(.address("ifr_broadaddr"))),
    ("SIOCGIFNETMASK", .interfaceRequest(.address("ifr_netmask"))),
    ("SIOCGIFHWADDR", .interfaceRequest(.hardwareAddress)), ("SIOCGIFCONF", .interfaceConfiguration),
]

extension CallDecoder {
    static let ioctl = CallDecoder(entry: { context, out in
        out.fd(context.int32(0))
        out.raw(", ")
        let request = UInt64(UInt32(truncatingIfNeeded: context.call.args[1]))
        context.printIoctlRequest(request, to: &out)
        let argument = context.ioctlArgument(request)
        switch argument {
        case .none:
            return
        case .intOut, .windowSizeOut, .termiosOut, .inodeFlagsOut:
            out.raw(", ")
        case .integer:
            out.raw(", ")
            out.int(Int64(context.int32(2)))
        case .named(let table):
            out.raw(", ")
            // A named argument is a number in hex for `-X raw` and `-X verbose`, as strace prints it.
            let value = UInt64(UInt32(truncatingIfNeeded: context.call.args[2]))
            if out.constantStyle == .abbrev {
                out.constant(value, context.constants[keyPath: table])
            } else {
                out.hexConstant(value, context.constants[keyPath: table])
            }
        case .intIn:
            out.raw(", ")
            context.printIntArray1OrNull(at: context.word(2), to: &out)
        case .windowSizeIn:
            out.raw(", ")
            context.printWindowSize(at: context.word(2), to: &out)
        case .termiosIn:
            out.raw(", ")
            context.printTermios(at: context.word(2), to: &out)
        case .inodeFlagsIn:
            out.raw(", ")
            context.printInodeFlags(at: context.word(2), to: &out)
        case .fiemap:
            out.raw(", ")
            context.printFiemapRequest(at: context.word(2), to: &out)
        case .interfaceRequest(let request):
            out.raw(", ")
            context.printInterfaceRequestEntry(request, at: context.word(2), to: &out)
        case .interfaceConfiguration:
            out.raw(", ")
            context.keepInterfaceConfigurationLength(at: context.word(2))
        case .structAddress:
            out.raw(", ")
            out.pointer(context.word(2))
        case .address:
            out.raw(", ")
            out.hex(context.word(2))
        }
    }, exit: { context, out in
        let request = UInt64(UInt32(truncatingIfNeeded: context.call.args[1]))
        let address = context.word(2)
        switch context.ioctlArgument(request) {
        case .intOut:
            if context.returned == nil { return out.pointer(address) }
            context.printIntArray1OrNull(at: address, to: &out)
        case .windowSizeOut:
            if context.returned == nil { return out.pointer(address) }
            context.printWindowSize(at: address, to: &out)
        case .termiosOut:
            if context.returned == nil { return out.pointer(address) }
            context.printTermios(at: address, to: &out)
        case .inodeFlagsOut:
            if context.returned == nil { return out.pointer(address) }
            context.printInodeFlags(at: address, to: &out)
        case .fiemap:
            context.printFiemapAnswer(at: address, to: &out)
        case .interfaceRequest(let request):
            context.printInterfaceRequestExit(request, at: address, to: &out)
        case .interfaceConfiguration:
            context.printInterfaceConfiguration(at: address, to: &out)
        default:
            return
        }
    })
}

extension DecodeContext {
    fileprivate func ioctlArgument(_ request: UInt64) -> IoctlArgument {
        let table = constants.ioctlRequests
        for entry in requestArguments {
            if let value = table.value(named: entry.name), value == request { return entry.argument }
        }
        return .address
    }

    /// `TCGETS`, `SNDCTL_TMR_START or TCSETS` (names in byte order), or
    /// `_IOC(_IOC_READ, 0x12, 0x34, 0x8)`.
    func printIoctlRequest(_ request: UInt64, to out: inout Emitter) {
        switch out.constantStyle {
        case .abbrev:
            printIoctlRequestName(request, to: &out)
        case .raw:
            out.hex(request)
        case .verbose:
            out.hex(request)
            out.raw(" /* ")
            printIoctlRequestName(request, to: &out)
            out.raw(" */")
        }
    }

    private func printIoctlRequestName(_ request: UInt64, to out: inout Emitter) {
        let entries = constants.ioctlRequests.entries
        var printed: StaticString? = nil
        out.beginOperation(.either)
        defer { out.endOperation() }
        // Every name of this number, smallest first: a handful of names at most share one.
        while true {
            var next: StaticString? = nil
            for entry in entries where entry.value == request {
                if let last = printed, !nameIsBefore(last, entry.name) { continue }
                if let candidate = next, !nameIsBefore(entry.name, candidate) { continue }
                next = entry.name
            }
            guard let name = next else { break }
            out.operand()
            out.name(name)
            printed = name
        }
        if printed != nil { return }
        let direction = request >> 30, size = (request >> 16) & 0x3fff
        out.operand()
        out.beginCall("_IOC")
        out.element()
        switch direction {
        case 0: out.name("_IOC_NONE")
        case 1: out.name("_IOC_WRITE")
        case 2: out.name("_IOC_READ")
        default:
            out.beginOperation(.or)
            out.operand()
            out.name("_IOC_READ")
            out.operand()
            out.name("_IOC_WRITE")
            out.endOperation()
        }
        out.element()
        out.hex((request >> 8) & 0xff)
        out.element()
        out.hex(request & 0xff)
        out.element()
        out.hex(size)
        out.endCall()
    }

    /// `[1]`, `NULL`, or the address when unreadable.
    func printIntArray1OrNull(at address: UInt64, to out: inout Emitter) {
        guard address != 0 else { return out.name("NULL") }
        printIntArray1(at: address, to: &out)
    }

    /// `{ws_row=24, ws_col=80, ws_xpixel=0, ws_ypixel=0}`.
    func printWindowSize(at address: UInt64, to out: inout Emitter) {
        guard address != 0 else { return out.name("NULL") }
        guard let bytes = read(address, count: 8) else { return out.pointer(address) }
        out.beginStruct()
        out.field("ws_row")
        out.uint(UInt64(bytes.u16(0)))
        out.field("ws_col")
        out.uint(UInt64(bytes.u16(2)))
        out.field("ws_xpixel")
        out.uint(UInt64(bytes.u16(4)))
        out.field("ws_ypixel")
        out.uint(UInt64(bytes.u16(6)))
        out.endStruct()
    }
}

/// Byte order of two names (strace lists the names of one number alphabetically).
private func nameIsBefore(_ a: StaticString, _ b: StaticString) -> Bool {
    let common = min(a.utf8CodeUnitCount, b.utf8CodeUnitCount)
    for index in 0..<common where a.utf8Start[index] != b.utf8Start[index] {
        return a.utf8Start[index] < b.utf8Start[index]
    }
    return a.utf8CodeUnitCount < b.utf8CodeUnitCount
}
