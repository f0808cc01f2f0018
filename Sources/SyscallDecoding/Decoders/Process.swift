/// Processes, programs and signals: exec, exit, clone, wait, kill, signal handling, ids,
/// credentials, resource limits, scheduling, prctl, ptrace and namespaces.
///
/// uids and gids stay `.hex`: strace prints `(uid_t)-1` as `-1` and any other value unsigned.
extension SyscallCatalog {
    static let process: [String: SyscallSignature] = [
        // Programs.
        "execve": .init(.path, .argv, .envp),
        "execveat": .init(.dirfd, .path, .argv, .envp, .hex),
        "exit": .init(.int, returns: .noReturn),
        "exit_group": .init(.int, returns: .noReturn),

        // New processes and waiting for them. strace names clone's arguments and reorders them.
        "fork": .init(),
        "vfork": .init(),
        "clone": .init(.hex, .hex, .hex, .hex, .hex),
        "clone3": .init(.hex, .ulong),
        "wait4": .init(.int, .hex, .hex, .hex),
        "waitid": .init(.hex, .int, .hex, .hex, .hex),

        // Sending signals.
        "kill": .init(.int, .signal),
        "tkill": .init(.int, .signal),
        "tgkill": .init(.int, .int, .signal),
        "rt_sigqueueinfo": .init(.int, .signal, .hex),
        "rt_tgsigqueueinfo": .init(.int, .int, .signal, .hex),
        "pidfd_send_signal": .init(.fd, .signal, .hex, .hex),

        // Handling signals. strace prints rt_sigreturn's restored mask and rt_sigtimedwait's signal
        // name after the return value, so both return values stay raw.
        "rt_sigaction": .init(.signal, .hex, .hex, .ulong),
        "rt_sigprocmask": .init(.hex, .hex, .hex, .ulong),
        "rt_sigpending": .init(.hex, .ulong),
        "rt_sigsuspend": .init(.hex, .ulong),
        "rt_sigtimedwait": .init(.hex, .hex, .hex, .ulong, returns: .hex),
        "rt_sigtimedwait_time64": .init(.hex, .hex, .hex, .ulong, returns: .hex),
        "rt_sigreturn": .init(returns: .hex),
        "sigaltstack": .init(.hex, .hex),
        "pause": .init(),
        "restart_syscall": .init(.interruptedCall),

        // Process and session ids.
        "getpid": .init(),
        "getppid": .init(),
        "gettid": .init(),
        "getpgrp": .init(),
        "getpgid": .init(.int),
        "setpgid": .init(.int, .int),
        "getsid": .init(.int),
        "setsid": .init(),
        "set_tid_address": .init(.hex),  // strace prints NULL as 0 here

        // Credentials.
        "getuid": .init(),
        "geteuid": .init(),
        "getgid": .init(),
        "getegid": .init(),
        "getuid32": .init(),
        "geteuid32": .init(),
        "getgid32": .init(),
        "getegid32": .init(),
        "setuid": .init(.hex),
        "setgid": .init(.hex),
        "setuid32": .init(.hex),
        "setgid32": .init(.hex),
        "setreuid": .init(.hex, .hex),
        "setregid": .init(.hex, .hex),
        "setreuid32": .init(.hex, .hex),
        "setregid32": .init(.hex, .hex),
        "setresuid": .init(.hex, .hex, .hex),
        "setresgid": .init(.hex, .hex, .hex),
        "setresuid32": .init(.hex, .hex, .hex),
        "setresgid32": .init(.hex, .hex, .hex),
        "getresuid": .init(.hex, .hex, .hex),
        "getresgid": .init(.hex, .hex, .hex),
        "getresuid32": .init(.hex, .hex, .hex),
        "getresgid32": .init(.hex, .hex, .hex),
        "setfsuid": .init(.hex),
        "setfsgid": .init(.hex),
        "setfsuid32": .init(.hex),
        "setfsgid32": .init(.hex),
        "getgroups": .init(.int, .hex),
        "setgroups": .init(.int, .hex),
        "getgroups32": .init(.int, .hex),
        "setgroups32": .init(.int, .hex),
        "capget": .init(.hex, .hex),
        "capset": .init(.hex, .hex),

        // Resource limits and usage.
        "getrlimit": .init(.hex, .hex),
        "setrlimit": .init(.hex, .hex),
        "ugetrlimit": .init(.hex, .hex),
        "prlimit64": .init(.int, .hex, .hex, .hex),
        "getrusage": .init(.hex, .hex),
        "getpriority": .init(.hex, .int),
        "setpriority": .init(.hex, .int, .int),
        "nice": .init(.int),
        "ioprio_get": .init(.hex, .int, returns: .hex),  // strace decodes the returned priority
        "ioprio_set": .init(.hex, .int, .hex),

        // Scheduling.
        "sched_yield": .init(),
        "sched_setparam": .init(.int, .hex),
        "sched_getparam": .init(.int, .hex),
        "sched_setscheduler": .init(.int, .hex, .hex),
        "sched_getscheduler": .init(.int, returns: .hex),  // `= 0 (SCHED_OTHER)`
        "sched_get_priority_max": .init(.hex),
        "sched_get_priority_min": .init(.hex),
        "sched_rr_get_interval": .init(.int, .hex),
        "sched_rr_get_interval_time64": .init(.int, .hex),
        "sched_setaffinity": .init(.int, .uint, .hex),
        "sched_getaffinity": .init(.int, .uint, .hex),
        "sched_setattr": .init(.int, .hex, .hex),
        "sched_getattr": .init(.int, .hex, .uint, .hex),
        "getcpu": .init(.hex, .hex, .hex),

        // Process attributes, tracing, sandboxing and namespaces.
        "prctl": .init(.hex, .hex, .hex, .hex, .hex, returns: .hex),
        "arch_prctl": .init(.hex, .hex),
        "personality": .init(.hex, returns: .hex),
        "ptrace": .init(.hex, .hex, .hex, .hex, returns: .hex),  // the pid prints only for some requests
        "seccomp": .init(.hex, .hex, .hex),
        "landlock_create_ruleset": .init(.hex, .ulong, .hex),
        "landlock_add_rule": .init(.fd, .hex, .hex, .hex),
        "landlock_restrict_self": .init(.fd, .hex),
        "unshare": .init(.hex),
        "setns": .init(.fd, .hex),
        "kcmp": .init(.int, .int, .hex, .hex, .hex),
        "pidfd_open": .init(.int, .hex),
        "pidfd_getfd": .init(.fd, .fd, .hex),
        "rseq": .init(.hex, .hex, .hex, .hex),

        // Threads: robust futex lists and x86 thread-local storage descriptors.
        "set_robust_list": .init(.pointer, .ulong),
        "get_robust_list": .init(.int, .hex, .hex),
        "set_thread_area": .init(.hex),
        "get_thread_area": .init(.hex),
        "modify_ldt": .init(.int, .hex, .ulong),
    ]
}
