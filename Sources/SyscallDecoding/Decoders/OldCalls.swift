/// i386's old calls, from before rt_sigaction, stat64, getdents and the six-register mmap:
/// one-word signal masks, the 32-bit and the older stat structs, one-pointer mmap and select,
/// printed as strace prints them for a 32-bit tracee. Their layouts are OLD_CALLS_LAYOUTS in
/// scripts/gen-constants.
extension SyscallCatalog {
    static let i386OldCalls: [String: SyscallSignature] = [
        "waitpid": .init(.int, .waitStatus, .flags("waitOptions", \.waitOptions, unknown: "W???")),

        "sigaction": .init(.signal, .oldSigaction, .oldSigactionOut),
        "signal": .init(.signal, .signalHandler, returns: .previousHandler),
        "sigprocmask": .init(.constant("sigprocmaskHow", \.sigprocmaskHow, unknown: "SIG_???"),
                             .oldSigset, .oldSigsetOut),
        "sigpending": .init(.oldSigsetOut),
        // Three registers; strace prints only the mask, the last one.
        "sigsuspend": .init(count: 3, decoder: CallDecoder(entry: { context, out in
            context.printOldSigsetWord(context.word(2), to: &out)
        })),
        "sgetmask": .init(returns: .oldMask(label: "mask")),
        "ssetmask": .init(.oldSigsetValue, returns: .oldMask(label: "old mask")),

        "stat": .init(.path, .asmStatBuffer),
        "lstat": .init(.path, .asmStatBuffer),
        "fstat": .init(.fd, .asmStatBuffer),
        "oldstat": .init(.path, .oldKernelStatBuffer),
        "oldlstat": .init(.path, .oldKernelStatBuffer),
        "oldfstat": .init(.fd, .oldKernelStatBuffer),
        // strace 6.1 prints the old utsname structs' addresses only.
        "olduname": .init(.pointer),
        "oldolduname": .init(.pointer),

        "readdir": .init(count: 3, decoder: .readdir),
        "mmap": .init(count: 1, returns: .address, decoder: .oneBlock(\.mmapArgsCall)),
        "select": .init(count: 1, returns: .oldSelectResult, decoder: .oneBlock(\.selectArgsCall)),
    ]
}

extension ArgPrinter {
    /// The old `struct sigaction` the tracee passes: `{sa_handler=SIG_IGN, sa_mask=[USR2], sa_flags=0}`.
    static let oldSigaction = ArgPrinter("oldSigaction") { value, context, out in
        context.printOldSigaction(at: context.truncate(value), to: &out)
    }
    /// The old disposition the kernel writes back; its address when the call failed.
    static let oldSigactionOut = ArgPrinter("oldSigactionOut", phase: .exit) { value, context, out in
        let address = context.truncate(value)
        guard context.returned != nil else { return out.pointer(address) }
        context.printOldSigaction(at: address, to: &out)
    }
    /// signal(2)'s handler: `SIG_IGN`, `SIG_DFL` or an address.
    static let signalHandler = ArgPrinter("signalHandler") { value, context, out in
        context.printHandler(context.truncate(value), to: &out)
    }
    /// An old_sigset_t (one word) the tracee passes by address: `[USR1]`.
    static let oldSigset = ArgPrinter("oldSigset") { value, context, out in
        context.printOldSigset(at: context.truncate(value), to: &out)
    }
    /// An old_sigset_t the kernel fills; its address when the call failed.
    static let oldSigsetOut = ArgPrinter("oldSigsetOut", phase: .exit) { value, context, out in
        let address = context.truncate(value)
        guard context.returned != nil else { return out.pointer(address) }
        context.printOldSigset(at: address, to: &out)
    }
    /// An old_sigset_t passed as the value itself (ssetmask).
    static let oldSigsetValue = ArgPrinter("oldSigsetValue") { value, context, out in
        context.printOldSigsetWord(value, to: &out)
    }
    /// i386's 32-bit `struct stat` (stat, lstat, fstat).
    static let asmStatBuffer = ArgPrinter("asmStat", phase: .exit) { value, context, out in
        context.printStat(at: context.truncate(value), context.layouts.asmStat, to: &out)
    }
    /// `struct __old_kernel_stat` (oldstat, oldlstat, oldfstat).
    static let oldKernelStatBuffer = ArgPrinter("oldKernelStat", phase: .exit) { value, context, out in
        context.printStat(at: context.truncate(value), context.layouts.oldKernelStat, to: &out)
    }
}

extension ReturnPrinter {
    /// signal(2)'s previous handler: `0 (SIG_DFL)`, `0x1 (SIG_IGN)`, or its address.
    static let previousHandler = ReturnPrinter("previousHandler") { value, context, out in
        let handler = context.truncate(UInt64(bitPattern: value))
        out.hex(handler)
        guard handler == context.constants.sigDefault || handler == context.constants.sigIgnore else { return }
        out.beginNote()
        out.element()
        out.name(handler == context.constants.sigDefault ? "SIG_DFL" : "SIG_IGN")
        out.endNote()
    }
    /// sgetmask's and ssetmask's one-word mask: `0x200 (mask [USR1])`.
    static func oldMask(label: StaticString) -> ReturnPrinter {
        ReturnPrinter("oldMask(\(label))") { value, context, out in
            let mask = context.truncate(UInt64(bitPattern: value))
            out.hex(mask)
            out.beginNote()
            out.element()
            out.label(label)
            context.printOldSigsetWord(mask, to: &out)
            out.endNote()
        }
    }
    /// Old select's result, read from the same block its arguments were.
    static let oldSelectResult = ReturnPrinter("oldSelectResult") { value, context, out in
        guard var carried = context.selectArgsCall else { return out.int(value) }
        ReturnPrinter.selectResult(timeout: .timeval).print(value, &carried.context, &out)
    }
}

extension CallDecoder {
    /// A call whose arguments are words in one block it points to (old mmap, old select): printed
    /// as the call that takes them in registers; the block's address when it cannot be read.
    static func oneBlock(_ carried: KeyPath<DecodeContext, (signature: SyscallSignature, context: DecodeContext)?> & Sendable)
        -> CallDecoder {
        CallDecoder(entry: { context, out in
            guard var call = context[keyPath: carried] else { return out.pointer(context.word(0)) }
            call.signature.printEntryArgs(&call.context, &out)
        }, exit: { context, out in
            guard var call = context[keyPath: carried] else { return }
            call.signature.printExitArgs(&call.context, &out)
        })
    }

    /// `readdir(5, {d_ino=19, d_off=108735049, d_reclen=3, d_name="etc"})`: one old_linux_dirent
    /// when an entry came back, and the count only when it is not 1.
    static let readdir = CallDecoder(entry: { context, out in
        out.fd(context.int32(0))
        out.raw(", ")
    }, exit: { context, out in
        let address = context.word(1)
        let layout = context.layouts.readdirEntry
        if let count = context.returned, count > 0, let bytes = context.read(address, count: layout.dName.offset) {
            let length = layout.dNamlen.unsigned(in: bytes)
            out.beginStruct()
            out.field("d_ino")
            out.uint(layout.dIno.unsigned(in: bytes))
            out.field("d_off")
            out.uint(layout.dOffset.unsigned(in: bytes))
            out.field("d_reclen")
            out.uint(length)
            out.field("d_name")
            context.printBuffer(at: address + UInt64(layout.dName.offset), length: length, to: &out)
            out.endStruct()
        } else {
            out.pointer(address)
        }
        if context.word(2) != 1 {
            out.raw(", ")
            out.uint(context.word(2))
        }
    })
}

extension DecodeContext {
    /// `{sa_handler=..., sa_mask=[USR2], sa_flags=SA_RESTART, sa_restorer=...}` from the old struct.
    func printOldSigaction(at address: UInt64, to out: inout Emitter) {
        guard address != 0 else { return out.name("NULL") }
        let layout = layouts.oldSigaction
        guard let bytes = read(address, count: layout.size) else { return out.hex(address) }
        let flags = layout.flags.unsigned(in: bytes)
        out.beginStruct()
        out.field("sa_handler")
        printHandler(layout.handler.unsigned(in: bytes), to: &out)
        out.field("sa_mask")
        printOldSigsetWord(layout.mask.unsigned(in: bytes), to: &out)
        out.field("sa_flags")
        out.flags(flags, constants.sigactionFlags)
        if let restorer = constants.sigactionRestorer, flags & restorer != 0 {
            out.field("sa_restorer")
            out.hex(layout.restorer.unsigned(in: bytes))
        }
        out.endStruct()
    }

    /// A handler: `SIG_DFL`, `SIG_IGN` (their numbers under `-X raw`), or its address.
    func printHandler(_ handler: UInt64, to out: inout Emitter) {
        if handler == constants.sigDefault {
            out.styled(number: { $0.hex(handler) }, decoded: { $0.name("SIG_DFL") })
        } else if handler == constants.sigIgnore {
            out.styled(number: { $0.hex(handler) }, decoded: { $0.name("SIG_IGN") })
        } else {
            out.hex(handler)
        }
    }

    /// An old_sigset_t's 32 bits: `[USR1 CHLD]`, `~[]`.
    func printOldSigsetWord(_ mask: UInt64, to out: inout Emitter) {
        var word = UInt32(truncatingIfNeeded: mask)
        withUnsafeBytes(of: &word) { printSigsetBits($0, to: &out) }
    }

    func printOldSigset(at address: UInt64, to out: inout Emitter) {
        guard address != 0 else { return out.name("NULL") }
        guard let bytes = read(address, count: 4) else { return out.hex(address) }
        printSigsetBits(bytes, to: &out)
    }

    /// mmap's six words as the six-register mmap's arguments (the offset in bytes, as old_mmap takes it).
    var mmapArgsCall: (signature: SyscallSignature, context: DecodeContext)? {
        let layout = layouts.mmapArgs
        return carriedCall(sixRegisterMmap, size: layout.size) { bytes, args in
            args[0] = layout.addr.unsigned(in: bytes)
            args[1] = layout.len.unsigned(in: bytes)
            args[2] = layout.prot.unsigned(in: bytes)
            args[3] = layout.flags.unsigned(in: bytes)
            args[4] = layout.fd.unsigned(in: bytes)
            args[5] = layout.offset.unsigned(in: bytes)
        }
    }

    /// select's five words as the five-register select's arguments.
    var selectArgsCall: (signature: SyscallSignature, context: DecodeContext)? {
        let layout = layouts.selArgs
        return carriedCall(fiveRegisterSelect, size: layout.size) { bytes, args in
            args[0] = layout.n.unsigned(in: bytes)
            args[1] = layout.inp.unsigned(in: bytes)
            args[2] = layout.outp.unsigned(in: bytes)
            args[3] = layout.exp.unsigned(in: bytes)
            args[4] = layout.tvp.unsigned(in: bytes)
        }
    }

    private func carriedCall(_ signature: SyscallSignature, size: Int,
                             _ arguments: (UnsafeRawBufferPointer, inout SyscallArgs) -> Void)
        -> (signature: SyscallSignature, context: DecodeContext)? {
        guard let bytes = readBytes(word(0), count: size) else { return nil }  // strace reads the block whatever -e verbose= says
        var carried = call
        arguments(bytes, &carried.args)
        let context = DecodeContext(call: carried, result: result, abi: abi, options: options, memory: memory,
                                    arena: arena, slot: slot, interruptedCall: interruptedCall, pid: pid,
                                    abbreviates: abbreviates, dereferences: dereferences)
        return (signature, context)
    }
}

private let sixRegisterMmap = SyscallCatalog.memory["mmap"]!
private let fiveRegisterSelect = SyscallCatalog.readiness["select"]!

extension AsmStatLayout: StatFields {
    var blocks: (blksize: FieldLayout, blocks: FieldLayout)? { (stBlksize, stBlocks) }
    var nanoseconds: (atime: FieldLayout, mtime: FieldLayout, ctime: FieldLayout)? { (stAtimeNsec, stMtimeNsec, stCtimeNsec) }
}

/// The oldest stat has no block counts and whole seconds only.
extension OldKernelStatLayout: StatFields {
    var blocks: (blksize: FieldLayout, blocks: FieldLayout)? { nil }
    var nanoseconds: (atime: FieldLayout, mtime: FieldLayout, ctime: FieldLayout)? { nil }
}
