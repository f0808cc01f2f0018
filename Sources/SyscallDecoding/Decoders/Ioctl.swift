/// ioctl(2): the request by name (every name strace knows for its number, as `A or B`), or as
/// `_IOC(dir, type, nr, size)` when unknown, then its argument as that request takes it.
/// Request numbers come per ABI from the kernel headers (they encode the argument's size).
/// The table below says how each request's argument prints; the structs are printed by their
/// family's file (BlockIoctl, LoopIoctl, RandomIoctl, PerfIoctl, SeccompNotifyIoctl,
/// NamespaceIoctl, FileSystemIoctl, InterfaceIoctl, Termios); the families at the end of the
/// table list their requests in their own files, which print them (`.decoded`).
extension SyscallCatalog {
    static let ioctl: [String: SyscallSignature] = [
        "ioctl": .init(count: 3, returns: .ioctlResult, decoder: .ioctl),
    ]
}

/// How one request's third argument prints.
enum IoctlArgument {
    /// Not printed at all (FIOCLEX, BLKRRPART).
    case none
    /// A C `int` (TCSBRK's duration, LOOP_CTL_ADD's number).
    case integer
    /// A C `unsigned long` (BLKRASET, LOOP_SET_BLOCK_SIZE).
    case unsignedLong
    /// A descriptor (LOOP_SET_FD; `-y` adds its path).
    case descriptor
    /// A value named from a table (TCFLSH's queue).
    case named(KeyPath<ABIConstants, ConstantTable> & Sendable, unknown: StaticString)
    /// Flags passed as the argument itself (PERF_EVENT_IOC_ENABLE's PERF_IOC_FLAG_GROUP).
    case flags(KeyPath<ABIConstants, FlagTable> & Sendable, unknown: StaticString)
    /// One value the tracee passes by address (`[1]`), printed at entry.
    case valueIn(IoctlValue)
    /// One value the kernel writes (`[0]`), printed at exit.
    case valueOut(IoctlValue)
    /// A NUL-terminated string passed in (PERF_EVENT_IOC_SET_FILTER, FS_IOC_SETFSLABEL).
    case string
    /// A string the kernel writes, of at most this many bytes (FS_IOC_GETFSLABEL).
    case stringOut(Int)
    /// One character passed by address (TIOCSTI): `"x"`.
    case character
    /// A struct passed in, printed at entry.
    case structIn(IoctlStruct)
    /// A struct the kernel fills in, printed at exit.
    case structOut(IoctlStruct)
    /// A struct read at entry and written back: `{...} => {...}` (the address after a failure).
    case structInOut(IoctlStruct)
    /// struct fiemap: the request at entry, the answer at exit.
    case fiemap
    /// struct file_dedupe_range: the ranges at entry, each destination's result at exit.
    case dedupeRange
    /// struct blk_user_trace_setup: the settings at entry, the trace's name at exit.
    case blockTraceSetup
    /// struct ifreq: the interface named at entry, the field filled in at exit.
    case interfaceRequest(InterfaceRequest)
    /// struct ifreq that sets a field: name and field at entry (SIOCSIFFLAGS).
    case interfaceSetting(InterfaceRequest)
    /// struct ifconf (SIOCGIFCONF).
    case interfaceConfiguration
    /// PERF_EVENT_IOC_QUERY_BPF's struct: its length at entry, the rest at exit.
    case perfQueryBpf
    /// Printed by the family's own file, at entry and at exit.
    case decoded(IoctlDecoding)
    /// The console's KD* arguments (ConsoleIoctl.swift).
    case console(ConsoleArgument)
    /// GPIO's arguments (GpioIoctl.swift).
    case gpio(GpioArgument)
    /// v4l2's arguments (V4l2Ioctl.swift).
    case v4l2(V4l2Argument)
    /// UBI's arguments (UbiIoctl.swift).
    case ubi(UbiArgument)
    /// Not decoded: the register in hex.
    case address
}

/// A family file's printers for one request's argument (given its address): what the entry
/// shows, and what the exit adds; nil where that half adds nothing.
struct IoctlDecoding: Sendable {
    typealias Printer = @Sendable (inout DecodeContext, UInt64, inout Emitter) -> Void
    var entry: Printer? = nil
    var exit: Printer? = nil
}

/// A single value behind the argument's address.
enum IoctlValue {
    case int, uint, ushort, ulong, u64, hex64, modemLines, inodeFlags
}

/// The structs ioctl arguments point to, each printed by its family's file.
enum IoctlStruct {
    case windowSize, termios, termios2, termio
    case discardRange, blockPartition
    case loopInfo, loopInfo64, loopConfig
    case randomPool
    case seccompNotification, seccompResponse, seccompAddFd
    case fsxattr, fsxattrSet, cloneRange, trimRange
    case perfEventAttr
}

/// Every request whose argument is decoded: the families of this file, then one line per family
/// decoded in a file of its own.
private let requestArguments = coreRequestArguments
    + userfaultfdRequestArguments  // UserfaultfdIoctl.swift
    + inotifyRequestArguments  // InotifyIoctl.swift
    + rtcRequestArguments  // RtcIoctl.swift
    + watchdogRequestArguments  // WatchdogIoctl.swift
    + evdevRequestArguments  // EvdevIoctl.swift
    + nbdRequestArguments  // NbdIoctl.swift
    + hdioRequestArguments  // HdioIoctl.swift
    + btrfsRequestArguments  // BtrfsIoctl.swift

private let coreRequestArguments: [(name: StaticString, argument: IoctlArgument)] = [
    // Terminals (Termios.swift).
    ("FIOCLEX", .none), ("FIONCLEX", .none), ("TIOCNOTTY", .none), ("TIOCEXCL", .none), ("TIOCNXCL", .none),
    ("TIOCSBRK", .none), ("TIOCCBRK", .none), ("TIOCVHANGUP", .none), ("TIOCCONS", .none),
    ("TCSBRK", .integer), ("TCSBRKP", .integer), ("TIOCSCTTY", .integer), ("FICLONE", .integer),
    ("TCXONC", .named(\.terminalFlowActions, unknown: "TC???")),
    ("TCFLSH", .named(\.terminalFlushQueues, unknown: "TC???")), ("TIOCSSERIAL", .none),
    ("TIOCGPGRP", .valueOut(.int)), ("TIOCGSID", .valueOut(.int)), ("FIONREAD", .valueOut(.int)),
    ("TIOCOUTQ", .valueOut(.int)), ("TIOCGPTN", .valueOut(.int)), ("TIOCGETD", .valueOut(.int)),
    ("TIOCGPTLCK", .valueOut(.int)), ("TIOCGPKT", .valueOut(.int)), ("TIOCGEXCL", .valueOut(.int)),
    ("TIOCGSOFTCAR", .valueOut(.int)), ("TIOCGDEV", .valueOut(.uint)), ("TIOCMGET", .valueOut(.modemLines)),
    ("TIOCSPGRP", .valueIn(.int)), ("FIONBIO", .valueIn(.int)), ("TIOCSPTLCK", .valueIn(.int)),
    ("FIOASYNC", .valueIn(.int)), ("TIOCSETD", .valueIn(.int)), ("TIOCPKT", .valueIn(.int)),
    ("TIOCSSOFTCAR", .valueIn(.int)),
    ("TIOCMBIS", .valueIn(.modemLines)), ("TIOCMBIC", .valueIn(.modemLines)), ("TIOCMSET", .valueIn(.modemLines)),
    ("TIOCSTI", .character),
    ("TIOCGWINSZ", .structOut(.windowSize)), ("TIOCSWINSZ", .structIn(.windowSize)),
    ("TCGETS", .structOut(.termios)), ("TCSETS", .structIn(.termios)), ("TCSETSW", .structIn(.termios)),
    ("TCSETSF", .structIn(.termios)), ("TIOCGLCKTRMIOS", .structOut(.termios)),
    ("TIOCSLCKTRMIOS", .structIn(.termios)), ("TCGETS2", .structOut(.termios2)), ("TCSETS2", .structIn(.termios2)),
    ("TCSETSW2", .structIn(.termios2)), ("TCSETSF2", .structIn(.termios2)),
    ("TCGETA", .structOut(.termio)), ("TCSETA", .structIn(.termio)), ("TCSETAW", .structIn(.termio)),
    ("TCSETAF", .structIn(.termio)),
    // File systems (FileSystemIoctl.swift).
    ("FS_IOC_GETFLAGS", .valueOut(.inodeFlags)), ("FS_IOC_SETFLAGS", .valueIn(.inodeFlags)),
    ("FS_IOC32_GETFLAGS", .valueOut(.inodeFlags)), ("FS_IOC32_SETFLAGS", .valueIn(.inodeFlags)),
    ("FS_IOC_FIEMAP", .fiemap), ("FS_IOC_FSGETXATTR", .structOut(.fsxattr)),
    ("FS_IOC_FSSETXATTR", .structIn(.fsxattrSet)), ("FICLONERANGE", .structIn(.cloneRange)),
    ("FIDEDUPERANGE", .dedupeRange), ("FITRIM", .structIn(.trimRange)),
    ("FIFREEZE", .none), ("FITHAW", .none),
    ("FS_IOC_SETFSLABEL", .string), ("FS_IOC_GETFSLABEL", .stringOut(256)),
    // Block devices (BlockIoctl.swift).
    ("BLKRRPART", .none), ("BLKFLSBUF", .none), ("BLKTRACESTART", .none), ("BLKTRACESTOP", .none),
    ("BLKTRACETEARDOWN", .none), ("BLKRASET", .unsignedLong), ("BLKFRASET", .unsignedLong),
    ("BLKROSET", .valueIn(.int)), ("BLKBSZSET", .valueIn(.int)),
    ("BLKROGET", .valueOut(.int)), ("BLKSSZGET", .valueOut(.int)), ("BLKBSZGET", .valueOut(.int)),
    ("BLKALIGNOFF", .valueOut(.int)), ("BLKIOMIN", .valueOut(.uint)), ("BLKIOOPT", .valueOut(.uint)),
    ("BLKPBSZGET", .valueOut(.uint)), ("BLKDISCARDZEROES", .valueOut(.uint)),
    ("BLKSECTGET", .valueOut(.ushort)), ("BLKROTATIONAL", .valueOut(.ushort)),
    ("BLKGETSIZE", .valueOut(.ulong)), ("BLKRAGET", .valueOut(.ulong)), ("BLKFRAGET", .valueOut(.ulong)),
    ("BLKGETSIZE64", .valueOut(.u64)), ("BLKGETDISKSEQ", .valueOut(.u64)),
    ("BLKDISCARD", .structIn(.discardRange)), ("BLKSECDISCARD", .structIn(.discardRange)),
    ("BLKZEROOUT", .structIn(.discardRange)), ("BLKPG", .structIn(.blockPartition)),
    ("BLKTRACESETUP", .blockTraceSetup),
    // Loop devices (LoopIoctl.swift).
    ("LOOP_SET_FD", .descriptor), ("LOOP_CHANGE_FD", .integer), ("LOOP_CLR_FD", .none),
    ("LOOP_SET_CAPACITY", .none), ("LOOP_CTL_GET_FREE", .none), ("LOOP_CTL_ADD", .integer),
    ("LOOP_CTL_REMOVE", .integer), ("LOOP_SET_DIRECT_IO", .unsignedLong), ("LOOP_SET_BLOCK_SIZE", .unsignedLong),
    ("LOOP_SET_STATUS", .structIn(.loopInfo)), ("LOOP_GET_STATUS", .structOut(.loopInfo)),
    ("LOOP_SET_STATUS64", .structIn(.loopInfo64)), ("LOOP_GET_STATUS64", .structOut(.loopInfo64)),
    ("LOOP_CONFIGURE", .structIn(.loopConfig)),
    // The random device (RandomIoctl.swift).
    ("RNDGETENTCNT", .valueOut(.int)), ("RNDADDTOENTCNT", .valueIn(.int)), ("RNDZAPENTCNT", .none),
    ("RNDCLEARPOOL", .none), ("RNDRESEEDCRNG", .none), ("RNDADDENTROPY", .structIn(.randomPool)),
    // perf events (PerfIoctl.swift).
    ("PERF_EVENT_IOC_ENABLE", .flags(\.perfIoctlFlags, unknown: "PERF_IOC_FLAG_???")),
    ("PERF_EVENT_IOC_DISABLE", .flags(\.perfIoctlFlags, unknown: "PERF_IOC_FLAG_???")),
    ("PERF_EVENT_IOC_RESET", .flags(\.perfIoctlFlags, unknown: "PERF_IOC_FLAG_???")),
    ("PERF_EVENT_IOC_REFRESH", .integer), ("PERF_EVENT_IOC_PAUSE_OUTPUT", .integer),
    ("PERF_EVENT_IOC_SET_OUTPUT", .descriptor), ("PERF_EVENT_IOC_SET_BPF", .descriptor),
    ("PERF_EVENT_IOC_PERIOD", .valueIn(.u64)), ("PERF_EVENT_IOC_ID", .valueOut(.u64)),
    ("PERF_EVENT_IOC_SET_FILTER", .string), ("PERF_EVENT_IOC_QUERY_BPF", .perfQueryBpf),
    ("PERF_EVENT_IOC_MODIFY_ATTRIBUTES", .structIn(.perfEventAttr)),
    // seccomp user notification (SeccompNotifyIoctl.swift).
    ("SECCOMP_IOCTL_NOTIF_SEND", .structIn(.seccompResponse)), ("SECCOMP_IOCTL_NOTIF_ADDFD", .structIn(.seccompAddFd)),
    ("SECCOMP_IOCTL_NOTIF_ID_VALID", .valueIn(.hex64)),
    ("SECCOMP_IOCTL_NOTIF_RECV", .structInOut(.seccompNotification)),
    // Namespaces (the results: NamespaceIoctl.swift).
    ("NS_GET_USERNS", .none), ("NS_GET_PARENT", .none), ("NS_GET_NSTYPE", .none), ("NS_GET_OWNER_UID", .valueOut(.uint)),
    // Sockets and network interfaces (InterfaceIoctl.swift).
    ("FIOSETOWN", .valueIn(.int)), ("SIOCSPGRP", .valueIn(.int)), ("FIOGETOWN", .valueOut(.int)),
    ("SIOCGPGRP", .valueOut(.int)), ("SIOCATMARK", .valueOut(.int)),
    ("SIOCGIFINDEX", .interfaceRequest(.index)), ("SIOCGIFFLAGS", .interfaceRequest(.flags)),
    ("SIOCGIFMTU", .interfaceRequest(.mtu)), ("SIOCGIFNAME", .interfaceRequest(.name)),
    ("SIOCGIFMETRIC", .interfaceRequest(.metric)), ("SIOCGIFTXQLEN", .interfaceRequest(.queueLength)),
    ("SIOCGIFMAP", .interfaceRequest(.map)),
    ("SIOCGIFADDR", .interfaceRequest(.address("ifr_addr"))),
    ("SIOCGIFDSTADDR", .interfaceRequest(.address("ifr_dstaddr"))),
    ("SIOCGIFBRDADDR", .interfaceRequest(.address("ifr_broadaddr"))),
    ("SIOCGIFNETMASK", .interfaceRequest(.address("ifr_netmask"))),
    ("SIOCGIFHWADDR", .interfaceRequest(.hardwareAddress)), ("SIOCGIFCONF", .interfaceConfiguration),
    ("SIOCSIFFLAGS", .interfaceSetting(.flags)), ("SIOCSIFMTU", .interfaceSetting(.mtu)),
    ("SIOCSIFMETRIC", .interfaceSetting(.metric)), ("SIOCSIFTXQLEN", .interfaceSetting(.queueLength)),
    ("SIOCSIFMAP", .interfaceSetting(.map)), ("SIOCSIFNAME", .interfaceSetting(.newName)),
    ("SIOCSIFADDR", .interfaceSetting(.address("ifr_addr"))),
    ("SIOCSIFDSTADDR", .interfaceSetting(.address("ifr_dstaddr"))),
    ("SIOCSIFBRDADDR", .interfaceSetting(.address("ifr_broadaddr"))),
    ("SIOCSIFNETMASK", .interfaceSetting(.address("ifr_netmask"))),
    ("SIOCSIFHWADDR", .interfaceSetting(.hardwareAddress)), ("SIOCADDMULTI", .interfaceSetting(.hardwareAddress)),
    ("SIOCDELMULTI", .interfaceSetting(.hardwareAddress)), ("SIOCSIFHWBROADCAST", .interfaceSetting(.hardwareAddress)),
    ("SIOCGIFSLAVE", .interfaceRequest(.slave)), ("SIOCSIFSLAVE", .interfaceSetting(.slave)),
    ("SIOCBRADDIF", .interfaceSetting(.bridgePort)), ("SIOCBRDELIF", .interfaceSetting(.bridgePort)),
    ("SIOCBRADDBR", .string), ("SIOCBRDELBR", .string),
    ("SIOCSIFENCAP", .valueIn(.int)), ("SIOCGIFENCAP", .valueOut(.int)),
] + consoleRequestArguments + gpioRequestArguments + v4l2RequestArguments
    + ubiRequestArguments

extension CallDecoder {
    static let ioctl = CallDecoder(entry: { context, out in
        out.fd(context.int32(0))
        out.raw(", ")
        let request = UInt64(UInt32(truncatingIfNeeded: context.call.args[1]))
        context.printIoctlRequest(request, to: &out)
        let argument = context.ioctlArgument(request)
        if case .none = argument { return }
        out.raw(", ")
        let address = context.word(2)
        switch argument {
        case .none, .valueOut, .structOut, .stringOut:
            return
        case .integer:
            out.int(Int64(context.int32(2)))
        case .unsignedLong:
            out.uint(address)
        case .descriptor:
            out.fd(context.int32(2))
        case .named(let table, let unknown):
            // A named argument is a number in hex for `-X raw` and `-X verbose`, as strace prints it.
            let value = UInt64(UInt32(truncatingIfNeeded: context.call.args[2]))
            let names = context.constants(table)
            if out.constantStyle == .abbrev || (out.constantStyle == .verbose && names.name(of: value) == nil) {
                out.constant(value, names, unknown: unknown)
            } else {
                out.hexConstant(value, names)
            }
        case .flags(let table, let unknown):
            out.flags(address, context.constants(table), unknown: unknown)
        case .valueIn(let value):
            context.printIoctlValue(value, at: address, to: &out)
        case .string:
            context.printCString(at: address, limit: context.options.stringLimit, to: &out)
        case .character:
            context.printBuffer(at: address, length: 1, to: &out)
        case .structIn(let kind), .structInOut(let kind):
            context.printIoctlStruct(kind, at: address, to: &out)
        case .fiemap:
            context.printFiemapRequest(at: address, to: &out)
        case .dedupeRange:
            context.printDedupeRange(at: address, to: &out)
        case .blockTraceSetup:
            context.printBlockTraceSetupEntry(at: address, to: &out)
        case .interfaceRequest(let request):
            context.printInterfaceRequestEntry(request, at: address, to: &out)
        case .interfaceSetting(let request):
            context.printInterfaceSetting(request, at: address, to: &out)
        case .interfaceConfiguration:
            context.keepInterfaceConfigurationLength(at: address)
        case .perfQueryBpf:
            context.printPerfQueryBpfEntry(at: address, to: &out)
        case .decoded(let decoding):
            decoding.entry?(&context, address, &out)
        case .console(let kind):
            context.printConsoleArgument(kind, to: &out)
        case .gpio(let kind):
            context.printGpioArgument(kind, to: &out)
        case .v4l2(let kind):
            context.printV4l2Argument(kind, to: &out)
        case .ubi(let kind):
            context.printUbiArgument(kind, to: &out)
        case .address:
            out.hex(address)
        }
    }, exit: { context, out in
        let request = UInt64(UInt32(truncatingIfNeeded: context.call.args[1]))
        let address = context.word(2)
        switch context.ioctlArgument(request) {
        case .valueOut(let value):
            if context.returned == nil { return out.pointer(address) }
            context.printIoctlValue(value, at: address, to: &out)
        case .structOut(let kind):
            if context.returned == nil { return out.pointer(address) }
            context.printIoctlStruct(kind, at: address, to: &out)
        case .structInOut(let kind):
            guard address != 0, context.read(address, count: 1) != nil else { return }
            out.changed()
            if context.returned == nil { return out.pointer(address) }
            context.printIoctlStruct(kind, at: address, to: &out)
        case .stringOut(let limit):
            if context.returned == nil { return out.pointer(address) }
            context.printCString(at: address, limit: min(limit, context.options.stringLimit), to: &out)
        case .fiemap:
            context.printFiemapAnswer(at: address, to: &out)
        case .dedupeRange:
            context.printDedupeAnswer(at: address, to: &out)
        case .blockTraceSetup:
            context.printBlockTraceSetupExit(at: address, to: &out)
        case .interfaceRequest(let request):
            context.printInterfaceRequestExit(request, at: address, to: &out)
        case .interfaceConfiguration:
            context.printInterfaceConfiguration(at: address, to: &out)
        case .perfQueryBpf:
            context.printPerfQueryBpfExit(at: address, to: &out)
        case .decoded(let decoding):
            decoding.exit?(&context, address, &out)
        default:
            return
        }
    })
}

extension ReturnPrinter {
    /// ioctl's result: a namespace's type (`268435456 (CLONE_NEWUSER)`) for NS_GET_NSTYPE, a
    /// new descriptor for NS_GET_USERNS and NS_GET_PARENT (`-y`: with its path), a number otherwise.
    static let ioctlResult = ReturnPrinter("ioctlResult") { value, context, out in
        let request = UInt64(UInt32(truncatingIfNeeded: context.call.args[1]))
        context.printIoctlResult(value, request: request, to: &out)
    }
}

extension DecodeContext {
    /// How `request`'s argument prints: found by the names of its number (usually one), so the
    /// table's names are compared only for a number the ABI's table knows.
    fileprivate func ioctlArgument(_ request: UInt64) -> IoctlArgument {
        for entry in constants.ioctlRequests.entries where entry.value == request {
            for known in requestArguments where sameName(known.name, entry.name) { return known.argument }
        }
        if let argument = evdevVariableArgument(request) { return argument }  // EvdevIoctl.swift
        return .address
    }

    /// `[1]`: the one value at `address`; NULL, or the address when unreadable.
    func printIoctlValue(_ value: IoctlValue, at address: UInt64, to out: inout Emitter) {
        guard address != 0 else { return out.name("NULL") }
        if case .inodeFlags = value { return printInodeFlags(at: address, to: &out) }
        let size: Int
        switch value {
        case .ushort: size = 2
        case .ulong: size = wordSize
        case .u64, .hex64: size = 8
        default: size = 4
        }
        guard let bytes = read(address, count: size) else { return out.pointer(address) }
        out.beginArray()
        out.element()
        switch value {
        case .int: out.int(Int64(Int32(bitPattern: bytes.u32(0))))
        case .uint: out.uint(UInt64(bytes.u32(0)))
        case .ushort: out.uint(UInt64(bytes.u16(0)))
        case .ulong: out.uint(size == 4 ? UInt64(bytes.u32(0)) : bytes.u64(0))
        case .u64: out.uint(bytes.u64(0))
        case .hex64: out.hex(bytes.u64(0))
        case .modemLines: out.flags(UInt64(bytes.u32(0)), constants.modemLines)
        case .inodeFlags: break
        }
        out.endArray()
    }

    /// The struct at `address` as its family prints it; NULL, or the address when unreadable.
    func printIoctlStruct(_ kind: IoctlStruct, at address: UInt64, to out: inout Emitter) {
        switch kind {
        case .windowSize: printWindowSize(at: address, to: &out)
        case .termios: printTermios(at: address, to: &out)
        case .termios2: printTermios2(at: address, to: &out)
        case .termio: printTermio(at: address, to: &out)
        case .discardRange: printDiscardRange(at: address, to: &out)
        case .blockPartition: printBlockPartitionRequest(at: address, to: &out)
        case .loopInfo: printLoopInfo(at: address, to: &out)
        case .loopInfo64: printLoopInfo64(at: address, to: &out)
        case .loopConfig: printLoopConfig(at: address, to: &out)
        case .randomPool: printRandomPool(at: address, to: &out)
        case .seccompNotification: printSeccompNotification(at: address, to: &out)
        case .seccompResponse: printSeccompResponse(at: address, to: &out)
        case .seccompAddFd: printSeccompAddFd(at: address, to: &out)
        case .fsxattr: printFsxattr(at: address, withExtents: true, to: &out)
        case .fsxattrSet: printFsxattr(at: address, withExtents: false, to: &out)
        case .cloneRange: printCloneRange(at: address, to: &out)
        case .trimRange: printTrimRange(at: address, to: &out)
        case .perfEventAttr: printPerfModifiedAttributes(at: address, to: &out)
        }
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
        if printEvdevRequestName(request, to: &out) { return }  // EvdevIoctl.swift: EVIOCGNAME(64), ...
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
