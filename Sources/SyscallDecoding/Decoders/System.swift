/// The system as a whole: mounts, swap, quotas, power, kernel modules, kexec, BPF, performance
/// counters, keys, the kernel log, host identity, hardware I/O ports, randomness, and the
/// syscalls the kernel reserves but does not implement.
extension SyscallCatalog {
    static let system: [String: SyscallSignature] = [
        // Mounts. mount prints its type and data as strings or addresses depending on the flags.
        "umount": .init(.path),

        // Swap (swapon: SystemAdmin.swift), process accounting (quotas: Quota.swift).
        "swapoff": .init(.path),
        "acct": .init(.path),

        // Power, modules, kexec and the kernel log: KernelControl.swift; bpf, perf_event_open: Bpf.swift, PerfEvent.swift.

        // Host identity and state.
        "uname": .init(.utsname),
        "olduname": .init(.hex),
        "oldolduname": .init(.hex),
        "sysinfo": .init(.sysinfo),
        "sysfs": .printedRaw(3),
        "_sysctl": .printedRaw(1),
        "getrandom": .init(.randomBytes, .ulong, .flags("randomFlags", \.randomFlags, unknown: "GRND_???")),
        "vhangup": .init(),

        // x86 I/O port access.
        "ioperm": .init(.hexValue, .hexValue, .int),
        "iopl": .init(.int),

        // Obsolete or never implemented: the kernel answers ENOSYS, strace prints them in hex.
        "afs_syscall": .printedRaw(5),
        "break": .printedRaw(0),
        "create_module": .printedRaw(2),
        "ftime": .printedRaw(0),
        "get_kernel_syms": .printedRaw(1),
        "getpmsg": .printedRaw(5),
        "gtty": .printedRaw(2),
        "idle": .printedRaw(0),
        "lock": .printedRaw(0),
        "mpx": .printedRaw(0),
        "nfsservctl": .printedRaw(3),
        "prof": .printedRaw(0),
        "profil": .printedRaw(4),
        "putpmsg": .printedRaw(5),
        "query_module": .printedRaw(5),
        "security": .printedRaw(3),
        "stty": .printedRaw(2),
        "tuxcall": .printedRaw(3),
        "uselib": .init(.path),
        "vserver": .printedRaw(5),
    ]
}

extension ArgPrinter {
    /// getrandom's buffer at exit: every byte as `\xNN`, cut to `-s`.
    static let randomBytes = ArgPrinter("randomBytes", phase: .exit) { value, context, out in
        let address = context.truncate(value)
        guard let count = context.returned, count >= 0 else { return out.pointer(address) }
        let shown = Int(min(count, Int64(context.options.stringLimit)))
        guard let bytes = context.readBytes(address, count: shown) else { return out.hex(address) }
        out.hexBytes(bytes, truncated: shown < count)
    }

    /// struct utsname: `{sysname="Linux", nodename="vm", ...}`, and with `-v` the other four names.
    static let utsname = ArgPrinter("utsname", phase: .exit) { value, context, out in
        let address = context.truncate(value)
        let layout = context.layouts.utsname
        guard context.returned != nil else { return out.pointer(address) }
        guard let bytes = context.read(address, count: layout.size) else { return out.hex(address) }
        func field(_ name: StaticString, _ field: FieldLayout) {
            let raw = UnsafeRawBufferPointer(rebasing: bytes[field.offset..<field.offset + field.size])
            out.field(name)
            out.bytes(raw.prefix { $0 != 0 })
        }
        out.beginStruct()
        field("sysname", layout.sysname)
        field("nodename", layout.nodename)
        if context.abbreviates {
            out.abbreviated()
        } else {
            field("release", layout.release)
            field("version", layout.version)
            field("machine", layout.machine)
            field("domainname", layout.domainname)
        }
        out.endStruct()
    }

    /// struct sysinfo, every field.
    static let sysinfo = ArgPrinter("sysinfo", phase: .exit) { value, context, out in
        let address = context.truncate(value)
        let layout = context.layouts.sysinfo
        guard context.returned != nil else { return out.pointer(address) }
        guard let bytes = context.read(address, count: layout.size) else { return out.hex(address) }
        func field(_ name: StaticString, _ field: FieldLayout) {
            out.field(name)
            out.uint(field.unsigned(in: bytes))
        }
        out.beginStruct()
        out.field("uptime")
        out.int(layout.uptime.signed(in: bytes))
        out.field("loads")
        out.beginArray()
        let loadSize = context.wordSize
        for index in 0..<(layout.loads.size / loadSize) {
            guard out.element(index) else { break }
            out.uint(FieldLayout(offset: layout.loads.offset + index * loadSize, size: loadSize).unsigned(in: bytes))
        }
        out.endArray()
        field("totalram", layout.totalram)
        field("freeram", layout.freeram)
        field("sharedram", layout.sharedram)
        field("bufferram", layout.bufferram)
        field("totalswap", layout.totalswap)
        field("freeswap", layout.freeswap)
        field("procs", layout.procs)
        field("totalhigh", layout.totalhigh)
        field("freehigh", layout.freehigh)
        field("mem_unit", layout.memUnit)
        out.endStruct()
    }
}
