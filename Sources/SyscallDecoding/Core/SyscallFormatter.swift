import SyscallTables

/// Prints syscalls in strace's format: the entry half (`name(args known at entry`), the exit half
/// (`args filled in by the kernel) = result`), and the pieces around them. Arguments are printed by
/// each syscall's printers (or its whole-call decoder) through one `Emitter`.
public struct SyscallFormatter: Sendable {
    public var options: DecodeOptions
    /// Scratch memory for tracee reads, reused by every stop this formatter decodes.
    let arena = DecodeArena()
    /// The ABIs, held here: reading a global `static let` costs a swift_once check per stop.
    private let abis = (x86_64: DecodeABI.x86_64, i386: DecodeABI.i386, aarch64: DecodeABI.aarch64)

    public init(options: DecodeOptions = DecodeOptions()) {
        self.options = options
    }

    /// `name(` and every argument known at entry. When arguments remain for the exit, this ends with
    /// `, ` before the first of them (strace's `read(3, ` shape).
    public func appendEntry(
        to out: inout TextBuffer, descriptor: SyscallDescriptor, call: SyscallCall,
        memory: some TraceeMemory, interruptedCall: String? = nil, pid: Int32 = 0
    ) {
        var slot = CallSlot()
        appendEntry(to: &out, descriptor: descriptor, call: call, memory: memory, slot: &slot,
                    interruptedCall: interruptedCall, pid: pid)
    }

    /// As above, keeping in `slot` what the exit half needs from the entry.
    public func appendEntry(
        to out: inout TextBuffer, descriptor: SyscallDescriptor, call: SyscallCall,
        memory: some TraceeMemory, slot: inout CallSlot, interruptedCall: String? = nil, pid: Int32 = 0
    ) {
        var context = makeContext(call: call, result: nil, memory: memory, slot: slot,
                                  interruptedCall: interruptedCall, pid: pid)
        let raw = isRaw(call)
        if !raw, let shownName = descriptor.signature.decoder?.shownName?(context) {
            out.append(shownName)  // a multiplexer (socketcall, ipc) shows the call it carries
        } else {
            out.append(contentsOf: descriptor.nameBytes)
        }
        out.append("(")
        withEmitter(&out, pid: pid, abbreviates: context.abbreviates) { emitter in
            let signature = descriptor.signature
            if raw {
                // `-e raw=`: every argument in hex at entry, undecoded.
                for index in 0..<signature.args.count {
                    if index > 0 { emitter.raw(", ") }
                    emitter.hex(context.truncate(call.args[index]))
                }
                return
            }
            signature.printEntryArgs(&context, &emitter)
        }
        slot = context.slot
    }

    /// `<... name resumed>`, which starts the exit half when other output came between the halves.
    public func appendResumed(to out: inout TextBuffer, name: String) {
        out.append("<... ")
        out.append(name)
        out.append(" resumed>")
    }

    /// The arguments printed at exit, `)`, the padding and `= result`.
    public func appendExit(
        to out: inout TextBuffer, descriptor: SyscallDescriptor, call: SyscallCall,
        memory: some TraceeMemory, result: SyscallResult, pid: Int32 = 0
    ) {
        appendExit(to: &out, descriptor: descriptor, call: call, memory: memory,
                   slot: CallSlot(), result: result, pid: pid)
    }

    /// As above, with what the entry half kept in `slot`.
    public func appendExit(
        to out: inout TextBuffer, descriptor: SyscallDescriptor, call: SyscallCall,
        memory: some TraceeMemory, slot: CallSlot, result: SyscallResult, pid: Int32 = 0
    ) {
        var context = makeContext(call: call, result: result, memory: memory, slot: slot, interruptedCall: nil, pid: pid)
        let raw = isRaw(call)
        withEmitter(&out, pid: pid, abbreviates: context.abbreviates) { emitter in
            let signature = descriptor.signature
            if !raw {  // (raw: printed whole at entry)
                signature.printExitArgs(&context, &emitter)
            }
            appendResultSeparator(to: &emitter.text)
            switch result {
            case .failure(let errno):
                emitter.text.appendErrorReturn(errno: errno)
            case .success(let value) where raw:
                emitter.hex(context.truncate(UInt64(bitPattern: value)))
            case .success(let value):
                signature.returns.print(value, &context, &emitter)
            }
        }
    }

    /// `) = ?`: the end of a call whose task is gone before the call returned (exit_group, a kill).
    public func appendNoReturn(to out: inout TextBuffer) {
        appendResultSeparator(to: &out)
        out.append("?")
    }

    /// `) ` padded to the alignment column, then `= `.
    func appendResultSeparator(to out: inout TextBuffer) {
        out.append(") ")
        out.pad(toColumn: options.alignColumn)
        out.append("= ")
    }

    /// `-e raw=`: whether `call` prints undecoded.
    private func isRaw(_ call: SyscallCall) -> Bool {
        options.raw.includes(call.arch, call.number)
    }

    private func makeContext(call: SyscallCall, result: SyscallResult?, memory: some TraceeMemory,
                             slot: CallSlot, interruptedCall: String?, pid: Int32) -> DecodeContext {
        arena.reset()
        let abi = switch call.arch {
        case .x86_64: abis.x86_64
        case .i386: abis.i386
        case .aarch64: abis.aarch64
        }
        return DecodeContext(call: call, result: result, abi: abi, options: options,
                             memory: memory, arena: arena, slot: slot, interruptedCall: interruptedCall, pid: pid,
                             abbreviates: options.abbreviates.includes(call.arch, call.number),
                             dereferences: options.dereferences.includes(call.arch, call.number))
    }

    /// Lends `out` to an emitter without copying its bytes.
    /// `abbreviates`: the call prints in part (`-v` or `-e abbrev=` not given for it); strace cuts
    /// arrays at `-s` elements only then.
    private func withEmitter(_ out: inout TextBuffer, pid: Int32, abbreviates: Bool,
                             _ body: (inout Emitter) -> Void) {
        var emitter = Emitter(text: TextBuffer(capacity: 0), options: options, pid: pid)
        if !abbreviates { emitter.arrayLimit = .max }
        swap(&emitter.text, &out)
        body(&emitter)
        swap(&emitter.text, &out)
    }
}

extension SyscallSignature {
    /// Trailing arguments that strace leaves out for this call (open's mode without O_CREAT).
    func printedArgCount(context: borrowing DecodeContext) -> Int {
        if let last = args.last, let isShown = last.isShown, !isShown(context) {
            return args.count - 1
        }
        return args.count
    }

    /// The arguments known at entry; ends with `, ` when some remain for the exit. Also used by
    /// multiplexers (socketcall, ipc) for the call they carry.
    func printEntryArgs(_ context: inout DecodeContext, _ emitter: inout Emitter) {
        if let decoder {
            return decoder.entry(&context, &emitter)
        }
        let count = printedArgCount(context: context)
        let firstExit = min(firstExitArg, count)
        for index in 0..<firstExit {
            if index > 0 { emitter.raw(", ") }
            args[index].print(context.call.args[index], &context, &emitter)
        }
        if firstExit > 0 && firstExit < count { emitter.raw(", ") }
    }

    /// The arguments printed at exit (not the closing parenthesis).
    func printExitArgs(_ context: inout DecodeContext, _ emitter: inout Emitter) {
        if let decoder {
            decoder.exit?(&context, &emitter)
            return
        }
        let count = printedArgCount(context: context)
        let firstExit = min(firstExitArg, count)
        for index in firstExit..<count {
            if index > firstExit { emitter.raw(", ") }
            args[index].print(context.call.args[index], &context, &emitter)
        }
    }
}
