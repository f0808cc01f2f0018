/// mount(2) and umount2(2) as strace prints them: `mount("none", "/mnt", "tmpfs",
/// MS_NOSUID|MS_NODEV, "size=1m")`. The file system type prints as a pointer when the flags say
/// it is ignored (remounts, binds, moves, propagation changes), the data as a pointer when it
/// is (binds, moves, propagation changes); MS_MGC_VAL in the top half is named first.
extension SyscallCatalog {
    static let mount: [String: SyscallSignature] = [
        "mount": .init(count: 5, decoder: .mount),
        "umount2": .init(.path, .flags("umountFlags", \.umountFlags, unknown: "MNT_???")),
    ]
}

extension CallDecoder {
    static let mount = CallDecoder(entry: { context, out in
        let constants = context.constants
        let flags = context.word(3) & 0xffff_ffff
        let magic = constants.mountMagic.value(named: "MS_MGC_VAL") ?? 0
        let magicMask = constants.mountMagic.value(named: "MS_MGC_MSK") ?? 0
        let hasMagic = magicMask != 0 && flags & magicMask == magic
        // The flags the kernel reads: without the magic number, whose bits would look like flags.
        let effective = hasMagic ? flags & ~magicMask : flags
        func bits(_ name: StaticString) -> UInt64 { constants.mountFlags.bits(named: name) }
        let propagation = bits("MS_SHARED") | bits("MS_PRIVATE") | bits("MS_SLAVE") | bits("MS_UNBINDABLE")
        let ignoresType = effective & (bits("MS_REMOUNT") | bits("MS_BIND") | bits("MS_MOVE") | propagation) != 0
        let ignoresData = effective & (bits("MS_BIND") | bits("MS_MOVE") | propagation) != 0
        context.printCString(at: context.word(0), limit: pathLimit, to: &out)
        out.raw(", ")
        context.printCString(at: context.word(1), limit: pathLimit, to: &out)
        out.raw(", ")
        if ignoresType {
            out.pointer(context.word(2))
        } else {
            context.printCString(at: context.word(2), limit: context.options.stringLimit, to: &out)
        }
        out.raw(", ")
        if hasMagic {
            out.beginOperation(.or)
            out.operand()
            out.styled(number: { $0.hex(magic) }, decoded: { $0.name("MS_MGC_VAL") })
            if effective != 0 {
                out.operand()
                out.flags(effective, constants.mountFlags, unknown: "MS_???")
            }
            out.endOperation()
        } else {
            out.flags(flags, constants.mountFlags, unknown: "MS_???")
        }
        out.raw(", ")
        if ignoresData {
            out.pointer(context.word(4))
        } else {
            context.printCString(at: context.word(4), limit: context.options.stringLimit, to: &out)
        }
    })
}
