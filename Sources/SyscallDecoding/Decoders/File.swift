import Glibc

/// Files and paths: open, stat, access, permissions, owners, links, directories, extended
/// attributes, timestamps, file system statistics and change notifications.
///
/// Stat buffers print abbreviated as strace prints them by default (`{st_mode=..., st_size=..., ...}`).
extension SyscallCatalog {
    static let file: [String: SyscallSignature] = [
        // Opening.
        "open": .init(.path, .openFlags, .createMode(flags: 1)),
        "openat": .init(.dirfd, .path, .openFlags, .createMode(flags: 2)),
        "creat": .init(.path, .mode),
        "open_by_handle_at": .init(.fd, .fileHandle, .openFlags),
        "name_to_handle_at": .init(count: 5, decoder: .nameToHandle),

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
        "statx": .init(.dirfd, .path, .statxFlags, .flags("statxMask", \.statxMask, unknown: "STATX_???"), .statxBuffer),
        "access": .init(.path, .accessMode),
        "faccessat": .init(.dirfd, .path, .accessMode),
        "faccessat2": .init(.dirfd, .path, .accessMode, .flags("accessAtFlags", \.accessAtFlags, unknown: "AT_???")),

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
        "renameat2": .init(.dirfd, .path, .dirfd, .path, .flags("renameat2 flags", \.renameFlags, unknown: "RENAME_??")),
        "mkdir": .init(.path, .mode),
        "mkdirat": .init(.dirfd, .path, .mode),
        "rmdir": .init(.path),

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
        "getdents64": .init(.fd, .dirents64, .uint),

        // Extended attributes: the value prints as a string only when its size is sane, so raw.
        "setxattr": .init(.path, .string, .xattrValueIn, .ulong, .xattrFlags),
        "lsetxattr": .init(.path, .string, .xattrValueIn, .ulong, .xattrFlags),
        "fsetxattr": .init(.fd, .string, .xattrValueIn, .ulong, .xattrFlags),
        "getxattr": .init(.path, .string, .xattrValueOut, .ulong),
        "lgetxattr": .init(.path, .string, .xattrValueOut, .ulong),
        "fgetxattr": .init(.fd, .string, .xattrValueOut, .ulong),
        "listxattr": .init(.path, .xattrNames, .ulong),
        "llistxattr": .init(.path, .xattrNames, .ulong),
        "flistxattr": .init(.fd, .xattrNames, .ulong),
        "removexattr": .init(.path, .string),
        "lremovexattr": .init(.path, .string),
        "fremovexattr": .init(.fd, .string),

        // Timestamps.
        "utimensat": .init(.dirfd, .path, .timestampPair(time64: false), .utimensatFlags),
        "utimensat_time64": .init(.dirfd, .path, .timestampPair(time64: true), .utimensatFlags),

        // File system statistics.
        "statfs": .init(.path, .statfsOut(wide: false)),
        "fstatfs": .init(.fd, .statfsOut(wide: false)),
        "statfs64": .init(.path, .ulong, .statfsOut(wide: true)),
        "fstatfs64": .init(.fd, .ulong, .statfsOut(wide: true)),

        // Change notifications.
        "inotify_init": .init(),
        "inotify_init1": .init(.flags("inotifyInitFlags", \.inotifyInitFlags, unknown: "IN_???")),
        "inotify_add_watch": .init(.fd, .path, .flags("inotifyMask", \.inotifyMask)),
        "inotify_rm_watch": .init(.fd, .int),
        "fanotify_init": .init(.fanotifyInitFlags, .openFlags),
        "fanotify_mark": .init(count: 5, decoder: .fanotifyMark),
    ]
}

extension ArgPrinter {
    /// `AT_SYMLINK_NOFOLLOW|AT_EMPTY_PATH`, `0`.
    static let atFlags = flags("atFlags", \.atFlags, unknown: "AT_???")
    /// access(2)'s mode: `R_OK|X_OK`, `F_OK`.
    static let accessMode = flags("accessMode", \.accessModes, unknown: "?_OK")

    /// A uid or gid: `-1` (leave unchanged) or the number.
    static let owner = ArgPrinter("owner") { value, _, out in
        let id = UInt32(truncatingIfNeeded: value)
        if id == UInt32.max { out.int(-1) } else { out.uint(UInt64(id)) }
    }

    /// statx's flags: the sync type by name, then the `AT_*` flags. With `-X raw` strace leaves
    /// the default sync type (0) out entirely: `|0x100`, or nothing at all.
    static let statxFlags = ArgPrinter("statxFlags") { value, context, out in
        let flags = UInt64(UInt32(truncatingIfNeeded: value))
        let syncMask = context.constants.statxSyncMask ?? 0
        out.beginOperation(.or)
        defer { out.endOperation() }
        let syncShown = flags & syncMask != 0 || out.constantStyle != .raw
        if syncShown {
            out.operand()
            out.constant(flags & syncMask, context.constants.statxSync, unknown: "AT_STATX_???")
        }
        let rest = flags & ~syncMask
        if rest != 0 {
            if syncShown { out.operand() } else { out.raw("|"); out.operand() }
            out.flags(rest, context.constants.atFlags)
        }
    }

    /// A `struct stat` the kernel filled: `{st_mode=S_IFREG|0644, st_size=3216, ...}`, with
    /// `st_rdev` instead of the size for devices. The address when the call failed.
    static let statBuffer = ArgPrinter("stat", phase: .exit) { value, context, out in
        context.printStat(at: context.truncate(value), context.layouts.stat, to: &out)
    }

    /// A `struct statx`: `{stx_mask=..., stx_attributes=..., stx_mode=..., stx_size=..., ...}`;
    /// with `-v` every field, the timestamps and the mount id only when the mask says they are set.
    static let statxBuffer = ArgPrinter("statx", phase: .exit) { value, context, out in
        let address = context.truncate(value)
        let layout = context.layouts.statx
        guard context.returned != nil else { return out.pointer(address) }
        guard let bytes = context.read(address, count: layout.size) else { return out.hex(address) }
        let whole = !context.abbreviates
        let mask = layout.stxMask.unsigned(in: bytes)
        func unsigned(_ name: StaticString, _ field: FieldLayout) {
            out.field(name)
            out.uint(field.unsigned(in: bytes))
        }
        out.beginStruct()
        out.field("stx_mask")
        out.flags(mask, context.constants.statxMask)
        if whole { unsigned("stx_blksize", layout.stxBlksize) }
        out.field("stx_attributes")
        out.flags(layout.stxAttributes.unsigned(in: bytes), context.constants.statxAttributes)
        if whole {
            unsigned("stx_nlink", layout.stxNlink)
            unsigned("stx_uid", layout.stxUid)
            unsigned("stx_gid", layout.stxGid)
        }
        out.field("stx_mode")
        context.printFileMode(layout.stxMode.unsigned(in: bytes), to: &out)
        if whole { unsigned("stx_ino", layout.stxIno) }
        unsigned("stx_size", layout.stxSize)
        guard whole else {
            out.abbreviated()
            return out.endStruct()
        }
        unsigned("stx_blocks", layout.stxBlocks)
        out.field("stx_attributes_mask")
        out.flags(layout.stxAttributesMask.unsigned(in: bytes), context.constants.statxAttributes)
        let times: [(StaticString, FieldLayout, StaticString)] = [
            ("stx_atime", layout.stxAtime, "STATX_ATIME"), ("stx_btime", layout.stxBtime, "STATX_BTIME"),
            ("stx_ctime", layout.stxCtime, "STATX_CTIME"), ("stx_mtime", layout.stxMtime, "STATX_MTIME"),
        ]
        for (name, field, bit) in times where mask & context.constants.statxMask.bits(named: bit) != 0 {
            // struct statx_timestamp: a 64-bit tv_sec, then a 32-bit tv_nsec.
            out.field(name)
            printTimestamp(seconds: FieldLayout(offset: field.offset, size: 8).signed(in: bytes),
                           nanoseconds: FieldLayout(offset: field.offset + 8, size: 4).signed(in: bytes), to: &out)
        }
        unsigned("stx_rdev_major", layout.stxRdevMajor)
        unsigned("stx_rdev_minor", layout.stxRdevMinor)
        unsigned("stx_dev_major", layout.stxDevMajor)
        unsigned("stx_dev_minor", layout.stxDevMinor)
        if mask & context.constants.statxMask.bits(named: "STATX_MNT_ID") != 0 {
            out.field("stx_mnt_id")
            out.hex(layout.stxMntId.unsigned(in: bytes))
        }
        out.endStruct()
    }

    /// `{tv_sec=1700000000, tv_nsec=5} /* 2023-11-14T22:13:20.000000005+0000 */`: a whole second's
    /// date has no fraction, as strace writes it.
    static func printTimestamp(seconds: Int64, nanoseconds: Int64, to out: inout Emitter) {
        out.beginStruct()
        out.field("tv_sec")
        out.int(seconds)
        out.field("tv_nsec")
        out.int(nanoseconds)
        out.endStruct()
        out.beginComment()
        appendDate(seconds, nanoseconds: nanoseconds == 0 ? nil : nanoseconds, to: &out.text)
        out.endComment()
    }

    /// getcwd's buffer: the path the kernel wrote (its length, with the NUL, is the result).
    static let cwdBuffer = ArgPrinter("cwdBuffer", phase: .exit) { value, context, out in
        let address = context.truncate(value)
        guard context.returned != nil else { return out.pointer(address) }
        context.printCString(at: address, limit: pathLimit, to: &out)
    }

    /// getdents64's buffer: its address and `/* N entries */`, as strace abbreviates it; with `-v`
    /// the entries, `[{d_ino=..., d_off=..., d_reclen=24, d_type=DT_DIR, d_name="."}, ...]`.
    static let dirents64 = ArgPrinter("dirents64", phase: .exit) { value, context, out in
        let layout = context.layouts.dirent64
        context.printDirentBuffer(at: context.truncate(value), reclen: layout.dReclen, minimumRecord: layout.dName.offset,
                                  to: &out) { record, out in
            printDirent64(record, layout, context: context, to: &out)
        }
    }
}

extension DecodeContext {
    /// A getdents buffer, the `returned` bytes at `address`: its address and `/* N entries */`, as
    /// strace abbreviates it, or with `-v` each record as `entry` prints it. `reclen` is a record's
    /// size field; a record shorter than `minimumRecord` is counted but not printed.
    func printDirentBuffer(at address: UInt64, reclen: FieldLayout, minimumRecord: Int, to out: inout Emitter,
                           entry: (UnsafeRawBufferPointer, inout Emitter) -> Void) {
        guard let length = returned, length >= 0, dereferences, let bytes = read(address, count: Int(length)) else {
            return out.pointer(address)
        }
        let whole = !abbreviates
        if whole { out.beginArray() } else { out.pointer(address) }
        var offset = 0, count = 0
        while offset + reclen.offset + reclen.size <= bytes.count {
            let record = UnsafeRawBufferPointer(rebasing: bytes[offset...])
            let size = Int(reclen.unsigned(in: record))
            guard size > 0 else { break }
            if whole, minimumRecord <= min(size, record.count) {
                out.element()
                entry(UnsafeRawBufferPointer(rebasing: record[..<min(size, record.count)]), &out)
            }
            offset += size
            count += 1
        }
        if whole { return out.endArray() }
        out.beginComment()
        out.uint(UInt64(count))
        out.raw(" entries")
        out.endComment()
    }
}

/// One `struct linux_dirent64` (`entry` is its record): `{d_ino=2, d_off=1, d_reclen=24, d_type=DT_DIR, d_name="."}`.
private func printDirent64(_ entry: UnsafeRawBufferPointer, _ layout: Dirent64Layout, context: DecodeContext,
                           to out: inout Emitter) {
    out.beginStruct()
    out.field("d_ino")
    out.uint(layout.dIno.unsigned(in: entry))
    out.field("d_off")
    out.uint(layout.dOff.unsigned(in: entry))
    out.field("d_reclen")
    out.uint(layout.dReclen.unsigned(in: entry))
    out.field("d_type")
    out.constant(layout.dType.unsigned(in: entry), context.constants.direntTypes, unknown: "DT_???")
    out.field("d_name")
    let name = UnsafeRawBufferPointer(rebasing: entry[layout.dName.offset...])
    out.bytes(name.prefix { $0 != 0 })
    out.endStruct()
}

extension DecodeContext {
    /// `S_IFDIR|S_ISVTX|0777`: the file type and special bits by name, then the permissions in octal.
    func printFileMode(_ mode: UInt64, to out: inout Emitter) {
        out.styled(number: { $0.octal(mode) }, decoded: { printFileModeNames(mode, to: &$0) })
    }

    private func printFileModeNames(_ mode: UInt64, to out: inout Emitter) {
        let typeMask = constants.fileTypeMask ?? 0o170000
        let type = mode & typeMask
        out.beginOperation(.or)
        defer { out.endOperation() }
        if type != 0 {
            out.operand()
            out.constant(type, constants.fileTypes, unknown: "S_IF???")
        }
        // S_ISUID, S_ISGID and S_ISVTX by name, then the permission bits.
        var special: UInt64 = 0
        for entry in constants.modeSpecialBits.entries where mode & entry.bits != 0 {
            out.operand()
            out.name(entry.name)
            special |= entry.bits
        }
        out.operand()
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
        out.beginCall("makedev")
        out.element()
        out.hex(major)
        out.element()
        out.hex(minor)
        out.endCall()
    })
}

extension ArgPrinter {
    static let utimensatFlags = flags("utimensatFlags", \.atFlags, unknown: "AT_???")

    /// utimensat's two timestamps: `[{tv_sec=1, tv_nsec=2} /* 1970-01-01T00:00:01.000000002+0000 */, UTIME_NOW]`.
    static func timestampPair(time64: Bool) -> ArgPrinter {
        ArgPrinter("timestampPair(\(time64))") { value, context, out in
            let size = time64 ? 8 : context.wordSize
            context.withStruct(at: context.truncate(value), size: 4 * size, to: &out) { bytes, out in
                out.beginArray()
                for index in 0..<2 {
                    let seconds = FieldLayout(offset: 2 * index * size, size: size).signed(in: bytes)
                    let nanoseconds = FieldLayout(offset: (2 * index + 1) * size, size: size).signed(in: bytes)
                    guard out.element(index) else { break }
                    let special: StaticString? = nanoseconds == utimeNow ? "UTIME_NOW"
                        : nanoseconds == utimeOmit ? "UTIME_OMIT" : nil
                    guard let special else {
                        printTimestamp(seconds: seconds, nanoseconds: nanoseconds, to: &out)
                        continue
                    }
                    // `-X raw` shows the struct as it is, `-X verbose` with the name in a comment.
                    out.styled(number: { out in
                        out.beginStruct()
                        out.field("tv_sec")
                        out.int(seconds)
                        out.field("tv_nsec")
                        out.int(nanoseconds)
                        out.endStruct()
                    }, decoded: { $0.name(special) })
                }
                out.endArray()
            }
        }
    }

    /// `struct statfs` (`wide`: statfs64) the kernel filled in: `{f_type=EXT2_SUPER_MAGIC, f_bsize=4096, ...}`.
    static func statfsOut(wide: Bool) -> ArgPrinter {
        output("statfsOut(\(wide))") { address, context, out in
            let layout: any StatfsFields = wide ? context.layouts.statfs64 : context.layouts.statfs
            context.withStruct(at: address, size: layout.size, to: &out) { bytes, out in
                context.printStatfs(bytes, layout, to: &out)
            }
        }
    }

    /// fanotify_init's flags: the notification class by name, then the flags.
    static let fanotifyInitFlags = ArgPrinter("fanotifyInitFlags") { value, context, out in
        let flags = UInt64(UInt32(truncatingIfNeeded: value))
        let classMask: UInt64 = 0xc  // FAN_ALL_CLASS_BITS
        out.beginOperation(.or)
        out.operand()
        out.constant(flags & classMask, context.constants.fanotifyClasses, unknown: "FAN_CLASS_???")
        if flags & ~classMask != 0 {
            out.operand()
            out.flags(flags & ~classMask, context.constants.fanotifyInitFlags, unknown: "FAN_???")
        }
        out.endOperation()
    }
}

extension SyscallCatalog {
    /// i386's fanotify_mark takes its 64-bit mask in two registers.
    static let i386File: [String: SyscallSignature] = [
        "fanotify_mark": .init(count: 6, decoder: .fanotifyMark),
    ]
}

extension ArgPrinter {
    /// open_by_handle_at's struct file_handle: `{handle_bytes=8, handle_type=1, f_handle="\x9d..."}`,
    /// the handle in hex whatever `-s` says, cut at MAX_HANDLE_SZ (128) bytes with `...` after it.
    static let fileHandle = ArgPrinter("fileHandle") { value, context, out in
        let address = context.truncate(value)
        let layout = context.layouts.fileHandle
        guard address != 0, let header = context.read(address, count: layout.size) else {
            return out.pointer(address)
        }
        let bytes = layout.handleBytes.unsigned(in: header)
        out.beginStruct()
        out.field("handle_bytes")
        out.uint(bytes)
        context.printFileHandleRest(header, at: address, to: &out)
        out.endStruct()
    }
}

extension DecodeContext {
    /// What follows a struct file_handle's handle_bytes: `, handle_type=1, f_handle="\x9d..."`,
    /// the handle in hex whatever `-s` says, cut at MAX_HANDLE_SZ (128) bytes with `...` after it.
    func printFileHandleRest(_ header: UnsafeRawBufferPointer, at address: UInt64, to out: inout Emitter) {
        let layout = layouts.fileHandle
        let bytes = layout.handleBytes.unsigned(in: header)
        out.field("handle_type")
        out.int(layout.handleType.signed(in: header))
        out.field("f_handle")
        let shown = min(bytes, maxHandleSize)
        if let handle = read(address &+ UInt64(layout.fHandle.offset), count: Int(shown)) {
            out.hexBytes(handle, truncated: bytes > maxHandleSize)
        } else {
            out.pointer(address &+ UInt64(layout.fHandle.offset))
        }
    }
}

/// MAX_HANDLE_SZ of <linux/exportfs.h>: the most of a handle the kernel takes, and strace shows.
private let maxHandleSize: UInt64 = 128

extension CallDecoder {
    /// fanotify_mark: fd, flags, the 64-bit mask (two registers on i386), dirfd (`FAN_NOFD` for
    /// -1), path.
    static let fanotifyMark = CallDecoder(entry: { context, out in
        let split = context.wordSize == 4
        out.fd(context.int32(0))
        out.raw(", ")
        out.flags(UInt64(UInt32(truncatingIfNeeded: context.call.args[1])), context.constants.fanotifyMarkFlags,
                  unknown: "FAN_MARK_???")
        out.raw(", ")
        out.flags(UInt64(bitPattern: context.splitOffset(low: 2)), context.constants.fanotifyMask, unknown: "FAN_???")
        out.raw(", ")
        let dirfd = context.int32(split ? 4 : 3)
        if dirfd == -1 { out.named(-1, "FAN_NOFD") } else { out.dirfd(dirfd) }
        out.raw(", ")
        context.printCString(at: context.word(split ? 5 : 4), limit: pathLimit, to: &out)
    })

    /// name_to_handle_at: `{handle_bytes=128 => 8, handle_type=1, f_handle="\x9d..."}`, then the
    /// mount id `[27]` and the flags; the handle's size at entry, what the kernel wrote at exit.
    static let nameToHandle = CallDecoder(entry: { context, out in
        ArgPrinter.dirfd.print(context.call.args[0], &context, &out)
        out.raw(", ")
        ArgPrinter.path.print(context.call.args[1], &context, &out)
        out.raw(", ")
        let layout = context.layouts.fileHandle
        guard let header = context.read(context.word(2), count: layout.size) else {
            return out.pointer(context.word(2))
        }
        let bytes = layout.handleBytes.unsigned(in: header)
        context.slot.values = (1, bytes)
        // The struct spans both halves of the line: the exit goes on with what the kernel wrote.
        out.beginStruct()
        out.field("handle_bytes")
        out.uint(bytes)
        out.suspendStruct()
    }, exit: { context, out in
        let layout = context.layouts.fileHandle
        let address = context.word(2)
        if context.slot.values.0 == 1 {
            out.resumeStruct()
            if let header = context.read(address, count: layout.size) {
                let bytes = layout.handleBytes.unsigned(in: header)
                if bytes != context.slot.values.1 {
                    out.changed()
                    out.uint(bytes)
                }
                // A handle the kernel wrote: the caller's buffer was large enough (not EOVERFLOW).
                if context.returned != nil, bytes <= maxHandleSize,
                   context.read(address &+ UInt64(layout.fHandle.offset), count: Int(bytes)) != nil {
                    context.printFileHandleRest(header, at: address, to: &out)
                }
            }
            out.endStruct()
        }
        out.raw(", ")
        if context.returned != nil {
            context.printIntArray(at: context.word(3), count: 1, to: &out)
        } else {
            out.pointer(context.word(3))
        }
        out.raw(", ")
        out.flags(UInt64(UInt32(truncatingIfNeeded: context.call.args[4])), context.constants.atFlags, unknown: "AT_???")
    })
}

/// utimensat's special nanosecond values (`<linux/stat.h>`: (1 << 30) - 1 and - 2).
let utimeNow: Int64 = (1 << 30) - 1
let utimeOmit: Int64 = (1 << 30) - 2

extension DecodeContext {
    func printStatfs(_ bytes: UnsafeRawBufferPointer, _ layout: any StatfsFields, to out: inout Emitter) {
        out.beginStruct()
        out.field("f_type")
        let type = layout.fType.unsigned(in: bytes)
        out.hexConstant(type, constants.statfsMagic)
        out.field("f_bsize")
        out.int(layout.fBsize.signed(in: bytes))
        out.field("f_blocks")
        out.uint(layout.fBlocks.unsigned(in: bytes))
        out.field("f_bfree")
        out.uint(layout.fBfree.unsigned(in: bytes))
        out.field("f_bavail")
        out.uint(layout.fBavail.unsigned(in: bytes))
        out.field("f_files")
        out.uint(layout.fFiles.unsigned(in: bytes))
        out.field("f_ffree")
        out.uint(layout.fFfree.unsigned(in: bytes))
        out.field("f_fsid")
        out.beginStruct()
        out.field("val")
        out.beginArray()
        for index in 0..<2 {
            guard out.element(index) else { break }
            out.hex(FieldLayout(offset: layout.fFsid.offset + 4 * index, size: 4).unsigned(in: bytes))
        }
        out.endArray()
        out.endStruct()
        out.field("f_namelen")
        out.int(layout.fNamelen.signed(in: bytes))
        out.field("f_frsize")
        out.int(layout.fFrsize.signed(in: bytes))
        out.field("f_flags")
        out.flags(layout.fFlags.unsigned(in: bytes), constants.statfsFlags)
        out.endStruct()
    }
}

/// The fields statfs and statfs64 share (their layouts are two generated types).
protocol StatfsFields {
    var size: Int { get }
    var fType: FieldLayout { get }
    var fBsize: FieldLayout { get }
    var fBlocks: FieldLayout { get }
    var fBfree: FieldLayout { get }
    var fBavail: FieldLayout { get }
    var fFiles: FieldLayout { get }
    var fFfree: FieldLayout { get }
    var fFsid: FieldLayout { get }
    var fNamelen: FieldLayout { get }
    var fFrsize: FieldLayout { get }
    var fFlags: FieldLayout { get }
}

extension StatfsLayout: StatfsFields {}

extension DecodeContext {
    /// A stat buffer of any of the kernel's layouts (stat64, i386's stat, __old_kernel_stat),
    /// abbreviated unless `-v`; its address when the call failed or cannot be read.
    func printStat<Layout: StatFields>(at address: UInt64, _ layout: Layout, to out: inout Emitter) {
        guard returned != nil, dereferences else { return out.pointer(address) }
        guard let bytes = read(address, count: layout.size) else { return out.hex(address) }
        let mode = layout.stMode.unsigned(in: bytes)
        guard abbreviates else { return printWholeStat(bytes, layout, to: &out) }
        out.beginStruct()
        out.field("st_mode")
        printFileMode(mode, to: &out)
        printSizeOrDevice(bytes, layout, mode: mode, to: &out)
        out.abbreviated()
        out.endStruct()
    }

    private func printSizeOrDevice<Layout: StatFields>(_ bytes: UnsafeRawBufferPointer, _ layout: Layout,
                                                       mode: UInt64, to out: inout Emitter) {
        if isDevice(mode) {
            out.field("st_rdev")
            printDevice(layout.stRdev.unsigned(in: bytes), to: &out)
        } else {
            out.field("st_size")
            out.int(layout.stSize.signed(in: bytes))
        }
    }

    /// `-v`: every field, times with their date in a comment. A layout without block counts
    /// (__old_kernel_stat) prints them as 0, and its times have no nanoseconds.
    private func printWholeStat<Layout: StatFields>(_ bytes: UnsafeRawBufferPointer, _ layout: Layout,
                                                    to out: inout Emitter) {
        let mode = layout.stMode.unsigned(in: bytes)
        out.beginStruct()
        out.field("st_dev")
        printDevice(layout.stDev.unsigned(in: bytes), to: &out)
        out.field("st_ino")
        out.uint(layout.stIno.unsigned(in: bytes))
        out.field("st_mode")
        printFileMode(mode, to: &out)
        for (name, field) in [("st_nlink", layout.stNlink), ("st_uid", layout.stUid), ("st_gid", layout.stGid)] as [(StaticString, FieldLayout)] {
            out.field(name)
            out.uint(field.unsigned(in: bytes))
        }
        out.field("st_blksize")
        out.uint(layout.blocks?.blksize.unsigned(in: bytes) ?? 0)
        out.field("st_blocks")
        out.uint(layout.blocks?.blocks.unsigned(in: bytes) ?? 0)
        printSizeOrDevice(bytes, layout, mode: mode, to: &out)
        let nanoseconds = layout.nanoseconds
        let times: [(StaticString, StaticString, FieldLayout, FieldLayout?)] = [
            ("st_atime", "st_atime_nsec", layout.stAtime, nanoseconds?.atime),
            ("st_mtime", "st_mtime_nsec", layout.stMtime, nanoseconds?.mtime),
            ("st_ctime", "st_ctime_nsec", layout.stCtime, nanoseconds?.ctime),
        ]
        for (name, nanoName, seconds, nanoField) in times {
            let secondsValue = seconds.signed(in: bytes)
            let nanoValue = nanoField?.unsigned(in: bytes) ?? 0
            out.field(name)
            out.int(secondsValue)
            printStatDate(seconds: secondsValue, nanoseconds: nanoValue, to: &out)
            if nanoField != nil {
                out.field(nanoName)
                out.uint(nanoValue)
            }
        }
        out.endStruct()
    }
}

/// ` /* 2026-11-30T12:06:57.000000002+0000 */` after a stat time, none when localtime cannot tell
/// the date. In JSON the time is `commented` by its date.
private func printStatDate(seconds: Int64, nanoseconds: UInt64, to out: inout Emitter) {
    var time = time_t(seconds)
    var parts = tm()
    guard localtime_r(&time, &parts) != nil else { return }
    guard let fraction = Int64(exactly: nanoseconds) else {
        // A hostile fraction past Int64 (appendDate leaves a negative one out): as the text writes it.
        return out.text.appendTimeComment(seconds: seconds, nanoseconds: nanoseconds)
    }
    out.beginComment()
    appendDate(seconds, nanoseconds: fraction == 0 ? nil : fraction, to: &out.text)
    out.endComment()
}

/// The fields every kernel stat layout has, and the ones only the newer ones have.
protocol StatFields {
    var size: Int { get }
    var stDev: FieldLayout { get }
    var stIno: FieldLayout { get }
    var stMode: FieldLayout { get }
    var stNlink: FieldLayout { get }
    var stUid: FieldLayout { get }
    var stGid: FieldLayout { get }
    var stRdev: FieldLayout { get }
    var stSize: FieldLayout { get }
    var stAtime: FieldLayout { get }
    var stMtime: FieldLayout { get }
    var stCtime: FieldLayout { get }
    var blocks: (blksize: FieldLayout, blocks: FieldLayout)? { get }
    var nanoseconds: (atime: FieldLayout, mtime: FieldLayout, ctime: FieldLayout)? { get }
}

extension StatLayout: StatFields {
    var blocks: (blksize: FieldLayout, blocks: FieldLayout)? { (stBlksize, stBlocks) }
    var nanoseconds: (atime: FieldLayout, mtime: FieldLayout, ctime: FieldLayout)? { (stAtimeNsec, stMtimeNsec, stCtimeNsec) }
}
extension Statfs64Layout: StatfsFields {}
