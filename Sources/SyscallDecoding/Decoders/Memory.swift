/// The address space: mappings, protection, advice, locking, NUMA policy, memory file descriptors
/// and other processes' memory.
extension SyscallCatalog {
    static let memory: [String: SyscallSignature] = [
        // Mappings. Protection and mapping flags are decoded by strace; the offset prints in hex.
        "mmap": .init(.pointer, .ulong, .hex, .hex, .fd, .hex, returns: .address),
        "mmap2": .init(.pointer, .ulong, .hex, .hex, .fd, .hex, returns: .address),
        "munmap": .init(.pointer, .ulong),
        // The new address prints only with MREMAP_FIXED.
        "mremap": .init(.pointer, .ulong, .ulong, .hex, .hex, returns: .address),
        "remap_file_pages": .init(.pointer, .ulong, .hex, .ulong, .hex),
        "brk": .init(.pointer, returns: .address),
        "mprotect": .init(.pointer, .ulong, .hex),
        "pkey_mprotect": .init(.pointer, .ulong, .hex, .int),
        "pkey_alloc": .init(.hex, .hex),
        "pkey_free": .init(.int),

        // Advice, residency and syncing.
        "madvise": .init(.pointer, .ulong, .hex),
        "process_madvise": .init(.fd, .hex, .ulong, .hex, .hex),
        "mincore": .init(.pointer, .ulong, .hex),
        "msync": .init(.pointer, .ulong, .hex),

        // Locking.
        "mlock": .init(.pointer, .ulong),
        "mlock2": .init(.pointer, .ulong, .hex),
        "munlock": .init(.pointer, .ulong),
        "mlockall": .init(.hex),
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
