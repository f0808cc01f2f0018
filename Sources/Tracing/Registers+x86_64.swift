import SyscallDecoding
import SyscallTables

/// x86_64 `struct user_regs_struct` (`<sys/user.h>`): 27 u64 in the order r15, r14, r13, r12, rbp,
/// rbx, r11, r10, r9, r8, rax, rcx, rdx, rsi, rdi, orig_rax, rip, cs, eflags, rsp, ss, fs_base,
/// gs_base, ds, es, fs, gs. Syscall number in orig_rax, arguments in rdi rsi rdx r10 r8 r9, result
/// in rax.
struct X86_64Registers: RegisterSet {
    static let size = 27 * 8
    let r10, r9, r8, rax, rdx, rsi, rdi, origRax, rsp: UInt64

    init(_ bytes: UnsafeRawBufferPointer) {
        r10 = bytes.word64(7)
        r9 = bytes.word64(8)
        r8 = bytes.word64(9)
        rax = bytes.word64(10)
        rdx = bytes.word64(12)
        rsi = bytes.word64(13)
        rdi = bytes.word64(14)
        origRax = bytes.word64(15)
        rsp = bytes.word64(19)
    }

    var entry: SyscallCall {
        SyscallCall(arch: .x86_64, number: origRax, args: SyscallArgs([rdi, rsi, rdx, r10, r8, r9]), stackPointer: rsp)
    }

    var returnValue: Int64 { Int64(bitPattern: rax) }

    var interruptedSyscall: SyscallCall? { origRax == UInt64.max ? nil : entry }
}
