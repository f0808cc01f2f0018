import SyscallTables

/// NUMA memory policy (`<linux/mempolicy.h>`): mbind, set_mempolicy, get_mempolicy,
/// set_mempolicy_home_node, migrate_pages and move_pages, with policy modes and their flags,
/// node masks as arrays of zero-padded hex words, and move_pages' per-page status.
extension SyscallCatalog {
    static let memoryPolicy: [String: SyscallSignature] = [
        "mbind": .init(.pointer, .ulong, .mempolicyMode, .nodemask(maxnode: 4), .ulong, .mbindFlags),
        "set_mempolicy": .init(.mempolicyMode, .nodemask(maxnode: 2), .ulong),
        "get_mempolicy": .init(.mempolicyModeOut, .nodemaskOut(maxnode: 2), .ulong, .pointer,
                               .flags("getMempolicyFlags", \.getMempolicyFlags, unknown: "MPOL_???")),
        "set_mempolicy_home_node": .init(.pointer, .ulong, .ulong, .hexValue),
        "migrate_pages": .init(.int, .ulong, .nodemask(maxnode: 1), .nodemask(maxnode: 1)),
        "move_pages": .init(.int, .ulong, .pageAddresses(count: 1), .nodeNumbers(count: 1), .pageStatusOut(count: 1),
                            .mbindFlags),
    ]
}

extension ArgPrinter {
    static let mbindFlags = flags("mbindFlags", \.mbindFlags, unknown: "MPOL_???")

    /// A policy mode and its flags: `MPOL_BIND|MPOL_F_STATIC_NODES`.
    static let mempolicyMode = ArgPrinter("mempolicyMode") { value, context, out in
        context.printMempolicyMode(UInt64(UInt32(truncatingIfNeeded: value)), to: &out)
    }

    /// get_mempolicy's mode, which the kernel writes: `[MPOL_INTERLEAVE]`; strace names the
    /// mode alone here, so a mode with flags is unknown (`[0x2005 /* MPOL_??? */]`).
    static let mempolicyModeOut = output("mempolicyModeOut") { address, context, out in
        guard let bytes = context.read(address, count: 4) else { return out.hex(address) }
        out.beginArray()
        out.element()
        out.constant(UInt64(bytes.u32(0)), context.constants.mempolicyModes, unknown: "MPOL_???")
        out.endArray()
    }

    /// A node mask of `maxnode` - 1 bits (the kernel's count), in words.
    static func nodemask(maxnode: Int) -> ArgPrinter {
        ArgPrinter("nodemask(\(maxnode))", refersTo: maxnode) { value, context, out in
            context.printNodemask(at: context.truncate(value), maxnode: context.word(maxnode), to: &out)
        }
    }
    static func nodemaskOut(maxnode: Int) -> ArgPrinter {
        ArgPrinter("nodemaskOut(\(maxnode))", phase: .exit, refersTo: maxnode) { value, context, out in
            let address = context.truncate(value)
            guard context.returned != nil else { return out.pointer(address) }
            context.printNodemask(at: address, maxnode: context.word(maxnode), to: &out)
        }
    }

    /// move_pages' page addresses: `[0x7ffd741ce7f0, NULL]`.
    static func pageAddresses(count: Int) -> ArgPrinter {
        ArgPrinter("pageAddresses(\(count))", refersTo: count) { value, context, out in
            context.printWordArray(at: context.truncate(value), count: context.word(count), to: &out) { word, out in
                out.pointer(word)
            }
        }
    }

    /// move_pages' target nodes: `[0, 1]`.
    static func nodeNumbers(count: Int) -> ArgPrinter {
        ArgPrinter("nodeNumbers(\(count))", refersTo: count) { value, context, out in
            context.printIntArray(at: context.truncate(value), count: context.word(count), to: &out) { number, out in
                out.int(Int64(number))
            }
        }
    }

    /// move_pages' status per page, at exit: a node, or `-EFAULT`.
    static func pageStatusOut(count: Int) -> ArgPrinter {
        ArgPrinter("pageStatusOut(\(count))", phase: .exit, refersTo: count) { value, context, out in
            let address = context.truncate(value)
            guard context.returned != nil else { return out.pointer(address) }
            context.printIntArray(at: address, count: context.word(count), to: &out) { status, out in
                if status < 0, let name = ErrnoNames.name(Int(-status)) {
                    out.styled(number: { $0.int(Int64(status)) }, decoded: { $0.negatedErrno(Int64(status), name) })
                } else {
                    out.int(Int64(status))
                }
            }
        }
    }
}

extension DecodeContext {
    /// The mode by name then its flags; an unknown mode as flags with the rest in hex
    /// (`MPOL_F_STATIC_NODES|0x63`, or `0x104 /* MPOL_??? */` when no flag is set).
    func printMempolicyMode(_ value: UInt64, to out: inout Emitter) {
        var modeFlags: UInt64 = 0
        for entry in constants.mempolicyModeFlags.entries { modeFlags |= entry.bits }
        let mode = value & ~modeFlags
        guard constants.mempolicyModes.name(of: mode) != nil else {
            return out.flags(value, constants.mempolicyModeFlags, unknown: "MPOL_???")
        }
        guard value & modeFlags != 0 else { return out.constant(mode, constants.mempolicyModes) }
        out.beginOperation(.or)
        out.operand()
        out.constant(mode, constants.mempolicyModes)
        out.operand()
        out.flags(value & modeFlags, constants.mempolicyModeFlags)
        out.endOperation()
    }

    /// `[0x00000000000003, 0000000000000000]`: `maxnode` - 1 bits in words, each printed as C's
    /// `%#0*lx` with the width of two digits per byte (so 0 has no `0x`); `[]` for no node count,
    /// the address when the count leaves no whole bit.
    func printNodemask(at address: UInt64, maxnode: UInt64, to out: inout Emitter) {
        guard address != 0 else { return out.name("NULL") }
        guard maxnode != 0 else {
            out.beginArray()
            return out.endArray()
        }
        let bits = UInt64(wordSize * 8)
        let words = (maxnode - 1) / bits + ((maxnode - 1) % bits == 0 ? 0 : 1)
        guard words > 0 else { return out.hex(address) }
        let width = 2 * wordSize
        printWordArray(at: address, count: words, to: &out) { word, out in
            out.paddedHex(word, width: width)
        }
    }

    /// An array of `count` tracee words, at most `-s` of them, each printed by `element`; the
    /// address when the first cannot be read.
    func printWordArray(at address: UInt64, count: UInt64, to out: inout Emitter,
                        _ element: (UInt64, inout Emitter) -> Void) {
        guard address != 0 else { return out.name("NULL") }
        let size = UInt64(wordSize)
        guard count == 0 || (dereferences && readWord(address) != nil) else { return out.hex(address) }
        out.beginArray()
        var index = 0
        while UInt64(index) < count, let word = readWord(address &+ UInt64(index) &* size) {
            guard out.element(index) else { break }
            element(word, &out)
            index += 1
        }
        out.endArray()
    }

    /// An array of `count` C ints, printed as `printWordArray` prints words.
    func printIntArray(at address: UInt64, count: UInt64, to out: inout Emitter,
                       _ element: (Int32, inout Emitter) -> Void) {
        guard address != 0 else { return out.name("NULL") }
        guard count == 0 || read(address, count: 4) != nil else { return out.hex(address) }
        out.beginArray()
        var index = 0
        while UInt64(index) < count, let bytes = read(address &+ 4 &* UInt64(index), count: 4) {
            guard out.element(index) else { break }
            element(Int32(bitPattern: bytes.u32(0)), &out)
            index += 1
        }
        out.endArray()
    }
}
