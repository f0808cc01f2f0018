/// Memory that a descriptor or another process controls: userfaultfd, memfd_secret,
/// process_madvise and process_mrelease (a pidfd's process), and remap_file_pages.
extension SyscallCatalog {
    static let memoryControl: [String: SyscallSignature] = [
        "userfaultfd": .init(.flags("userfaultfdFlags", \.userfaultfdFlags, unknown: "UFFD_???"), returns: .fd),
        "memfd_secret": .init(.flags("memfdSecretFlags", \.memfdSecretFlags), returns: .fd),
        "process_madvise": .init(.fd, .otherProcessIovecs(count: 2), .ulong,
                                 .constant("madviseAdvice", \.madviseAdvice, unknown: "MADV_???"), .hexValue),
        "process_mrelease": .init(.fd, .hexValue),
        // The flags are mmap's, where a type of 0 is `MAP_FILE`: `MAP_FILE|MAP_FIXED`.
        "remap_file_pages": .init(.pointer, .ulong, .mmapProt, .ulong, .mmapFlags),
    ]
}

extension ArgPrinter {
    /// Another process's buffers (their count in argument `count`): addresses only.
    static func otherProcessIovecs(count: Int) -> ArgPrinter {
        ArgPrinter("otherProcessIovecs(\(count))", refersTo: count) { value, context, out in
            context.printIovecArray(at: context.truncate(value), count: context.word(count), data: .addresses, to: &out)
        }
    }
}
