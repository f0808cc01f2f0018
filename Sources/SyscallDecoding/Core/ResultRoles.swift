/// Integers that name something `-y` or `-Y` can describe: the descriptor a call returns (`open`,
/// `socket`, `dup2`: `= 3</etc/passwd>`), and the process ids a call takes or returns (`kill`,
/// `getpid`: `= 1234<sh>`). Kept as lists by name beside the catalog, so that the family files
/// keep their plain `.int`: an argument or result printed as `.int` there takes its role here.
enum ResultRoles {
    /// Calls whose successful result is a new descriptor (not open_by_handle_at: strace 6.1
    /// prints its result bare under `-y`).
    static let descriptorResults: Set<String> = [
        "open", "openat", "openat2", "creat", "dup", "dup2", "dup3", "eventfd", "eventfd2", "socket",
        "accept", "accept4", "epoll_create", "epoll_create1", "signalfd", "signalfd4", "timerfd_create",
        "inotify_init", "inotify_init1", "fanotify_init", "memfd_create", "memfd_secret", "pidfd_open",
        "pidfd_getfd", "perf_event_open", "userfaultfd", "io_uring_setup", "fsopen",
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

    /// The descriptors, directory descriptors and paths among the arguments of calls printed by a
    /// whole-call decoder (whose arguments are otherwise all `.byDecoder`): `-P` and
    /// `-e trace-fds=` look at an argument's printer to know what it names.
    static let decodedDescriptors: [String: [Int]] = [
        "fcntl": [0], "fcntl64": [0], "ioctl": [0], "preadv": [0], "pwritev": [0], "preadv2": [0],
        "pwritev2": [0], "sendfile": [0, 1], "sendfile64": [0, 1], "fallocate": [0], "sync_file_range": [0],
        "accept": [0], "accept4": [0], "getsockname": [0], "getpeername": [0], "recvfrom": [0], "recvmsg": [0],
        "sendmmsg": [0], "recvmmsg": [0], "recvmmsg_time64": [0], "setsockopt": [0], "getsockopt": [0],
        "fanotify_mark": [0], "io_uring_register": [0], "fsconfig": [0], "landlock_add_rule": [0],
    ]
    static let decodedDirectories: [String: [Int]] = ["name_to_handle_at": [0], "fanotify_mark": [3]]
    static let decodedPaths: [String: [Int]] = ["name_to_handle_at": [1], "fanotify_mark": [4], "mount": [0, 1]]

    /// `signature` with the `.int` arguments and result that name a descriptor or a process
    /// printed as such, and the descriptors and paths a whole-call decoder prints marked as such.
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
        for (roles, printer) in [(decodedDescriptors, ArgPrinter.fd), (decodedDirectories, .dirfd), (decodedPaths, .path)] {
            for index in roles[name] ?? [] where index < args.count && args[index] == .byDecoder {
                args[index] = printer
            }
        }
        guard args != signature.args || returns != signature.returns else { return signature }
        return signature.withPrinters(args: args, returns: returns)
    }
}
