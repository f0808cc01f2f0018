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
        "mremap": .init(.pointer, .ulong, .ulong, .flags("mremapFlags", \.mremapFlags, unknown: "MREMAP_???"), .mremapNewAddress, returns: .address),
        "brk": .init(.pointer, returns: .address),
        "mprotect": .init(.pointer, .ulong, .mmapProt),
        "pkey_mprotect": .init(.pointer, .ulong, .mmapProt, .int),
        "pkey_alloc": .init(.uint, .flags("pkeyAccessRights", \.pkeyAccessRights, unknown: "PKEY_???")),
        "pkey_free": .init(.int),

        // Advice, residency and syncing.
        "madvise": .init(.pointer, .ulong, .constant("madviseAdvice", \.madviseAdvice, unknown: "MADV_???")),
        "mincore": .init(.pointer, .ulong, .residencyOut),
        "msync": .init(.pointer, .ulong, .flags("msyncFlags", \.msyncFlags, unknown: "MS_???")),

        // Locking.
        "mlock": .init(.pointer, .ulong),
        "mlock2": .init(.pointer, .ulong, .flags("mlock2Flags", \.mlock2Flags, unknown: "MLOCK_???")),
        "munlock": .init(.pointer, .ulong),
        "mlockall": .init(.flags("mlockallFlags", \.mlockallFlags, unknown: "MCL_???")),
        "munlockall": .init(),

        // NUMA: MemoryPolicy.swift.

        // Memory behind file descriptors, page faults handled in user space, memory barriers.
        "memfd_create": .init(.string, .memfdFlags),
        "membarrier": .init(.constant("membarrierCommand", \.membarrierCommandValues, unknown: "MEMBARRIER_CMD_???"),
                            .flags("membarrierFlags", \.membarrierFlags, unknown: "MEMBARRIER_CMD_FLAG_???"), .membarrierCpu, returns: .membarrierResult),

        // Other processes' memory.
        // The local buffers of a read are filled at exit.
        // The local buffers of a read are filled at exit; the remote ones print as addresses.
        "process_vm_readv": .init(.int, .iovecsOut, .ulong, .remoteIovecs, .ulong, .ulong),
        "process_vm_writev": .init(.int, .iovecsIn(count: 2), .ulong, .remoteIovecs, .ulong, .ulong),
    ]
}

extension ArgPrinter {
    /// memfd_create's flags, then the huge page size as its log2 (`MFD_HUGETLB|21<<MFD_HUGE_SHIFT`).
    /// strace's `-X verbose` comment holds their abbreviated form, which for unknown bits has a
    /// comment of its own: `0x100 /* 0x100 /* MFD_??? */ */`.
    static let memfdFlags = ArgPrinter("memfdFlags") { value, context, out in
        let flags = UInt64(UInt32(truncatingIfNeeded: value))
        let constants = context.constants
        let shift = constants.memfdHugeShift ?? 0, sizeMask = (constants.memfdHugeMask ?? 0) << shift
        guard out.constantStyle != .abbrev, flags != 0 else {
            return printMemfdFlags(flags, shift: shift, sizeMask: sizeMask, constants.memfdFlags, to: &out)
        }
        out.styled(number: { $0.hex(flags) },
                   decoded: { printMemfdFlags(flags, shift: shift, sizeMask: sizeMask, constants.memfdFlags, to: &$0) })
    }

    private static func printMemfdFlags(_ flags: UInt64, shift: UInt64, sizeMask: UInt64, _ table: FlagTable,
                                        to out: inout Emitter) {
        let rest = flags & ~sizeMask, hugeSize = (flags & sizeMask) >> shift
        out.beginOperation(.or)
        defer { out.endOperation() }
        if rest != 0 || hugeSize == 0 {
            out.operand()
            out.flags(rest, table, unknown: "MFD_???")
        }
        guard hugeSize != 0 else { return }
        out.operand()
        out.beginOperation(.shiftLeft)
        out.operand()
        out.uint(hugeSize)
        out.operand()
        out.name("MFD_HUGE_SHIFT")
        out.endOperation()
    }

    /// `PROT_READ|PROT_WRITE`, `PROT_NONE`.
    static let mmapProt = flags("mmapProt", \.mmapProt, unknown: "PROT_???")

    /// `MAP_PRIVATE|MAP_ANONYMOUS`: the mapping type by name (`MAP_FILE` for 0), then the flag
    /// bits, then the huge page size as its log2 (`MAP_HUGETLB|21<<MAP_HUGE_SHIFT`).
    static let mmapFlags = ArgPrinter("mmapFlags") { value, context, out in
        let flags = UInt64(UInt32(truncatingIfNeeded: value))
        let constants = context.constants
        let typeMask = constants.mapTypeMask ?? 0
        // MAP_HUGE_SHIFT and MAP_HUGE_MASK are MFD_HUGE_SHIFT and MFD_HUGE_MASK: both are
        // <asm-generic/hugetlb_encode.h>'s HUGETLB_FLAG_ENCODE_SHIFT and _MASK.
        let shift = constants.memfdHugeShift ?? 0, sizeMask = (constants.memfdHugeMask ?? 0) << shift
        out.styled(number: { $0.hex(flags) }, decoded: { out in
            out.beginOperation(.or)
            out.operand()
            out.constant(flags & typeMask, constants.mmapType, unknown: "MAP_???")
            let rest = flags & ~typeMask & ~sizeMask, hugeSize = (flags & sizeMask) >> shift
            if rest != 0 {
                out.operand()
                out.flags(rest, constants.mmapFlags)
            }
            if hugeSize != 0 {
                out.operand()
                out.beginOperation(.shiftLeft)
                out.operand()
                out.uint(hugeSize)
                out.operand()
                out.name("MAP_HUGE_SHIFT")
                out.endOperation()
            }
            out.endOperation()
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

extension ArgPrinter {
    /// mincore's vector, a byte per page of the range (argument 1): `[1, 0]`, at most `-s` of them.
    static let residencyOut = output("residencyOut") { address, context, out in
        let length = context.word(1)  // any value a tracee passes: no overflow in the rounding
        let pages = length / memoryPageSize + (length % memoryPageSize == 0 ? 0 : 1)
        let shown = Int(min(pages, UInt64(context.options.stringLimit)))
        guard let bytes = context.read(address, count: shown) else { return out.hex(address) }
        out.beginArray()
        for byte in bytes {
            out.element()
            out.uint(UInt64(byte))
        }
        if UInt64(shown) < pages { out.abbreviated() }
        out.endArray()
    }

    /// membarrier's cpu_id, an argument only with MEMBARRIER_CMD_FLAG_CPU.
    static let membarrierCpu = ArgPrinter("membarrierCpu", shownIf: { context in
        context.call.args[1] & context.constants.membarrierFlags.bits(named: "MEMBARRIER_CMD_FLAG_CPU") != 0
    }) { value, _, out in out.int(Int64(Int32(truncatingIfNeeded: value))) }
}

extension ReturnPrinter {
    /// MEMBARRIER_CMD_QUERY returns the commands the kernel supports: `0x3ff (MEMBARRIER_CMD_GLOBAL|...)`.
    static let membarrierResult = ReturnPrinter("membarrierResult") { value, context, out in
        guard context.call.args[0] & 0xffff_ffff == 0, value != 0 else { return out.int(value) }
        out.hex(UInt64(bitPattern: value))
        out.returnComment { out in out.flags(UInt64(bitPattern: value), context.constants.membarrierCommands) }
    }
}

extension ArgPrinter {
    /// process_vm_readv/writev's other process's buffers (count in argument 4): addresses only.
    static let remoteIovecs = ArgPrinter("remoteIovecs", refersTo: 4) { value, context, out in
        context.printIovecArray(at: context.truncate(value), count: context.word(4), data: .addresses, to: &out)
    }
}
