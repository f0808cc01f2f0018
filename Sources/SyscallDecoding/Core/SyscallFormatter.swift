import SyscallTables

/// Prints syscalls in strace's format: the entry half (`name(args known at entry`), the exit half
/// (`args filled in by the kernel) = result`), and the pieces around them. Arguments are printed by
/// each syscall's printers (or its whole-call decoder) through one `Emitter`.
public struct SyscallFormatter: Sendable {
    public var options: DecodeOptions
    /// Scratch memory for tracee reads, reused by every stop this formatter decodes.
    let arena = DecodeArena()

    public init(options: DecodeOptions = DecodeOptions()) {
        self.options = options
    }

    /// `name(` and every argument known at entry. When arguments remain for the exit, this ends with
    /// `, ` before the first of them (strace's `read(3, ` shape).
    public func appendEntry(
        to out: inout TextBuffer, descriptor: SyscallDescriptor, call: SyscallCall,
        memory: some TraceeMemory, interruptedCall: String? = nil
    ) {
        var slot = CallSlot()
        appendEntry(to: &out, descriptor: descriptor, call: call, memory: memory, slot: &slot,
                    interruptedCall: interruptedCall)
    }

    /// As above, keeping in `slot` what the exit half needs from the entry.
    public func appendEntry(
        to out: inout TextBuffer, descriptor: SyscallDescriptor, call: SyscallCall,
        memory: some TraceeMemory, slot: inout CallSlot, interruptedCall: String? = nil
    ) {
        out.append(descriptor.name)
        out.append("(")
        var context = makeContext(call: call, result: nil, memory: memory, slot: slot, interruptedCall: interruptedCall)
        withEmitter(&out) { emitter in
            let signature = descriptor.signature
            if let decoder = signature.decoder {
                decoder.entry(&context, &emitter)
                return
            }
            let count = printedArgCount(signature, context: context)
            let firstExit = min(signature.firstExitArg, count)
            for index in 0..<firstExit {
                if index > 0 { emitter.raw(", ") }
                signature.args[index].print(call.args[index], &context, &emitter)
            }
            if firstExit > 0 && firstExit < count { emitter.raw(", ") }
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
        memory: some TraceeMemory, result: SyscallResult
    ) {
        appendExit(to: &out, descriptor: descriptor, call: call, memory: memory, slot: CallSlot(), result: result)
    }

    /// As above, with what the entry half kept in `slot`.
    public func appendExit(
        to out: inout TextBuffer, descriptor: SyscallDescriptor, call: SyscallCall,
        memory: some TraceeMemory, slot: CallSlot, result: SyscallResult
    ) {
        var context = makeContext(call: call, result: result, memory: memory, slot: slot, interruptedCall: nil)
        withEmitter(&out) { emitter in
            let signature = descriptor.signature
            if let decoder = signature.decoder {
                decoder.exit?(&context, &emitter)
            } else {
                let count = printedArgCount(signature, context: context)
                let firstExit = min(signature.firstExitArg, count)
                for index in firstExit..<count {
                    if index > firstExit { emitter.raw(", ") }
                    signature.args[index].print(call.args[index], &context, &emitter)
                }
            }
            appendResultSeparator(to: &emitter.text)
            switch result {
            case .failure(let errno):
                emitter.text.appendErrorReturn(errno: errno)
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

    /// The same for `descriptor`'s call: ` <unfinished ...>) = ?` when the call had arguments
    /// left to print at its exit (a `clock_nanosleep` killed in its sleep), as strace ends it;
    /// `) = ?` when its entry half said everything (`exit_group(0) = ?`).
    public func appendNoReturn(to out: inout TextBuffer, descriptor: SyscallDescriptor) {
        if descriptor.signature.printsAtExit { out.append(" <unfinished ...>") }
        appendNoReturn(to: &out)
    }

    /// `) ` padded to the alignment column, then `= `.
    func appendResultSeparator(to out: inout TextBuffer) {
        out.append(") ")
        out.pad(toColumn: options.alignColumn)
        out.append("= ")
    }

    /// Trailing arguments that strace leaves out for this call (open's mode without O_CREAT).
    func printedArgCount(_ signature: SyscallSignature, context: borrowing DecodeContext) -> Int {
        if let last = signature.args.last, let isShown = last.isShown, !isShown(context) {
            return signature.args.count - 1
        }
        return signature.args.count
    }

    private func makeContext(call: SyscallCall, result: SyscallResult?, memory: some TraceeMemory,
                             slot: CallSlot, interruptedCall: String?) -> DecodeContext {
        arena.reset()
        return DecodeContext(call: call, result: result, abi: .forArch(call.arch), options: options,
                             memory: memory, arena: arena, slot: slot, interruptedCall: interruptedCall)
    }

    /// Lends `out` to an emitter without copying its bytes.
    private func withEmitter(_ out: inout TextBuffer, _ body: (inout Emitter) -> Void) {
        var emitter = Emitter(text: TextBuffer(capacity: 0))
        swap(&emitter.text, &out)
        body(&emitter)
        swap(&emitter.text, &out)
    }
}
