import SyscallDecoding
import SyscallTables

/// What a syscall-stop says about the syscall: its entry (number and arguments) or its exit (result).
enum SyscallStopInfo: Equatable {
    case entry(SyscallCall)
    case exit(SyscallResult)
    /// PTRACE_GET_SYSCALL_INFO at a stop that is not a syscall stop.
    case notSyscall
}

/// `struct ptrace_syscall_info` (`<linux/ptrace.h>`), little-endian:
/// op u8 @0, arch u32 @4, instruction_pointer @8, stack_pointer @16, then
/// entry/seccomp: nr u64 @24, args[6] u64 @32; exit: rval s64 @24, is_error u8 @32.
enum SyscallInfoLayout {
    static let size = 88
    static let opNone: UInt8 = 0, opEntry: UInt8 = 1, opExit: UInt8 = 2, opSeccomp: UInt8 = 3

    /// The instruction pointer, which the kernel fills in at every stop (`-i`).
    static func instructionPointer(_ bytes: UnsafeMutableRawBufferPointer) -> UInt64 {
        bytes.loadUnaligned(fromByteOffset: 8, as: UInt64.self).littleEndian
    }

    /// Decodes the `count` bytes the kernel wrote. nil when too short to hold what `op` needs.
    /// An ABI swtrace has no table for decodes as `fallbackArch`, which prints its number raw.
    static func parse(_ bytes: UnsafeRawBufferPointer, count: Int, fallbackArch: SyscallArch) -> SyscallStopInfo? {
        guard count >= 24 else { return nil }
        func u64(_ offset: Int) -> UInt64 { bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self).littleEndian }
        switch bytes[0] {
        case opEntry, opSeccomp:
            guard count >= 80 else { return nil }
            let auditArch = bytes.loadUnaligned(fromByteOffset: 4, as: UInt32.self).littleEndian
            var args = SyscallArgs()
            for index in 0..<6 { args[index] = u64(32 + 8 * index) }
            let arch = SyscallArch(auditArch: auditArch) ?? fallbackArch
            return .entry(SyscallCall(arch: arch, number: u64(24), args: args, stackPointer: u64(16)))
        case opExit:
            guard count >= 33 else { return nil }
            let value = Int64(bitPattern: u64(24))
            return .exit(bytes[32] != 0 ? .failure(errno: Int(-value)) : .success(value))
        default:
            return .notSyscall
        }
    }
}
