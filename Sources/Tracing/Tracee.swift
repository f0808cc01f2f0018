import Glibc
import SyscallDecoding
import SyscallTables

/// One traced thread and where it is in the ptrace state machine.
final class Tracee {
    var tid: pid_t
    /// The thread group (process) it belongs to: `-ff` writes each group's lines to its own file.
    var tgid: pid_t

    /// Where the thread is between syscall stops.
    var syscall = SyscallState.idle
    /// The ABI and number of the last syscall that was not a restart, for
    /// `restart_syscall(<... resuming interrupted NAME ...>)`: its name is looked up only then
    /// (keeping the name cost a retain and a release at every entry).
    var lastSyscall: (arch: SyscallArch, number: UInt64)?
    /// The number of the thread's current or last syscall, traced or not (`-n` shows it on every
    /// line of the thread, as strace does).
    var lastSyscallNumber: UInt64 = 0
    /// The call entered last may write where the trace goes (`SyscallDescriptor.mayWriteOutput`):
    /// a batched trace is written before the thread goes on into it.
    var resumeMayWrite = false
    /// The ABI of the thread's last syscall: a change prints strace's personality notice.
    var lastArch: SyscallArch

    /// The command swtrace started prints nothing until its first execve succeeds: its stops before
    /// that (the SIGSTOP it stopped itself with, the SIGCONT that woke it) are swtrace's own doing,
    /// and a failed exec is reported as one error line.
    var hiddenUntilExec = false

    /// Seen in a waitpid result: until then it is a fork/clone child that swtrace knows about from
    /// the parent's PTRACE_EVENT stop but that has not stopped yet.
    var announced = false

    /// Attached with -p and not stopped yet: its first stop tells what syscall it was in.
    var justAttached = false

    /// PTRACE_INTERRUPT sent: detach at its next stop.
    var detaching = false

    /// Carries swtrace's seccomp filter (the command and its descendants under the fast path):
    /// only traced calls stop it, entries arrive as PTRACE_EVENT_SECCOMP, and it is resumed with
    /// PTRACE_CONT outside a call. It must never be detached (see `TraceSession.stopTracing`).
    var filtered = false
    /// A child swtrace follows without `-f` only because it inherits the seccomp filter (left
    /// untraced, its traced calls would fail with ENOSYS): never shown, never announced.
    var unrequested = false
    /// No longer shown: swtrace stopped printing (interrupted, or its output closed) but keeps
    /// answering this filtered tracee's stops until it exits.
    var silent = false

    init(tid: pid_t, tgid: pid_t, arch: SyscallArch) {
        self.tid = tid
        self.tgid = tgid
        lastArch = arch
    }

    var inSyscall: Bool {
        if case .idle = syscall { return false }
        return true
    }
}

/// A thread's syscall state: idle, or inside a call whose entry stop has been seen.
enum SyscallState {
    case idle
    case inCall(ActiveCall)
}

/// A syscall between its entry and exit stops: what the exit needs from the entry.
struct ActiveCall {
    /// The call as the entry saw it (arm64 overwrites x0 at exit; execve changes the registers).
    var call: SyscallCall
    var descriptor: SyscallDescriptor
    /// How far the call is shown: not at all (filtered out, or the command before its exec), its
    /// entry already printed on the open line, or its entry held until the result decides.
    var shown: Shown
    /// CLOCK_MONOTONIC at the entry stop, for `-T` and `-c -w`.
    var startNanoseconds: UInt64
    /// The tracee's system CPU time at the entry stop, for `-c`.
    var startCPUNanoseconds: UInt64
    /// `-i`: the instruction pointer at the entry stop, for a held line printed at exit.
    var entryInstructionPointer: UInt64? = nil
    /// What the decoder's entry half keeps for its exit half (`[16 => 8]`, accept's length).
    var slot = CallSlot()

    enum Shown {
        case hidden
        case printed
        /// The entry half, rendered at entry (its memory may be gone at exit), printed at exit
        /// once the result says the line passes `-e status=`, `-z`, `-Z` (and for the command's
        /// first execve, once it succeeded).
        case held(TextBuffer)
    }
}
