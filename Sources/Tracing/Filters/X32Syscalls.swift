import SyscallTables

/// x86_64's x32 ABI numbering (without `__X32_SYSCALL_BIT`): the x86_64 numbers below 512 minus the
/// calls that pass pointers to structures whose layout differs in ILP32, which x32 makes at
/// 512...547 instead (`asm/unistd_x32.h`; `FilterSyscallTests` checks this against that header).
enum X32Syscalls {
    /// Set in the syscall number of every x32 call.
    static let syscallBit: UInt64 = 0x4000_0000

    /// x86_64 calls that x32 does not have at their x86_64 number.
    static let sixtyFourBitOnly: Set<String> = [
        "rt_sigaction", "rt_sigreturn", "ioctl", "readv", "writev", "recvfrom", "sendmsg", "recvmsg",
        "setsockopt", "getsockopt", "execve", "ptrace", "rt_sigpending", "rt_sigtimedwait",
        "rt_sigqueueinfo", "sigaltstack", "uselib", "_sysctl", "create_module", "get_kernel_syms",
        "query_module", "nfsservctl", "set_thread_area", "io_setup", "io_submit", "get_thread_area",
        "epoll_ctl_old", "epoll_wait_old", "timer_create", "vserver", "mq_notify", "kexec_load",
        "waitid", "set_robust_list", "get_robust_list", "vmsplice", "move_pages", "preadv", "pwritev",
        "rt_tgsigqueueinfo", "recvmmsg", "sendmmsg", "process_vm_readv", "process_vm_writev",
        "execveat", "preadv2", "pwritev2",
    ]

    /// x32's own calls, from 512 on.
    static let compatibleCalls: [String] = [
        "rt_sigaction", "rt_sigreturn", "ioctl", "readv", "writev", "recvfrom", "sendmsg", "recvmsg",
        "execve", "ptrace", "rt_sigpending", "rt_sigtimedwait", "rt_sigqueueinfo", "sigaltstack",
        "timer_create", "mq_notify", "kexec_load", "waitid", "set_robust_list", "get_robust_list",
        "vmsplice", "move_pages", "preadv", "pwritev", "rt_tgsigqueueinfo", "recvmmsg", "sendmmsg",
        "process_vm_readv", "process_vm_writev", "setsockopt", "getsockopt", "io_setup", "io_submit",
        "execveat", "preadv2", "pwritev2",
    ]

    static let firstCompatibleNumber = 512
    static var tableCount: Int { firstCompatibleNumber + compatibleCalls.count }

    /// `names[nr]`: the call x32 makes with number `nr | syscallBit`.
    static let names: [String?] = {
        var names = [String?](repeating: nil, count: tableCount)
        for (number, name) in SyscallTable.x86_64.names.enumerated() where number < firstCompatibleNumber {
            if let name, !sixtyFourBitOnly.contains(name) { names[number] = name }
        }
        for (offset, name) in compatibleCalls.enumerated() { names[firstCompatibleNumber + offset] = name }
        return names
    }()
}
