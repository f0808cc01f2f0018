import SyscallTables

/// One syscall of one ABI: its name and how it prints.
public struct SyscallDescriptor: Sendable {
    public let name: String
    public let signature: SyscallSignature
    /// restart_syscall, which continues the previous call rather than being one of its own.
    public let isRestart: Bool

    init(name: String, signature: SyscallSignature) {
        self.name = name
        self.signature = signature
        isRestart = signature.args == [.interruptedCall]
    }
}

/// Every syscall of one ABI, indexed by number, resolved once so that a stop costs an array index.
public final class DecoderTable: Sendable {
    public let arch: SyscallArch
    private let descriptors: [SyscallDescriptor?]

    public init(arch: SyscallArch) {
        self.arch = arch
        descriptors = SyscallTable.forArch(arch).names.map { name in
            name.map { SyscallDescriptor(name: $0, signature: SyscallCatalog.signature(of: $0, arch: arch)) }
        }
    }

    /// The descriptor of syscall `number`, or nil if this ABI has no such syscall.
    @inlinable public func descriptor(_ number: UInt64) -> SyscallDescriptor? {
        number < UInt64(descriptorCount) ? descriptorAt(Int(number)) : nil
    }

    @usableFromInline var descriptorCount: Int { descriptors.count }
    @usableFromInline func descriptorAt(_ index: Int) -> SyscallDescriptor? { descriptors[index] }

    public static let x86_64 = DecoderTable(arch: .x86_64)
    public static let i386 = DecoderTable(arch: .i386)
    public static let aarch64 = DecoderTable(arch: .aarch64)

    public static func forArch(_ arch: SyscallArch) -> DecoderTable {
        switch arch {
        case .x86_64: x86_64
        case .i386: i386
        case .aarch64: aarch64
        }
    }
}

/// A syscall the table does not know prints like strace's `syscall_0x1ff(...)`, with six raw args.
public func unknownSyscallDescriptor(_ number: UInt64) -> SyscallDescriptor {
    var name = TextBuffer(capacity: 24)
    name.append("syscall_")
    name.appendHex(number)
    return SyscallDescriptor(name: String(decoding: name.bytes, as: UTF8.self), signature: .raw(6))
}
