import CSeccomp
import Glibc
import SyscallTables

/// The seccomp-bpf program of the fast path: a classic BPF program, built with libseccomp from a
/// SyscallFilter, that returns SECCOMP_RET_TRACE for the calls swtrace must see and lets every
/// other call run without a stop. It is exported as raw `struct sock_filter` bytes so that the
/// child between fork and exec installs it with `swt_install_seccomp_filter` without allocating.
///
/// A program covers every ABI a tracee may enter the kernel through (on x86_64: x86_64, i386 and
/// x32; on aarch64: aarch64); each ABI's rules are built in their own libseccomp context from that
/// ABI's numbers and the contexts are merged, so no number is translated between ABIs.
public enum SeccompProgram {
    /// Calls every program traces whatever the filter says: the session needs exec's entry (the
    /// first execve's line, `-b execve`, a thread's execve). Forks, clones and exits need no
    /// syscall stop: they come from the ptrace options (PTRACE_O_TRACECLONE, ...) and wait
    /// statuses.
    public static let alwaysTraced = ["execve", "execveat"]

    /// An ABI as libseccomp names it.
    public enum ABI: Sendable, CaseIterable {
        case x86_64, i386, x32, aarch64

        /// libseccomp's SCMP_ARCH_* token (the AUDIT_ARCH_* value; x32 is EM_X86_64 | LE).
        var token: UInt32 {
            switch self {
            case .x86_64: 0xc000_003e
            case .i386: 0x4000_0003
            case .x32: 0x4000_003e
            case .aarch64: 0xc000_00b7
            }
        }

        var personality: SyscallPersonality {
            switch self {
            case .x86_64: .x86_64
            case .i386: .i386
            case .x32: .x32
            case .aarch64: .aarch64
            }
        }
    }

    /// The ABIs a process on this machine can use.
    public static var hostABIs: [ABI] {
        #if arch(x86_64)
        [.x86_64, .i386, .x32]
        #elseif arch(arm64)
        [.aarch64]
        #else
        []
        #endif
    }

    /// SECCOMP_RET_TRACE with no data, and SECCOMP_RET_ALLOW (libseccomp's SCMP_ACT_TRACE(0) and
    /// SCMP_ACT_ALLOW, which are macros).
    static let traceAction: UInt32 = 0x7ff0_0000
    static let allowAction: UInt32 = 0x7fff_0000
    /// One `struct sock_filter`: u16 code, u8 jt, u8 jf, u32 k.
    public static let instructionSize = 8

    /// Builds the program for `filter`, also tracing `alwaysTraced` and the calls named in `extra`
    /// (names unknown to an ABI are skipped there). Returns `struct sock_filter` entries as bytes;
    /// their count is `bytes.count / instructionSize`.
    public static func build(for filter: SyscallFilter, alsoTrace extra: [String] = [],
                             abis: [ABI] = hostABIs) throws(FilterError) -> [UInt8] {
        // A short list compared by name, not a Set: hashing every name of every ABI (1,150) was
        // 0.3 M instructions of each filtered start-up.
        let forced = alwaysTraced + extra
        var plans: [(ABI, traced: [Int], untraced: [Int])] = []
        var tracedTotal = 0
        var untracedTotal = 0
        for abi in abis {
            let names = abi.personality.names
            let set = filter.set(abi.personality)
            var traced: [Int] = []
            var untraced: [Int] = []
            for (number, name) in names.enumerated() {
                guard let name else { continue }
                if set.contains(UInt64(number)) || forced.contains(name) { traced.append(number) } else { untraced.append(number) }
            }
            tracedTotal += traced.count
            untracedTotal += untraced.count
            plans.append((abi, traced, untraced))
        }
        // The shorter list becomes the rules and the other action the default, which keeps the
        // program short (`!write` is one rule per ABI) and gives numbers beyond the tables the
        // answer most like the filter's.
        let defaultTraces = tracedTotal > untracedTotal
        let defaultAction = defaultTraces ? traceAction : allowAction
        let ruleAction = defaultTraces ? allowAction : traceAction

        var merged: scmp_filter_ctx?
        defer { if let merged { seccomp_release(merged) } }
        for (abi, traced, untraced) in plans {
            let context = try makeContext(abi, defaultAction: defaultAction)
            let names = abi.personality.names
            let isNative = abi.token == seccomp_arch_native()
            for number in defaultTraces ? untraced : traced {
                // libseccomp reads a rule's number in the native ABI's numbering (or its pseudo
                // numbers for calls the native ABI lacks) and translates it by name to the
                // context's ABI: a foreign ABI's call goes in by name.
                let ruleNumber = isNative ? Int32(number) : seccomp_syscall_resolve_name(names[number]!)
                let status = ruleNumber == -1 ? -EDOM : seccomp_rule_add_exact_array(context, ruleAction, ruleNumber, 0, nil)
                // An ALLOW rule that cannot be written only costs a stop; a TRACE rule must not
                // be lost, or the call would go unseen.
                guard status == 0 || defaultTraces else {
                    seccomp_release(context)
                    throw FilterError("seccomp: libseccomp cannot trace \(names[number]!) (\(abi) syscall \(number)): \(errorText(status))")
                }
            }
            if let destination = merged {
                let status = seccomp_merge(destination, context)
                guard status == 0 else {
                    seccomp_release(context)
                    throw FilterError("seccomp: cannot merge the \(abi) filter: \(errorText(status))")
                }
            } else {
                merged = context
            }
        }
        guard let merged else { throw FilterError("seccomp: no ABI to filter on this machine") }
        return try export(merged)
    }

    private static func makeContext(_ abi: ABI, defaultAction: UInt32) throws(FilterError) -> scmp_filter_ctx {
        guard let context = seccomp_init(defaultAction) else { throw FilterError("seccomp: libseccomp cannot start a filter") }
        var status = seccomp_attr_set(context, SCMP_FLTATR_ACT_BADARCH, defaultAction)
        if status == 0, seccomp_arch_native() != abi.token {
            status = seccomp_arch_add(context, abi.token)
            if status == 0 { status = seccomp_arch_remove(context, seccomp_arch_native()) }
        }
        // A binary tree of comparisons rather than a list: fewer instructions run per call.
        if status == 0 { status = seccomp_attr_set(context, SCMP_FLTATR_CTL_OPTIMIZE, 2) }
        guard status == 0 else {
            seccomp_release(context)
            throw FilterError("seccomp: cannot set up the \(abi) filter: \(errorText(status))")
        }
        return context
    }

    /// seccomp_export_bpf writes to a descriptor (libseccomp 2.5 has no export to memory): an
    /// unnamed temporary file, read back whole.
    private static func export(_ context: scmp_filter_ctx) throws(FilterError) -> [UInt8] {
        guard let file = tmpfile() else { throw FilterError("seccomp: no temporary file: \(String(cString: strerror(errno)))") }
        defer { fclose(file) }
        let fd = fileno(file)
        let status = seccomp_export_bpf(context, fd)
        guard status == 0 else { throw FilterError("seccomp: cannot export the filter: \(errorText(status))") }
        let size = Int(lseek(fd, 0, SEEK_END))
        guard size > 0, size % instructionSize == 0, size / instructionSize <= Int(UInt16.max) else {
            throw FilterError("seccomp: the exported filter has \(size) bytes")
        }
        var bytes = [UInt8](repeating: 0, count: size)
        let read = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress, size, 0) }
        guard read == size else { throw FilterError("seccomp: cannot read the exported filter back") }
        return bytes
    }

    private static func errorText(_ status: Int32) -> String {
        String(cString: strerror(-status))
    }
}
