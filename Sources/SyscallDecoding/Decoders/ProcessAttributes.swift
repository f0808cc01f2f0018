/// Printers of process attributes: ids filled by the kernel, supplementary groups, priorities,
/// scheduling policies and CPU masks, namespaces, and prctl.
extension ArgPrinter {
    /// A uid or gid the kernel stores: `[0]`.
    static let ownerOut = output("ownerOut") { address, context, out in
        guard let bytes = context.read(address, count: 4) else { return out.hex(address) }
        out.beginArray()
        out.element()
        out.uint(FieldLayout(offset: 0, size: 4).unsigned(in: bytes))
        out.endArray()
    }
    /// An unsigned int the kernel stores: `[0]`.
    static let uintOut = output("uintOut") { address, context, out in
        guard let bytes = context.read(address, count: 4) else { return out.hex(address) }
        out.beginArray()
        out.element()
        out.uint(FieldLayout(offset: 0, size: 4).unsigned(in: bytes))
        out.endArray()
    }

    /// getgroups' list: as many gids as it returned (`[]` for none, whatever the size asked).
    static let groupsOut = output("groupsOut") { address, context, out in
        guard let count = context.returned, count == 0 || context.int32(0) != 0 else { return out.pointer(address) }
        context.printGroups(at: address, count: Int(count), to: &out)
    }
    /// setgroups' list: as many gids as its first argument says.
    static let groupsIn = ArgPrinter("groupsIn", refersTo: 0) { value, context, out in
        let count = context.int32(0)
        guard count > 0 else { return out.pointer(context.truncate(value)) }
        context.printGroups(at: context.truncate(value), count: Int(count), to: &out)
    }

    /// getrusage's `who`, a signed int (RUSAGE_CHILDREN is -1).
    static let rusageWho = ArgPrinter("rusageWho") { value, context, out in
        let who = UInt64(bitPattern: Int64(Int32(truncatingIfNeeded: value)))
        if let name = context.constants.rusageWho.name(of: who) {
            // `-X raw`: `0xffffffff` for RUSAGE_CHILDREN.
            return out.styled(number: { $0.hex(UInt64(UInt32(truncatingIfNeeded: value))) }, decoded: { $0.name(name) })
        }
        out.constant(UInt64(UInt32(truncatingIfNeeded: value)), context.constants.rusageWho, unknown: "RUSAGE_???")
    }
    static let priorityWhich = constant("priorityWhich", \.priorityWhich, unknown: "PRIO_???")
    static let schedPolicy = constant("schedPolicy", \.schedPolicies, unknown: "SCHED_???")
    /// struct sched_param: strace prints its one field as `[0]`.
    static let schedParam = intIn

    /// A CPU mask of the length in argument 1: `[0 1]`.
    static let cpuMask = ArgPrinter("cpuMask", refersTo: 1) { value, context, out in
        context.printCPUMask(at: context.truncate(value), bytes: Int(min(context.word(1), 8192)), to: &out)
    }
    /// sched_getaffinity's mask: as many bytes as it returned.
    static let cpuMaskOut = output("cpuMaskOut") { address, context, out in
        context.printCPUMask(at: address, bytes: Int(min(context.returned ?? 0, 8192)), to: &out)
    }

    /// unshare and setns: `CLONE_NEWUTS|CLONE_NEWNET`.
    static let namespaceFlags = flags("namespaceFlags", \.cloneFlags, unknown: "CLONE_???")
}

extension ReturnPrinter {
    /// sched_getscheduler: `0 (SCHED_OTHER)`.
    static let schedPolicy = ReturnPrinter("schedPolicy") { value, context, out in
        out.int(value)
        if let name = context.constants.schedPolicies.name(of: UInt64(bitPattern: value)) {
            out.beginNote()
            out.element()
            out.name(name)
            out.endNote()
        }
    }
}

extension DecodeContext {
    func printGroups(at address: UInt64, count: Int, to out: inout Emitter) {
        // Only the groups shown (at least the first, which tells a bad address) are read: a count
        // near 2^63 must not overflow.
        let count = max(count, 0)
        guard let bytes = read(address, count: 4 * min(count, max(options.stringLimit, 1))) else { return out.hex(address) }
        out.beginArray()
        for index in 0..<count {
            if index >= options.stringLimit {
                out.abbreviated()
                break
            }
            out.element()
            out.uint(FieldLayout(offset: 4 * index, size: 4).unsigned(in: bytes))
        }
        out.endArray()
    }

    /// The numbers of the set bits, separated by spaces.
    func printCPUMask(at address: UInt64, bytes count: Int, to out: inout Emitter) {
        guard let bytes = read(address, count: count) else { return out.hex(address) }
        out.beginSet()
        for index in 0..<(count * 8) where bytes[index / 8] & (1 << UInt8(index % 8)) != 0 {
            out.setMember()
            out.uint(UInt64(index))
        }
        out.endSet()
    }
}

/// The longest name a task has: TASK_COMM_LEN (16) less its NUL; `-s` cuts it shorter.
private let taskCommLength = 15

extension CallDecoder {
    /// prctl(2): the option by name, then the arguments that option reads.
    static let prctl = CallDecoder(entry: { context, out in
        let constants = context.constants
        let option = UInt64(UInt32(truncatingIfNeeded: context.call.args[0]))
        out.constant(option, constants.prctlOptions, unknown: "PR_???")
        guard let name = constants.prctlOptions.name(of: option) else {
            for index in 1..<5 {
                out.raw(", ")
                out.hex(context.word(index))
            }
            return
        }
        let argument = context.word(1)
        switch name {
        case _ where isAny(name, "PR_GET_DUMPABLE", "PR_GET_SECCOMP", "PR_GET_KEEPCAPS", "PR_GET_TIMERSLACK",
                           "PR_GET_SECUREBITS", "PR_GET_THP_DISABLE", "PR_GET_IO_FLUSHER", "PR_GET_TSC" /* pointer */)
            && !sameName(name, "PR_GET_TSC"):
            break
        case _ where sameName(name, "PR_SET_NAME"):
            out.raw(", ")
            context.printCString(at: argument, limit: min(taskCommLength, context.options.stringLimit), to: &out)
        case _ where isAny(name, "PR_GET_NAME", "PR_GET_PDEATHSIG", "PR_GET_CHILD_SUBREAPER", "PR_GET_TSC"):
            out.raw(", ")  // filled at exit
        case _ where sameName(name, "PR_SET_PDEATHSIG"):
            out.raw(", ")
            let signal = Int32(truncatingIfNeeded: argument)
            if signal == 0 { out.int(0) } else { out.signal(signal) }
        case _ where sameName(name, "PR_SET_DUMPABLE"):
            out.raw(", ")
            out.constant(argument, constants.dumpableValues, unknown: "SUID_DUMP_???")
        case _ where isAny(name, "PR_SET_NO_NEW_PRIVS", "PR_GET_NO_NEW_PRIVS"):
            for index in 1..<5 {
                out.raw(", ")
                out.uint(context.word(index))
            }
        case _ where sameName(name, "PR_SET_SECCOMP"):
            out.raw(", ")
            out.constant(argument, constants.seccompModes, unknown: "SECCOMP_MODE_???")
            if constants.seccompModes.name(of: argument) == nil || sameName(constants.seccompModes.name(of: argument)!, "SECCOMP_MODE_FILTER") {
                for index in 2..<5 {
                    out.raw(", ")
                    out.hex(context.word(index))
                }
            }
        case _ where isAny(name, "PR_CAPBSET_READ", "PR_CAPBSET_DROP"):
            out.raw(", ")
            out.constant(argument, constants.capabilities, unknown: "CAP_???")
        case _ where isAny(name, "PR_SET_KEEPCAPS", "PR_SET_CHILD_SUBREAPER", "PR_SET_TIMERSLACK", "PR_SET_THP_DISABLE",
                           "PR_SET_IO_FLUSHER"):
            out.raw(", ")
            out.uint(argument)
        default:
            for index in 1..<5 {
                out.raw(", ")
                out.hex(context.word(index))
            }
        }
    }, exit: { context, out in
        let option = UInt64(UInt32(truncatingIfNeeded: context.call.args[0]))
        guard let name = context.constants.prctlOptions.name(of: option) else { return }
        let address = context.word(1)
        if sameName(name, "PR_GET_NAME") {
            guard context.returned != nil else { return out.pointer(address) }
            context.printCString(at: address, limit: min(taskCommLength + 1, context.options.stringLimit), to: &out)
        } else if sameName(name, "PR_GET_PDEATHSIG") {
            // The signal the kernel stored: `[SIGKILL]`.
            guard context.returned != nil, let bytes = context.read(address, count: 4) else { return out.pointer(address) }
            let signal = Int32(bitPattern: bytes.u32(0))
            out.beginArray()
            out.element()
            if signal == 0 { out.int(0) } else { out.signal(signal) }
            out.endArray()
        } else if isAny(name, "PR_GET_CHILD_SUBREAPER", "PR_GET_TSC") {
            guard context.returned != nil else { return out.pointer(address) }
            context.printIntArray(at: address, count: 1, to: &out)
        }
    })
}

extension CallDecoder {
    /// arch_prctl(2): the code by name, then the address it sets, or for ARCH_GET_FS and
    /// ARCH_GET_GS the base the kernel stored there: `[0x4af380]`.
    static let archPrctl = CallDecoder(entry: { context, out in
        let code = UInt64(UInt32(truncatingIfNeeded: context.call.args[0]))
        out.constant(code, context.constants.archPrctlCodes, unknown: "ARCH_???")
        out.raw(", ")
        if !context.archPrctlGetsBase { out.hex(context.word(1)) }
    }, exit: { context, out in
        guard context.archPrctlGetsBase else { return }
        let address = context.word(1)
        guard context.returned != nil, context.dereferences, let base = context.readWord(address) else { return out.pointer(address) }
        out.beginArray()
        out.element()
        out.hex(base)
        out.endArray()
    })
}

extension DecodeContext {
    /// Whether arch_prctl's code is ARCH_GET_FS or ARCH_GET_GS, which store a base at the address.
    fileprivate var archPrctlGetsBase: Bool {
        let code = UInt64(UInt32(truncatingIfNeeded: call.args[0]))
        guard let name = constants.archPrctlCodes.name(of: code) else { return false }
        return sameName(name, "ARCH_GET_FS") || sameName(name, "ARCH_GET_GS")
    }
}

private func isAny(_ name: StaticString, _ candidates: StaticString...) -> Bool {
    candidates.contains { sameName(name, $0) }
}

extension ReturnPrinter {
    /// prctl's result: `1 (SUID_DUMP_USER)` for PR_GET_DUMPABLE, a number otherwise.
    static let prctlResult = ReturnPrinter("prctlResult") { value, context, out in
        out.int(value)
        let constants = context.constants
        let option = UInt64(UInt32(truncatingIfNeeded: context.call.args[0]))
        if let name = constants.prctlOptions.name(of: option), sameName(name, "PR_GET_DUMPABLE"),
           let dumpable = constants.dumpableValues.name(of: UInt64(bitPattern: value)) {
            out.beginNote()
            out.element()
            out.name(dumpable)
            out.endNote()
        }
    }
}
