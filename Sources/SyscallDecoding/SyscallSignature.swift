/// How one syscall argument prints.
public enum ArgKind: Sendable, Equatable {
    /// Not decoded yet: the register as `-e raw=` prints it (`0x1f`, `0`).
    case hex
    /// C `int` / `unsigned int` (low 32 bits of the register), decimal.
    case int, uint
    /// C `long` / `unsigned long` / `size_t` (the tracee's word size), decimal.
    case long, ulong
    /// A pointer that is not followed: `NULL` or `0x7ffc...`.
    case pointer
    /// A file descriptor; `dirfd` also prints `AT_FDCWD`.
    case fd, dirfd
    /// A NUL-terminated path, printed whole (up to PATH_MAX), never cut by `-s`.
    case path
    /// A NUL-terminated string, cut to `-s` bytes.
    case string
    /// A buffer the tracee passes in, its length in argument `length` (write's buf), cut to `-s`.
    case inBuffer(length: Int)
    /// A buffer the kernel fills, its length the return value (read's buf): printed at exit.
    case outBuffer
    /// open(2) flags: access mode, then flag names, then leftover bits in hex.
    case openFlags
    /// A file mode in octal, printed only when the flags in argument `flags` contain O_CREAT or
    /// O_TMPFILE (open, openat); `mode` always prints.
    case createMode(flags: Int)
    case mode
    /// execve's argv: `["ls", "-l"]`; envp: `0x7ffc... /* 23 vars */`.
    case argv, envp
    /// A signal number: `SIGUSR1`.
    case signal
    /// restart_syscall's only "argument": `<... resuming interrupted read ...>`.
    case interruptedCall

    /// Arguments whose value exists only after the call returns.
    var printsAtExit: Bool { self == .outBuffer }

    /// Whether this kind prints what strace prints by default (false for `.hex`, which prints
    /// what `strace -e raw=NAME` prints).
    var isDecoded: Bool { self != .hex }
}

/// How a syscall's return value prints when it succeeds.
public enum ReturnKind: Sendable, Equatable {
    /// Signed decimal.
    case int
    /// An address, `0x7f12...` (mmap, brk).
    case address
    /// Not decoded yet: hex as `-e raw=` prints it.
    case hex
    /// The call does not return (exit, exit_group): printed as `?` when the task is gone.
    case noReturn
}

/// What a syscall's arguments and return value are, in the order the syscall takes them.
public struct SyscallSignature: Sendable, Equatable {
    public let args: [ArgKind]
    public let returns: ReturnKind

    public init(_ args: ArgKind..., returns: ReturnKind = .int) {
        self.args = args
        self.returns = returns
    }

    public init(args: [ArgKind], returns: ReturnKind) {
        self.args = args
        self.returns = returns
    }

    /// A syscall taking `count` arguments that are not decoded: everything prints as `-e raw=`.
    public static func raw(_ count: Int) -> SyscallSignature {
        SyscallSignature(args: Array(repeating: .hex, count: count), returns: .hex)
    }

    /// True when the whole line prints as strace prints it by default; false when some part of it
    /// prints raw. Differential tests compare the former whole and the latter against `-e raw=`.
    public var isFullyDecoded: Bool {
        args.allSatisfy(\.isDecoded) && returns != .hex
    }

    /// True when every part prints as `strace -e raw=NAME` prints it.
    public var isRaw: Bool {
        args.allSatisfy { $0 == .hex } && returns == .hex
    }

    /// Index of the first argument printed at syscall exit (`args.count` if none).
    var firstExitArg: Int {
        args.firstIndex(where: \.printsAtExit) ?? args.count
    }
}
