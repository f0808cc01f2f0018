import SyscallTables

/// Prints syscalls in strace's format: the entry half (`name(args known at entry`), the exit half
/// (`args filled in by the kernel) = result`), and the pieces around them. Arguments are printed by
/// each syscall's printers (or its whole-call decoder) through one `Emitter`.
public struct SyscallFormatter: Sendable {
    public var options: DecodeOptions
    /// Scratch memory for tracee reads, reused by every stop this formatter decodes.
    let arena = DecodeArena()
    private let errorTexts = ErrorTexts()
    /// The host's ABI, held here: reading a global `static let` costs a swift_once check per stop.
    /// The others are made only when a tracee uses them (each costs start-up time to build).
    #if arch(arm64)
    private let hostABI = DecodeABI.aarch64
    #else
    private let hostABI = DecodeABI.x86_64
    #endif
    /// `--output-format=json`: the JSON style's state, reused by every stop.
    let json = JsonValueWriter()
    /// The text the JSON style writes beside its values (never shown).
    private let jsonText = ScratchText()

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
        let signature = descriptor.signature
        if signature.args.isEmpty && signature.decoder == nil {
            // getpid, sched_yield: nothing to decode (nor to print in hex with `-e raw=`), so no
            // context and no emitter to set up.
            if options.colors { out.appendInvisible(TextColors.syscall) }
            out.append(contentsOf: descriptor.nameBytes)
            if options.colors { out.appendInvisible(TextColors.reset) }
            return out.append("(")
        }
        var context = makeContext(call: call, result: nil, memory: memory, slot: slot,
                                  interruptedCall: interruptedCall, pid: pid)
        let raw = isRaw(call)
        if options.colors { out.appendInvisible(TextColors.syscall) }
        appendShownName(descriptor, context: context, raw: raw, to: &out)
        if options.colors { out.appendInvisible(TextColors.reset) }
        out.append("(")
        withEmitter(&out, pid: pid, abbreviates: context.abbreviates) { emitter in
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

    /// The name the call shows: a multiplexer (socketcall, ipc) shows the call it carries.
    private func appendShownName(_ descriptor: SyscallDescriptor, context: borrowing DecodeContext, raw: Bool,
                                 to out: inout TextBuffer) {
        if !raw, let shownName = descriptor.signature.decoder?.shownName?(context) { return out.append(shownName) }
        out.append(contentsOf: descriptor.nameBytes)
    }

    // MARK: JSON

    /// `"syscall":"name","args":[` and the arguments known at entry, as typed JSON values (the
    /// array stays open for `appendExitJSON`).
    public func appendEntryJSON(
        to out: inout TextBuffer, descriptor: SyscallDescriptor, call: SyscallCall,
        memory: some TraceeMemory, slot: inout CallSlot, interruptedCall: String? = nil, pid: Int32 = 0
    ) {
        let raw = isRaw(call)
        out.append("\"syscall\":\"")
        // A call without arguments (getppid) needs no decoding context and no emitter.
        if !raw && descriptor.signature.args.isEmpty && descriptor.signature.decoder == nil {
            out.append(contentsOf: descriptor.nameBytes)
            return out.append("\",\"args\":[")
        }
        var context = makeContext(call: call, result: nil, memory: memory, slot: slot,
                                  interruptedCall: interruptedCall, pid: pid)
        appendShownName(descriptor, context: context, raw: raw, to: &out)
        out.append("\",\"args\":[")
        let lastArgumentLength = withJSONEmitter(&out, pid: pid, commaFirst: false) { emitter in
            let signature = descriptor.signature
            if raw {
                for index in 0..<signature.args.count {
                    if index > 0 { emitter.raw(", ") }
                    emitter.hex(context.truncate(call.args[index]))
                }
                return
            }
            signature.printEntryArgs(&context, &emitter)
        }
        slot = context.slot
        if descriptor.signature.decoder != nil && lastArgumentLength > 0 {
            slot.jsonEntryLastArgumentLength = lastArgumentLength
        }
    }

    /// As above, for an entry whose exit needs nothing from it (the command's first execve).
    public func appendEntryJSON(
        to out: inout TextBuffer, descriptor: SyscallDescriptor, call: SyscallCall,
        memory: some TraceeMemory, interruptedCall: String? = nil, pid: Int32 = 0
    ) {
        var slot = CallSlot()
        appendEntryJSON(to: &out, descriptor: descriptor, call: call, memory: memory, slot: &slot,
                        interruptedCall: interruptedCall, pid: pid)
    }

    /// The arguments printed at exit, `]`, then `"ret":N` and either `"error"` (with `"errno"`
    /// and `"strerror"`) or, when the result prints as more than its number, `"retval"`.
    public func appendExitJSON(
        to out: inout TextBuffer, descriptor: SyscallDescriptor, call: SyscallCall,
        memory: some TraceeMemory, slot: CallSlot, result: SyscallResult, pid: Int32 = 0
    ) {
        let raw = isRaw(call)
        let signature = descriptor.signature
        let printsExitArgs = !raw && (signature.decoder != nil || signature.firstExitArg < signature.args.count)
        if !printsExitArgs, case .success(let value) = result, !raw,
           signature.returns.isPlainNumber || (signature.returns.isProcessID && !options.processNames) {
            // The cheapest calls (getppid): nothing at exit but a number, so no decoding context
            // and no emitter; what `Emitter.int` and `Emitter.pid` would write.
            out.append("],\"ret\":")
            out.appendJSONNumber(value)
            guard signature.returns.isProcessID else { return }
            out.append(",\"retval\":{\"type\":\"pid\",\"raw\":")
            out.appendJSONNumber(value)
            return out.append(byte: UInt8(ascii: "}"))
        }
        var context = makeContext(call: call, result: result, memory: memory, slot: slot, interruptedCall: nil, pid: pid)
        let commaFirst = out.bytes.last != UInt8(ascii: "[")
        // Most calls print nothing at exit but their result: no emitter to set up for them.
        if printsExitArgs {
            withJSONEmitter(&out, pid: pid, commaFirst: commaFirst,
                            entryLastArgumentLength: slot.jsonEntryLastArgumentLength) { emitter in
                descriptor.signature.printExitArgs(&context, &emitter)
            }
        }
        out.append("],\"ret\":")
        switch result {
        case .failure(let errno):
            out.append("-1,\"error\":")
            if let name = ErrnoNames.name(errno) {
                out.append(byte: UInt8(ascii: "\""))
                out.append(name)
                out.append(byte: UInt8(ascii: "\""))
            } else {
                out.append("null")
            }
            out.append(",\"errno\":")
            out.appendDecimal(Int64(errno))
            out.append(",\"strerror\":\"")
            if let explanation = ErrnoText.restartExplanation(errno) { out.append(explanation) } else { out.append(ErrnoText.message(errno)) }
            out.append(byte: UInt8(ascii: "\""))
        case .success(let value):
            out.appendJSONNumber(value)
            let start = out.bytes.count
            out.append(",\"retval\":")
            let valueStart = out.bytes.count
            withJSONEmitter(&out, pid: pid, kind: .result, commaFirst: false) { emitter in
                if raw {
                    emitter.hex(context.truncate(UInt64(bitPattern: value)))
                } else {
                    descriptor.signature.returns.print(value, &context, &emitter)
                }
            }
            // A result shown as its plain number needs no "retval".
            if json.lastKind == .int && json.lastInt == value && out.bytes[valueStart...].starts(with: "{\"type\":\"int\"".utf8) {
                out.bytes.removeSubrange(start...)
            }
        }
    }

    /// Lends `out` to the JSON style, which writes values there while the emitter writes its text
    /// into scratch space.
    /// Returns the length of the JSON of the last top-level argument written.
    @discardableResult
    private func withJSONEmitter(_ out: inout TextBuffer, pid: Int32, kind: JsonValueWriter.SlotKind = .argument,
                                 commaFirst: Bool, entryLastArgumentLength: Int = 0,
                                 _ body: (inout Emitter) -> Void) -> Int {
        var emitter = Emitter(text: TextBuffer(capacity: 0), options: options, pid: pid)
        emitter.colors = false
        emitter.json = json
        swap(&emitter.text, &jsonText.text)
        emitter.text.bytes.removeAll(keepingCapacity: true)
        emitter.text.lineStart = 0
        emitter.text.invisibleBytes = 0
        swap(&json.json, &out)
        json.begin(kind, textStart: 0, commaFirst: commaFirst, entryLastArgumentLength: entryLastArgumentLength)
        body(&emitter)
        json.end(text: emitter.text)
        let lastArgumentLength = json.lastArgumentLength
        swap(&json.json, &out)
        swap(&emitter.text, &jsonText.text)
        return lastArgumentLength
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
        let signature = descriptor.signature
        let raw = isRaw(call)
        if signature.decoder == nil && signature.firstExitArg >= signature.args.count {
            // Nothing to print at exit but the result (write, close, getppid): when that is an
            // error or a plain number, no context and no emitter to set up.
            switch result {
            case .failure(let errno):
                appendResultSeparator(to: &out)
                return appendError(errno, to: &out)
            case .success(let value) where !raw && (signature.returns.isPlainNumber
                                                    || (signature.returns.isProcessID && !options.processNames)):
                appendResultSeparator(to: &out)
                return out.appendDecimal(value)
            case .success:
                break
            }
        }
        var context = makeContext(call: call, result: result, memory: memory, slot: slot, interruptedCall: nil, pid: pid)
        withEmitter(&out, pid: pid, abbreviates: context.abbreviates) { emitter in
            if !raw {  // (raw: printed whole at entry)
                signature.printExitArgs(&context, &emitter)
            }
            appendResultSeparator(to: &emitter.text)
            switch result {
            case .failure(let errno):
                appendError(errno, to: &emitter.text)
            case .success(let value) where raw:
                emitter.hex(context.truncate(UInt64(bitPattern: value)))
            case .success(let value):
                signature.returns.print(value, &context, &emitter)
            }
        }
    }

    /// `-1 ENOENT (No such file or directory)`, in color with `--color`.
    private func appendError(_ errno: Int, to out: inout TextBuffer) {
        if options.colors { out.appendInvisible(TextColors.error) }
        if let text = errorTexts.text(errno) {
            out.append("-1 ")
            out.bytes.append(contentsOf: text)
        } else {
            out.appendErrorReturn(errno: errno)
        }
        if options.colors { out.appendInvisible(TextColors.reset) }
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

    /// `-e raw=`: whether `call` prints undecoded.
    private func isRaw(_ call: SyscallCall) -> Bool {
        options.raw.includes(call.arch, call.number)
    }

    private func makeContext(call: SyscallCall, result: SyscallResult?, memory: some TraceeMemory,
                             slot: CallSlot, interruptedCall: String?, pid: Int32) -> DecodeContext {
        arena.reset()
        let abi = call.arch == hostABI.arch ? hostABI : DecodeABI.forArch(call.arch)
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

/// A text buffer kept between stops (the JSON style's unseen text).
final class ScratchText: @unchecked Sendable {
    var text = TextBuffer(capacity: 1024)
}
