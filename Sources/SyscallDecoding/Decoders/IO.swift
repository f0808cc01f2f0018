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
        "readv": .init(.fd, .iovecsOut, .ulong),
        "writev": .init(.fd, .iovecsIn(count: 2), .ulong),
        // The offset takes two registers (low, high), read as one; x86_64's strace counts preadv's as one.
        "preadv": .init(count: 4, decoder: .vectoredAtOffset(writes: false, flags: false)),
        "pwritev": .init(count: 4, decoder: .vectoredAtOffset(writes: true, flags: false)),
        "preadv2": .init(count: 6, decoder: .vectoredAtOffset(writes: false, flags: true)),
        "pwritev2": .init(count: 6, decoder: .vectoredAtOffset(writes: true, flags: true)),
        "sendfile": .init(count: 4, decoder: .sendfile(offsetIsWord: true)),
        "sendfile64": .init(count: 4, decoder: .sendfile(offsetIsWord: false)),
        "splice": .init(.fd, .offsetIn, .fd, .offsetIn, .ulong, .spliceFlags),
        "tee": .init(.fd, .fd, .ulong, .spliceFlags),
        "vmsplice": .init(.fd, .iovecsIn(count: 2), .ulong, .spliceFlags),
        "copy_file_range": .init(.fd, .offsetIn, .fd, .offsetIn, .ulong, .uint),

        // Offsets and file space.
        "lseek": .init(.fd, .long, .constant("seekWhence", \.seekWhence, unknown: "SEEK_???")),
        "readahead": .init(.fd, .long, .ulong),
        "fadvise64": .init(.fd, .long, .long, .constant("fadviseAdvice", \.fadviseAdvice, unknown: "POSIX_FADV_???")),
        "fallocate": .init(.fd, .fallocMode, .long, .long),
        "sync_file_range": .init(.fd, .long, .long, .syncFileRangeFlags),

        // Syncing.
        "sync": .init(),
        "syncfs": .init(.fd),
        "fsync": .init(.fd),
        "fdatasync": .init(.fd),

        // The descriptor table.
        "close": .init(.fd),
        "close_range": .init(.uint, .uint, .flags("closeRangeFlags", \.closeRangeFlags, unknown: "CLOSE_RANGE_???")),
        "dup": .init(.fd),
        "dup2": .init(.fd, .fd),
        "dup3": .init(.fd, .fd, .flags("dup3Flags", \.dup3Flags)),
        "pipe": .init(.pipeFds),
        "pipe2": .init(.pipeFds, .flags("pipeFlags", \.pipeFlags, unknown: "O_???")),
        "flock": .init(.fd, .flags("flockOps", \.flockOps, unknown: "LOCK_???")),
        "fcntl": .init(count: 3, returns: .fcntlResult, decoder: .fcntl),
        "fcntl64": .init(count: 3, returns: .fcntlResult, decoder: .fcntl),
        // The request by name; what the third argument points to is not decoded yet.

        // Descriptors that deliver events.
        "eventfd": .init(.uint),
        "eventfd2": .init(.uint, .flags("eventfdFlags", \.eventfdFlags, unknown: "EFD_???")),
        "signalfd": .init(.fd, .kernelSigset(sizeArg: 2), .ulong),
        "signalfd4": .init(.fd, .kernelSigset(sizeArg: 2), .ulong, .flags("signalfdFlags", \.signalfdFlags, unknown: "SFD_???")),

        // Asynchronous I/O: AsyncIO.swift.
    ].merging(readiness) { first, _ in first }

    /// i386's calls whose 64-bit offsets take two registers (low, then high), decoded here;
    /// they replace `i386Specific`'s raw entries of the same name.
    static let i386IO: [String: SyscallSignature] = [
        "fallocate": .init(count: 6, decoder: .fallocate32),
        "sync_file_range": .init(count: 6, decoder: .syncFileRange32),
        "preadv": .init(count: 5, decoder: .vectoredAtOffset(writes: false, flags: false)),
        "pwritev": .init(count: 5, decoder: .vectoredAtOffset(writes: true, flags: false)),
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
        out.constant(command, constants.fcntlCommands, unknown: "F_???")
        guard let name = constants.fcntlCommands.name(of: command) else {
            out.raw(", ")
            out.hex(context.word(2))
            return
        }
        let argument = context.word(2)
        switch FcntlArgument(name) {
        case .none:
            break
        case .int:
            out.raw(", ")
            out.int(Int64(context.int32(2)))
        case .fdFlags:
            out.raw(", ")
            out.flags(argument & 0xffff_ffff, constants.fdFlags, unknown: "FD_???")
        case .openFlags:
            out.raw(", ")
            ArgPrinter.openFlags.print(argument, &context, &out)
        case .seals:
            out.raw(", ")
            out.flags(argument & 0xffff_ffff, constants.sealFlags, unknown: "F_SEAL_???")
        case .notify:
            out.raw(", ")
            out.flags(argument & 0xffff_ffff, constants.notifyFlags, unknown: "DN_???")
        case .lease:
            out.raw(", ")
            out.constant(argument & 0xffff_ffff, constants.lockTypes, unknown: "F_???")
        case .setLock(let wide):
            out.raw(", ")
            context.printFlock(at: argument, wide: wide, withPid: false, to: &out)
        case .setOwner:
            out.raw(", ")
            context.printOwner(at: argument, to: &out)
        case .getLock, .getOwner:
            out.raw(", ")
        case .pointer:
            out.raw(", ")
            out.pointer(argument)
        }
    }, exit: { context, out in
        // F_GETLK's and F_GETOWN_EX's struct is what the kernel wrote back.
        let command = UInt64(UInt32(truncatingIfNeeded: context.call.args[1]))
        guard let name = context.constants.fcntlCommands.name(of: command) else { return }
        let address = context.word(2)
        switch FcntlArgument(name) {
        case .getLock(let wide):
            if context.returned == nil { return out.pointer(address) }
            context.printFlock(at: address, wide: wide, withPid: true, to: &out)
        case .getOwner:
            if context.returned == nil { return out.pointer(address) }
            context.printOwner(at: address, to: &out)
        default:
            return
        }
    })
}

/// What fcntl's third argument is, by command.
enum FcntlArgument {
    case none, int, fdFlags, openFlags, seals, notify, lease, pointer
    /// A struct flock read at entry (`wide`: struct flock64).
    case setLock(wide: Bool)
    /// A struct flock filled in at exit.
    case getLock(wide: Bool)
    /// A struct f_owner_ex read at entry (F_SETOWN_EX) or filled in at exit (F_GETOWN_EX).
    case setOwner, getOwner

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
        case Self.any(command, "F_SETLK", "F_SETLKW"): self = .setLock(wide: false)
        case Self.any(command, "F_SETLK64", "F_SETLKW64", "F_OFD_SETLK", "F_OFD_SETLKW"): self = .setLock(wide: true)
        case sameName(command, "F_GETLK"): self = .getLock(wide: false)
        case Self.any(command, "F_GETLK64", "F_OFD_GETLK"): self = .getLock(wide: true)
        case sameName(command, "F_SETOWN_EX"): self = .setOwner
        case sameName(command, "F_GETOWN_EX"): self = .getOwner
        default: self = .pointer
        }
    }

    private static func any(_ name: StaticString, _ candidates: StaticString...) -> Bool {
        candidates.contains { sameName(name, $0) }
    }
}

extension ReturnPrinter {
    /// fcntl's result: `0x1 (flags FD_CLOEXEC)` for F_GETFD, `0x8002 (flags O_RDWR|O_LARGEFILE)`
    /// for F_GETFL, a lease type for F_GETLEASE, seals for F_GET_SEALS, the new descriptor for
    /// F_DUPFD and F_DUPFD_CLOEXEC (`-y`: with its path), a number otherwise.
    static let fcntlResult = ReturnPrinter("fcntlResult") { value, context, out in
        let command = UInt64(UInt32(truncatingIfNeeded: context.call.args[1]))
        let constants = context.constants
        guard let name = constants.fcntlCommands.name(of: command) else { return out.int(value) }
        let bits = UInt64(bitPattern: value) & 0xffff_ffff
        if sameName(name, "F_GETFD"), value != 0 {
            out.hex(bits)
            out.beginNote()
            out.element()
            out.label("flags")
            out.flags(bits, constants.fdFlags)
            out.endNote()
        } else if sameName(name, "F_GETFL") {
            out.hex(bits)
            out.beginNote()
            out.element()
            out.label("flags")
            // By name whatever `-X` says, as strace shows them here.
            if out.constantStyle == .abbrev {
                out.openFlags(UInt32(bits), arch: context.call.arch)
            } else {
                out.text.appendOpenFlags(UInt32(bits), arch: context.call.arch)
            }
            out.endNote()
        } else if sameName(name, "F_GET_SEALS") {
            out.hex(bits)
            out.beginNote()
            out.element()
            out.label("seals")
            out.flags(bits, constants.sealFlags)
            out.endNote()
        } else if sameName(name, "F_GETLEASE") {
            out.constant(bits, constants.lockTypes, unknown: "F_???")
        } else if sameName(name, "F_DUPFD") || sameName(name, "F_DUPFD_CLOEXEC") {
            out.fd(Int32(truncatingIfNeeded: value))
        } else {
            out.int(value)
        }
    }
}

extension ArgPrinter {
    static let spliceFlags = flags("spliceFlags", \.spliceFlags, unknown: "SPLICE_F_???")
    static let fallocMode = flags("fallocMode", \.fallocFlags, unknown: "FALLOC_FL_???")
    static let syncFileRangeFlags = flags("syncFileRangeFlags", \.syncFileRangeFlags, unknown: "SYNC_FILE_RANGE_???")
}

extension DecodeContext {
    /// A 64-bit value passed in two registers, low then high, starting at argument `low` (i386's
    /// split offsets); on a 64-bit ABI the first register holds it all.
    func splitOffset(low: Int) -> Int64 {
        guard wordSize == 4 else { return Int64(bitPattern: call.args[low]) }
        return Int64(bitPattern: call.args[low] & 0xffff_ffff | call.args[low + 1] << 32)
    }

    /// A 64-bit offset the tracee passes by address as a `size`-byte value: `[10]`; `NULL`; the
    /// address when unreadable. Returns whether the value was printed.
    @discardableResult
    func printOffset(at address: UInt64, size: Int, to out: inout Emitter) -> Bool {
        guard address != 0 else {
            out.name("NULL")
            return false
        }
        guard let bytes = read(address, count: size) else {
            out.hex(address)
            return false
        }
        out.beginArray()
        out.element()
        out.int(FieldLayout(offset: 0, size: size).signed(in: bytes))
        out.endArray()
        return true
    }
}

extension CallDecoder {
    /// preadv/pwritev (`flags`: preadv2/pwritev2): fd, iovecs, count, the offset in two registers
    /// (arguments 3 and 4) printed as one, then the `RWF_*` flags. A read's buffers print at exit.
    static func vectoredAtOffset(writes: Bool, flags: Bool) -> CallDecoder {
        @Sendable func rest(_ context: inout DecodeContext, _ out: inout Emitter) {
            context.printIovecArray(at: context.word(1), count: context.word(2),
                                    data: writes ? .all : context.readData, to: &out)
            out.raw(", ")
            out.uint(context.word(2))
            out.raw(", ")
            out.int(context.splitOffset(low: 3))
            if flags {
                out.raw(", ")
                out.flags(UInt64(UInt32(truncatingIfNeeded: context.call.args[5])), context.constants.rwfFlags)
            }
        }
        if writes {
            return CallDecoder(entry: { context, out in
                out.fd(context.int32(0))
                out.raw(", ")
                rest(&context, &out)
            })
        }
        return CallDecoder(entry: { context, out in
            out.fd(context.int32(0))
            out.raw(", ")
        }, exit: { context, out in rest(&context, &out) })
    }

    /// sendfile: the offset as it was at entry, and ` => [new]` when the call moved it.
    /// `offsetIsWord`: sendfile's off_t is a word (4 bytes on i386); sendfile64's is 8 bytes.
    static func sendfile(offsetIsWord: Bool) -> CallDecoder {
        CallDecoder(entry: { context, out in
            out.fd(context.int32(0))
            out.raw(", ")
            out.fd(context.int32(1))
            out.raw(", ")
            let size = offsetIsWord ? context.wordSize : 8
            if context.printOffset(at: context.word(2), size: size, to: &out) {
                context.slot.values = (1, 0)
            }
        }, exit: { context, out in
            if context.slot.values.0 == 1, let count = context.returned, count != 0 {
                out.changed()
                context.printOffset(at: context.word(2), size: offsetIsWord ? context.wordSize : 8, to: &out)
            }
            out.raw(", ")
            out.uint(context.word(3))
        })
    }

    /// i386's fallocate: fd, mode, then offset and length in two registers each.
    static let fallocate32 = CallDecoder(entry: { context, out in
        out.fd(context.int32(0))
        out.raw(", ")
        out.flags(UInt64(UInt32(truncatingIfNeeded: context.call.args[1])), context.constants.fallocFlags,
                  unknown: "FALLOC_FL_???")
        out.raw(", ")
        out.int(context.splitOffset(low: 2))
        out.raw(", ")
        out.int(context.splitOffset(low: 4))
    })

    /// i386's sync_file_range: fd, offset and length in two registers each, flags.
    static let syncFileRange32 = CallDecoder(entry: { context, out in
        out.fd(context.int32(0))
        out.raw(", ")
        out.int(context.splitOffset(low: 1))
        out.raw(", ")
        out.int(context.splitOffset(low: 3))
        out.raw(", ")
        out.flags(UInt64(UInt32(truncatingIfNeeded: context.call.args[5])), context.constants.syncFileRangeFlags,
                  unknown: "SYNC_FILE_RANGE_???")
    })
}

extension DecodeContext {
    /// `{type=F_OWNER_TID, pid=1234}`: whom F_SETOWN_EX's signals go to.
    func printOwner(at address: UInt64, to out: inout Emitter) {
        let layout = layouts.ownerEx
        withStruct(at: address, size: layout.size, to: &out) { bytes, out in
            out.beginStruct()
            out.field("type")
            out.constant(layout.type.unsigned(in: bytes), constants.ownerTypes, unknown: "F_OWNER_???")
            out.field("pid")
            out.pid(layout.pid.signed(in: bytes))
            out.endStruct()
        }
    }

    /// `{l_type=F_WRLCK, l_whence=SEEK_SET, l_start=10, l_len=20}`, and `l_pid` when the kernel
    /// filled it in (F_GETLK). `wide`: struct flock64 (the *64 and F_OFD_* commands).
    func printFlock(at address: UInt64, wide: Bool, withPid: Bool, to out: inout Emitter) {
        let narrow = layouts.flock, wideLayout = layouts.flock64
        let size = wide ? wideLayout.size : narrow.size
        let type = wide ? wideLayout.lType : narrow.lType, whence = wide ? wideLayout.lWhence : narrow.lWhence
        let start = wide ? wideLayout.lStart : narrow.lStart, length = wide ? wideLayout.lLen : narrow.lLen
        let pid = wide ? wideLayout.lPid : narrow.lPid
        withStruct(at: address, size: size, to: &out) { bytes, out in
            out.beginStruct()
            out.field("l_type")
            out.constant(type.unsigned(in: bytes), constants.lockTypes, unknown: "F_???")
            out.field("l_whence")
            out.constant(whence.unsigned(in: bytes), constants.seekWhence, unknown: "SEEK_???")
            out.field("l_start")
            out.int(start.signed(in: bytes))
            out.field("l_len")
            out.int(length.signed(in: bytes))
            if withPid {
                out.field("l_pid")
                out.int(pid.signed(in: bytes))
            }
            out.endStruct()
        }
    }
}
