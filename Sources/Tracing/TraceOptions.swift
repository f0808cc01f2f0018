import Glibc
import SyscallDecoding

/// What to trace and how to print it: everything the command line decides, in one value that the
/// engine, the session and the sinks read.
public struct TraceOptions: Sendable {
    // MARK: Processes

    /// `-f`: trace the children and threads the tracees create.
    public var followForks = false
    /// `-b execve`: detach from a process when it calls execve.
    public var detachOnExecve = false
    /// `--kill-on-exit`: kill every tracee when swtrace goes away.
    public var killOnExit = false
    /// How swtrace's command is started (`-u`, `-E`, `--argv0`, `-D`).
    public var launch = LaunchOptions()
    /// `-I`: which signals interrupt swtrace (1..4, strace's meanings); nil for strace's default.
    public var interruptibility: Int?

    // MARK: Filters

    /// `-e trace=`, `--trace=`: which syscalls print.
    public var syscalls = SyscallFilter.all
    /// `-e signal=`: which signal deliveries print.
    public var signals = SignalFilter.all
    /// `-e status=`, `-z`, `-Z`: which finished calls print, by how they ended.
    public var statuses = StatusFilter.all
    /// `-P PATH`: only calls that name one of these paths or use a descriptor open on one.
    public var paths: [String] = []
    /// `-e trace-fds=`: only calls that use one of these descriptors; nil for all.
    public var descriptors: DescriptorFilter?
    /// `-e quiet=`, `-q`, `-qq`, `-qqq`: which notices are not shown.
    public var quiet: QuietOptions = []
    /// `--syscall-limit=N`: detach after N syscalls printed; nil for no limit.
    public var syscallLimit: Int?
    /// Whether to install the seccomp-bpf filter that keeps untraced calls from stopping the tracee.
    public var seccomp = SeccompMode.automatic

    // MARK: Output

    public var decode = DecodeOptions()
    /// `-j`, `--output-format=`: strace's text, or JSON Lines (`JsonSink`).
    public var outputFormat = OutputFormat.text
    /// `--color=`: whether the text shows syscall names, errors, signals, exits and strings in color.
    public var color = ColorMode.never
    /// `-o`: where trace lines go.
    public var output = OutputDestination.standardOutput
    /// `-A`: append to the `-o` file instead of truncating it.
    public var appendToOutput = false
    /// `-ff`, `--output-separately`: one `-o FILE.PID` per process.
    public var outputSeparately = false
    /// `-t`, `-tt`, `-ttt`, `--absolute-timestamps`: the time at the start of each line.
    public var absoluteTimestamps: TimestampStyle?
    /// `-r`, `--relative-timestamps`: the time since the previous line's start, with this precision.
    public var relativeTimestamps: TimePrecision?
    /// `-T`, `--syscall-times`: how long each call took, at the end of its line.
    public var syscallTimes: TimePrecision?
    /// `-c`, `-C`, `-w`, `-S`, `-U`, `-O`: the summary table; nil for none.
    public var summary: SummaryOptions?

    /// `-n`: each syscall line starts with the syscall's number (`[ 257] `).
    public var syscallNumbers = false
    /// `-i`: each line starts with the instruction pointer at the call (`[00007f12...] `).
    public var instructionPointer = false
    /// `-e read=`: descriptors whose reads are dumped in hex and ASCII after the call's line.
    public var readDumps: DescriptorFilter?
    /// `-e write=`: descriptors whose writes are dumped.
    public var writeDumps: DescriptorFilter?

    /// The descriptor trace lines go to, opened by the caller from `output` (stdout: 1).
    public var outputFD: Int32 = 1
    /// The trace goes to a file of its own: lines carry a plain `PID ` prefix when several tasks
    /// may print.
    public var outputIsFile = false

    /// Read syscalls from registers even where PTRACE_GET_SYSCALL_INFO works (for testing the
    /// fallback that kernels before 5.3 need).
    public var forceRegisterFallback = false
    /// Poll for the next stop a short, self-tuning while before blocking (`--no-adaptive-wait`
    /// turns it off; see `StopSpinner`).
    public var adaptiveWait = true

    public init() {}
}

/// Where the trace goes.
public enum OutputDestination: Sendable, Equatable {
    case standardOutput
    /// `-o FILE` (with `-ff`, `FILE.PID`).
    case file(String)
    /// `-o '|command'` or `-o '!command'`: the trace is piped to `sh -c command`.
    case pipe(command: String)
}

/// How the command swtrace starts is run.
public struct LaunchOptions: Sendable, Equatable {
    /// `-u USER`: run as this user (uid, gid and supplementary groups), resolved at parse time.
    public var user: UserIdentity?
    /// `-E VAR=VAL` sets, `-E VAR` removes, in order.
    public var environment: [EnvironmentChange] = []
    /// `--argv0 NAME`: argv[0] of the command.
    public var argv0: String?
    /// `-D` (1), `-DD` (2), `-DDD` (3): the tracer runs as a detached grandchild of the command,
    /// in its own process group (2) or session (3).
    public var daemonize = 0

    public init() {}
}

public struct UserIdentity: Sendable, Equatable {
    public var name: String
    public var uid: UInt32
    public var gid: UInt32
    public var groups: [UInt32]

    public init(name: String, uid: UInt32, gid: UInt32, groups: [UInt32]) {
        self.name = name
        self.uid = uid
        self.gid = gid
        self.groups = groups
    }
}

public enum EnvironmentChange: Sendable, Equatable {
    case set(name: String, value: String)
    case remove(name: String)
}

/// `--seccomp-bpf`, `--no-seccomp-bpf`, or neither.
public enum SeccompMode: Sendable, Equatable {
    /// On when a filter leaves syscalls out and swtrace starts the command; else off, silently.
    case automatic
    /// `--seccomp-bpf`: on, and an error where it cannot be (`-p`).
    case forced
    /// `--no-seccomp-bpf`.
    case off
}

/// A precision for printed times: seconds, milliseconds, microseconds or nanoseconds.
public enum TimePrecision: Int, Sendable, Equatable, CaseIterable {
    case seconds = 0, milliseconds = 3, microseconds = 6, nanoseconds = 9
    /// Digits after the decimal point.
    public var digits: Int { rawValue }
}

/// `-t` (time of day, seconds), `-tt` (with microseconds), `-ttt` (seconds since the epoch with
/// microseconds), or `--absolute-timestamps=format:...,precision:...`.
public struct TimestampStyle: Sendable, Equatable {
    public enum Format: Sendable, Equatable {
        /// `10:15:42`
        case timeOfDay
        /// `1700000000`
        case unix
    }
    public var format: Format
    public var precision: TimePrecision

    public init(format: Format, precision: TimePrecision) {
        self.format = format
        self.precision = precision
    }
}

/// What to trace: a command swtrace starts, or processes that already run, or both (strace traces
/// both when given `-p` and a command).
public struct TraceTarget: Sendable {
    public var command: (executable: String, arguments: [String])?
    public var processes: [Int32]

    public init(command: (executable: String, arguments: [String])?, processes: [Int32]) {
        self.command = command
        self.processes = processes
    }

    public static func command(executable: String, arguments: [String]) -> TraceTarget {
        TraceTarget(command: (executable, arguments), processes: [])
    }

    public static func processes(_ pids: [Int32]) -> TraceTarget {
        TraceTarget(command: nil, processes: pids)
    }
}

/// How tracing ended, which decides swtrace's own exit status.
public enum TraceOutcome: Equatable, Sendable {
    /// The command swtrace started exited with this code.
    case commandExited(Int32)
    /// The command swtrace started was killed by this signal.
    case commandKilled(signal: Int32)
    /// swtrace was asked to stop by this signal and detached.
    case interrupted(signal: Int32)
    /// Every attached process exited, or swtrace detached because its output closed.
    case finished
    /// The trace could not be written (a full disk, an I/O error): swtrace said so in one line and
    /// let the tracees go on untraced. Exit status 125, whatever the command's.
    case traceLost
}

extension TraceOutcome {
    /// The outcome of the command swtrace started, from its wait status; nil unless it ended.
    init?(commandStatus status: WaitStatus) {
        switch status {
        case .exited(let code): self = .commandExited(code)
        case .killed(let signal, _): self = .commandKilled(signal: signal)
        default: return nil
        }
    }
}

/// `--output-format=`: how the trace is written.
public enum OutputFormat: Sendable, Equatable {
    /// strace's lines.
    case text
    /// One JSON object per line (docs/json.md, docs/swtrace-json.schema.json).
    case json
}

/// `--color=`: when the text is colored.
public enum ColorMode: Sendable, Equatable {
    /// Only when the trace goes to a terminal and `NO_COLOR` is unset or empty.
    case auto
    case always
    case never

    /// Whether output written to `fd` is colored.
    public func colors(fd: Int32, environment: (String) -> String? = { getenv($0).map { String(cString: $0) } }) -> Bool {
        switch self {
        case .always: return true
        case .never: return false
        case .auto:
            if let noColor = environment("NO_COLOR"), !noColor.isEmpty { return false }
            return isatty(fd) == 1
        }
    }
}
