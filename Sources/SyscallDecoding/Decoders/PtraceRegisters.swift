import SyscallTables

/// What ptrace(2) reads and writes of a tracee's registers, as strace 6.1 on x86_64 prints it:
/// PTRACE_PEEKUSER/POKEUSER's offset inside struct user (`8*RIP`, `8*SS+24`,
/// `offsetof(struct user, u_debugreg)+56`, `sizeof(struct user)`, hex past its end), and the
/// general and floating point register sets of PTRACE_GETREGS/GETFPREGS and of
/// PTRACE_GETREGSET's NT_PRSTATUS/NT_PRFPREG (`{r15=0x1, ..., gs=0}`), each cut to the length
/// the call covers. strace names the offsets with x86_64's struct user on both x86 ABIs (an i386
/// tracee's `4*EBX` prints as `8*R15`), and so does this file. aarch64 (not compared with strace
/// here): offsets as numbers, register sets by address.
extension DecodeContext {
    /// PTRACE_PEEKUSER/POKEUSER's address: a slot of x86_64's struct user.
    func printUserAreaOffset(_ offset: UInt64, to out: inout Emitter) {
        guard call.arch != .aarch64 else { return out.pointer(offset) }
        let user = StructLayouts.x86_64.userArea64
        guard offset <= UInt64(user.size) else { return out.pointer(offset) }
        out.styled(number: { $0.pointer(offset) }, decoded: { out in
            out.composedName(Int64(offset)) { text in
                if offset == UInt64(user.size) {
                    text.append("sizeof(struct user)")
                } else if offset < UInt64(user.uFpvalid.offset) {
                    Self.appendRegisterSlot(offset, to: &text)
                } else {
                    Self.appendUserField(offset, user, to: &text)
                }
            }
        })
    }

    /// `8*NAME` of the last named register slot at or before `offset`, `+N` for the bytes past it.
    private static func appendRegisterSlot(_ offset: UInt64, to text: inout TextBuffer) {
        let registers = ABIConstants.x86_64.userAreaRegisters
        var slot = offset / 8
        while slot > 0 && registers.name(of: slot) == nil { slot -= 1 }
        guard let name = registers.name(of: slot) else { return text.appendHex(offset) }
        text.append("8*")
        text.append(name)
        if offset > slot * 8 {
            text.append(byte: UInt8(ascii: "+"))
            text.appendDecimal(offset - slot * 8)
        }
    }

    /// `offsetof(struct user, FIELD)` of the last field at or before `offset`, `+N` past it.
    private static func appendUserField(_ offset: UInt64, _ user: UserArea64Layout, to text: inout TextBuffer) {
        var found = userFields[0]
        for field in userFields where UInt64(field.0.offset) <= offset { found = field }
        text.append("offsetof(struct user, ")
        text.append(found.1)
        text.append(byte: UInt8(ascii: ")"))
        if offset > UInt64(found.0.offset) {
            text.append(byte: UInt8(ascii: "+"))
            text.appendDecimal(offset - UInt64(found.0.offset))
        }
    }

    /// The members of x86_64's struct user after the registers, in order.
    private static let userFields: [(FieldLayout, StaticString)] = {
        let user = StructLayouts.x86_64.userArea64
        return [
            (user.uFpvalid, "u_fpvalid"), (user.i387, "i387"), (user.uTsize, "u_tsize"), (user.uDsize, "u_dsize"),
            (user.uSsize, "u_ssize"), (user.startCode, "start_code"), (user.startStack, "start_stack"),
            (user.signal, "signal"), (user.reserved, "reserved"), (user.uAr0, "u_ar0"), (user.uFpstate, "u_fpstate"),
            (user.magic, "magic"), (user.uComm, "u_comm"), (user.uDebugreg, "u_debugreg"),
        ]
    }()

    /// Whether this ABI's register sets print by member (x86); elsewhere by address.
    var printsRegisterSets: Bool { call.arch != .aarch64 }

    /// The general registers (user_regs_struct) at `address`, the members within `length` bytes.
    func printGeneralRegisters(at address: UInt64, length: Int, to out: inout Emitter) {
        guard printsRegisterSets else { return out.pointer(address) }
        let size = call.arch == .i386 ? layouts.userRegs32.size : layouts.userRegs64.size
        let shown = min(length, size)
        guard address != 0 else { return out.name("NULL") }
        guard let bytes = read(address, count: shown) else { return out.hex(address) }
        let members = RegisterMembers(bytes: bytes)
        out.beginStruct()
        if call.arch == .i386 {
            let regs = layouts.userRegs32
            members.hex("ebx", regs.ebx, &out); members.hex("ecx", regs.ecx, &out); members.hex("edx", regs.edx, &out)
            members.hex("esi", regs.esi, &out); members.hex("edi", regs.edi, &out); members.hex("ebp", regs.ebp, &out)
            members.hex("eax", regs.eax, &out); members.hex("xds", regs.xds, &out); members.hex("xes", regs.xes, &out)
            members.hex("xfs", regs.xfs, &out); members.hex("xgs", regs.xgs, &out)
            members.hex("orig_eax", regs.origEax, &out); members.hex("eip", regs.eip, &out)
            members.hex("xcs", regs.xcs, &out); members.hex("eflags", regs.eflags, &out)
            members.hex("esp", regs.esp, &out); members.hex("xss", regs.xss, &out)
        } else {
            let regs = layouts.userRegs64
            members.hex("r15", regs.r15, &out); members.hex("r14", regs.r14, &out); members.hex("r13", regs.r13, &out)
            members.hex("r12", regs.r12, &out); members.hex("rbp", regs.rbp, &out); members.hex("rbx", regs.rbx, &out)
            members.hex("r11", regs.r11, &out); members.hex("r10", regs.r10, &out); members.hex("r9", regs.r9, &out)
            members.hex("r8", regs.r8, &out); members.hex("rax", regs.rax, &out); members.hex("rcx", regs.rcx, &out)
            members.hex("rdx", regs.rdx, &out); members.hex("rsi", regs.rsi, &out); members.hex("rdi", regs.rdi, &out)
            members.hex("orig_rax", regs.origRax, &out); members.hex("rip", regs.rip, &out)
            members.hex("cs", regs.cs, &out); members.hex("eflags", regs.eflags, &out)
            members.hex("rsp", regs.rsp, &out); members.hex("ss", regs.ss, &out)
            members.hex("fs_base", regs.fsBase, &out); members.hex("gs_base", regs.gsBase, &out)
            members.hex("ds", regs.ds, &out); members.hex("es", regs.es, &out)
            members.hex("fs", regs.fs, &out); members.hex("gs", regs.gs, &out)
        }
        out.endStruct()
    }

    /// The floating point registers (user_fpregs_struct) at `address`, within `length` bytes;
    /// its arrays cut at `-s` elements unless `-v`.
    func printFloatingPointRegisters(at address: UInt64, length: Int, to out: inout Emitter) {
        guard printsRegisterSets else { return out.pointer(address) }
        let size = call.arch == .i386 ? layouts.userFpregs32.size : layouts.userFpregs64.size
        let shown = min(length, size)
        guard address != 0 else { return out.name("NULL") }
        guard let bytes = read(address, count: shown) else { return out.hex(address) }
        let members = RegisterMembers(bytes: bytes)
        out.beginStruct()
        if call.arch == .i386 {
            let regs = layouts.userFpregs32
            members.hex("cwd", regs.cwd, &out); members.hex("swd", regs.swd, &out); members.hex("twd", regs.twd, &out)
            members.hex("fip", regs.fip, &out); members.hex("fcs", regs.fcs, &out); members.hex("foo", regs.foo, &out)
            members.hex("fos", regs.fos, &out)
            members.words("st_space", regs.stSpace, wordSize: 4, &out)
        } else {
            let regs = layouts.userFpregs64
            members.hex("cwd", regs.cwd, &out); members.hex("swd", regs.swd, &out); members.hex("ftw", regs.ftw, &out)
            members.hex("fop", regs.fop, &out); members.hex("rip", regs.rip, &out); members.hex("rdp", regs.rdp, &out)
            members.hex("mxcsr", regs.mxcsr, &out); members.hex("mxcr_mask", regs.mxcrMask, &out)
            members.words("st_space", regs.stSpace, wordSize: 4, &out)
            members.words("xmm_space", regs.xmmSpace, wordSize: 4, &out)
            members.words("padding", regs.padding, wordSize: 4, &out)
        }
        out.endStruct()
    }
}

/// The members of a register set that lie wholly inside the bytes read: a set read in part
/// (PTRACE_GETREGSET with a short iov_len) shows the members it covers.
private struct RegisterMembers {
    let bytes: UnsafeRawBufferPointer

    func covers(_ field: FieldLayout) -> Bool { field.offset + field.size <= bytes.count }

    func hex(_ name: StaticString, _ field: FieldLayout, _ out: inout Emitter) {
        guard covers(field) else { return }
        out.field(name)
        out.hex(field.unsigned(in: bytes))
    }

    /// An array of `wordSize`-byte words in hex.
    func words(_ name: StaticString, _ field: FieldLayout, wordSize: Int, _ out: inout Emitter) {
        guard covers(field) else { return }
        out.field(name)
        out.beginArray()
        for index in 0..<field.size / wordSize {
            guard out.element(index) else { break }
            out.hex(FieldLayout(offset: field.offset + index * wordSize, size: wordSize).unsigned(in: bytes))
        }
        out.endArray()
    }
}
