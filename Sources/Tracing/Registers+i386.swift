import SyscallDecoding
import SyscallTables

/// i386 `struct user_regs_struct`, as a 64-bit kernel reports it for a 32-bit tracee: 17 u32 in the
/// order ebx, ecx, edx, esi, edi, ebp, eax, ds, es, fs, gs, orig_eax, eip, cs, eflags, esp, ss.
/// Syscall number in orig_eax, arguments in ebx ecx edx esi edi ebp, result in eax.
struct I386Registers: RegisterSet {
    static let size = 17 * 4
    let ebx, ecx, edx, esi, edi, ebp, eax, origEax, esp: UInt32

    init(_ bytes: UnsafeRawBufferPointer) {
        ebx = bytes.word32(0)
        ecx = bytes.word32(1)
        edx = bytes.word32(2)
        esi = bytes.word32(3)
        edi = bytes.word32(4)
        ebp = bytes.word32(5)
        eax = bytes.word32(6)
        origEax = bytes.word32(11)
        esp = bytes.word32(15)
    }

    var entry: SyscallCall {
        let args = [ebx, ecx, edx, esi, edi, ebp].map(UInt64.init)
        return SyscallCall(arch: .i386, number: UInt64(origEax), args: SyscallArgs(args), stackPointer: UInt64(esp))
    }

    var returnValue: Int64 { Int64(Int32(bitPattern: eax)) }

    var interruptedSyscall: SyscallCall? { origEax == UInt32.max ? nil : entry }
}
