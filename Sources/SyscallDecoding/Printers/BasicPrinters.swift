/// The printers most syscalls are made of. Family files add their own beside their tables.
extension ArgPrinter {
    /// Not decoded yet: the register as `-e raw=` prints it (`0x1f`, `0`).
    public static let hex = ArgPrinter("hex", isDecoded: false) { value, context, out in
        out.hex(context.truncate(value))
    }
    /// A number strace itself prints in hex (rseq's length, an mmap offset): decoded.
    public static let hexValue = ArgPrinter("hexValue") { value, context, out in
        out.hex(context.truncate(value))
    }
    /// C `int` / `unsigned int` (low 32 bits of the register), decimal.
    public static let int = ArgPrinter("int") { value, _, out in out.int(Int64(Int32(truncatingIfNeeded: value))) }
    public static let uint = ArgPrinter("uint") { value, _, out in out.uint(UInt64(UInt32(truncatingIfNeeded: value))) }
    /// C `long` / `unsigned long` / `size_t` (the tracee's word size), decimal.
    public static let long = ArgPrinter("long") { value, context, out in
        out.int(context.wordSize == 4 ? Int64(Int32(truncatingIfNeeded: value)) : Int64(bitPattern: value))
    }
    public static let ulong = ArgPrinter("ulong") { value, context, out in out.uint(context.truncate(value)) }
    /// A pointer that is not followed: `NULL` or `0x7ffc...`.
    public static let pointer = ArgPrinter("pointer") { value, context, out in out.pointer(context.truncate(value)) }
    /// A file descriptor.
    public static let fd = ArgPrinter("fd") { value, _, out in out.fd(Int32(truncatingIfNeeded: value)) }
    /// A directory descriptor of the *at calls: `AT_FDCWD` or a number.
    public static let dirfd = ArgPrinter("dirfd") { value, _, out in out.dirfd(Int32(truncatingIfNeeded: value)) }
    /// A process id (`-Y` adds its command name).
    public static let pid = ArgPrinter("pid") { value, _, out in out.pid(Int64(Int32(truncatingIfNeeded: value))) }
    /// A NUL-terminated path, printed whole (up to PATH_MAX), never cut by `-s`.
    public static let path = ArgPrinter("path") { value, context, out in
        context.printCString(at: context.truncate(value), limit: pathLimit, to: &out)
    }
    /// A NUL-terminated string, cut to `-s` bytes.
    public static let string = ArgPrinter("string") { value, context, out in
        context.printCString(at: context.truncate(value), limit: context.options.stringLimit, to: &out)
    }
    /// A buffer the tracee passes in, its length in argument `length` (write's buf), cut to `-s`.
    public static func inBuffer(length: Int) -> ArgPrinter {
        ArgPrinter("inBuffer(\(length))", refersTo: length) { value, context, out in
            context.printBuffer(at: context.truncate(value), length: context.word(length), to: &out)
        }
    }
    /// A buffer the kernel fills, its length the return value (read's buf): printed at exit.
    public static let outBuffer = ArgPrinter("outBuffer", phase: .exit) { value, context, out in
        if let count = context.returned, count >= 0 {
            context.printBuffer(at: context.truncate(value), length: UInt64(count), to: &out)
        } else {
            out.pointer(context.truncate(value))
        }
    }
    /// open(2) flags: access mode, then flag names, then leftover bits in hex.
    public static let openFlags = ArgPrinter("openFlags") { value, context, out in
        out.openFlags(UInt32(truncatingIfNeeded: value), arch: context.call.arch)
    }
    /// A file mode in octal, printed only when the flags in argument `flags` contain O_CREAT or
    /// O_TMPFILE (open, openat).
    public static func createMode(flags: Int) -> ArgPrinter {
        ArgPrinter("createMode(\(flags))", refersTo: flags, shownIf: { context in
            OpenFlagBits.takesMode(UInt32(truncatingIfNeeded: context.call.args[flags]))
        }) { value, _, out in out.octal(value & 0o177777) }
    }
    /// A file mode in octal; mode_t as the kernel reads it for a file: the low 16 bits.
    public static let mode = ArgPrinter("mode") { value, _, out in out.octal(value & 0o177777) }
    /// execve's argv: `["ls", "-l"]`; envp: `0x7ffc... /* 23 vars */`.
    public static let argv = ArgPrinter("argv") { value, context, out in
        guard context.dereferences else { return out.pointer(context.truncate(value)) }
        context.printStringArray(at: context.truncate(value), to: &out)
    }
    public static let envp = ArgPrinter("envp") { value, context, out in
        if !context.dereferences {
            out.pointer(context.truncate(value))
        } else if context.abbreviates {
            context.printStringArrayAbbreviated(at: context.truncate(value), to: &out)
        } else {
            context.printStringArray(at: context.truncate(value), to: &out)
        }
    }
    /// A signal number: `SIGUSR1`.
    public static let signal = ArgPrinter("signal") { value, _, out in
        out.signal(Int32(truncatingIfNeeded: value))
    }
    /// restart_syscall's only "argument": `<... resuming interrupted read ...>`.
    public static let interruptedCall = ArgPrinter("interruptedCall") { _, context, out in
        out.raw("<... resuming interrupted ")
        out.text.append(context.interruptedCall ?? "system call")
        out.raw(" ...>")
    }
    /// An argument a whole-call decoder prints (see `CallDecoder`).
    static let byDecoder = ArgPrinter("byDecoder") { _, _, _ in }

    /// Flags named from one of the ABI's generated tables.
    static func flags(_ id: String, _ table: KeyPath<ABIConstants, FlagTable> & Sendable,
                      unknown: StaticString? = nil) -> ArgPrinter {
        ArgPrinter(id) { value, context, out in
            out.flags(UInt64(UInt32(truncatingIfNeeded: value)), context.constants(table), unknown: unknown)
        }
    }

    /// A value named from one of the ABI's generated tables; unknown values as strace prints them.
    static func constant(_ id: String, _ table: KeyPath<ABIConstants, ConstantTable> & Sendable,
                         unknown: StaticString? = nil) -> ArgPrinter {
        ArgPrinter(id) { value, context, out in
            out.constant(UInt64(UInt32(truncatingIfNeeded: value)), context.constants(table), unknown: unknown)
        }
    }
}

/// AT_FDCWD, which `<linux/fcntl.h>` defines as -100 on every ABI.
let atFdcwd: Int32 = -100

/// The longest path that prints whole: PATH_MAX (4096) less its NUL, as strace cuts paths.
let pathLimit = 4095

extension ReturnPrinter {
    /// Signed decimal.
    public static let int = ReturnPrinter("int") { value, _, out in out.int(value) }
    /// A new file descriptor (`-y` adds its path).
    public static let fd = ReturnPrinter("fd") { value, _, out in out.fd(Int32(truncatingIfNeeded: value)) }
    /// A process id (`-Y` adds its command name).
    public static let pid = ReturnPrinter("pid") { value, _, out in out.pid(value) }
    /// An address, `0x7f12...` (mmap, brk).
    public static let address = ReturnPrinter("address") { value, context, out in
        out.hex(context.truncate(UInt64(bitPattern: value)))
    }
    /// Not decoded yet: hex as `-e raw=` prints it.
    public static let hex = ReturnPrinter("hex", isDecoded: false) { value, context, out in
        out.hex(context.truncate(UInt64(bitPattern: value)))
    }
    /// The call does not return (exit, exit_group): printed as `?` when the task is gone.
    public static let noReturn = ReturnPrinter("noReturn") { value, _, out in out.int(value) }
    /// A mode in octal (umask's old mask).
    public static let octal = ReturnPrinter("octal") { value, _, out in out.octal(UInt64(bitPattern: value)) }
}

extension DecodeContext {
    /// A NUL-terminated string; its address when unreadable, `NULL` for 0.
    func printCString(at address: UInt64, limit: Int, to out: inout Emitter) {
        guard address != 0 else { return out.name("NULL") }
        guard let (bytes, terminated) = readCString(address, limit: limit) else { return out.hex(address) }
        out.bytes(bytes, truncated: !terminated)
    }

    /// `length` bytes at `address`, cut to `-s`; the address when unreadable.
    func printBuffer(at address: UInt64, length: UInt64, to out: inout Emitter) {
        guard address != 0 else { return out.name("NULL") }
        let shown = Int(min(length, UInt64(options.stringLimit)))
        guard let bytes = readBytes(address, count: shown) else { return out.hex(address) }
        out.bytes(bytes, truncated: UInt64(shown) < length)
    }

    /// `["ls", "-l"]`: at most `-s` elements, then `...`; an unreadable element prints as its address.
    func printStringArray(at address: UInt64, to out: inout Emitter) {
        guard address != 0 else { return out.name("NULL") }
        var words = words(at: address)
        guard words.word(0) != nil else { return out.hex(address) }
        out.beginArray()
        var index = 0
        while let element = words.word(index), element != 0 {
            if abbreviates && index >= options.stringLimit {
                out.abbreviated()
                break
            }
            out.element()
            printCString(at: element, limit: options.stringLimit, to: &out)
            index += 1
        }
        out.endArray()
    }

    /// `0x7ffc1234 /* 23 vars */`: the environment is long and rarely what one looks for.
    func printStringArrayAbbreviated(at address: UInt64, to out: inout Emitter) {
        guard address != 0 else { return out.name("NULL") }
        out.hex(address)
        var words = words(at: address)
        var count = 0
        while let element = words.word(count) {
            if element == 0 {
                out.beginComment()
                out.uint(UInt64(count))
                out.raw(count == 1 ? " var" : " vars")
                out.endComment()
                return
            }
            count += 1
        }
    }
}
