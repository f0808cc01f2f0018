import SyscallDecoding
import SyscallTables

/// The fallback for kernels without PTRACE_GET_SYSCALL_INFO (before 5.3): syscall number, arguments
/// and result read from the general registers (PTRACE_GETREGSET, NT_PRSTATUS). Each ABI's layout is
/// in its own file; all of them compile on every host so that each can be tested anywhere.
protocol RegisterSet {
    /// Bytes of the register set; the kernel returns this size for a tracee of this ABI.
    static var size: Int { get }
    init(_ bytes: UnsafeRawBufferPointer)
    /// The syscall as the registers show it at a syscall-entry stop.
    var entry: SyscallCall { get }
    /// The return value register at a syscall-exit stop.
    var returnValue: Int64 { get }
    /// At a stop outside syscall-stops (the stop after attaching), the syscall the thread was in,
    /// when the registers tell it (x86 keeps the number in orig_rax/orig_eax; arm64 does not show
    /// it in this register set).
    var interruptedSyscall: SyscallCall? { get }
}

extension UnsafeRawBufferPointer {
    func word64(_ index: Int) -> UInt64 {
        loadUnaligned(fromByteOffset: index * 8, as: UInt64.self).littleEndian
    }

    func word32(_ index: Int) -> UInt32 {
        loadUnaligned(fromByteOffset: index * 4, as: UInt32.self).littleEndian
    }
}

enum RegisterSets {
    /// Decodes the `count` bytes of NT_PRSTATUS that the kernel returned for a tracee on a host of
    /// `hostArch`: the size tells a 32-bit tracee from a 64-bit one.
    static func decode(_ bytes: UnsafeRawBufferPointer, count: Int, hostArch: SyscallArch) -> (any RegisterSet)? {
        switch (hostArch, count) {
        case (.x86_64, X86_64Registers.size): X86_64Registers(bytes)
        case (.x86_64, I386Registers.size), (.i386, I386Registers.size): I386Registers(bytes)
        case (.aarch64, Aarch64Registers.size): Aarch64Registers(bytes)
        default: nil
        }
    }

    /// At the stop after attaching, the syscall the thread was in: from the registers on x86
    /// (orig_rax, orig_eax); on arm64 from `systemCallNumber` (PTRACE_GETREGSET NT_ARM_SYSTEM_CALL,
    /// asked only there) with the arguments from the registers.
    static func interruptedSyscall(_ bytes: UnsafeRawBufferPointer, count: Int, hostArch: SyscallArch,
                                   systemCallNumber: () -> Int32?) -> SyscallCall? {
        guard let registers = decode(bytes, count: count, hostArch: hostArch) else { return nil }
        if let arm64 = registers as? Aarch64Registers {
            return systemCallNumber().flatMap { arm64.interrupted(systemCallNumber: $0) }
        }
        return registers.interruptedSyscall
    }

    /// Large enough for every layout.
    static let bufferSize = 512
}
