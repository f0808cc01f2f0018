/// Calls strace 6.1 itself prints in hex, argument by argument (its generic printer): the ones
/// the kernel never implemented or no longer does (afs_syscall, tuxcall, i386's break and
/// idle...), and a few it never decoded (sysfs, bdflush, ulimit, vm86, epoll_ctl_old). Decoded:
/// this is strace's own output for them, not a placeholder, so they are not in the README's
/// list of what is left raw.
extension SyscallSignature {
    /// `count` arguments in hex (`0` for zero), the result in decimal, as strace prints them.
    static func printedRaw(_ count: Int) -> SyscallSignature {
        SyscallSignature(args: Array(repeating: .hexValue, count: count), returns: .int)
    }
}
