import SyscallTables

/// ptrace(2) as strace 6.1 prints it: the request by name, then what that request takes.
/// Requests that take a pid alone print it alone (`ptrace(PTRACE_ATTACH, 1234)`), PTRACE_TRACEME
/// nothing more. The address is PTRACE_PEEKUSER/POKEUSER's offset inside struct user (`8*RIP`,
/// PtraceRegisters.swift), a register set's type for PTRACE_GETREGSET/SETREGSET, a size in
/// decimal for PTRACE_GETSIGMASK/SETSIGMASK, PTRACE_GET_SYSCALL_INFO and
/// PTRACE_SECCOMP_GET_METADATA, a filter's index for PTRACE_SECCOMP_GET_FILTER, the
/// `{off=0, flags=0, nr=4}` of PTRACE_PEEKSIGINFO, left out for PTRACE_GETREGS and its kin, and
/// a pointer otherwise. The data is a signal for the resuming requests, options for
/// PTRACE_SEIZE and PTRACE_SETOPTIONS, the word written for PTRACE_POKE*, and what the kernel
/// reads or fills in for the rest: `[0x33]` for PTRACE_PEEK*, `[42]` for PTRACE_GETEVENTMSG,
/// the registers (`{r15=0x1, ...}`; PTRACE_GETREGSET's in `{iov_base={...}, iov_len=1000 => 216}`),
/// a siginfo, a signal set, the siginfo array PTRACE_PEEKSIGINFO copies, struct
/// ptrace_syscall_info (`{op=PTRACE_SYSCALL_INFO_ENTRY, ..., entry={nr=__NR_close, args=[...]}}`),
/// `{filter_off=0, flags=0}`, and with `-v` the seccomp filter's instructions. What the kernel
/// fills in prints at exit, and by address when the call failed. Left as pointers, as strace
/// leaves them: PTRACE_GETFPXREGS, PTRACE_GET_THREAD_AREA, PTRACE_ARCH_PRCTL,
/// PTRACE_GET_RSEQ_CONFIGURATION and the register sets strace does not decode (NT_X86_XSTATE).
extension SyscallCatalog {
    static let processTrace: [String: SyscallSignature] = [
        "ptrace": .init(count: 4, decoder: .ptrace),
    ]
}

/// What a request does with its address and data, found once per ABI from the request table's
/// names, so that a call looks its request up by number.
private enum PtraceRequest {
    case traceMe, pidOnly, resume, options, peek, peekUser, poke, pokeUser, eventMessage
    case getRegisters, setRegisters, getFloatingPoint, setFloatingPoint, getRegisterSet, setRegisterSet
    case getSignalInfo, setSignalInfo, getSignalMask, setSignalMask, peekSignalInfo, getSyscallInfo
    case seccompFilter, seccompMetadata, other

    init(name: String) {
        switch name {
        case "PTRACE_TRACEME": self = .traceMe
        case "PTRACE_ATTACH", "PTRACE_INTERRUPT", "PTRACE_KILL", "PTRACE_LISTEN": self = .pidOnly
        case "PTRACE_CONT", "PTRACE_DETACH", "PTRACE_SYSCALL", "PTRACE_SINGLESTEP", "PTRACE_SINGLEBLOCK",
             "PTRACE_SYSEMU", "PTRACE_SYSEMU_SINGLESTEP": self = .resume
        case "PTRACE_SEIZE", "PTRACE_SETOPTIONS", "PTRACE_OLDSETOPTIONS": self = .options
        case "PTRACE_PEEKTEXT", "PTRACE_PEEKDATA": self = .peek
        case "PTRACE_PEEKUSER": self = .peekUser
        case "PTRACE_POKETEXT", "PTRACE_POKEDATA": self = .poke
        case "PTRACE_POKEUSER": self = .pokeUser
        case "PTRACE_GETEVENTMSG": self = .eventMessage
        case "PTRACE_GETREGS": self = .getRegisters
        case "PTRACE_SETREGS": self = .setRegisters
        case "PTRACE_GETFPREGS": self = .getFloatingPoint
        case "PTRACE_SETFPREGS": self = .setFloatingPoint
        case "PTRACE_GETREGSET": self = .getRegisterSet
        case "PTRACE_SETREGSET": self = .setRegisterSet
        case "PTRACE_GETSIGINFO": self = .getSignalInfo
        case "PTRACE_SETSIGINFO": self = .setSignalInfo
        case "PTRACE_GETSIGMASK": self = .getSignalMask
        case "PTRACE_SETSIGMASK": self = .setSignalMask
        case "PTRACE_PEEKSIGINFO": self = .peekSignalInfo
        case "PTRACE_GET_SYSCALL_INFO": self = .getSyscallInfo
        case "PTRACE_SECCOMP_GET_FILTER": self = .seccompFilter
        case "PTRACE_SECCOMP_GET_METADATA": self = .seccompMetadata
        default: self = .other
        }
    }

    private static func table(_ constants: ABIConstants) -> [UInt64: PtraceRequest] {
        var kinds: [UInt64: PtraceRequest] = [:]
        for entry in constants.ptraceRequests.entries where kinds[entry.value] == nil {
            kinds[entry.value] = PtraceRequest(name: "\(entry.name)")
        }
        return kinds
    }
    private static let x86_64 = table(.x86_64), i386 = table(.i386), aarch64 = table(.aarch64)

    /// The request `number` of `arch`: a dictionary lookup, nothing built.
    static func of(_ number: UInt64, arch: SyscallArch) -> PtraceRequest {
        let kinds = switch arch {
        case .x86_64: x86_64
        case .i386: i386
        case .aarch64: aarch64
        }
        return kinds[number] ?? .other
    }

    /// Whether the data is filled in by the kernel and printed at exit.
    var printsDataAtExit: Bool {
        switch self {
        case .peek, .peekUser, .eventMessage, .getRegisters, .getFloatingPoint, .getRegisterSet, .getSignalInfo,
             .getSignalMask, .peekSignalInfo, .getSyscallInfo, .seccompFilter, .seccompMetadata: true
        default: false
        }
    }
}

extension CallDecoder {
    static let ptrace = CallDecoder(entry: { context, out in
        let number = context.word(0)
        let request = PtraceRequest.of(number, arch: context.call.arch)
        out.constant(number, context.constants(\.ptraceRequests), unknown: "PTRACE_???")
        if case .traceMe = request { return }
        out.raw(", ")
        out.pid(Int64(context.int32(1)))
        if case .pidOnly = request { return }
        out.raw(", ")
        let address = context.word(2), data = context.word(3)
        switch request {
        case .getRegisters, .getFloatingPoint:
            return  // no address: the registers print at exit
        case .setRegisters:
            return context.printGeneralRegisters(at: data, length: .max, to: &out)
        case .setFloatingPoint:
            return context.printFloatingPointRegisters(at: data, length: .max, to: &out)
        case .peekUser, .pokeUser:
            context.printUserAreaOffset(address, to: &out)
        case .getRegisterSet, .setRegisterSet:
            out.constant(address, context.constants(\.registerSetTypes), unknown: "NT_???")
        case .getSignalMask, .setSignalMask, .getSyscallInfo, .seccompMetadata, .seccompFilter:
            out.uint(address)
        case .peekSignalInfo:
            context.printPeekSiginfoArguments(at: address, to: &out)
        default:
            out.pointer(address)
        }
        out.raw(", ")
        switch request {
        case .resume: out.signal(Int32(truncatingIfNeeded: data))
        case .options: out.flags(data, context.constants(\.ptraceOptions), unknown: "PTRACE_O_???")
        case .setRegisterSet:
            context.printRegisterSetVector(at: data, type: address, entryLength: nil, to: &out)
        case .getRegisterSet:
            // The length the tracer offers, for `iov_len=1000 => 216` at exit.
            if data != 0, let bytes = context.read(data, count: context.layouts.iovec.size) {
                context.slot.values = (context.layouts.iovec.iovLen.unsigned(in: bytes), 1)
            }
        case .setSignalInfo: context.printSiginfo(at: data, to: &out)
        case .setSignalMask: context.printPtraceSigset(at: data, size: address, to: &out)
        default:
            if !request.printsDataAtExit { out.pointer(data) }
        }
    }, exit: { context, out in
        let request = PtraceRequest.of(context.word(0), arch: context.call.arch)
        guard request.printsDataAtExit else { return }
        let address = context.word(2), data = context.word(3)
        if case .getRegisterSet = request {
            let entryLength = context.slot.values.1 == 1 ? context.slot.values.0 : nil
            return context.printRegisterSetVector(at: data, type: address, entryLength: entryLength, to: &out)
        }
        if case .seccompFilter = request, data == 0 { return out.name("NULL") }
        if case .seccompMetadata = request, context.returned == nil {
            return context.printSeccompMetadata(at: data, succeeded: false, to: &out)
        }
        guard let returned = context.returned else { return out.pointer(data) }
        switch request {
        case .peek, .peekUser, .eventMessage:
            guard context.dereferences, let value = context.readWord(data) else { return out.pointer(data) }
            out.beginArray()
            out.element()
            if case .eventMessage = request { out.uint(value) } else { out.pointer(value) }
            out.endArray()
        case .getRegisters: context.printGeneralRegisters(at: data, length: .max, to: &out)
        case .getFloatingPoint: context.printFloatingPointRegisters(at: data, length: .max, to: &out)
        case .getSignalInfo: context.printSiginfo(at: data, to: &out)
        case .getSignalMask: context.printPtraceSigset(at: data, size: address, to: &out)
        case .peekSignalInfo: context.printSiginfoArray(at: data, count: Int(returned), to: &out)
        case .getSyscallInfo:
            context.printSyscallInfo(at: data, size: Int(min(address, UInt64(returned))), to: &out)
        case .seccompFilter:
            guard !context.abbreviates else { return out.pointer(data) }
            context.printFilterInstructions(at: data, count: Int(min(returned, 4096)), seccomp: true, to: &out)
        case .seccompMetadata: context.printSeccompMetadata(at: data, succeeded: true, to: &out)
        default: out.pointer(data)
        }
    })
}

extension DecodeContext {
    /// A signal mask of `size` bytes: the set when the size is between a word and the kernel's
    /// 8 bytes, its address otherwise.
    fileprivate func printPtraceSigset(at address: UInt64, size: UInt64, to out: inout Emitter) {
        guard size >= UInt64(wordSize), size <= 8 else { return out.pointer(address) }
        printSigset(at: address, size: Int(size), to: &out)
    }

    /// PTRACE_PEEKSIGINFO's `{off=0, flags=PTRACE_PEEKSIGINFO_SHARED, nr=4}`.
    fileprivate func printPeekSiginfoArguments(at address: UInt64, to out: inout Emitter) {
        let layout = layouts.ptracePeekSiginfoArgs
        withStruct(at: address, size: layout.size, to: &out) { bytes, out in
            out.beginStruct()
            out.field("off")
            out.uint(layout.off.unsigned(in: bytes))
            out.field("flags")
            out.flags(layout.flags.unsigned(in: bytes), constants(\.ptracePeekSiginfoFlags), unknown: "PTRACE_PEEKSIGINFO_???")
            out.field("nr")
            out.int(layout.nr.signed(in: bytes))
            out.endStruct()
        }
    }

    /// The `count` siginfos PTRACE_PEEKSIGINFO copied (128 bytes each on every ABI).
    fileprivate func printSiginfoArray(at address: UInt64, count: Int, to out: inout Emitter) {
        out.beginArray()
        for index in 0..<count {
            guard out.element(index) else { break }
            printSiginfo(at: address &+ UInt64(index * SignalInfo.size), to: &out)
        }
        out.endArray()
    }

    /// `{filter_off=0, flags=0}`; the offset alone when the call failed.
    fileprivate func printSeccompMetadata(at address: UInt64, succeeded: Bool, to out: inout Emitter) {
        let layout = layouts.seccompMetadata
        withStruct(at: address, size: layout.size, to: &out) { bytes, out in
            out.beginStruct()
            out.field("filter_off")
            out.uint(layout.filterOff.unsigned(in: bytes))
            if succeeded {
                out.field("flags")
                out.flags(layout.flags.unsigned(in: bytes), constants(\.seccompFilterFlags), unknown: "SECCOMP_FILTER_FLAG_???")
            }
            out.endStruct()
        }
    }

    /// PTRACE_GETREGSET/SETREGSET's iovec: `{iov_base={...}, iov_len=216}`, the registers when
    /// this ABI's set of that type prints by member and the call did not fail, the length
    /// offered at entry ` => ` the length the kernel filled when they differ.
    fileprivate func printRegisterSetVector(at address: UInt64, type: UInt64, entryLength: UInt64?,
                                            to out: inout Emitter) {
        let layout = layouts.iovec
        withStruct(at: address, size: layout.size, to: &out) { bytes, out in
            let base = layout.iovBase.unsigned(in: bytes), length = layout.iovLen.unsigned(in: bytes)
            let failed = result != nil && returned == nil
            let shown = Int(min(length, 1 << 16))
            out.beginStruct()
            out.field("iov_base")
            let registers = constants(\.registerSetTypes).name(of: type)
            if failed || base == 0 || registers == nil {
                out.pointer(base)
            } else if let registers, sameName(registers, "NT_PRSTATUS") {
                printGeneralRegisters(at: base, length: shown, to: &out)
            } else if let registers, sameName(registers, "NT_FPREGSET") {
                printFloatingPointRegisters(at: base, length: shown, to: &out)
            } else {
                out.pointer(base)
            }
            out.field("iov_len")
            if let entryLength, entryLength != length {
                out.uint(entryLength)
                out.changed()
            }
            out.uint(length)
            out.endStruct()
        }
    }

    /// struct ptrace_syscall_info, the members within `size` bytes (the smaller of the buffer
    /// and what the kernel wrote): `{op=PTRACE_SYSCALL_INFO_EXIT, arch=AUDIT_ARCH_X86_64,
    /// instruction_pointer=0x401000, stack_pointer=0x7ffc..., exit={rval=-EBADF, is_error=1}}`.
    fileprivate func printSyscallInfo(at address: UInt64, size: Int, to out: inout Emitter) {
        let layout = layouts.ptraceSyscallInfo
        let shown = min(size, layout.size)
        guard let bytes = read(address, count: shown) else { return out.pointer(address) }
        func covers(_ field: FieldLayout) -> Bool { field.offset + field.size <= shown }
        let op = layout.op.unsigned(in: bytes), arch = layout.arch.unsigned(in: bytes)
        out.beginStruct()
        if covers(layout.op) {
            out.field("op")
            out.constant(op, constants(\.ptraceSyscallInfoOps), unknown: "PTRACE_SYSCALL_INFO_???")
        }
        if covers(layout.arch) {
            out.field("arch")
            out.constant(arch, constants(\.auditArches), unknown: "AUDIT_ARCH_???")
        }
        if covers(layout.instructionPointer) {
            out.field("instruction_pointer")
            out.pointer(layout.instructionPointer.unsigned(in: bytes))
        }
        if covers(layout.stackPointer) {
            out.field("stack_pointer")
            out.pointer(layout.stackPointer.unsigned(in: bytes))
        }
        let name = constants(\.ptraceSyscallInfoOps).name(of: op)
        if let name, sameName(name, "PTRACE_SYSCALL_INFO_ENTRY"), covers(layout.entryNr) {
            out.field("entry")
            printSyscallInfoCall(bytes, nr: layout.entryNr, args: layout.entryArgs, arch: arch, to: &out)
            out.endStruct()
        } else if let name, sameName(name, "PTRACE_SYSCALL_INFO_SECCOMP"), covers(layout.seccompNr) {
            out.field("seccomp")
            printSyscallInfoCall(bytes, nr: layout.seccompNr, args: layout.seccompArgs, arch: arch, to: &out)
            if covers(layout.seccompRetData) {
                out.field("ret_data")
                out.uint(layout.seccompRetData.unsigned(in: bytes))
            }
            out.endStruct()
        } else if let name, sameName(name, "PTRACE_SYSCALL_INFO_EXIT"), covers(layout.exitRval) {
            out.field("exit")
            out.beginStruct()
            out.field("rval")
            let value = layout.exitRval.signed(in: bytes)
            let isError = covers(layout.exitIsError) && layout.exitIsError.unsigned(in: bytes) != 0
            if isError, value < 0, let errno = ErrnoNames.name(Int(-value)) {
                out.styled(number: { $0.int(value) }, decoded: { $0.negatedErrno(value, errno) })
            } else {
                out.int(value)
            }
            if covers(layout.exitIsError) {
                out.field("is_error")
                out.uint(layout.exitIsError.unsigned(in: bytes))
            }
            out.endStruct()
        }
        out.endStruct()
    }

    /// `{nr=__NR_close, args=[0xffffffff, 0x1, ...]`: the struct is left open for seccomp's ret_data.
    private func printSyscallInfoCall(_ bytes: UnsafeRawBufferPointer, nr: FieldLayout, args: FieldLayout,
                                      arch: UInt64, to out: inout Emitter) {
        out.beginStruct()
        out.field("nr")
        printSyscallNumber(nr.unsigned(in: bytes), auditArch: arch, to: &out)
        if args.offset + args.size <= bytes.count {
            out.field("args")
            printHexWords(bytes, args, count: 6, to: &out)
        }
    }

    /// `__NR_read` for the tracer's own ABI, `0 /* read */` for another one, the number when unknown
    /// (ptrace's syscall info, a seccomp notification's data).
    func printSyscallNumber(_ number: UInt64, auditArch: UInt64, to out: inout Emitter) {
        guard let arch = SyscallArch(auditArch: UInt32(truncatingIfNeeded: auditArch)),
              let name = SyscallTable.forArch(arch).name(of: number) else { return out.uint(number) }
        let value = Int64(bitPattern: number)
        if arch == call.arch {
            out.styled(number: { $0.uint(number) }, decoded: { out in
                out.composedName(value) { text in
                    text.append("__NR_")
                    text.append(name)
                }
            })
        } else {
            out.uint(number)
            guard out.constantStyle != .raw else { return }
            out.beginComment()
            out.composedName(value) { $0.append(name) }
            out.endComment()
        }
    }
}
