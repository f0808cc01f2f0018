import SyscallTables

/// A syscall ABI as `-e trace=` names it: strace's "personalities". x32 is x86_64's ILP32 ABI: its
/// calls arrive with the x86_64 audit arch and `__X32_SYSCALL_BIT` set in the number.
enum SyscallPersonality: CaseIterable {
    case x86_64, i386, aarch64, x32

    /// The syscall names by number.
    var names: [String?] {
        switch self {
        case .x86_64: SyscallTable.x86_64.names
        case .i386: SyscallTable.i386.names
        case .aarch64: SyscallTable.aarch64.names
        case .x32: X32Syscalls.names
        }
    }

    /// How many numbers its table has (x32's without building its names: a filter is made at
    /// every start).
    var count: Int {
        switch self {
        case .x32: X32Syscalls.tableCount
        default: names.count
        }
    }

    /// The personalities a `NAME@64`, `@32` or `@x32` suffix selects: @64 is every 64-bit ABI
    /// (x86_64 and aarch64, of which a host has one), @32 the 32-bit compat ABI (i386).
    static func selected(by designator: Substring) -> [SyscallPersonality]? {
        switch designator {
        case "64": [.x86_64, .aarch64]
        case "32": [.i386]
        case "x32": [.x32]
        default: nil
        }
    }
}
