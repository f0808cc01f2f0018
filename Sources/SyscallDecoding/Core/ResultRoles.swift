/// Integers that name something `-y` or `-Y` can describe: the descriptor a call returns (`open`,
/// `socket`, `dup2`: `= 3</etc/passwd>`), and the process ids a call takes or returns (`kill`,
/// `getpid`: `= 1234<sh>`). Kept as lists by name beside the catalog, so that the family files
/// keep their plain `.int`: an argument or result printed as `.int` there takes its role here.
enum ResultRoles {
    /// Calls whose successful result is a new descriptor.
    static let descriptorResults: Set<String> = [
        "open", "openat", "openat2", "creat", "dup", "dup2", "dup3", "eventfd", "eventfd2", "socket",
        "accept", "accept4", "epoll_create", "epoll_create1", "signalfd", "signalfd4", "timerfd_create",
        "inotify_init", "inotify_init1", "fanotify_init", "memfd_create", "memfd_secret", "pidfd_open",
        "pidfd_getfd", "open_by_handle_at", "perf_event_open", "userfaultfd", "io_uring_setup", "fsopen",
        "fsmount", "open_tree", "fspick", "mq_open",
    ]

    /// Calls whose successful result is a process, thread, group or session id.
    static let processResults: Set<String> = [
        "getpid", "getppid", "gettid", "fork", "vfork", "clone", "clone3", "wait4", "waitpid", "getpgrp",
        "getpgid", "getsid", "setsid",
    ]

    /// The arguments that are process (or thread, group, session) ids, by call.
    static let processArguments: [String: [Int]] = [
        "kill": [0], "tkill": [0], "tgkill": [0, 1], "wait4": [0], "waitpid": [0], "getpgid": [0],
        "setpgid": [0, 1], "getsid": [0], "sched_setparam": [0], "sched_getparam": [0],
        "sched_setscheduler": [0], "sched_getscheduler": [0], "sched_rr_get_interval": [0],
        "sched_setaffinity": [0], "sched_getaffinity": [0], "sched_setattr": [0], "sched_getattr": [0],
        "prlimit64": [0], "pidfd_open": [0], "rt_sigqueueinfo": [0], "rt_tgsigqueueinfo": [0, 1],
        "process_vm_readv": [0], "process_vm_writev": [0], "get_robust_list": [0], "kcmp": [0, 1],
        "migrate_pages": [0], "move_pages": [0], "ioprio_set": [1], "ioprio_get": [1],
    ]

    /// `signature` with the `.int` arguments and result that name a descriptor or a process
    /// printed as such.
    static func apply(to signature: SyscallSignature, of name: String) -> SyscallSignature {
        var args = signature.args
        var returns = signature.returns
        if returns == .int {
            if descriptorResults.contains(name) { returns = .fd }
            if processResults.contains(name) { returns = .pid }
        }
        for index in processArguments[name] ?? [] where index < args.count && args[index] == .int {
            args[index] = .pid
        }
        guard args != signature.args || returns != signature.returns else { return signature }
        return signature.withPrinters(args: args, returns: returns)
    }
}
