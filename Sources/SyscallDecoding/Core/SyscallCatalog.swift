import SyscallTables

/// How every syscall prints, by name. Each family file (`Catalog+File.swift`, ...) holds the
/// signatures of one group of syscalls; adding a decoder is one line there. A name with no
/// signature prints six raw arguments.
public enum SyscallCatalog {
    static let families: [[String: SyscallSignature]] = [file, io, process, signal, memory, network, ioctl, time, ipc, system, seccomp, processTrace, mount, mountAPI, landlock, keys, ioUring,
                                                           asyncIO, memoryPolicy, schedulerAttributes, memoryControl, systemAdmin,
                                                           processComparison, segmentDescriptors, resourceLimits, ioPriority, robustList]

    static let common: [String: SyscallSignature] = families.reduce(into: [:]) { all, family in
        all.merge(family) { first, second in
            preconditionFailure("a syscall is in two catalog families")
        }
    }

    /// Where one ABI's syscall takes other arguments than the same name elsewhere (i386's one-pointer
    /// mmap, for example).
    static let archSpecific: [SyscallArch: [String: SyscallSignature]] = [
        // The family files' i386 decoders (split offsets, sigreturn) win over I386.swift's raw entries.
        .i386: i386Specific.merging([i386IO, i386Signal, i386File, i386SplitOffsets].reduce(into: [:]) { all, family in
            all.merge(family) { first, _ in first }
        }) { _, decoded in decoded },
    ]

    public static func signature(of name: String, arch: SyscallArch) -> SyscallSignature {
        ResultRoles.apply(to: archSpecific[arch]?[name] ?? common[name] ?? .raw(6), of: name)
    }

    /// Whether `name` has a signature of its own (false: it prints six raw arguments).
    public static func knows(_ name: String, arch: SyscallArch) -> Bool {
        archSpecific[arch]?[name] != nil || common[name] != nil
    }
}
