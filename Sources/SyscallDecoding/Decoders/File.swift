/// Files and paths: open, stat, access, permissions, owners, links, directories, extended
/// attributes, timestamps, file system statistics and change notifications.
///
/// Stat buffers print abbreviated as strace prints them by default (`{st_mode=..., st_size=..., ...}`).
extension SyscallCatalog {
    static let file: [String: SyscallSignature] = [
        // Opening.
        "open": .init(.path, .openFlags, .createMode(flags: 1)),
        "openat": .init(.dirfd, .path, .openFlags, .createMode(flags: 2)),
        "openat2": .init(.dirfd, .path, .hex, .ulong),
        "creat": .init(.path, .mode),
        "open_by_handle_at": .init(.fd, .hex, .openFlags),
        "name_to_handle_at": .init(.dirfd, .path, .hex, .hex, .hex),

        // Status.
        "stat": .init(.path, .statBuffer),
        "lstat": .init(.path, .statBuffer),
        "fstat": .init(.fd, .statBuffer),
        "newfstatat": .init(.dirfd, .path, .statBuffer, .atFlags),
        "stat64": .init(.path, .statBuffer),
        "lstat64": .init(.path, .statBuffer),
        "fstat64": .init(.fd, .statBuffer),
        "fstatat64": .init(.dirfd, .path, .statBuffer, .atFlags),
        "oldstat": .init(.path, .hex),
        "oldlstat": .init(.path, .hex),
        "oldfstat": .init(.fd, .hex),
        "statx": .init(.dirfd, .path, .statxFlags, .flags("statxMask", \.statxMask), .statxBuffer),
        "access": .init(.path, .accessMode),
        "faccessat": .init(.dirfd, .path, .accessMode),
        "faccessat2": .init(.dirfd, .path, .accessMode, .flags("accessAtFlags", \.accessAtFlags)),

        // Permissions and owners.
        "chmod": .init(.path, .mode),
        "fchmod": .init(.fd, .mode),
        "fchmodat": .init(.dirfd, .path, .mode),
        "umask": .init(.mode, returns: .octal),
        "chown": .init(.path, .owner, .owner),
        "lchown": .init(.path, .owner, .owner),
        "fchown": .init(.fd, .owner, .owner),
        "chown32": .init(.path, .owner, .owner),
        "lchown32": .init(.path, .owner, .owner),
        "fchown32": .init(.fd, .owner, .owner),
        "fchownat": .init(.dirfd, .path, .owner, .owner, .atFlags),

        // Names: links, renames, directories, device nodes.
        "link": .init(.path, .path),
        "linkat": .init(.dirfd, .path, .dirfd, .path, .atFlags),
        "unlink": .init(.path),
        "unlinkat": .init(.dirfd, .path, .atFlags),
        "symlink": .init(.path, .path),
        "symlinkat": .init(.path, .dirfd, .path),
        "readlink": .init(.path, .outBuffer, .ulong),
        "readlinkat": .init(.dirfd, .path, .outBuffer, .ulong),
        "rename": .init(.path, .path),
        "renameat": .init(.dirfd, .path, .dirfd, .path),
        "renameat2": .init(.dirfd, .path, .dirfd, .path, .hex),
        "mkdir": .init(.path, .mode),
        "mkdirat": .init(.dirfd, .path, .mode),
        "rmdir": .init(.path),
        "mknod": .init(.path, .hex, .hex),
        "mknodat": .init(.dirfd, .path, .hex, .hex),

        // The working directory and the root.
        "getcwd": .init(.cwdBuffer, .ulong),
        "chdir": .init(.path),
        "fchdir": .init(.fd),
        "chroot": .init(.path),
        "pivot_root": .init(.path, .path),

        // Sizes.
        "truncate": .init(.path, .ulong),
        "ftruncate": .init(.fd, .ulong),

        // Directory entries.
        "getdents": .init(.fd, .hex, .uint),
        "getdents64": .init(.fd, .dirents64, .uint),

        // Extended attributes: the value prints as a string only when its size is sane, so raw.
        "setxattr": .init(.path, .string, .hex, .ulong, .hex),
        "lsetxattr": .init(.path, .string, .hex, .ulong, .hex),
        "fsetxattr": .init(.fd, .string, .hex, .ulong, .hex),
        "getxattr": .init(.path, .string, .outBuffer, .ulong),
        "lgetxattr": .init(.path, .string, .outBuffer, .ulong),
        "fgetxattr": .init(.fd, .string, .outBuffer, .ulong),
        "listxattr": .init(.path, .hex, .ulong),
        "llistxattr": .init(.path, .hex, .ulong),
        "flistxattr": .init(.fd, .hex, .ulong),
        "removexattr": .init(.path, .string),
        "lremovexattr": .init(.path, .string),
        "fremovexattr": .init(.fd, .string),

        // Timestamps.
        "utime": .init(.path, .hex),
        "utimes": .init(.path, .hex),
        "futimesat": .init(.dirfd, .path, .hex),
        "utimensat": .init(.dirfd, .path, .hex, .atFlags),
        "utimensat_time64": .init(.dirfd, .path, .hex, .hex),

        // File system statistics.
        "statfs": .init(.path, .hex),
        "fstatfs": .init(.fd, .hex),
        "statfs64": .init(.path, .ulong, .hex),
        "fstatfs64": .init(.fd, .ulong, .hex),
        "ustat": .init(.hex, .hex),

        // Change notifications.
        "inotify_init": .init(),
        "inotify_init1": .init(.hex),
        "inotify_add_watch": .init(.fd, .path, .hex),
        "inotify_rm_watch": .init(.fd, .int),
        "fanotify_init": .init(.hex, .hex),
        "fanotify_mark": .init(.fd, .hex, .hex, .hex, .path),  // dirfd -1 prints as FAN_NOFD
    ]
}

extension ArgPrinter {
    /// `AT_SYMLINK_NOFOLLOW|AT_EMPTY_PATH`, `0`.
    static let atFlags = flags("atFlags", \.atFlags)
    /// access(2)'s mode: `R_OK|X_OK`, `F_OK`.
    static let accessMode = flags("accessMode", \.accessModes)

    /// A uid or gid: `-1` (leave unchanged) or the number.
    static let owner = ArgPrinter("owner") { value, _, out in
        let id = UInt32(truncatingIfNeeded: value)
        if id == UInt32.max { out.int(-1) } else { out.uint(UInt64(id)) }
    }

    /// statx's flags: the sync type by name, then the `AT_*` flags.
    static let statxFlags = ArgPrinter("statxFlags") { value, context, out in
        let flags = UInt64(UInt32(truncatingIfNeeded: value))
        let syncMask = context.constants.statxSyncMask ?? 0
        out.constant(flags & syncMask, context.constants.statxSync, unknown: "AT_STATX_???")
        let rest = flags & ~syncMask
        if rest != 0 {
            out.raw("|")
            out.flags(rest, context.constants.atFlags)
        }
    }

    /// A `struct stat` the kernel filled: `{st_mode=S_IFREG|0644, st_size=3216, ...}`, with
    /// `st_rdev` instead of the size for devices. The address when the call failed.
    static let statBuffer = ArgPrinter("stat", phase: .exit) { value, context, out in
        let address = context.truncate(value)
        let layout = context.layouts.stat
        guard context.returned != nil else { return out.pointer(address) }
        guard context.dereferences else { return out.pointer(address) }
        guard let bytes = context.read(address, count: layout.size) else { return out.hex(address) }
        let mode = layout.stMode.unsigned(in: bytes)
        guard context.abbreviates else { return printWholeStat(bytes, layout, context: context, to: &out) }
        out.beginStruct()
        out.field("st_mode")
        context.printFileMode(mode, to: &out)
        if context.isDevice(mode) {
            out.field("st_rdev")
            printDevice(layout.stRdev.unsigned(in: bytes), to: &out)
        } else {
            out.field("st_size")
            out.int(layout.stSize.signed(in: bytes))
        }
        out.abbreviated()
        out.endStruct()
    }

    /// `-v`: every field of a `struct stat`, times with their date in a comment.
    private static func printWholeStat(_ bytes: UnsafeRawBufferPointer, _ layout: StatLayout,
                                       context: DecodeContext, to out: inout Emitter) {
        let mode = layout.stMode.unsigned(in: bytes)
        out.beginStruct()
        out.field("st_dev")
        printDevice(layout.stDev.unsigned(in: bytes), to: &out)
        out.field("st_ino")
        out.uint(layout.stIno.unsigned(in: bytes))
        out.field("st_mode")
        context.printFileMode(mode, to: &out)
        for (name, field) in [("st_nlink", layout.stNlink), ("st_uid", layout.stUid), ("st_gid", layout.stGid),
                              ("st_blksize", layout.stBlksize), ("st_blocks", layout.stBlocks)] as [(StaticString, FieldLayout)] {
            out.field(name)
            out.uint(field.unsigned(in: bytes))
        }
        if context.isDevice(mode) {
            out.field("st_rdev")
            printDevice(layout.stRdev.unsigned(in: bytes), to: &out)
        } else {
            out.field("st_size")
            out.int(layout.stSize.signed(in: bytes))
        }
        let times: [(StaticString, StaticString, FieldLayout, FieldLayout)] = [
            ("st_atime", "st_atime_nsec", layout.stAtime, layout.stAtimeNsec),
            ("st_mtime", "st_mtime_nsec", layout.stMtime, layout.stMtimeNsec),
            ("st_ctime", "st_ctime_nsec", layout.stCtime, layout.stCtimeNsec),
        ]
        for (name, nanoName, seconds, nanoseconds) in times {
            let secondsValue = seconds.signed(in: bytes)
            let nanoValue = nanoseconds.unsigned(in: bytes)
            out.field(name)
            out.int(secondsValue)
            out.text.appendTimeComment(seconds: secondsValue, nanoseconds: nanoValue)
            out.field(nanoName)
            out.uint(nanoValue)
        }
        out.endStruct()
    }

    /// A `struct statx`: `{stx_mask=..., stx_attributes=..., stx_mode=..., stx_size=..., ...}`.
    static let statxBuffer = ArgPrinter("statx", phase: .exit) { value, context, out in
        let address = context.truncate(value)
        let layout = context.layouts.statx
        guard context.returned != nil else { return out.pointer(address) }
        guard let bytes = context.read(address, count: layout.size) else { return out.hex(address) }
        out.beginStruct()
        out.field("stx_mask")
        out.flags(layout.stxMask.unsigned(in: bytes), context.constants.statxMask)
        out.field("stx_attributes")
        out.flags(layout.stxAttributes.unsigned(in: bytes), context.constants.statxAttributes)
        out.field("stx_mode")
        context.printFileMode(layout.stxMode.unsigned(in: bytes), to: &out)
        out.field("stx_size")
        out.uint(layout.stxSize.unsigned(in: bytes))
        out.abbreviated()
        out.endStruct()
    }

    /// getcwd's buffer: the path the kernel wrote (its length, with the NUL, is the result).
    static let cwdBuffer = ArgPrinter("cwdBuffer", phase: .exit) { value, context, out in
        let address = context.truncate(value)
        guard context.returned != nil else { return out.pointer(address) }
        context.printCString(at: address, limit: pathLimit, to: &out)
    }

    /// getdents64's buffer: its address and `/* N entries */`, as strace abbreviates it.
    static let dirents64 = ArgPrinter("dirents64", phase: .exit) { value, context, out in
        let address = context.truncate(value)
        out.pointer(address)
        guard let length = context.returned, length >= 0,
              let bytes = context.read(address, count: Int(length)) else { return }
        let reclen = context.layouts.dirent64.dReclen
        var offset = 0, count = 0
        while offset + reclen.offset + reclen.size <= bytes.count {
            let size = Int(reclen.unsigned(in: UnsafeRawBufferPointer(rebasing: bytes[offset...])))
            guard size > 0 else { break }
            offset += size
            count += 1
        }
        out.beginComment()
        out.uint(UInt64(count))
        out.raw(" entries")
        out.endComment()
    }
}

extension DecodeContext {
    /// `S_IFDIR|S_ISVTX|0777`: the file type and special bits by name, then the permissions in octal.
    func printFileMode(_ mode: UInt64, to out: inout Emitter) {
        out.styled(number: { $0.octal(mode) }, decoded: { printFileModeNames(mode, to: &$0) })
    }

    private func printFileModeNames(_ mode: UInt64, to out: inout Emitter) {
        let typeMask = constants.fileTypeMask ?? 0o170000
        let type = mode & typeMask
        if type != 0 {
            out.constant(type, constants.fileTypes, unknown: "S_IF???")
            out.raw("|")
        }
        // S_ISUID, S_ISGID and S_ISVTX by name, then the permission bits.
        var special: UInt64 = 0
        for entry in constants.modeSpecialBits.entries where mode & entry.bits != 0 {
            out.name(entry.name)
            out.raw("|")
            special |= entry.bits
        }
        out.octal(mode & ~typeMask & ~special)
    }

    func isDevice(_ mode: UInt64) -> Bool {
        let type = mode & (constants.fileTypeMask ?? 0o170000)
        return type == constants.fileTypeCharDevice || type == constants.fileTypeBlockDevice
    }
}

/// `makedev(0x1, 0x3)`: a device number as the kernel encodes it for user space (the major in
/// bits 8-19 and 32-63, the minor in bits 0-7 and 20-31).
/// With `-X raw` the number as it is (`0x103`), with `-X verbose` both.
func printDevice(_ device: UInt64, to out: inout Emitter) {
    let major = (device >> 8) & 0xfff | (device >> 32) & ~0xfff
    let minor = device & 0xff | (device >> 12) & ~0xff
    out.styled(number: { $0.hex(device) }, decoded: { out in
        out.raw("makedev(")
        out.hex(major)
        out.raw(", ")
        out.hex(minor)
        out.raw(")")
    })
}
