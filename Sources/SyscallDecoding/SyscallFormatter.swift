import SyscallTables

/// Prints syscalls in strace's format: the entry half (`name(args known at entry`), the exit half
/// (`args filled in by the kernel) = result`), and the pieces around them.
public struct SyscallFormatter: Sendable {
    public var options: DecodeOptions

    public init(options: DecodeOptions = DecodeOptions()) {
        self.options = options
    }

    /// The longest path that prints whole: PATH_MAX (4096) less its NUL, as strace cuts paths.
    static let pathLimit = 4095

    /// `name(` and every argument known at entry. When arguments remain for the exit, this ends with
    /// `, ` before the first of them (strace's `read(3, ` shape).
    public func appendEntry(
        to out: inout TextBuffer, descriptor: SyscallDescriptor, call: SyscallCall,
        memory: some TraceeMemory, interruptedCall: String? = nil
    ) {
        out.append(descriptor.name)
        out.append("(")
        let count = printedArgCount(descriptor.signature, call: call)
        let firstExit = min(descriptor.signature.firstExitArg, count)
        for index in 0..<firstExit {
            if index > 0 { out.append(", ") }
            appendArg(descriptor.signature.args[index], index: index, to: &out, call: call,
                      memory: memory, result: nil, interruptedCall: interruptedCall)
        }
        if firstExit > 0 && firstExit < count { out.append(", ") }
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
        let signature = descriptor.signature
        let count = printedArgCount(signature, call: call)
        let firstExit = min(signature.firstExitArg, count)
        for index in firstExit..<count {
            if index > firstExit { out.append(", ") }
            appendArg(signature.args[index], index: index, to: &out, call: call,
                      memory: memory, result: result, interruptedCall: nil)
        }
        appendResultSeparator(to: &out)
        switch result {
        case .failure(let errno):
            out.appendErrorReturn(errno: errno)
        case .success(let value):
            appendReturnValue(value, kind: signature.returns, arch: call.arch, to: &out)
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

    /// open and openat print their mode only when the flags create a file.
    func printedArgCount(_ signature: SyscallSignature, call: SyscallCall) -> Int {
        if case .createMode(let flagsIndex) = signature.args.last,
           !OpenFlagBits.takesMode(UInt32(truncatingIfNeeded: call.args[flagsIndex])) {
            return signature.args.count - 1
        }
        return signature.args.count
    }

    func appendReturnValue(_ value: Int64, kind: ReturnKind, arch: SyscallArch, to out: inout TextBuffer) {
        switch kind {
        case .int, .noReturn:
            out.appendDecimal(value)
        case .address, .hex:
            out.appendHex(truncate(UInt64(bitPattern: value), arch: arch))
        }
    }

    func truncate(_ value: UInt64, arch: SyscallArch) -> UInt64 {
        arch.wordSize == 4 ? value & 0xffff_ffff : value
    }

    func appendArg(
        _ kind: ArgKind, index: Int, to out: inout TextBuffer, call: SyscallCall,
        memory: some TraceeMemory, result: SyscallResult?, interruptedCall: String?
    ) {
        let raw = call.args[index]
        let word = truncate(raw, arch: call.arch)
        let int32 = Int32(truncatingIfNeeded: raw)
        switch kind {
        case .hex:
            out.appendHex(word)
        case .int:
            out.appendDecimal(Int64(int32))
        case .uint:
            out.appendDecimal(UInt64(UInt32(truncatingIfNeeded: raw)))
        case .long:
            out.appendDecimal(call.arch.wordSize == 4 ? Int64(int32) : Int64(bitPattern: raw))
        case .ulong:
            out.appendDecimal(word)
        case .pointer:
            out.appendPointer(word)
        case .fd:
            out.appendDecimal(Int64(int32))
        case .dirfd:
            if int32 == -100 { out.append("AT_FDCWD") } else { out.appendDecimal(Int64(int32)) }
        case .path:
            appendCString(at: word, limit: Self.pathLimit, to: &out, memory: memory)
        case .string:
            appendCString(at: word, limit: options.stringLimit, to: &out, memory: memory)
        case .inBuffer(let lengthIndex):
            appendBuffer(at: word, length: truncate(call.args[lengthIndex], arch: call.arch), to: &out, memory: memory)
        case .outBuffer:
            if case .success(let count) = result, count >= 0 {
                appendBuffer(at: word, length: UInt64(count), to: &out, memory: memory)
            } else {
                out.appendPointer(word)
            }
        case .openFlags:
            out.appendOpenFlags(UInt32(truncatingIfNeeded: raw), arch: call.arch)
        case .createMode, .mode:
            // mode_t as the kernel reads it for a file: the low 16 bits (type and permissions).
            out.appendOctalMode(raw & 0o177777)
        case .argv:
            appendStringArray(at: word, arch: call.arch, to: &out, memory: memory)
        case .envp:
            appendStringArrayAbbreviated(at: word, arch: call.arch, to: &out, memory: memory)
        case .signal:
            out.appendSignal(int32)
        case .interruptedCall:
            out.append("<... resuming interrupted ")
            out.append(interruptedCall ?? "system call")
            out.append(" ...>")
        }
    }

    /// A NUL-terminated string; its address when unreadable, `NULL` for 0.
    func appendCString(at address: UInt64, limit: Int, to out: inout TextBuffer, memory: some TraceeMemory) {
        guard address != 0 else { return out.append("NULL") }
        guard let (bytes, terminated) = memory.readCString(at: address, limit: limit) else {
            return out.appendHex(address)
        }
        out.appendQuoted(bytes, truncated: !terminated)
    }

    /// `length` bytes at `address`, cut to `-s`; the address when unreadable.
    func appendBuffer(at address: UInt64, length: UInt64, to out: inout TextBuffer, memory: some TraceeMemory) {
        guard address != 0 else { return out.append("NULL") }
        let shown = Int(min(length, UInt64(options.stringLimit)))
        guard let bytes = memory.readBytes(at: address, count: shown) else {
            return out.appendHex(address)
        }
        out.appendQuoted(bytes, truncated: UInt64(shown) < length)
    }

    /// `["ls", "-l"]`: at most `-s` elements, then `...`; an unreadable element prints as its address.
    func appendStringArray(at address: UInt64, arch: SyscallArch, to out: inout TextBuffer, memory: some TraceeMemory) {
        guard address != 0 else { return out.append("NULL") }
        guard memory.readWord(at: address, wordSize: arch.wordSize) != nil else {
            return out.appendHex(address)
        }
        out.append("[")
        var index = 0
        while let element = memory.readWord(at: address &+ UInt64(index * arch.wordSize), wordSize: arch.wordSize),
              element != 0 {
            if index > 0 { out.append(", ") }
            if index >= options.stringLimit {
                out.append("...")
                break
            }
            appendCString(at: element, limit: options.stringLimit, to: &out, memory: memory)
            index += 1
        }
        out.append("]")
    }

    /// `0x7ffc1234 /* 23 vars */`: the environment is long and rarely what one looks for.
    func appendStringArrayAbbreviated(at address: UInt64, arch: SyscallArch, to out: inout TextBuffer, memory: some TraceeMemory) {
        guard address != 0 else { return out.append("NULL") }
        out.appendHex(address)
        var count = 0
        while let element = memory.readWord(at: address &+ UInt64(count * arch.wordSize), wordSize: arch.wordSize) {
            if element == 0 {
                out.append(" /* ")
                out.appendDecimal(UInt64(count))
                out.append(count == 1 ? " var */" : " vars */")
                return
            }
            count += 1
        }
    }
}
