/// Processes, programs and signals: exec, exit, clone, wait, kill, signal handling, ids,
/// credentials, resource limits, scheduling, prctl, ptrace and namespaces.
///
/// uids and gids stay `.hex`: strace prints `(uid_t)-1` as `-1` and any other value unsigned.
extension SyscallCatalog {
    static let process: [String: SyscallSignature] = [
        // Programs.
        "execve": .init(.path, .argv, .envp),
        "execveat": .init(.dirfd, .path, .argv, .envp, .atFlags),
        "exit": .init(.int, returns: .noReturn),
        "exit_group": .init(.int, returns: .noReturn),

        // New processes and waiting for them. strace names clone's arguments and reorders them.
        "fork": .init(),
        "vfork": .init(),
        "clone": .init(count: 5, decoder: .clone),
        "clone3": .init(count: 2, decoder: .clone3),
        "wait4": .init(.int, .waitStatus, .flags("waitOptions", \.waitOptions, unknown: "W???"), .rusage),
        "waitid": .init(.constant("waitIdType", \.waitIdTypes, unknown: "P_???"), .int, .siginfoOut, .flags("waitOptions", \.waitOptions, unknown: "W???"), .rusage),


        // Process and session ids.
        "getpid": .init(),
        "getppid": .init(),
        "gettid": .init(),
        "getpgrp": .init(),
        "getpgid": .init(.int),
        "setpgid": .init(.int, .int),
        "getsid": .init(.int),
        "setsid": .init(),
        "set_tid_address": .init(.hexValue),  // strace prints NULL as 0 here

        // Credentials.
        "getuid": .init(),
        "geteuid": .init(),
        "getgid": .init(),
        "getegid": .init(),
        "getuid32": .init(),
        "geteuid32": .init(),
        "getgid32": .init(),
        "getegid32": .init(),
        "setuid": .init(.owner),
        "setgid": .init(.owner),
        "setuid32": .init(.owner),
        "setgid32": .init(.owner),
        "setreuid": .init(.owner, .owner),
        "setregid": .init(.owner, .owner),
        "setreuid32": .init(.owner, .owner),
        "setregid32": .init(.owner, .owner),
        "setresuid": .init(.owner, .owner, .owner),
        "setresgid": .init(.owner, .owner, .owner),
        "setresuid32": .init(.owner, .owner, .owner),
        "setresgid32": .init(.owner, .owner, .owner),
        "getresuid": .init(.ownerOut, .ownerOut, .ownerOut),
        "getresgid": .init(.ownerOut, .ownerOut, .ownerOut),
        "getresuid32": .init(.ownerOut, .ownerOut, .ownerOut),
        "getresgid32": .init(.ownerOut, .ownerOut, .ownerOut),
        "setfsuid": .init(.owner),
        "setfsgid": .init(.owner),
        "setfsuid32": .init(.owner),
        "setfsgid32": .init(.owner),
        "getgroups": .init(.int, .groupsOut),
        "setgroups": .init(.int, .groupsIn),
        "getgroups32": .init(.int, .groupsOut),
        "setgroups32": .init(.int, .groupsIn),
        "capget": .init(.capabilityHeader, .capabilitySetsOut),
        "capset": .init(.capabilityHeader, .capabilitySets),

        // Resource limits and usage.
        // getrlimit, setrlimit, ugetrlimit: ResourceLimits.swift.
        "prlimit64": .init(.int, .rlimitResource, .rlimit64, .rlimit64Out),
        "getrusage": .init(.rusageWho, .rusage),
        "getpriority": .init(.priorityWhich, .int),
        "setpriority": .init(.priorityWhich, .int, .int),
        "nice": .init(.int),

        // Scheduling.
        "sched_yield": .init(),
        "sched_setparam": .init(.int, .schedParam),
        "sched_getparam": .init(.int, .intOut),
        "sched_setscheduler": .init(.int, .schedPolicy, .schedParam),
        "sched_getscheduler": .init(.int, returns: .schedPolicy),
        "sched_get_priority_max": .init(.schedPolicy),
        "sched_get_priority_min": .init(.schedPolicy),
        "sched_rr_get_interval": .init(.int, .timespecOut),
        "sched_rr_get_interval_time64": .init(.int, .timespec64Out),
        "sched_setaffinity": .init(.int, .uint, .cpuMask),
        "sched_getaffinity": .init(.int, .uint, .cpuMaskOut),
        // sched_setattr, sched_getattr: SchedulerAttributes.swift.
        "getcpu": .init(.uintOut, .uintOut, .pointer),

        // Process attributes, tracing, sandboxing and namespaces.
        "prctl": .init(count: 5, returns: .prctlResult, decoder: .prctl),
        "arch_prctl": .init(count: 2, decoder: .archPrctl),
        "personality": .init(.personality, returns: .personality),
        "unshare": .init(.namespaceFlags),
        "setns": .init(.fd, .namespaceFlags),
        "pidfd_open": .init(.int, .flags("pidfdFlags", \.pidfdFlags, unknown: "PIDFD_???")),
        "pidfd_getfd": .init(.fd, .remoteFd(pidfd: 0), .hexValue),
        "rseq": .init(.pointer, .hexValue, .hexValue, .hexValue),

        // Threads: robust futex lists and x86 thread-local storage descriptors.
        "set_robust_list": .init(.pointer, .ulong),
    ]
}

extension ArgPrinter {
    /// A descriptor of the process the pidfd in argument `pidfd` refers to (pidfd_getfd's
    /// target): `-y` shows its path in that process.
    static func remoteFd(pidfd: Int) -> ArgPrinter {
        ArgPrinter("remoteFd(\(pidfd))", refersTo: pidfd) { value, context, out in
            out.fd(Int32(truncatingIfNeeded: value), ofProcessOf: context.int32(pidfd))
        }
    }

    static let rlimitResource = constant("rlimitResource", \.rlimitResources, unknown: "RLIMIT_???")

    /// prlimit64's new limit (read at entry) and old limit (filled at exit).
    static let rlimit64 = ArgPrinter("rlimit64") { value, context, out in
        context.printRlimit64(at: context.truncate(value), to: &out)
    }
    static let rlimit64Out = ArgPrinter("rlimit64Out", phase: .exit) { value, context, out in
        let address = context.truncate(value)
        guard context.returned != nil else { return out.pointer(address) }
        context.printRlimit64(at: address, to: &out)
    }

    /// wait4's status: `[{WIFEXITED(s) && WEXITSTATUS(s) == 0}]`; the address when nothing was
    /// reaped.
    static let waitStatus = ArgPrinter("waitStatus", phase: .exit) { value, context, out in
        let address = context.truncate(value)
        guard let pid = context.returned, pid > 0, address != 0 else { return out.pointer(address) }
        guard let bytes = context.read(address, count: 4) else { return out.hex(address) }
        let status = UInt32(bytes[0]) | UInt32(bytes[1]) << 8 | UInt32(bytes[2]) << 16 | UInt32(bytes[3]) << 24
        out.beginArray()
        out.element()
        printWaitStatus(status, to: &out)
        out.endArray()
    }

    /// struct rusage, abbreviated as strace prints it: `{ru_utime={...}, ru_stime={...}, ...}`; with
    /// `-v` every field.
    static let rusage = output("rusage") { address, context, out in
        let layout = context.layouts.rusage
        context.withStruct(at: address, size: layout.size, to: &out) { bytes, out in
            let size = context.wordSize
            out.beginStruct()
            for (name, field) in [("ru_utime" as StaticString, layout.ruUtime), ("ru_stime", layout.ruStime)] {
                out.field(name)
                out.beginStruct()
                out.field("tv_sec")
                out.int(FieldLayout(offset: field.offset, size: size).signed(in: bytes))
                out.field("tv_usec")
                out.int(FieldLayout(offset: field.offset + size, size: size).signed(in: bytes))
                out.endStruct()
            }
            guard !context.abbreviates else {
                out.abbreviated()
                return out.endStruct()
            }
            let counters: [(StaticString, FieldLayout)] = [
                ("ru_maxrss", layout.ruMaxrss), ("ru_ixrss", layout.ruIxrss), ("ru_idrss", layout.ruIdrss),
                ("ru_isrss", layout.ruIsrss), ("ru_minflt", layout.ruMinflt), ("ru_majflt", layout.ruMajflt),
                ("ru_nswap", layout.ruNswap), ("ru_inblock", layout.ruInblock), ("ru_oublock", layout.ruOublock),
                ("ru_msgsnd", layout.ruMsgsnd), ("ru_msgrcv", layout.ruMsgrcv), ("ru_nsignals", layout.ruNsignals),
                ("ru_nvcsw", layout.ruNvcsw), ("ru_nivcsw", layout.ruNivcsw),
            ]
            for (name, field) in counters {
                out.field(name)
                out.int(field.signed(in: bytes))
            }
            out.endStruct()
        }
    }
}

extension DecodeContext {
    /// `{rlim_cur=8192*1024, rlim_max=RLIM64_INFINITY}`.
    func printRlimit64(at address: UInt64, to out: inout Emitter) {
        guard address != 0 else { return out.name("NULL") }
        let layout = layouts.rlimit64
        guard let bytes = read(address, count: layout.size) else { return out.hex(address) }
        out.beginStruct()
        out.field("rlim_cur")
        printLimit(layout.rlimCur.unsigned(in: bytes), wide: true, to: &out)
        out.field("rlim_max")
        printLimit(layout.rlimMax.unsigned(in: bytes), wide: true, to: &out)
        out.endStruct()
    }
}

/// `WIFEXITED(s) && WEXITSTATUS(s) == 0`, `WIFSIGNALED(s) && WTERMSIG(s) == SIGKILL`, ... (the
/// encoding of wait(2)'s status is the same on every Linux ABI).
/// A ptrace stop's event by name (`}|PTRACE_EVENT_STOP<<16`).
func printWaitStatus(_ status: UInt32, to out: inout Emitter) {
    let event = status & 0xff == 0x7f ? status >> 16 : 0
    out.waitStatus(status, eventName: event == 0 ? nil : ptraceEventNames.name(of: UInt64(event)))
}

/// linux/ptrace.h's PTRACE_EVENT_*: the same on every ABI.
private let ptraceEventNames = ABIConstants.x86_64.ptraceEvents

extension CallDecoder {
    /// clone(2): `child_stack=..., flags=...` at entry; the tids and tls the flags name at exit.
    /// The argument order differs by ABI: x86_64 passes child_tid before tls, the others after.
    static let clone = CallDecoder(entry: { context, out in
        let flags = context.word(0)
        let signalMask = context.constants.cloneSignalMask ?? 0xff
        out.argument(named: "child_stack", first: true)
        out.pointer(context.word(1))
        out.argument(named: "flags")
        let named = flags & ~signalMask
        out.beginOperation(.or)
        if named != 0 || flags & signalMask == 0 {
            out.operand()
            out.flags(named, context.constants.cloneFlags)
        }
        if flags & signalMask != 0 {
            out.operand()
            out.signal(Int32(flags & signalMask))
        }
        out.endOperation()
    }, exit: { context, out in
        let flags = context.word(0)
        let table = context.constants.cloneFlags
        let childTidIndex = context.call.arch == .x86_64 ? 3 : 4
        let tlsIndex = context.call.arch == .x86_64 ? 4 : 3
        if flags & (table.bits(named: "CLONE_PARENT_SETTID") | table.bits(named: "CLONE_PIDFD")) != 0 {
            out.argument(named: "parent_tid")
            let address = context.word(2)
            if context.returned != nil, let word = context.read(address, count: 4) {
                out.beginArray()
                out.element()
                out.int(Int64(Int32(bitPattern: UInt32(word[0]) | UInt32(word[1]) << 8 | UInt32(word[2]) << 16 | UInt32(word[3]) << 24)))
                out.endArray()
            } else {
                out.pointer(address)
            }
        }
        if flags & (table.bits(named: "CLONE_CHILD_SETTID") | table.bits(named: "CLONE_CHILD_CLEARTID")) != 0 {
            out.argument(named: "child_tidptr")
            out.pointer(context.word(childTidIndex))
        }
        if flags & table.bits(named: "CLONE_SETTLS") != 0 {
            out.argument(named: "tls")
            out.pointer(context.word(tlsIndex))
        }
    })
}

extension CallDecoder {
    /// clone3: `{flags=..., child_tid=..., parent_tid=..., exit_signal=SIGCHLD, stack=NULL,
    /// stack_size=0}` at entry (the pointers only where the flags use them), then what the kernel
    /// stored ` => {parent_tid=[42]}` and the size.
    static let clone3 = CallDecoder(entry: { context, out in
        let layout = context.layouts.cloneArgs
        let address = context.word(0)
        let size = context.word(1)
        // Smaller than the first version of the struct (64 bytes): the kernel refuses it unread.
        guard size >= 64, let bytes = context.read(address, count: Int(min(size, UInt64(layout.size)))) else {
            out.pointer(address)
            return
        }
        context.slot.values = (1, 0)
        let table = context.constants.cloneFlags
        let flags = layout.flags.unsigned(in: bytes)
        func has(_ name: StaticString) -> Bool { flags & table.bits(named: name) != 0 }
        out.beginStruct()
        out.field("flags")
        out.flags(flags, table)
        if has("CLONE_PIDFD") {
            out.field("pidfd")
            out.pointer(layout.pidfd.unsigned(in: bytes))
        }
        if has("CLONE_CHILD_SETTID") || has("CLONE_CHILD_CLEARTID") {
            out.field("child_tid")
            out.pointer(layout.childTid.unsigned(in: bytes))
        }
        if has("CLONE_PARENT_SETTID") {
            out.field("parent_tid")
            out.pointer(layout.parentTid.unsigned(in: bytes))
        }
        out.field("exit_signal")
        let signal = layout.exitSignal.unsigned(in: bytes)
        if signal == 0 { out.uint(0) } else { out.signal(Int32(truncatingIfNeeded: signal)) }
        out.field("stack")
        out.pointer(layout.stack.unsigned(in: bytes))
        out.field("stack_size")
        out.hex(layout.stackSize.unsigned(in: bytes))
        if has("CLONE_SETTLS") {
            out.field("tls")
            out.pointer(layout.tls.unsigned(in: bytes))
        }
        if bytes.count > layout.setTidSize.offset, layout.setTid.unsigned(in: bytes) != 0 || layout.setTidSize.unsigned(in: bytes) != 0 {
            out.field("set_tid")
            out.pointer(layout.setTid.unsigned(in: bytes))
            out.field("set_tid_size")
            out.uint(layout.setTidSize.unsigned(in: bytes))
        }
        if bytes.count > layout.cgroup.offset, has("CLONE_INTO_CGROUP") {
            out.field("cgroup")
            out.uint(layout.cgroup.unsigned(in: bytes))
        }
        out.endStruct()
    }, exit: { context, out in
        defer {
            out.raw(", ")
            out.uint(context.word(1))
        }
        let layout = context.layouts.cloneArgs
        guard context.slot.values.0 == 1, context.returned != nil,
              let bytes = context.read(context.word(0), count: Int(min(context.word(1), UInt64(layout.size)))) else { return }
        let table = context.constants.cloneFlags
        let flags = layout.flags.unsigned(in: bytes)
        let pidfd = flags & table.bits(named: "CLONE_PIDFD") != 0
        let parentTid = flags & table.bits(named: "CLONE_PARENT_SETTID") != 0
        guard pidfd || parentTid else { return }
        out.changed()
        out.beginStruct()
        if pidfd {
            out.field("pidfd")
            context.printIntArray(at: layout.pidfd.unsigned(in: bytes), count: 1, to: &out)
        }
        if parentTid {
            out.field("parent_tid")
            context.printIntArray(at: layout.parentTid.unsigned(in: bytes), count: 1, to: &out)
        }
        out.endStruct()
    })
}
