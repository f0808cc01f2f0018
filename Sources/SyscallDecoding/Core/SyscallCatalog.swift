import SyscallTables

/// How every syscall prints, by name. Each family file (`Catalog+File.swift`, ...) holds the
/// signatures of one group of syscalls; adding a decoder is one line there. A name with no
/// signature prints six raw arguments.
public enum SyscallCatalog {
    /// Every family, each made the first time a lookup reaches it: building all of them (their
    /// signatures, printers and key paths) was 0.8 M instructions, a sixth of a filtered trace's
    /// start-up, which needs a few names from the first families.
    static let familyMakers: [@Sendable () -> [String: SyscallSignature]] = [
        { file }, { io }, { process }, { signal }, { memory }, { network }, { ioctl }, { time }, { ipc },
        { system }, { seccomp }, { processTrace }, { mount }, { mountAPI }, { landlock }, { keys },
        { ioUring }, { kernelControl }, { quota }, { perfEvent }, { bpf }, { asyncIO }, { memoryPolicy },
        { schedulerAttributes }, { memoryControl }, { systemAdmin }, { processComparison },
        { segmentDescriptors }, { resourceLimits }, { ioPriority }, { robustList }, { legacyFiles },
    ]

    static var families: [[String: SyscallSignature]] { familyMakers.map { $0() } }

    /// i386's own signatures, where its syscall takes other arguments than the same name elsewhere
    /// (its one-pointer mmap, for example). The family files' i386 decoders (split offsets,
    /// sigreturn) win over I386.swift's raw entries.
    static let i386Overrides: [String: SyscallSignature] = i386Specific.merging(
        [i386IO, i386Signal, i386File, i386SplitOffsets, i386LegacyFiles, i386OldCalls].reduce(into: [:]) { all, family in all.merge(family) { first, _ in first } }
    ) { _, decoded in decoded }

    /// The families' signature of `name`. Looked up family by family, not in one dictionary merged
    /// at start: a tracer asks for the few dozen names a trace meets (`LazyDecoderTable`), and the
    /// merge of every family cost a tenth of a short trace's start-up. No name is in two families
    /// (checked in debug builds, which the tests run).
    static func declared(_ name: String) -> SyscallSignature? {
        assert(familiesAreDisjoint, "a syscall is in two catalog families")
        for family in familyMakers {
            if let signature = family()[name] { return signature }
        }
        return nil
    }

    private static let familiesAreDisjoint: Bool = {
        var seen = Set<String>()
        return families.allSatisfy { family in family.keys.allSatisfy { seen.insert($0).inserted } }
    }()

    private static func declared(_ name: String, arch: SyscallArch) -> SyscallSignature? {
        if arch == .i386, let signature = i386Overrides[name] { return signature }
        return declared(name)
    }

    public static func signature(of name: String, arch: SyscallArch) -> SyscallSignature {
        ResultRoles.apply(to: declared(name, arch: arch) ?? .raw(6), of: name)
    }

    /// Whether `name` has a signature of its own (false: it prints six raw arguments).
    public static func knows(_ name: String, arch: SyscallArch) -> Bool {
        declared(name, arch: arch) != nil
    }
}
