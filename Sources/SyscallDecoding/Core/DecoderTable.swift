import SyscallTables

/// One syscall of one ABI: its name and how it prints. A class, made once per table entry: the
/// tracer keeps a reference to it from a call's entry stop to its exit stop, and copying the
/// name and printers by value at every stop cost more than the decoding.
public final class SyscallDescriptor: Sendable {
    public let name: String
    /// `name` as bytes, appended to every line without going through String.
    public let nameBytes: [UInt8]
    public let signature: SyscallSignature
    /// restart_syscall, which continues the previous call rather than being one of its own.
    public let isRestart: Bool
    /// execve or execveat: the call that replaces the program (decided once, not by name per stop).
    public let isExec: Bool
    /// The call can write to a file descriptor the tracer's output may share (the write family,
    /// sockets, splice), or start a program or a process that may: a batched trace is written
    /// before such a call runs, so that it stays in order with the program's own output.
    public let mayWriteOutput: Bool
    /// `signature.firstExitArg`, found once.
    let firstExitArg: Int

    init(name: String, signature: SyscallSignature) {
        self.name = name
        nameBytes = Array(name.utf8)
        self.signature = signature
        isRestart = name == "restart_syscall"
        isExec = name == "execve" || name == "execveat"
        mayWriteOutput = isExec || Self.outputWriters.contains(name)
        firstExitArg = signature.firstExitArg
    }

    private static let outputWriters: Set<String> = [
        "write", "writev", "pwrite64", "pwritev", "pwritev2", "sendfile", "sendfile64", "splice", "tee",
        "vmsplice", "copy_file_range", "send", "sendto", "sendmsg", "sendmmsg", "socketcall",
        "io_submit", "io_uring_enter", "fork", "vfork", "clone", "clone3",
    ]
}

/// Every syscall of one ABI, indexed by number, resolved once so that a stop costs an array index.
public final class DecoderTable: Sendable {
    public let arch: SyscallArch
    private let descriptors: ContiguousArray<SyscallDescriptor?>

    public init(arch: SyscallArch) {
        self.arch = arch
        descriptors = ContiguousArray(SyscallTable.forArch(arch).names.map { name in
            name.map { SyscallDescriptor(name: $0, signature: SyscallCatalog.signature(of: $0, arch: arch)) }
        })
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

/// One ABI's descriptors made when a syscall number is first seen, for the tracer: a trace that
/// meets 30 distinct syscalls makes 30 descriptors, not the table's 400 (making them all was a
/// third of swtrace's start-up, which is most of a short or filtered trace). Not shared between
/// threads: each `TraceSession` holds its own (`DecoderTable` is the shared, complete one).
public final class LazyDecoderTable {
    public let arch: SyscallArch
    @usableFromInline let names: [String?]
    @usableFromInline var descriptors: ContiguousArray<SyscallDescriptor?>
    private var undecoded: ContiguousArray<SyscallDescriptor?>

    public init(arch: SyscallArch) {
        self.arch = arch
        names = SyscallTable.forArch(arch).names
        descriptors = ContiguousArray(repeating: nil, count: names.count)
        undecoded = descriptors
    }

    /// The descriptor of syscall `number`, or nil if this ABI has no such syscall. After the
    /// first call with a number, an array index.
    @inlinable public func descriptor(_ number: UInt64) -> SyscallDescriptor? {
        guard number < UInt64(descriptors.count) else { return nil }
        if let descriptor = descriptors[Int(number)] { return descriptor }
        return make(Int(number))
    }

    @usableFromInline @inline(never) func make(_ index: Int) -> SyscallDescriptor? {
        guard let name = names[index] else { return nil }
        let descriptor = SyscallDescriptor(name: name, signature: SyscallCatalog.signature(of: name, arch: arch))
        descriptors[index] = descriptor
        return descriptor
    }

    /// The descriptor of a call the trace does not show: its name and flags are right, its
    /// signature is six raw arguments and must not print. A signature builds the catalog family
    /// of its call, and every family looked at before it: a filtered trace stops at the command's
    /// prctl and seccomp before its execve, and building their families for calls it never
    /// prints was a sixth of its start-up. The complete descriptor when that is made already.
    public func undecodedDescriptor(_ number: UInt64) -> SyscallDescriptor? {
        guard number < UInt64(descriptors.count) else { return nil }
        let index = Int(number)
        if let descriptor = descriptors[index] ?? undecoded[index] { return descriptor }
        guard let name = names[index] else { return nil }
        let descriptor = SyscallDescriptor(name: name, signature: .raw(6))
        undecoded[index] = descriptor
        return descriptor
    }
}

/// A syscall the table does not know prints like strace's `syscall_0x1ff(...)`, with six raw args.
/// The tracer keeps what this makes (`UnknownSyscalls`), so that a program that calls an unknown
/// number in a loop does not build a String per stop.
public func unknownSyscallDescriptor(_ number: UInt64) -> SyscallDescriptor {
    var name = TextBuffer(capacity: 24)
    name.append("syscall_")
    name.appendHex(number)
    return SyscallDescriptor(name: String(decoding: name.bytes, as: UTF8.self), signature: .raw(6))
}

/// The descriptors of syscall numbers the tables do not know, made once per ABI and number. A
/// program can call any number: past `limit` distinct ones, new ones are made per call and not kept.
public struct UnknownSyscalls {
    private struct Key: Hashable {
        let arch: SyscallArch
        let number: UInt64
    }
    private var known: [Key: SyscallDescriptor] = [:]
    private let limit: Int

    public init(limit: Int = 1024) {
        self.limit = limit
    }

    public mutating func descriptor(arch: SyscallArch, number: UInt64) -> SyscallDescriptor {
        let key = Key(arch: arch, number: number)
        if let descriptor = known[key] { return descriptor }
        let descriptor = unknownSyscallDescriptor(number)
        if known.count < limit { known[key] = descriptor }
        return descriptor
    }
}
