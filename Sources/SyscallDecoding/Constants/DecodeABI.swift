import SyscallTables

/// What decoding needs to know about the tracee's ABI: its word size, its constant tables and its
/// struct layouts (all generated per ABI by `scripts/gen-constants`).
struct DecodeABI: Sendable {
    let arch: SyscallArch
    let wordSize: Int
    let constants: ABIConstants
    let layouts: StructLayouts

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
