/// The trace classes of `-e trace=%file`, `%desc`, ...: sets of system calls grouped by what they
/// do. A syscall belongs to several (openat takes a path and returns a descriptor: %file and
/// %desc), so a syscall's classes are a set.
public struct TraceClass: OptionSet, Sendable, Hashable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// Takes a file name (a path) as an argument.
    public static let file = TraceClass(rawValue: 1 << 0)
    /// Creates, replaces or ends a process, or waits for one, or sends it a signal.
    public static let process = TraceClass(rawValue: 1 << 1)
    /// Works on sockets.
    public static let network = TraceClass(rawValue: 1 << 2)
    /// Sends, handles, blocks or waits for signals.
    public static let signal = TraceClass(rawValue: 1 << 3)
    /// System V IPC: message queues, semaphores, shared memory.
    public static let ipc = TraceClass(rawValue: 1 << 4)
    /// Takes or returns a file descriptor.
    public static let desc = TraceClass(rawValue: 1 << 5)
    /// Maps, unmaps or changes memory.
    public static let memory = TraceClass(rawValue: 1 << 6)
    /// Reads or changes user and group ids or capabilities.
    public static let creds = TraceClass(rawValue: 1 << 7)
    /// Reads or changes a system clock.
    public static let clock = TraceClass(rawValue: 1 << 8)
    /// Takes no argument and cannot fail.
    public static let pure = TraceClass(rawValue: 1 << 9)
    /// stat by path, following symbolic links.
    public static let stat = TraceClass(rawValue: 1 << 10)
    /// stat by path, not following symbolic links.
    public static let lstat = TraceClass(rawValue: 1 << 11)
    /// stat by descriptor, or relative to one (fstatat, statx).
    public static let fstat = TraceClass(rawValue: 1 << 12)
    /// Every call that asks for a file's status (`%%stat`).
    public static let anyStat = TraceClass(rawValue: 1 << 13)
    /// File system statistics by path.
    public static let statfs = TraceClass(rawValue: 1 << 14)
    /// File system statistics by descriptor.
    public static let fstatfs = TraceClass(rawValue: 1 << 15)
    /// Every call that asks for file system statistics (`%%statfs`, with ustat).
    public static let anyStatfs = TraceClass(rawValue: 1 << 16)

    /// The class a `-e trace=` token names: `%file`, `%%stat`, ...; the seven oldest also without
    /// the `%` (`file`, `desc`), as strace still takes them. Nil for anything else.
    public init?(filterName: String) {
        switch filterName {
        case "%file", "file": self = .file
        case "%process", "process": self = .process
        case "%net", "%network", "network": self = .network
        case "%signal", "signal": self = .signal
        case "%ipc", "ipc": self = .ipc
        case "%desc", "desc": self = .desc
        case "%memory", "memory": self = .memory
        case "%creds": self = .creds
        case "%clock": self = .clock
        case "%pure": self = .pure
        case "%stat": self = .stat
        case "%lstat": self = .lstat
        case "%fstat": self = .fstat
        case "%%stat": self = .anyStat
        case "%statfs": self = .statfs
        case "%fstatfs": self = .fstatfs
        case "%%statfs": self = .anyStatfs
        default: return nil
        }
    }
}

/// Which classes each system call belongs to, by name. Names are shared by the ABIs (x86_64,
/// i386, aarch64 and x32 all call `openat` "openat"), so one map serves every table.
///
/// Membership follows what each call does, with strace's conventions where a call could go
/// either way (checked against Debian's strace 6.1 by `FilterClassOracleTests`):
/// - %desc: the call takes a descriptor (or a dirfd) as an argument or returns a new one; calls
///   whose only descriptor is a socket are %network instead.
/// - %file: the call takes a path name.
/// - %process: lifecycle (clone, exec, exit, wait) and sending a signal to another task.
/// - the stat and statfs families are split by how the file is named.
/// - In no class, although their meaning suggests one, as strace 6.1 has them: unshare (not
///   %process), close_range (not %desc), stime (not %clock).
public enum SyscallClasses {
    /// The classes of syscall `name` (empty for a name in no class, or unknown).
    public static func classes(of name: String) -> TraceClass {
        membership[name] ?? []
    }

    static let membership: [String: TraceClass] = {
        var map: [String: TraceClass] = [:]
        for (classes, names) in groups {
            for name in names { map[name, default: []].formUnion(classes) }
        }
        return map
    }()

    /// Each line: a set of classes and the calls that have exactly (at least) those classes.
    static let groups: [(TraceClass, [String])] = [
        // Path only.
        (.file, [
            "access", "chdir", "chmod", "chown", "chown32", "chroot", "getcwd", "lchown", "lchown32",
            "link", "mkdir", "mknod", "rename", "rmdir", "symlink", "unlink", "readlink", "truncate",
            "truncate64", "utime", "utimes", "uselib", "acct", "mount", "umount", "umount2", "swapon",
            "swapoff", "pivot_root", "quotactl", "setxattr", "lsetxattr", "getxattr", "lgetxattr",
            "listxattr", "llistxattr", "removexattr", "lremovexattr",
        ]),
        // A path relative to a directory descriptor, or a path and a descriptor.
        (.file.union(.desc), [
            "open", "creat", "openat", "openat2", "mkdirat", "mknodat", "fchownat", "futimesat",
            "unlinkat", "renameat", "renameat2", "linkat", "symlinkat", "readlinkat", "fchmodat",
            "faccessat", "faccessat2", "utimensat", "utimensat_time64", "inotify_add_watch",
            "fanotify_mark", "name_to_handle_at", "open_tree", "move_mount", "fsconfig", "fspick",
            "mount_setattr",
        ]),
        // A descriptor only.
        (.desc, [
            "read", "write", "close", "poll", "ppoll", "ppoll_time64", "lseek", "_llseek",
            "ioctl", "pread64", "pwrite64", "readv", "writev", "preadv", "pwritev", "preadv2", "pwritev2",
            "pipe", "pipe2", "select", "_newselect", "pselect6", "pselect6_time64", "dup", "dup2", "dup3",
            "fcntl", "fcntl64", "flock", "fsync", "fdatasync", "ftruncate", "ftruncate64", "getdents",
            "getdents64", "readdir", "fchdir", "fchmod", "fchown", "fchown32", "readahead", "fsetxattr",
            "fgetxattr", "flistxattr", "fremovexattr", "epoll_create", "epoll_create1", "epoll_ctl",
            "epoll_wait", "epoll_pwait", "epoll_pwait2", "fadvise64", "fadvise64_64", "mq_open",
            "mq_timedsend", "mq_timedsend_time64", "mq_timedreceive", "mq_timedreceive_time64",
            "mq_notify", "mq_getsetattr", "inotify_init", "inotify_init1", "inotify_rm_watch", "splice",
            "tee", "vmsplice", "sync_file_range", "timerfd_create", "timerfd_settime",
            "timerfd_settime64", "timerfd_gettime", "timerfd_gettime64", "eventfd", "eventfd2",
            "fallocate", "perf_event_open", "fanotify_init", "open_by_handle_at", "syncfs", "setns",
            "finit_module", "memfd_create", "kexec_file_load", "bpf", "userfaultfd", "copy_file_range",
            "io_uring_setup", "fsopen", "fsmount", "pidfd_open", "pidfd_getfd", "process_madvise",
            "quotactl_fd", "landlock_create_ruleset", "landlock_add_rule", "landlock_restrict_self",
            "memfd_secret", "process_mrelease",
            // i386's one entry to every socket call: classed by its descriptor, not as %network.
            "socketcall",
        ]),
        // Descriptors that take part in signals and io_uring's submission of them.
        (.desc.union(.signal), ["signalfd", "signalfd4", "io_uring_enter"]),
        // A signal sent to the process a pidfd names.
        (.desc.union(.signal).union(.process), ["pidfd_send_signal"]),
        (.desc.union(.memory), ["io_uring_register", "mmap", "mmap2"]),
        (.desc.union(.network), ["sendfile", "sendfile64"]),
        // Sockets.
        (.network, [
            "socket", "connect", "accept", "accept4", "sendto", "recvfrom", "sendmsg", "recvmsg",
            "sendmmsg", "recvmmsg", "recvmmsg_time64", "shutdown", "bind", "listen", "getsockname",
            "getpeername", "socketpair", "setsockopt", "getsockopt", "getpmsg", "putpmsg",
        ]),
        // Memory maps.
        (.memory, [
            "mprotect", "munmap", "brk", "mremap", "msync", "mincore", "madvise", "mlock", "mlock2",
            "munlock", "mlockall", "munlockall", "remap_file_pages", "mbind", "set_mempolicy",
            "get_mempolicy", "migrate_pages", "move_pages", "pkey_mprotect", "io_setup", "io_destroy",
            "set_mempolicy_home_node",
            // i386's ancient brk.
            "break",
        ]),
        // System V IPC; attaching shared memory also maps it.
        (.ipc, [
            "ipc", "shmget", "shmctl", "semget", "semop", "semctl", "semtimedop", "semtimedop_time64",
            "msgget", "msgsnd", "msgrcv", "msgctl",
        ]),
        (.ipc.union(.memory), ["shmat", "shmdt"]),
        // Signals.
        (.signal, [
            "rt_sigaction", "rt_sigprocmask", "rt_sigreturn", "rt_sigpending", "rt_sigtimedwait",
            "rt_sigtimedwait_time64", "rt_sigsuspend", "sigaltstack", "pause", "sigaction", "signal",
            "sigprocmask", "sigpending", "sigsuspend", "sigreturn", "sgetmask", "ssetmask",
        ]),
        // Sending a signal to a task.
        (.signal.union(.process), ["kill", "tkill", "tgkill", "rt_sigqueueinfo", "rt_tgsigqueueinfo"]),
        // Process lifecycle.
        (.process, [
            "clone", "clone3", "fork", "vfork", "exit", "exit_group", "wait4", "waitpid", "waitid",
        ]),
        (.process.union(.file), ["execve"]),
        (.process.union(.file).union(.desc), ["execveat"]),
        // Credentials.
        (.creds, [
            "setuid", "setuid32", "setgid", "setgid32", "setreuid", "setreuid32", "setregid",
            "setregid32", "getgroups", "getgroups32", "setgroups", "setgroups32", "setresuid",
            "setresuid32", "getresuid", "getresuid32", "setresgid", "setresgid32", "getresgid",
            "getresgid32", "setfsuid", "setfsuid32", "setfsgid", "setfsgid32", "capget", "capset",
            // It reads and drops capabilities (PR_CAPBSET_*, PR_CAP_AMBIENT, keep-caps).
            "prctl",
        ]),
        // Ids that cannot fail.
        (.creds.union(.pure), [
            "getuid", "getuid32", "getgid", "getgid32", "geteuid", "geteuid32", "getegid", "getegid32",
        ]),
        (.pure, ["getpid", "getppid", "getpgrp", "gettid"]),
        // Clocks: reading or setting one, not sleeping on one.
        (.clock, [
            "gettimeofday", "settimeofday", "time", "adjtimex", "clock_adjtime",
            "clock_adjtime64", "clock_gettime", "clock_gettime64", "clock_settime", "clock_settime64",
            "clock_getres", "clock_getres_time64",
        ]),
        // File status.
        (.file.union(.stat).union(.anyStat), ["stat", "stat64", "oldstat"]),
        (.file.union(.lstat).union(.anyStat), ["lstat", "lstat64", "oldlstat"]),
        (.desc.union(.fstat).union(.anyStat), ["fstat", "fstat64", "oldfstat"]),
        (.desc.union(.file).union(.fstat).union(.anyStat), ["newfstatat", "fstatat64", "statx"]),
        // File system statistics.
        (.file.union(.statfs).union(.anyStatfs), ["statfs", "statfs64"]),
        (.desc.union(.fstatfs).union(.anyStatfs), ["fstatfs", "fstatfs64"]),
        (.anyStatfs, ["ustat"]),
    ]
}
