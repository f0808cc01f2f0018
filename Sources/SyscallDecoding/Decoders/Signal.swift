/// Signal handling: dispositions (rt_sigaction), masks (rt_sigprocmask), sending, waiting and
/// alternate stacks.
extension SyscallCatalog {
    static let signal: [String: SyscallSignature] = [
        "rt_sigaction": .init(.signal, .sigaction, .sigactionOut, .ulong),
        "rt_sigprocmask": .init(.constant("sigprocmaskHow", \.sigprocmaskHow, unknown: "SIG_???"),
                                .sigset(sizeArg: 3), .sigsetOut(sizeArg: 3), .ulong),
    ].merging(signalDelivery) { first, _ in first }
}

extension ArgPrinter {
    /// A `struct sigaction` the tracee passes in.
    static let sigaction = ArgPrinter("sigaction") { value, context, out in
        context.printSigaction(at: context.truncate(value), to: &out)
    }
    /// The old `struct sigaction` the kernel fills in; its address when the call failed.
    static let sigactionOut = ArgPrinter("sigactionOut", phase: .exit) { value, context, out in
        let address = context.truncate(value)
        guard context.returned != nil else { return out.pointer(address) }
        context.printSigaction(at: address, to: &out)
    }

    /// A signal set of `sizeArg`'s bytes: `[INT CHLD]`, `~[RTMIN RT_1]`.
    static func sigset(sizeArg: Int) -> ArgPrinter {
        ArgPrinter("sigset(\(sizeArg))", refersTo: sizeArg) { value, context, out in
            context.printSigset(at: context.truncate(value), size: Int(min(context.word(sizeArg), 128)), to: &out)
        }
    }
    static func sigsetOut(sizeArg: Int) -> ArgPrinter {
        ArgPrinter("sigsetOut(\(sizeArg))", phase: .exit, refersTo: sizeArg) { value, context, out in
            let address = context.truncate(value)
            guard context.returned != nil else { return out.pointer(address) }
            context.printSigset(at: address, size: Int(min(context.word(sizeArg), 128)), to: &out)
        }
    }
}

extension DecodeContext {
    /// `{sa_handler=SIG_DFL, sa_mask=[], sa_flags=SA_RESTORER, sa_restorer=0x7f...}`.
    func printSigaction(at address: UInt64, to out: inout Emitter) {
        guard address != 0 else { return out.name("NULL") }
        let layout = layouts.sigaction
        guard let bytes = read(address, count: layout.size) else { return out.hex(address) }
        let handler = layout.handler.unsigned(in: bytes)
        let flags = layout.flags.unsigned(in: bytes)
        out.beginStruct()
        out.field("sa_handler")
        // A handler is an address: `-X raw` prints SIG_IGN as `0x1`.
        if handler == constants.sigDefault {
            out.styled(number: { $0.hex(handler) }, decoded: { $0.name("SIG_DFL") })
        } else if handler == constants.sigIgnore {
            out.styled(number: { $0.hex(handler) }, decoded: { $0.name("SIG_IGN") })
        } else {
            out.hex(handler)
        }
        out.field("sa_mask")
        printSigsetBits(UnsafeRawBufferPointer(rebasing: bytes[layout.mask.offset..<layout.mask.offset + layout.mask.size]), to: &out)
        out.field("sa_flags")
        out.flags(flags, constants.sigactionFlags)
        if let restorer = constants.sigactionRestorer, flags & restorer != 0 {
            out.field("sa_restorer")
            out.hex(layout.restorer.unsigned(in: bytes))
        }
        out.endStruct()
    }

    func printSigset(at address: UInt64, size: Int, to out: inout Emitter) {
        guard address != 0 else { return out.name("NULL") }
        guard let bytes = read(address, count: size) else { return out.hex(address) }
        printSigsetBits(bytes, to: &out)
    }

    /// Signal n is bit n-1. More than half the signals set prints as `~[` the ones not set `]`.
    func printSigsetBits(_ bytes: UnsafeRawBufferPointer, to out: inout Emitter) {
        let bits = bytes.count * 8
        var set = 0
        for byte in bytes { set += byte.nonzeroBitCount }
        let inverted = set * 2 > bits
        // Signal sets separate their names with spaces, not as array elements.
        out.beginSet(inverted: inverted)
        for index in 0..<bits {
            let isSet = bytes[index / 8] & (1 << UInt8(index % 8)) != 0
            guard isSet != inverted else { continue }
            out.setMember()
            out.signalInSet(Int32(index + 1))
        }
        out.endSet()
    }
}

extension TextBuffer {
    /// `CHLD`, `RTMIN`, `RT_1`: a signal's name as signal sets print it; the number if it has none.
    mutating func appendSignalNameWithoutPrefix(_ signal: Int32) {
        let start = bytes.count
        if appendSignalName(signal) {
            bytes.removeSubrange(start..<start + 3)  // "SIG"
        } else {
            appendDecimal(Int64(signal))
        }
    }
}

extension SyscallCatalog {
    /// Sending signals, pending sets, waiting for signals, alternate stacks.
    static let signalDelivery: [String: SyscallSignature] = [
        "kill": .init(.int, .signal),
        "tkill": .init(.int, .signal),
        "tgkill": .init(.int, .int, .signal),
        "rt_sigqueueinfo": .init(.int, .signal, .siginfoIn),
        "rt_tgsigqueueinfo": .init(.int, .int, .signal, .siginfoIn),
        "pidfd_send_signal": .init(.fd, .signal, .siginfoIn, .hexValue),

        "rt_sigpending": .init(.sigsetPendingOut, .ulong),
        "rt_sigsuspend": .init(.kernelSigset(sizeArg: 1), .ulong),
        "rt_sigtimedwait": .init(.kernelSigset(sizeArg: 3), .siginfoOut, .timespec, .ulong, returns: .signalNumber),
        "rt_sigtimedwait_time64": .init(.kernelSigset(sizeArg: 3), .siginfoOut, .timespec64, .ulong, returns: .signalNumber),
        // The mask the signal frame restores, found from the stack pointer at entry.
        "rt_sigreturn": .init(count: 0, decoder: .sigreturn(rt: true)),
        "sigaltstack": .init(.stack, .stackOut),
        "pause": .init(),
        "restart_syscall": .init(.interruptedCall),
    ]
}

extension ArgPrinter {
    /// A kernel sigset_t whose size is an argument: its address unless the size is between a
    /// word and the kernel's 8 bytes, as strace prints it.
    static func kernelSigset(sizeArg: Int) -> ArgPrinter {
        ArgPrinter("kernelSigset(\(sizeArg))", refersTo: sizeArg) { value, context, out in
            let size = context.word(sizeArg)
            let address = context.truncate(value)
            guard size >= UInt64(context.wordSize), size <= 8 else { return out.pointer(address) }
            context.printSigset(at: address, size: Int(size), to: &out)
        }
    }

    /// rt_sigpending's set: any size up to the kernel's.
    static let sigsetPendingOut = output("sigsetPendingOut") { address, context, out in
        context.printSigset(at: address, size: Int(min(context.word(1), 8)), to: &out)
    }

    /// `{ss_sp=0x4ad6d0, ss_flags=SS_DISABLE, ss_size=65536}`.
    static let stack = ArgPrinter("stack") { value, context, out in
        context.printStack(at: context.truncate(value), to: &out)
    }
    static let stackOut = output("stackOut") { address, context, out in
        context.printStack(at: address, to: &out)
    }
}

extension ReturnPrinter {
    /// `10 (SIGUSR1)`.
    static let signalNumber = ReturnPrinter("signalNumber") { value, _, out in
        out.int(value)
        out.beginNote()
        out.element()
        out.signalName(Int32(truncatingIfNeeded: value))
        out.endNote()
    }
}

extension DecodeContext {
    func printStack(at address: UInt64, to out: inout Emitter) {
        let layout = layouts.stack
        withStruct(at: address, size: layout.size, to: &out) { bytes, out in
            out.beginStruct()
            out.field("ss_sp")
            out.pointer(layout.ssSp.unsigned(in: bytes))
            out.field("ss_flags")
            out.flags(layout.ssFlags.unsigned(in: bytes) & 0xffff_ffff, constants.sigaltstackFlags, unknown: "SS_???")
            out.field("ss_size")
            out.uint(layout.ssSize.unsigned(in: bytes))
            out.endStruct()
        }
    }
}

extension SyscallCatalog {
    /// i386's old-style sigreturn, which finds its mask in the frame's sigcontext.
    static let i386Signal: [String: SyscallSignature] = [
        "sigreturn": .init(count: 0, decoder: .sigreturn(rt: false)),
    ]
}

extension CallDecoder {
    /// `{mask=[USR2]}`: the signal mask that (rt_)sigreturn restores, read from the signal frame
    /// the stack pointer finds at entry (see `kernel_rt_sigframe_at_sp` in scripts/gen-constants).
    static func sigreturn(rt: Bool) -> CallDecoder {
        CallDecoder(entry: { context, out in
            let stackPointer = context.truncate(context.call.stackPointer)
            guard stackPointer != 0 else { return }
            if rt {
                let layouts = context.layouts
                let mask = layouts.rtSigframe.uc.offset + layouts.ucontext.ucSigmask.offset
                out.beginStruct()
                out.field("mask")
                context.printSigset(at: stackPointer &+ UInt64(mask), size: 8, to: &out)
                out.endStruct()
            } else {
                // The old frame is fetched as a whole first: unreadable (or under `-e verbose=`)
                // strace prints the stack pointer alone, without `{mask=`.
                context.printOldFrameMask(at: stackPointer, to: &out)
            }
        })
    }
}

extension DecodeContext {
    /// i386's old frame splits the mask: its first word in sigcontext's oldmask, the second in
    /// extramask; printed as one 8-byte set.
    func printOldFrameMask(at frame: UInt64, to out: inout Emitter) {
        let layout = layouts.sigframe
        guard let bytes = read(frame, count: layout.size) else { return out.hex(frame) }
        var words = (UInt32(truncatingIfNeeded: layout.oldmask.unsigned(in: bytes)),
                     UInt32(truncatingIfNeeded: layout.extramask.unsigned(in: bytes)))
        out.beginStruct()
        out.field("mask")
        withUnsafeBytes(of: &words) { printSigsetBits($0, to: &out) }
        out.endStruct()
    }
}
