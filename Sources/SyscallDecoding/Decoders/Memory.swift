/// The address space: mappings, protection, advice, locking, NUMA policy, memory file descriptors
/// and other processes' memory.
extension SyscallCatalog {
    static let memory: [String: SyscallSignature] = [
        // Mappings. Protection and mapping flags are decoded by strace; the offset prints in hex.
        "mmap": .init(.pointer, .ulong, .mmapProt, .mmapFlags, .fd, .hexValue, returns: .address),
        // The offset is in pages; strace prints it in bytes.
        "mmap2": .init(.pointer, .ulong, .mmapProt, .mmapFlags, .fd, .pageOffset, returns: .address),
        "munmap": .init(.pointer, .ulong),
        // The new address prints only with MREMAP_FIXED.
        "mremap": .init(.pointer, .ulong, .ulong, .flags("mremapFlags", \.mremapFlags), .mremapNewAddress, returns: .address),
        "remap_file_pages": .init(.pointer, .ulong, .hex, .ulong, .hex),
        "brk": .init(.pointer, returns: .address),
        "mprotect": .init(.pointer, .ulong, .mmapProt),
        "pkey_mprotect": .init(.pointer, .ulong, .mmapProt, .int),
        "pkey_alloc": .init(.hex, .hex),
        "pkey_free": .init(.int),

        // Advice, residency and syncing.
        "madvise": .init(.pointer, .ulong, .constant("madviseAdvice", \.madviseAdvice, unknown: "MADV_???")),
        "process_madvise": .init(.fd, .hex, .ulong, .hex, .hex),
        "mincore": .init(.pointer, .ulong, .hex),
        "msync": .init(.pointer, .ulong, .flags("msyncFlags", \.msyncFlags)),

        // Locking.
        "mlock": .init(.pointer, .ulong),
        "mlock2": .init(.pointer, .ulong, .hex),
        "munlock": .init(.pointer, .ulong),
        "mlockall": .init(.flags("mlockallFlags", \.mlockallFlags)),
        "munlockall": .init(),

        // NUMA.
        "mbind": .init(.pointer, .ulong, .hex, .hex, .ulong, .hex),
        "set_mempolicy": .init(.hex, .hex, .ulong),
        "get_mempolicy": .init(.hex, .hex, .ulong, .pointer, .hex),
        "set_mempolicy_home_node": .init(.pointer, .ulong, .ulong, .hex),
        "migrate_pages": .init(.int, .ulong, .hex, .hex),
        "move_pages": .init(.int, .ulong, .hex, .hex, .hex, .hex),

        // Memory behind file descriptors, page faults handled in user space, memory barriers.
        "memfd_create": .init(.string, .hex),
        "memfd_secret": .init(.hex),
        "userfaultfd": .init(.hex),
        "membarrier": .init(.hex, .hex, .hex, returns: .hex),  // a query returns flags, which strace names

        // Other processes' memory.
        "process_vm_readv": .init(.int, .hex, .ulong, .hex, .ulong, .hex),
        "process_vm_writev": .init(.int, .hex, .ulong, .hex, .ulong, .hex),
        "process_mrelease": .init(.fd, .hex),
    ]
}

extension ArgPrinter {
    /// `PROT_READ|PROT_WRITE`, `PROT_NONE`.
    static let mmapProt = flags("mmapProt", \.mmapProt, unknown: "PROT_???")

    /// `MAP_PRIVATE|MAP_ANONYMOUS`: the mapping type by name, then the flag bits.
    static let mmapFlags = ArgPrinter("mmapFlags") { value, context, out in
        let flags = UInt64(UInt32(truncatingIfNeeded: value))
        let typeMask = context.constants.mapTypeMask ?? 0
        out.styled(number: { $0.hex(flags) }, decoded: { out in
            out.constant(flags & typeMask, context.constants.mmapType, unknown: "MAP_???")
            let rest = flags & ~typeMask
            if rest != 0 {
                out.raw("|")
                out.flags(rest, context.constants.mmapFlags)
            }
        })
    }

    /// mmap2's offset, counted in 4096-byte units by the kernel, printed in bytes.
    static let pageOffset = ArgPrinter("pageOffset") { value, context, out in
        out.hex(context.truncate(value) &* 4096)
    }

    /// mremap's new address, an argument only with MREMAP_FIXED.
    static let mremapNewAddress = ArgPrinter("mremapNewAddress", shownIf: { context in
        context.call.args[3] & (context.constants.mremapFixed ?? 0) != 0
    }) { value, context, out in out.pointer(context.truncate(value)) }
}
