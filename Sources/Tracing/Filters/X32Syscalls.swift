import SyscallTables

/// x86_64's x32 ABI numbering (without `__X32_SYSCALL_BIT`): the x86_64 numbers below 512 minus the
/// calls that pass pointers to structures whose layout differs in ILP32, which x32 makes at
/// 512...547 instead (`asm/unistd_x32.h`; `FilterSyscallTests` checks this against that header).
enum X32Syscalls {
    /// Set in the syscall number of every x32 call.
    static let syscallBit: UInt64 = 0x4000_0000

    /// x86_64 calls that x32 does not have at their x86_64 number, by that number (numbers, not
    /// names in a `Set`: hashing the 370 names of the table was 0.25 M instructions of every start).
    /// rt_sigaction 13, rt_sigreturn 15, ioctl 16, readv 19, writev 20, recvfrom 45, sendmsg 46,
    /// recvmsg 47, setsockopt 54, getsockopt 55, execve 59, ptrace 101, rt_sigpending 127,
    /// rt_sigtimedwait 128, rt_sigqueueinfo 129, sigaltstack 131, uselib 134, _sysctl 156,
    /// create_module 174, get_kernel_syms 177, query_module 178, nfsservctl 180, set_thread_area 205,
    /// io_setup 206, io_submit 209, get_thread_area 211, epoll_ctl_old 214, epoll_wait_old 215,
    /// timer_create 222, vserver 236, mq_notify 244, kexec_load 246, waitid 247, set_robust_list 273,
    /// get_robust_list 274, vmsplice 278, move_pages 279, preadv 295, pwritev 296,
    /// rt_tgsigqueueinfo 297, recvmmsg 299, sendmmsg 307, process_vm_readv 310,
    /// process_vm_writev 311, execveat 322, preadv2 327, pwritev2 328.
    static let sixtyFourBitOnly: [Int] = [
        13, 15, 16, 19, 20, 45, 46, 47, 54, 55, 59, 101, 127, 128, 129, 131, 134, 156, 174, 177, 178,
        180, 205, 206, 209, 211, 214, 215, 222, 236, 244, 246, 247, 273, 274, 278, 279, 295, 296, 297,
        299, 307, 310, 311, 322, 327, 328,
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
            if let name, !sixtyFourBitOnly.contains(number) { names[number] = name }
        }
        for (offset, name) in compatibleCalls.enumerated() { names[firstCompatibleNumber + offset] = name }
        return names
    }()
}
