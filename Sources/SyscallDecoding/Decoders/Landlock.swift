/// Landlock as strace prints it: `landlock_create_ruleset({handled_access_fs=...}, 8, 0)`,
/// `landlock_add_rule(3, LANDLOCK_RULE_PATH_BENEATH, {allowed_access=..., parent_fd=4}, 0)`.
/// strace 6.1 predates Landlock's network rules (Linux 6.7): LANDLOCK_RULE_NET_PORT prints as
/// `0x2 /* LANDLOCK_RULE_??? */` with the rule's address, handled_access_net as `...`.
extension SyscallCatalog {
    static let landlock: [String: SyscallSignature] = [
        "landlock_create_ruleset": .init(args: [.landlockRuleset, .ulong,
                                                .flags("landlockRulesetFlags", \.landlockRulesetFlags, unknown: "LANDLOCK_CREATE_RULESET_???")],
                                         returns: .landlockRuleset),
        "landlock_add_rule": .init(count: 4, decoder: .landlockAddRule),
        "landlock_restrict_self": .init(.fd, .hexValue),
    ]
}

extension ArgPrinter {
    /// struct landlock_ruleset_attr, as much of it as argument 1 (its size) holds. strace 6.1
    /// knows only `handled_access_fs`: a longer struct (handled_access_net, scoped) ends in `...`.
    static let landlockRuleset = ArgPrinter("landlockRuleset", refersTo: 1) { value, context, out in
        let address = context.truncate(value)
        guard address != 0 else { return out.name("NULL") }
        guard context.word(1) >= 8, let bytes = context.read(address, count: 8) else { return out.hex(address) }
        out.beginStruct()
        out.field("handled_access_fs")
        out.flags(bytes.u64(0), context.constants.landlockFilesystemAccess, unknown: "LANDLOCK_ACCESS_FS_???")
        if context.word(1) > 8 { out.abbreviated() }
        out.endStruct()
    }
}

extension ReturnPrinter {
    /// A ruleset's descriptor, or the Landlock ABI version when LANDLOCK_CREATE_RULESET_VERSION asks for it.
    static let landlockRuleset = ReturnPrinter("landlockRuleset") { value, context, out in
        let versionFlag = context.constants.landlockRulesetFlags.bits(named: "LANDLOCK_CREATE_RULESET_VERSION")
        if context.word(2) & versionFlag != 0 { return out.int(value) }
        out.fd(Int32(truncatingIfNeeded: value))
    }
}

extension CallDecoder {
    static let landlockAddRule = CallDecoder(entry: { context, out in
        out.fd(context.int32(0))
        out.raw(", ")
        let type = UInt64(UInt32(truncatingIfNeeded: context.call.args[1]))
        out.constant(type, context.constants.landlockRuleTypes, unknown: "LANDLOCK_RULE_???")
        out.raw(", ")
        let address = context.word(2)
        let isPathBeneath = context.constants.landlockRuleTypes.name(of: type).map { sameName($0, "LANDLOCK_RULE_PATH_BENEATH") } ?? false
        if address == 0 {
            out.name("NULL")
        } else if isPathBeneath, let bytes = context.read(address, count: 12) {
            // struct landlock_path_beneath_attr is packed: a u64 then an s32.
            out.beginStruct()
            out.field("allowed_access")
            out.flags(bytes.u64(0), context.constants.landlockFilesystemAccess, unknown: "LANDLOCK_ACCESS_FS_???")
            out.field("parent_fd")
            out.fd(Int32(bitPattern: bytes.u32(8)))
            out.endStruct()
        } else {
            out.hex(address)
        }
        out.raw(", ")
        out.hex(context.word(3) & 0xffff_ffff)
    })
}
