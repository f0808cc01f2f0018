import SyscallTables

/// What decoding needs to know about the tracee's ABI: its word size, its constant tables and its
/// struct layouts (all generated per ABI by `scripts/gen-constants`). A class: a decode context
/// holds one per stop, and copying the tables by value cost more than decoding a cheap call.
final class DecodeABI: Sendable {
    let arch: SyscallArch
    let wordSize: Int
    let constants: ABIConstants
    let layouts: StructLayouts

    init(arch: SyscallArch, wordSize: Int, constants: ABIConstants, layouts: StructLayouts) {
        self.arch = arch
        self.wordSize = wordSize
        self.constants = constants
        self.layouts = layouts
    }

    static let x86_64 = DecodeABI(arch: .x86_64, wordSize: 8, constants: .x86_64, layouts: .x86_64)
    static let i386 = DecodeABI(arch: .i386, wordSize: 4, constants: .i386, layouts: .i386)
    static let aarch64 = DecodeABI(arch: .aarch64, wordSize: 8, constants: .aarch64, layouts: .aarch64)

    static func forArch(_ arch: SyscallArch) -> DecodeABI {
        switch arch {
        case .x86_64: x86_64
        case .i386: i386
        case .aarch64: aarch64
        }
    }
}
