/// Administering the machine: swap areas (swapon's flags and priority), the host and domain
/// names, and ustat's device.
extension SyscallCatalog {
    static let systemAdmin: [String: SyscallSignature] = [
        "swapon": .init(.path, .swapFlags),
        "sethostname": .init(.utsName(length: 1), .uint),
        "setdomainname": .init(.utsName(length: 1), .uint),
        "ustat": .init(.device, .pointer),
    ]
}

/// The longest host or domain name the kernel takes (__NEW_UTS_LEN).
private let utsNameLimit: UInt64 = 64

extension ArgPrinter {
    /// swapon's flags, then the priority in decimal: `SWAP_FLAG_PREFER|SWAP_FLAG_DISCARD|5`; a
    /// priority alone is a number.
    static let swapFlags = ArgPrinter("swapFlags") { value, context, out in
        let flags = UInt64(UInt32(truncatingIfNeeded: value))
        let priorityMask = context.constants.swapPriorityMask ?? 0
        guard flags & ~priorityMask != 0 else { return out.uint(flags) }
        out.beginOperation(.or)
        out.operand()
        out.flags(flags & ~priorityMask, context.constants.swapFlags, unknown: "SWAP_FLAG_???")
        out.operand()
        out.uint(flags & priorityMask)
        out.endOperation()
    }

    /// A host or domain name of the length in argument `length`; its address when that is more
    /// than the kernel takes.
    static func utsName(length: Int) -> ArgPrinter {
        ArgPrinter("utsName(\(length))", refersTo: length) { value, context, out in
            let address = context.truncate(value)
            let count = context.word(length) & 0xffff_ffff
            guard count <= utsNameLimit else { return out.pointer(address) }
            context.printBuffer(at: address, length: count, to: &out)
        }
    }

    /// A device number: `makedev(0x8, 0x1)`.
    static let device = ArgPrinter("device") { value, context, out in
        printDevice(context.truncate(value) & 0xffff_ffff, to: &out)
    }
}
