/// Memory that a descriptor or another process controls: userfaultfd, memfd_secret,
/// process_madvise and process_mrelease (a pidfd's process), and remap_file_pages.
extension SyscallCatalog {
    static let memoryControl: [String: SyscallSignature] = [
        "userfaultfd": .init(.flags("userfaultfdFlags", \.userfaultfdFlags, unknown: "UFFD_???"), returns: .fd),
        "memfd_secret": .init(.flags("memfdSecretFlags", \.memfdSecretFlags), returns: .fd),
        "process_madvise": .init(.fd, .otherProcessIovecs(count: 2), .ulong,
                                 .constant("madviseAdvice", \.madviseAdvice, unknown: "MADV_???"), .hexValue),
        "process_mrelease": .init(.fd, .hexValue),
        "remap_file_pages": .init(.pointer, .ulong, .mmapProt, .ulong,
                                  .remapFlags),
    ]
}

extension ArgPrinter {
    /// Another process's buffers (their count in argument `count`): addresses only.
    static func otherProcessIovecs(count: Int) -> ArgPrinter {
        ArgPrinter("otherProcessIovecs(\(count))", refersTo: count) { value, context, out in
            context.printIovecArray(at: context.truncate(value), count: context.word(count), data: .addresses, to: &out)
        }
    }

    /// remap_file_pages' flags as mmap's, where a type of 0 is `MAP_FILE`: `MAP_FILE|MAP_FIXED`.
    static let remapFlags = ArgPrinter("remapFlags") { value, context, out in
        let flags = UInt64(UInt32(truncatingIfNeeded: value))
        let typeMask = context.constants.mapTypeMask ?? 0
        out.styled(number: { $0.hex(flags) }, decoded: { out in
            let rest = flags & ~typeMask
            out.beginOperation(.or)
            out.operand()
            if flags & typeMask == 0 {
                out.name("MAP_FILE")
            } else {
                out.constant(flags & typeMask, context.constants.mmapType, unknown: "MAP_???")
            }
            if rest != 0 {
                out.operand()
                out.flags(rest, context.constants.mmapFlags)
            }
            out.endOperation()
        })
    }
}
