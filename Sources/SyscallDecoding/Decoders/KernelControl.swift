/// Calls that control the kernel itself, as strace prints them: reboot (its magic numbers and
/// command, RESTART2's string), syslog (the action and the log level with their names as a
/// comment, the buffer the read actions fill), kernel modules (init_module, finit_module's
/// MODULE_INIT_* flags, delete_module's O_* flags) and kexec (kexec_load's segments and its flags
/// split into architecture and KEXEC_* bits, kexec_file_load's command line and flags).
extension SyscallCatalog {
    static let kernelControl: [String: SyscallSignature] = [
        "reboot": .init(count: 4, decoder: .reboot),
        "syslog": .init(count: 3, decoder: .syslog),
        "init_module": .init(.pointer, .ulong, .string),
        "finit_module": .init(.fd, .string, .flags("moduleInitFlags", \.moduleInitFlags, unknown: "MODULE_INIT_???")),
        "delete_module": .init(.string, .flags("deleteModuleFlags", \.deleteModuleFlags, unknown: "O_???")),
        "kexec_load": .init(.pointer, .ulong, .kexecSegments, .kexecLoadFlags),
        "kexec_file_load": .init(.fd, .fd, .ulong, .inBuffer(length: 2),
                                 .flags("kexecFileFlags", \.kexecFileFlags, unknown: "KEXEC_FILE_???")),
    ]
}

extension Emitter {
    /// `10 /* SYSLOG_ACTION_SIZE_BUFFER */`: a number strace shows in decimal with its name as a
    /// comment in every style, `-X raw` included.
    mutating func numberNamedInComment(_ value: Int64, _ table: ConstantTable, unknown: StaticString) {
        int(value)
        beginComment()
        text.append(table.name(of: UInt64(bitPattern: value)) ?? unknown)
        endComment()
    }
}

extension CallDecoder {
    /// reboot(magic1, magic2, cmd, arg): arg is shown only for LINUX_REBOOT_CMD_RESTART2, as a string.
    static let reboot = CallDecoder(entry: { context, out in
        let constants = context.constants
        out.constant(UInt64(UInt32(truncatingIfNeeded: context.call.args[0])), constants.rebootMagic1,
                     unknown: "LINUX_REBOOT_MAGIC_???")
        out.raw(", ")
        out.constant(UInt64(UInt32(truncatingIfNeeded: context.call.args[1])), constants.rebootMagic2,
                     unknown: "LINUX_REBOOT_MAGIC_???")
        out.raw(", ")
        let command = UInt64(UInt32(truncatingIfNeeded: context.call.args[2]))
        out.constant(command, constants.rebootCommands, unknown: "LINUX_REBOOT_CMD_???")
        if command == constants.rebootCommands.value(named: "LINUX_REBOOT_CMD_RESTART2") {
            out.raw(", ")
            context.printCString(at: context.word(3), limit: context.options.stringLimit, to: &out)
        }
    })

    /// syslog(type, buf, len): the actions that take no buffer show the type alone; the read
    /// actions show the buffer the kernel filled at exit; CONSOLE_LEVEL names its level.
    static let syslog = CallDecoder(entry: { context, out in
        let action = Int64(context.int32(0))
        out.numberNamedInComment(action, context.constants.syslogActions, unknown: "SYSLOG_ACTION_???")
        switch syslogArguments(action, context.constants.syslogActions) {
        case .none:
            return
        case .readBuffer:
            out.raw(", ")
        case .consoleLevel:
            out.raw(", ")
            out.pointer(context.word(1))
            out.raw(", ")
            out.numberNamedInComment(Int64(context.int32(2)), context.constants.logLevels, unknown: "LOGLEVEL_???")
        case .other:
            out.raw(", ")
            out.pointer(context.word(1))
            out.raw(", ")
            out.int(Int64(context.int32(2)))
        }
    }, exit: { context, out in
        guard syslogArguments(Int64(context.int32(0)), context.constants.syslogActions) == .readBuffer else { return }
        if let count = context.returned {
            context.printBuffer(at: context.word(1), length: UInt64(count), to: &out)
        } else {
            out.pointer(context.word(1))
        }
        out.raw(", ")
        out.int(Int64(context.int32(2)))
    })

    private enum SyslogArguments { case none, readBuffer, consoleLevel, other }

    private static func syslogArguments(_ action: Int64, _ actions: ConstantTable) -> SyslogArguments {
        guard let name = actions.name(of: UInt64(bitPattern: action)) else { return .other }
        switch "\(name)" {
        case "SYSLOG_ACTION_READ", "SYSLOG_ACTION_READ_ALL", "SYSLOG_ACTION_READ_CLEAR": return .readBuffer
        case "SYSLOG_ACTION_CONSOLE_LEVEL": return .consoleLevel
        default: return .none
        }
    }
}

extension ArgPrinter {
    /// kexec_load's segments: `[{buf=..., bufsz=3, mem=0x100000, memsz=4096}, ...]`, or the address
    /// when there are more than KEXEC_SEGMENT_MAX (the kernel refuses them) or they cannot be read.
    static let kexecSegments = ArgPrinter("kexecSegments", refersTo: 1) { value, context, out in
        let address = context.truncate(value), count = context.word(1)
        guard address != 0 else { return out.name("NULL") }
        let layout = context.layouts.kexecSegment
        guard count <= context.constants.kexecSegmentMax ?? 16,
              let bytes = context.read(address, count: layout.size * Int(count)) else { return out.hex(address) }
        out.beginArray()
        for index in 0..<Int(count) {
            guard out.element(index) else { break }
            let segment = UnsafeRawBufferPointer(rebasing: bytes[(index * layout.size)..<((index + 1) * layout.size)])
            out.beginStruct()
            out.field("buf")
            out.pointer(layout.buf.unsigned(in: segment))
            out.field("bufsz")
            out.uint(layout.bufsz.unsigned(in: segment))
            out.field("mem")
            out.pointer(layout.mem.unsigned(in: segment))
            out.field("memsz")
            out.uint(layout.memsz.unsigned(in: segment))
            out.endStruct()
        }
        out.endArray()
    }

    /// kexec_load's flags: the architecture in the top half (`KEXEC_ARCH_DEFAULT`), then the
    /// KEXEC_* bits when any is set (`KEXEC_ARCH_X86_64|KEXEC_ON_CRASH`).
    static let kexecLoadFlags = ArgPrinter("kexecLoadFlags") { value, context, out in
        let flags = context.truncate(value)
        let mask = context.constants.kexecArchMask ?? 0xffff_0000
        let rest = flags & ~mask
        guard rest != 0 else {
            return out.constant(flags & mask, context.constants.kexecArchitectures, unknown: "KEXEC_ARCH_???")
        }
        out.beginOperation(.or)
        out.operand()
        out.constant(flags & mask, context.constants.kexecArchitectures, unknown: "KEXEC_ARCH_???")
        out.operand()
        out.flags(rest, context.constants.kexecFlags, unknown: "KEXEC_???")
        out.endOperation()
    }
}
