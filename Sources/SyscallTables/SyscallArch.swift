/// A system call ABI a tracee can enter the kernel through. One process can use more than one
/// (an x86_64 program may execute `int 0x80`), so the ABI is taken per syscall stop from the
/// `AUDIT_ARCH_*` value that PTRACE_GET_SYSCALL_INFO reports, never from the host.
public enum SyscallArch: String, Sendable, CaseIterable {
    case x86_64
    case i386
    case aarch64

    /// `AUDIT_ARCH_*` from `<linux/audit.h>`: machine number | 64-bit flag | little-endian flag.
    public var auditArch: UInt32 {
        switch self {
        case .x86_64: 0xc000_003e
        case .i386: 0x4000_0003
        case .aarch64: 0xc000_00b7
        }
    }

    public init?(auditArch: UInt32) {
        // A switch, not a search of allCases: this runs at every syscall entry.
        switch auditArch {
        case 0xc000_003e: self = .x86_64
        case 0x4000_0003: self = .i386
        case 0xc000_00b7: self = .aarch64
        default: return nil
        }
    }

    /// Bytes in a `long` or a pointer for a process using this ABI.
    public var wordSize: Int { self == .i386 ? 4 : 8 }
}
