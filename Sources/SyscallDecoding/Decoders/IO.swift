/// Reading, writing and managing file descriptors: data transfer, offsets, descriptor tables,
/// pipes, fcntl/ioctl, syncing, readiness (poll, select, epoll), eventfd/signalfd, AIO and io_uring.
///
/// Offsets split over two registers on 32-bit ABIs are in `i386Specific`.
extension SyscallCatalog {
    static let io: [String: SyscallSignature] = [
        // Data transfer.
        "read": .init(.fd, .outBuffer, .ulong),
        "write": .init(.fd, .inBuffer(length: 2), .ulong),
        "pread64": .init(.fd, .outBuffer, .ulong, .long),
        "pwrite64": .init(.fd, .inBuffer(length: 2), .ulong, .long),
        "readv": .init(.fd, .hex, .ulong),
        "writev": .init(.fd, .hex, .ulong),
        "preadv": .init(.fd, .hex, .ulong, .long),
        "pwritev": .init(.fd, .hex, .ulong, .long),
        // The offset always takes two registers (strace prints it as one), then the flags.
        "preadv2": .init(.fd, .hex, .ulong, .hex, .hex, .hex),
        "pwritev2": .init(.fd, .hex, .ulong, .hex, .hex, .hex),
        "sendfile": .init(.fd, .fd, .hex, .ulong),
        "sendfile64": .init(.fd, .fd, .hex, .ulong),
        "splice": .init(.fd, .hex, .fd, .hex, .ulong, .hex),
        "tee": .init(.fd, .fd, .ulong, .hex),
        "vmsplice": .init(.fd, .hex, .ulong, .hex),
        "copy_file_range": .init(.fd, .hex, .fd, .hex, .ulong, .hex),

        // Offsets and file space.
        "lseek": .init(.fd, .long, .constant("seekWhence", \.seekWhence, unknown: "SEEK_???")),
        "readahead": .init(.fd, .long, .ulong),
        "fadvise64": .init(.fd, .long, .long, .constant("fadviseAdvice", \.fadviseAdvice, unknown: "POSIX_FADV_???")),
        "fallocate": .init(.fd, .hex, .long, .long),
        "sync_file_range": .init(.fd, .long, .long, .hex),

        // Syncing.
        "sync": .init(),
        "syncfs": .init(.fd),
        "fsync": .init(.fd),
        "fdatasync": .init(.fd),

        // The descriptor table.
        "close": .init(.fd),
        "close_range": .init(.uint, .uint, .hex),
        "dup": .init(.fd),
        "dup2": .init(.fd, .fd),
        "dup3": .init(.fd, .fd, .flags("dup3Flags", \.dup3Flags)),
        "pipe": .init(.pipeFds),
        "pipe2": .init(.pipeFds, .flags("pipeFlags", \.pipeFlags)),
        "flock": .init(.fd, .hex),
        "fcntl": .init(count: 3, returns: .fcntlResult, decoder: .fcntl),
        "fcntl64": .init(count: 3, returns: .fcntlResult, decoder: .fcntl),
        // The request by name; what the third argument points to is not decoded yet.

        // Readiness. poll and select also print the ready set after the return value.
        "poll": .init(.hex, .uint, .int, returns: .hex),
        "ppoll": .init(.hex, .uint, .hex, .hex, .ulong, returns: .hex),
        "ppoll_time64": .init(.hex, .uint, .hex, .hex, .ulong, returns: .hex),
        "select": .init(.int, .hex, .hex, .hex, .hex, returns: .hex),
        "_newselect": .init(.int, .hex, .hex, .hex, .hex, returns: .hex),
        "pselect6": .init(.int, .hex, .hex, .hex, .hex, .hex, returns: .hex),
        "pselect6_time64": .init(.int, .hex, .hex, .hex, .hex, .hex, returns: .hex),
        "epoll_create": .init(.int),
        "epoll_create1": .init(.hex),
        "epoll_ctl": .init(.fd, .hex, .fd, .hex),
        "epoll_wait": .init(.fd, .hex, .int, .int),
        "epoll_pwait": .init(.fd, .hex, .int, .int, .hex, .ulong),
        "epoll_pwait2": .init(.fd, .hex, .int, .hex, .hex, .ulong),
        "epoll_ctl_old": .init(.hex, .hex, .hex, .hex),
        "epoll_wait_old": .init(.hex, .hex, .hex, .hex),

        // Descriptors that deliver events.
        "eventfd": .init(.uint),
        "eventfd2": .init(.uint, .hex),
        "signalfd": .init(.fd, .hex, .ulong),
        "signalfd4": .init(.fd, .hex, .ulong, .hex),

        // Asynchronous I/O.
        "io_setup": .init(.uint, .hex),
        "io_destroy": .init(.pointer),
        "io_submit": .init(.pointer, .long, .hex),
        "io_cancel": .init(.pointer, .hex, .hex),
        "io_getevents": .init(.pointer, .long, .long, .hex, .hex),
        "io_pgetevents": .init(.pointer, .long, .long, .hex, .hex, .hex),
        "io_pgetevents_time64": .init(.pointer, .long, .long, .hex, .hex, .hex),
        "io_uring_setup": .init(.uint, .hex),
        "io_uring_enter": .init(.fd, .uint, .uint, .hex, .hex, .ulong),
        "io_uring_register": .init(.fd, .hex, .hex, .uint),
    ]
}

extension ArgPrinter {
    /// pipe's two descriptors, `[3, 4]`, filled at exit.
    static let pipeFds = ArgPrinter("pipeFds", phase: .exit) { value, context, out in
        let address = context.truncate(value)
        guard context.returned != nil, context.dereferences,
              let bytes = context.read(address, count: 8) else { return out.pointer(address) }
        let fds = FieldLayout(offset: 0, size: 4), second = FieldLayout(offset: 4, size: 4)
        out.beginArray()
        if out.element(0) {
            out.fd(Int32(truncatingIfNeeded: fds.signed(in: bytes)))
            if out.element(1) { out.fd(Int32(truncatingIfNeeded: second.signed(in: bytes))) }
        }
        out.endArray()
    }
}

extension CallDecoder {
    /// fcntl(2): the command by name, then its argument as that command reads it.
    static let fcntl = CallDecoder(entry: { context, out in
        out.fd(context.int32(0))
        out.raw(", ")
        let command = UInt64(UInt32(truncatingIfNeeded: context.call.args[1]))
        let constants = context.constants
        guard let name = constants.fcntlCommands.name(of: command) else {
            out.hex(command)
            out.raw(" /* F_??? */, ")
            out.hex(context.word(2))
            return
        }
        out.name(name)
        let argument = context.word(2)
        switch FcntlArgument(name) {
        case .none:
            break
        case .int:
            out.raw(", ")
            out.int(Int64(context.int32(2)))
        case .fdFlags:
            out.raw(", ")
            out.flags(argument & 0xffff_ffff, constants.fdFlags)
        case .openFlags:
            out.raw(", ")
            out.text.appendOpenFlags(UInt32(truncatingIfNeeded: argument), arch: context.call.arch)
        case .seals:
            out.raw(", ")
            out.flags(argument & 0xffff_ffff, constants.sealFlags)
        case .notify:
            out.raw(", ")
            out.flags(argument & 0xffff_ffff, constants.notifyFlags)
        case .lease:
            out.raw(", ")
            out.constant(argument & 0xffff_ffff, constants.lockTypes, unknown: "F_???")
        case .pointer:
            // struct flock and f_owner_ex are not decoded yet.
            out.raw(", ")
            out.pointer(argument)
        }
    })
}

/// What fcntl's third argument is, by command.
enum FcntlArgument {
    case none, int, fdFlags, openFlags, seals, notify, lease, pointer

    init(_ command: StaticString) {
        switch true {
        case Self.any(command, "F_GETFD", "F_GETFL", "F_GETOWN", "F_GETSIG", "F_GETLEASE", "F_GETPIPE_SZ", "F_GET_SEALS"):
            self = .none
        case Self.any(command, "F_DUPFD", "F_DUPFD_CLOEXEC", "F_SETOWN", "F_SETSIG", "F_SETPIPE_SZ"):
            self = .int
        case sameName(command, "F_SETFD"): self = .fdFlags
        case sameName(command, "F_SETFL"): self = .openFlags
        case sameName(command, "F_ADD_SEALS"): self = .seals
        case sameName(command, "F_NOTIFY"): self = .notify
        case sameName(command, "F_SETLEASE"): self = .lease
        default: self = .pointer
        }
    }

    private static func any(_ name: StaticString, _ candidates: StaticString...) -> Bool {
        candidates.contains { sameName(name, $0) }
    }
}

extension ReturnPrinter {
    /// fcntl's result: `0x1 (flags FD_CLOEXEC)` for F_GETFD, `0x8002 (flags O_RDWR|O_LARGEFILE)`
    /// for F_GETFL, a lease type for F_GETLEASE, seals for F_GET_SEALS, a number otherwise.
    static let fcntlResult = ReturnPrinter("fcntlResult") { value, context, out in
        let command = UInt64(UInt32(truncatingIfNeeded: context.call.args[1]))
        let constants = context.constants
        guard let name = constants.fcntlCommands.name(of: command) else { return out.int(value) }
        let bits = UInt64(bitPattern: value) & 0xffff_ffff
        if sameName(name, "F_GETFD"), value != 0 {
            out.hex(bits)
            out.raw(" (flags ")
            out.flags(bits, constants.fdFlags)
            out.raw(")")
        } else if sameName(name, "F_GETFL") {
            out.hex(bits)
            out.raw(" (flags ")
            out.text.appendOpenFlags(UInt32(bits), arch: context.call.arch)
            out.raw(")")
        } else if sameName(name, "F_GET_SEALS") {
            out.hex(bits)
            out.raw(" (seals ")
            out.flags(bits, constants.sealFlags)
            out.raw(")")
        } else if sameName(name, "F_GETLEASE") {
            out.constant(bits, constants.lockTypes, unknown: "F_???")
        } else {
            out.int(value)
        }
    }
}
