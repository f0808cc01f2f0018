import SyscallDecoding
import SyscallTables

/// arm64 `struct user_pt_regs`: x0...x30, sp, pc, pstate (34 u64). Syscall number in x8, arguments
/// in x0...x5, result in x0. The kernel overwrites x0 with the result, so the arguments must be kept
/// from the entry stop; and x7 is not the program's x7 at syscall stops (it says entry or exit).
struct Aarch64Registers: RegisterSet {
    static let size = 34 * 8
    let x0, x1, x2, x3, x4, x5, x8, sp: UInt64

    init(_ bytes: UnsafeRawBufferPointer) {
        x0 = bytes.word64(0)
        x1 = bytes.word64(1)
        x2 = bytes.word64(2)
        x3 = bytes.word64(3)
        x4 = bytes.word64(4)
        x5 = bytes.word64(5)
        x8 = bytes.word64(8)
        sp = bytes.word64(31)
    }

    var entry: SyscallCall {
        SyscallCall(arch: .aarch64, number: x8, args: SyscallArgs([x0, x1, x2, x3, x4, x5]), stackPointer: sp)
    }

    var returnValue: Int64 { Int64(bitPattern: x0) }

    /// Not in this register set: see `interrupted(systemCallNumber:)`.
    var interruptedSyscall: SyscallCall? { nil }

    /// The syscall the thread is in at a stop outside syscall-stops, from the number arm64 keeps
    /// apart from the general registers (NT_ARM_SYSTEM_CALL) and the arguments in x0...x5; nil
    /// when the number is -1 (no syscall). The kernel forgets the number on some paths before a
    /// signal stop (arm64's do_signal), and then nothing is named, as before.
    func interrupted(systemCallNumber: Int32) -> SyscallCall? {
        guard systemCallNumber >= 0 else { return nil }
        return SyscallCall(arch: .aarch64, number: UInt64(systemCallNumber), args: SyscallArgs([x0, x1, x2, x3, x4, x5]),
                           stackPointer: sp)
    }

    /// The NT_ARM_SYSTEM_CALL register set: one int, the syscall number; nil for another size.
    static func systemCallNumber(note bytes: UnsafeRawBufferPointer) -> Int32? {
        guard bytes.count == 4 else { return nil }
        return Int32(bitPattern: bytes.word32(0))
    }
}
