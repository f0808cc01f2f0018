/// Number-to-name map of one ABI's system calls, generated from the kernel's UAPI headers
/// (see `scripts/gen-syscall-tables`).
public struct SyscallTable: Sendable {
    public let arch: SyscallArch
    /// `names[nr]` is the name of syscall `nr`, or nil for a hole in the numbering.
    public let names: [String?]

    public init(arch: SyscallArch, names: [String?]) {
        self.arch = arch
        self.names = names
    }

    public func name(of number: UInt64) -> String? {
        number < UInt64(names.count) ? names[Int(number)] : nil
    }

    public func number(of name: String) -> Int? {
        names.firstIndex(of: name)
    }

    public static func forArch(_ arch: SyscallArch) -> SyscallTable {
        switch arch {
        case .x86_64: x86_64
        case .i386: i386
        case .aarch64: aarch64
        }
    }
}
