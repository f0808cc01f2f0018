/// seccomp(2) as strace prints it: the operation, its flags (filter flags for
/// SECCOMP_SET_MODE_FILTER, hex otherwise) and its argument: `{len=7, filter=0x...}` for a
/// filter (with `-v` the filter's classic BPF, `BPF_STMT(BPF_LD|BPF_W|BPF_ABS, 0x4)`, with
/// return values named as seccomp actions), `[SECCOMP_RET_KILL_PROCESS]` for an action asked
/// about, `{seccomp_notif=80, ...}` for the sizes the kernel returns.
extension SyscallCatalog {
    static let seccomp: [String: SyscallSignature] = [
        "seccomp": .init(count: 3, decoder: .seccomp),
    ]
}

extension CallDecoder {
    static let seccomp = CallDecoder(entry: { context, out in
        let operation = UInt64(UInt32(truncatingIfNeeded: context.call.args[0]))
        let constants = context.constants
        out.constant(operation, constants.seccompOperations, unknown: "SECCOMP_SET_MODE_???")
        out.raw(", ")
        let flags = UInt64(UInt32(truncatingIfNeeded: context.call.args[1]))
        let name = constants.seccompOperations.name(of: operation)
        if let name, sameName(name, "SECCOMP_SET_MODE_FILTER") {
            out.flags(flags, constants.seccompFilterFlags, unknown: "SECCOMP_FILTER_FLAG_???")
        } else {
            out.hex(flags)
        }
        out.raw(", ")
        let address = context.word(2)
        switch name.map({ "\($0)" }) {
        case "SECCOMP_SET_MODE_FILTER"?: context.printSocketFilterProgram(at: address, seccomp: true, to: &out)
        case "SECCOMP_GET_ACTION_AVAIL"?:
            guard address != 0 else { return out.name("NULL") }
            guard let bytes = context.read(address, count: 4) else { return out.hex(address) }
            out.beginArray()
            out.element()
            context.printSeccompAction(UInt64(bytes.u32(0)), to: &out)
            out.endArray()
        case "SECCOMP_GET_NOTIF_SIZES"?: return  // filled in by the kernel: at exit
        default: out.pointer(address)
        }
    }, exit: { context, out in
        let operation = UInt64(UInt32(truncatingIfNeeded: context.call.args[0]))
        guard let name = context.constants.seccompOperations.name(of: operation),
              sameName(name, "SECCOMP_GET_NOTIF_SIZES") else { return }
        let address = context.word(2)
        guard context.returned != nil, let bytes = context.read(address, count: 6) else { return out.pointer(address) }
        out.beginStruct()
        out.field("seccomp_notif")
        out.uint(UInt64(bytes.u16(0)))
        out.field("seccomp_notif_resp")
        out.uint(UInt64(bytes.u16(2)))
        out.field("seccomp_data")
        out.uint(UInt64(bytes.u16(4)))
        out.endStruct()
    })
}

extension DecodeContext {
    /// A seccomp action: `SECCOMP_RET_ALLOW`, `SECCOMP_RET_ERRNO|0x1` (the action and its data),
    /// `0x12345678 /* SECCOMP_RET_??? */` for no known action.
    func printSeccompAction(_ value: UInt64, to out: inout Emitter) {
        let action = value & 0xffff_0000, data = value & 0xffff
        guard let name = constants.seccompReturnActions.name(of: action) else {
            return out.constant(value, constants.seccompReturnActions, unknown: "SECCOMP_RET_???")
        }
        out.styled(number: { $0.hex(value) }, decoded: { out in
            out.name(name)
            if data != 0 {
                out.raw("|")
                out.hex(data)
            }
        })
    }

    /// struct sock_fprog: `{len=7, filter=0x7ffc...}`, with `-v` the instructions (cut at `-s`).
    func printSocketFilterProgram(at address: UInt64, seccomp: Bool, to out: inout Emitter) {
        guard address != 0 else { return out.name("NULL") }
        let layout = layouts.sockFprog
        guard let bytes = read(address, count: layout.size) else { return out.hex(address) }
        let count = Int(layout.len.unsigned(in: bytes))
        let filter = layout.filter.unsigned(in: bytes)
        out.beginStruct()
        out.field("len")
        out.uint(UInt64(count))
        out.field("filter")
        if abbreviates || filter == 0 {
            out.pointer(filter)
        } else {
            printFilterInstructions(at: filter, count: count, seccomp: seccomp, to: &out)
        }
        out.endStruct()
    }

    /// `count` instructions at `address` as an array cut at `-s` (unless `-v`); the address when
    /// they cannot be read (also PTRACE_SECCOMP_GET_FILTER's, ProcessTrace.swift).
    func printFilterInstructions(at address: UInt64, count: Int, seccomp: Bool, to out: inout Emitter) {
        let shown = min(count, max(out.arrayLimit, 1), DecodeArena.capacity / 16)
        guard let instructions = read(address, count: shown * 8) else { return out.hex(address) }
        out.beginArray()
        for index in 0..<count {
            // `shown` is the `-s` cut (or what the arena holds): `...` there.
            guard index < shown else {
                out.abbreviated()
                break
            }
            out.element()
            printFilterInstruction(UnsafeRawBufferPointer(rebasing: instructions[index * 8..<index * 8 + 8]),
                                   seccomp: seccomp, to: &out)
        }
        out.endArray()
    }

    /// One struct sock_filter: `BPF_STMT(code, k)`, or `BPF_JUMP(code, k, jt, jf)` for a
    /// conditional jump.
    func printFilterInstruction(_ bytes: UnsafeRawBufferPointer, seccomp: Bool, to out: inout Emitter) {
        let code = UInt64(bytes.u16(0)), jumpTrue = UInt64(bytes[2]), jumpFalse = UInt64(bytes[3])
        let k = UInt64(bytes.u32(4))
        let bpf = constants
        let instructionClass = code & 0x07
        let className = bpf.bpfClasses.name(of: instructionClass)
        let isJump = className.map { sameName($0, "BPF_JMP") } ?? false
        let isConditional = isJump && bpf.bpfJumpOperations.name(of: code & 0xf0).map { !sameName($0, "BPF_JA") } ?? false
        out.raw(isConditional ? "BPF_JUMP(" : "BPF_STMT(")
        printFilterCode(code, to: &out)
        out.raw(", ")
        if let className, sameName(className, "BPF_RET"), seccomp, code & 0x18 == 0 {
            printSeccompAction(k, to: &out)
        } else {
            out.hex(k)
        }
        if isConditional {
            out.raw(", ")
            out.hex(jumpTrue)
            out.raw(", ")
            out.hex(jumpFalse)
        }
        out.raw(")")
    }

    /// `BPF_LD|BPF_W|BPF_ABS`, `BPF_JMP|BPF_K|BPF_JEQ`, `BPF_RET|BPF_K`, `BPF_MISC|BPF_TAX`.
    private func printFilterCode(_ code: UInt64, to out: inout Emitter) {
        let bpf = constants
        guard let className = bpf.bpfClasses.name(of: code & 0x07) else { return out.hex(code) }
        out.styled(number: { $0.hex(code) }, decoded: { out in
            out.name(className)
            func part(_ value: UInt64, _ table: ConstantTable) {
                out.raw("|")
                if let name = table.name(of: value) { out.name(name) } else { out.hex(value) }
            }
            switch "\(className)" {
            case "BPF_LD", "BPF_LDX", "BPF_ST", "BPF_STX":
                part(code & 0x18, bpf.bpfSizes)
                part(code & 0xe0, bpf.bpfModes)
            case "BPF_ALU":
                part(code & 0x08, bpf.bpfSources)
                part(code & 0xf0, bpf.bpfAluOperations)
            case "BPF_JMP":
                part(code & 0x08, bpf.bpfSources)
                part(code & 0xf0, bpf.bpfJumpOperations)
            case "BPF_RET":
                part(code & 0x18, bpf.bpfReturnValues)
            default:  // BPF_MISC
                part(code & 0xf8, bpf.bpfMiscOperations)
            }
        })
    }
}
