/// The older and rarer file and clock calls: openat2's `struct open_how`, device nodes (mknod,
/// mknodat), the old getdents' `struct linux_dirent`, utime's `struct utimbuf`, utimes' and
/// futimesat's timeval pair, futex_waitv's waiters, stime, the clock adjustments' `struct timex`
/// with the clock state they return, and lookup_dcookie.
extension SyscallCatalog {
    static let legacyFiles: [String: SyscallSignature] = [
        "openat2": .init(.dirfd, .path, .openHow, .ulong),
        "mknod": .init(.path, .nodeMode, .nodeDevice(mode: 1)),
        "mknodat": .init(.dirfd, .path, .nodeMode, .nodeDevice(mode: 2)),
        "getdents": .init(.fd, .oldDirents, .uint),
        "utime": .init(.path, .utimbuf),
        "utimes": .init(.path, .timevalPair),
        "futimesat": .init(.dirfd, .path, .timevalPair),
        "futex_waitv": .init(.futexWaiters(count: 1), .uint, .hexValue, .timespec64, .clockId),
        "stime": .init(.timeIn),
        "adjtimex": .init(.timexOut(wide: false), returns: .clockState),
        "clock_adjtime": .init(.clockId, .timexOut(wide: false), returns: .clockState),
        "clock_adjtime64": .init(.clockId, .timexOut(wide: true), returns: .clockState),
        "lookup_dcookie": .init(.ulong, .outBuffer, .ulong),
    ]

    /// i386 passes lookup_dcookie's 64-bit cookie in two registers (low half first).
    static let i386LegacyFiles: [String: SyscallSignature] = [
        "lookup_dcookie": .init(count: 4, decoder: CallDecoder(entry: { context, out in
            out.uint(UInt64(bitPattern: context.splitOffset(low: 0)))
            out.raw(", ")
        }, exit: { context, out in
            if let count = context.returned, count >= 0 {
                context.printBuffer(at: context.word(2), length: UInt64(count), to: &out)
            } else {
                out.pointer(context.word(2))
            }
            out.raw(", ")
            out.uint(context.word(3))
        })),
    ]
}

/// The size of open_how's first version (OPEN_HOW_SIZE_VER0): a smaller one is not read.
private let openHowFirstSize = 24

extension ArgPrinter {
    /// `{flags=O_RDONLY|O_CLOEXEC, resolve=RESOLVE_BENEATH}`: the mode only when the flags create
    /// a file or the mode is set; bytes past the struct this ABI knows only when some are set.
    static let openHow = ArgPrinter("openHow", refersTo: 3) { value, context, out in
        let address = context.truncate(value)
        let size = Int(clamping: context.call.args[3])
        let layout = context.layouts.openHow
        guard address != 0 else { return out.name("NULL") }
        guard size >= openHowFirstSize, size <= 4096, let bytes = context.read(address, count: size) else {
            return out.pointer(address)
        }
        let flags = layout.flags.unsigned(in: bytes)
        let mode = layout.mode.unsigned(in: bytes)
        out.beginStruct()
        out.field("flags")
        if flags >> 32 == 0 {
            out.openFlags(UInt32(truncatingIfNeeded: flags), arch: context.call.arch)
        } else {
            // open_how's flags are 64 bits wide; no open flag lives above the low 32.
            out.styled(number: { $0.hex(flags) }, decoded: { out in
                out.beginOperation(.or)
                out.operand()
                out.openFlags(UInt32(truncatingIfNeeded: flags), arch: context.call.arch)
                out.operand()
                out.hex(flags & ~0xffff_ffff)
                out.endOperation()
            })
        }
        if OpenFlagBits.takesMode(UInt32(truncatingIfNeeded: flags)) || mode != 0 {
            out.field("mode")
            out.octal(mode)
        }
        out.field("resolve")
        out.flags(layout.resolve.unsigned(in: bytes), context.constants.resolveFlags, unknown: "RESOLVE_???")
        let known = min(layout.size, size)
        let extra = UnsafeRawBufferPointer(rebasing: bytes[known..<size])
        if extra.contains(where: { $0 != 0 }) {
            out.element()
            // Cut at -s as strace cuts them.
            let shown = min(extra.count, out.arrayLimit)
            out.bytesBeyondStruct(from: known, through: size - 1, UnsafeRawBufferPointer(rebasing: extra[..<shown]),
                                  truncated: shown < extra.count)
        }
        out.endStruct()
    }

    /// mknod's mode: `S_IFCHR|0666`; a type the kernel does not know as the whole number in octal.
    static let nodeMode = ArgPrinter("nodeMode") { value, context, out in
        let mode = value & 0xffff_ffff
        let type = mode & (context.constants.fileTypeMask ?? 0o170000)
        if type != 0, context.constants.fileTypes.name(of: type) == nil { return out.octal(mode) }
        context.printFileMode(mode, to: &out)
    }

    /// mknod's device number, shown only for a character or block device: `makedev(0x1, 0x3)`.
    static func nodeDevice(mode: Int) -> ArgPrinter {
        ArgPrinter("nodeDevice(\(mode))", refersTo: mode, shownIf: { context in
            context.isDevice(context.call.args[mode] & 0xffff_ffff)
        }) { value, context, out in
            printDevice(context.wordSize == 4 ? value & 0xffff_ffff : value, to: &out)
        }
    }

    /// The old getdents' buffer: its address and `/* N entries */`; with `-v` the entries,
    /// `[{d_ino=..., d_off=..., d_reclen=24, d_name=".", d_type=DT_DIR}, ...]` (d_type is the
    /// record's last byte).
    static let oldDirents = ArgPrinter("oldDirents", phase: .exit) { value, context, out in
        let layout = context.layouts.oldDirent
        // d_type is the record's last byte, after the name: a record must hold a byte past d_name.
        context.printDirentBuffer(at: context.truncate(value), reclen: layout.dReclen, minimumRecord: layout.dName.offset + 1,
                                  to: &out) { record, out in
            out.beginStruct()
            out.field("d_ino")
            out.uint(layout.dIno.unsigned(in: record))
            out.field("d_off")
            out.uint(layout.dOff.unsigned(in: record))
            out.field("d_reclen")
            out.uint(layout.dReclen.unsigned(in: record))
            out.field("d_name")
            out.bytes(record[layout.dName.offset..<(record.count - 1)].prefix { $0 != 0 })
            out.field("d_type")
            out.constant(UInt64(record[record.count - 1]), context.constants.direntTypes, unknown: "DT_???")
            out.endStruct()
        }
    }

    /// utime's `{actime=0, modtime=1700000000 /* 2023-11-14T22:13:20+0000 */}`.
    static let utimbuf = ArgPrinter("utimbuf") { value, context, out in
        let layout = context.layouts.utimbuf
        context.withStruct(at: context.truncate(value), size: layout.size, to: &out) { bytes, out in
            out.beginStruct()
            out.field("actime")
            printSeconds(layout.actime.signed(in: bytes), to: &out)
            out.field("modtime")
            printSeconds(layout.modtime.signed(in: bytes), to: &out)
            out.endStruct()
        }
    }

    /// utimes' two timevals: `[{tv_sec=1, tv_usec=2} /* 1970-01-01T00:00:01.000002+0000 */, ...]`.
    static let timevalPair = ArgPrinter("timevalPair") { value, context, out in
        let size = context.wordSize
        context.withStruct(at: context.truncate(value), size: 4 * size, to: &out) { bytes, out in
            out.beginArray()
            for index in 0..<2 {
                let seconds = FieldLayout(offset: 2 * index * size, size: size).signed(in: bytes)
                let microseconds = FieldLayout(offset: (2 * index + 1) * size, size: size).signed(in: bytes)
                guard out.element(index) else { break }
                out.beginStruct()
                out.field("tv_sec")
                out.int(seconds)
                out.field("tv_usec")
                out.int(microseconds)
                out.endStruct()
                // An out-of-range fraction is no date, and neither is the epoch itself.
                guard (0..<1_000_000).contains(microseconds), seconds != 0 || microseconds != 0 else { continue }
                out.beginComment()
                appendMicrosecondDate(seconds, microseconds: microseconds, to: &out.text)
                out.endComment()
            }
            out.endArray()
        }
    }

    /// futex_waitv's waiters, as many as argument `count` says:
    /// `[{val=0, uaddr=0x4a60d0, flags=FUTEX_32|FUTEX_PRIVATE_FLAG}]`.
    static func futexWaiters(count: Int) -> ArgPrinter {
        ArgPrinter("futexWaiters(\(count))", refersTo: count) { value, context, out in
            let address = context.truncate(value)
            let layout = context.layouts.futexWaitv
            let total = Int(truncatingIfNeeded: context.call.args[count] & 0xffff_ffff)
            guard address != 0 else { return out.name("NULL") }
            guard total > 0, context.dereferences, let first = context.read(address, count: layout.size) else {
                return out.pointer(address)
            }
            out.beginArray()
            var bytes = first
            for index in 0..<total {
                if index > 0 {
                    guard let next = context.read(address + UInt64(index * layout.size), count: layout.size) else { break }
                    bytes = next
                }
                guard out.element(index) else { break }
                out.beginStruct()
                out.field("val")
                out.hex(layout.val.unsigned(in: bytes))
                out.field("uaddr")
                out.pointer(layout.uaddr.unsigned(in: bytes))
                out.field("flags")
                out.flags(layout.flags.unsigned(in: bytes), context.constants.futexWaitvFlags, unknown: "FUTEX_???")
                out.endStruct()
            }
            out.endArray()
        }
    }

    /// stime's time_t: `[1700000000]`, shown once the call succeeded (strace shows the address of
    /// a time the kernel refused).
    static let timeIn = output("timeIn") { address, context, out in
        guard context.dereferences, let word = context.readWord(address) else { return out.pointer(address) }
        out.beginArray()
        out.element()
        out.int(context.wordSize == 4 ? Int64(Int32(truncatingIfNeeded: word)) : Int64(bitPattern: word))
        out.endArray()
    }

    /// The `struct timex` the kernel filled in (`wide`: clock_adjtime64's `struct __kernel_timex`).
    static func timexOut(wide: Bool) -> ArgPrinter {
        output("timexOut(\(wide))") { address, context, out in
            let layout: any TimexFields = wide ? context.layouts.timex64 : context.layouts.timex
            context.withStruct(at: address, size: layout.size, to: &out) { bytes, out in
                out.beginStruct()
                out.field("modes")
                out.flags(layout.modes.unsigned(in: bytes), context.constants.timexModes, unknown: "ADJ_???")
                out.field("offset")
                out.int(layout.offset.signed(in: bytes))
                out.field("freq")
                out.int(layout.freq.signed(in: bytes))
                out.field("maxerror")
                out.int(layout.maxerror.signed(in: bytes))
                out.field("esterror")
                out.int(layout.esterror.signed(in: bytes))
                out.field("status")
                out.flags(layout.status.unsigned(in: bytes), context.constants.timexStatus, unknown: "STA_???")
                out.field("constant")
                out.int(layout.constant.signed(in: bytes))
                out.field("precision")
                out.int(layout.precision.signed(in: bytes))
                out.field("tolerance")
                out.int(layout.tolerance.signed(in: bytes))
                out.field("time")
                out.beginStruct()
                out.field("tv_sec")
                out.int(layout.timeSec.signed(in: bytes))
                out.field("tv_usec")
                out.int(layout.timeUsec.signed(in: bytes))
                out.endStruct()
                let rest: [(StaticString, FieldLayout)] = [
                    ("tick", layout.tick), ("ppsfreq", layout.ppsfreq), ("jitter", layout.jitter),
                    ("shift", layout.shift), ("stabil", layout.stabil), ("jitcnt", layout.jitcnt),
                    ("calcnt", layout.calcnt), ("errcnt", layout.errcnt), ("stbcnt", layout.stbcnt),
                    ("tai", layout.tai),
                ]
                for (name, field) in rest {
                    out.field(name)
                    out.int(field.signed(in: bytes))
                }
                out.endStruct()
            }
        }
    }
}

extension ReturnPrinter {
    /// adjtimex's clock state: `5 (TIME_ERROR)`.
    /// The name shows whatever `-X` says, as strace shows it.
    static let clockState = ReturnPrinter("clockState") { value, context, out in
        out.int(value)
        // strace names the state only after printing the struct timex (not under `-e verbose=`).
        guard context.dereferences, let name = context.constants.timexStates.name(of: UInt64(bitPattern: value)) else { return }
        out.beginNote()
        out.element()
        out.name(name)
        out.endNote()
    }
}

/// A time_t as strace prints it: the number, and its date in a comment unless it is 0.
private func printSeconds(_ seconds: Int64, to out: inout Emitter) {
    out.int(seconds)
    guard seconds != 0 else { return }
    out.beginComment()
    appendDate(seconds, nanoseconds: nil, to: &out.text)
    out.endComment()
}

/// `1970-01-01T00:00:01.000002+0000`: a date with six digits of fraction.
private func appendMicrosecondDate(_ seconds: Int64, microseconds: Int64, to text: inout TextBuffer) {
    guard microseconds != 0 else { return appendDate(seconds, nanoseconds: nil, to: &text) }
    // appendDate writes nine digits of nanoseconds; a timeval's date has six.
    var full = TextBuffer(capacity: 48)
    appendDate(seconds, nanoseconds: microseconds * 1000, to: &full)
    guard let dot = full.bytes.firstIndex(of: UInt8(ascii: ".")) else { return text.append(contentsOf: full.bytes) }
    text.append(contentsOf: full.bytes[...(dot + 6)])
    text.append(contentsOf: full.bytes[(dot + 10)...])
}

/// What clock_adjtime prints of `struct timex` and of i386's `struct __kernel_timex` alike.
protocol TimexFields {
    var size: Int { get }
    var modes: FieldLayout { get }
    var offset: FieldLayout { get }
    var freq: FieldLayout { get }
    var maxerror: FieldLayout { get }
    var esterror: FieldLayout { get }
    var status: FieldLayout { get }
    var constant: FieldLayout { get }
    var precision: FieldLayout { get }
    var tolerance: FieldLayout { get }
    var timeSec: FieldLayout { get }
    var timeUsec: FieldLayout { get }
    var tick: FieldLayout { get }
    var ppsfreq: FieldLayout { get }
    var jitter: FieldLayout { get }
    var shift: FieldLayout { get }
    var stabil: FieldLayout { get }
    var jitcnt: FieldLayout { get }
    var calcnt: FieldLayout { get }
    var errcnt: FieldLayout { get }
    var stbcnt: FieldLayout { get }
    var tai: FieldLayout { get }
}

extension TimexLayout: TimexFields {}
extension Timex64Layout: TimexFields {}
