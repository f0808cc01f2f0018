/// The new mount API as strace prints it: fsopen, fsconfig (its value and aux by command),
/// fsmount, move_mount, open_tree, fspick and mount_setattr (struct mount_attr).
extension SyscallCatalog {
    static let mountAPI: [String: SyscallSignature] = [
        "fsopen": .init(.string, .flags("fsopenFlags", \.fsopenFlags, unknown: "FSOPEN_???")),
        "fsconfig": .init(count: 5, decoder: .fsconfig),
        "fsmount": .init(.fd, .flags("fsmountFlags", \.fsmountFlags, unknown: "FSMOUNT_???"),
                         .flags("mountAttributes", \.mountAttributes, unknown: "MOUNT_ATTR_???")),
        "move_mount": .init(.dirfd, .path, .dirfd, .path, .flags("moveMountFlags", \.moveMountFlags, unknown: "MOVE_MOUNT_???")),
        "open_tree": .init(.dirfd, .path, .flags("openTreeFlags", \.openTreeFlags, unknown: "OPEN_TREE_???")),
        "fspick": .init(.dirfd, .path, .flags("fspickFlags", \.fspickFlags, unknown: "FSPICK_???")),
        // strace 6.1 shows mount_setattr's 0 as a descriptor (`= 0</dev/null>` under -y): kept.
        "mount_setattr": .init(args: [.dirfd, .path, .flags("mountSetattrFlags", \.mountSetattrFlags, unknown: "AT_???"), .mountAttr, .ulong],
                               returns: .fd),
    ]
}

extension ArgPrinter {
    /// struct mount_attr: `{attr_set=MOUNT_ATTR_RDONLY, attr_clr=0, propagation=MS_PRIVATE, userns_fd=0}`.
    static let mountAttr = ArgPrinter("mountAttr", refersTo: 4) { value, context, out in
        let address = context.truncate(value)
        guard address != 0 else { return out.name("NULL") }
        guard context.word(4) >= 32, let bytes = context.read(address, count: 32) else { return out.hex(address) }
        let constants = context.constants
        out.beginStruct()
        out.field("attr_set")
        out.flags(bytes.u64(0), constants.mountAttributes, unknown: "MOUNT_ATTR_???")
        out.field("attr_clr")
        out.flags(bytes.u64(8), constants.mountAttributes, unknown: "MOUNT_ATTR_???")
        out.field("propagation")
        let propagation = bytes.u64(16)
        if propagation == 0 { out.uint(0) } else { out.constant(propagation, constants.mountPropagation, unknown: "MS_???") }
        out.field("userns_fd")
        out.int(Int64(Int32(truncatingIfNeeded: bytes.u64(24))))  // a number, even under -y
        out.endStruct()
    }
}

extension CallDecoder {
    /// fsconfig(fd, cmd, key, value, aux): the value a string, a blob (in hex), a path or nothing
    /// and aux a length, a directory descriptor or a descriptor, as the command says.
    static let fsconfig = CallDecoder(entry: { context, out in
        out.fd(context.int32(0))
        out.raw(", ")
        let command = UInt64(UInt32(truncatingIfNeeded: context.call.args[1]))
        out.constant(command, context.constants.fsconfigCommands, unknown: "FSCONFIG_???")
        out.raw(", ")
        let name = context.constants.fsconfigCommands.name(of: command).map { "\($0)" } ?? ""
        if name.hasPrefix("FSCONFIG_SET_") {
            context.printCString(at: context.word(2), limit: context.options.stringLimit, to: &out)
        } else {
            out.pointer(context.word(2))
        }
        out.raw(", ")
        let value = context.word(3), aux = context.int32(4)
        switch name {
        case "FSCONFIG_SET_STRING":
            context.printCString(at: value, limit: context.options.stringLimit, to: &out)
        case "FSCONFIG_SET_BINARY":
            context.printHexBuffer(at: value, length: UInt64(max(aux, 0)), to: &out)
        case "FSCONFIG_SET_PATH", "FSCONFIG_SET_PATH_EMPTY":
            context.printCString(at: value, limit: pathLimit, to: &out)
        default:
            out.pointer(value)
        }
        out.raw(", ")
        switch name {
        case "FSCONFIG_SET_PATH", "FSCONFIG_SET_PATH_EMPTY": out.dirfd(aux)
        case "FSCONFIG_SET_FD": out.fd(aux)
        default: out.int(Int64(aux))
        }
    })
}

extension DecodeContext {
    /// A blob as a string with every byte in hex (`"\x61\x62\x63"`), cut at `-s`.
    func printHexBuffer(at address: UInt64, length: UInt64, to out: inout Emitter) {
        guard address != 0 else { return out.name("NULL") }
        let shown = Int(min(length, UInt64(options.stringLimit)))
        guard let bytes = readBytes(address, count: shown) else { return out.hex(address) }
        out.hexBytes(bytes, truncated: UInt64(shown) < length)
    }
}
