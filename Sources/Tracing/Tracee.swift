import Glibc
import SyscallDecoding

/// One traced thread and where it is in the ptrace state machine.
final class Tracee {
    var tid: pid_t

    /// Between a syscall-entry stop and its exit stop.
    var inSyscall = false
    /// The syscall entered, kept for the exit stop: arm64 overwrites x0, and rt_sigreturn and
    /// execve show other registers at exit.
    var call = SyscallCall(arch: .x86_64, number: 0, args: SyscallArgs())
    var descriptor: SyscallDescriptor?
    /// The last syscall's name, for `restart_syscall(<... resuming interrupted NAME ...>)`.
    var lastSyscallName: String?

    /// The command swtrace started prints nothing until its first execve succeeds: its stops before
    /// that (the SIGSTOP it stopped itself with, the SIGCONT that woke it) are swtrace's own doing,
    /// and a failed exec is reported as one error line.
    var hiddenUntilExec = false
    /// The entry half of that first execve, printed once the exit shows it succeeded (the new
    /// program's memory no longer holds the arguments to print them then).
    var heldExecveEntry: TextBuffer?

    /// Seen in a waitpid result: until then it is a fork/clone child that swtrace knows about from
    /// the parent's PTRACE_EVENT stop but that has not stopped yet.
    var announced = false

    /// Attached with -p and not stopped yet: its first stop tells what syscall it was in.
    var justAttached = false

    /// PTRACE_INTERRUPT sent: detach at its next stop.
    var detaching = false

    init(tid: pid_t) {
        self.tid = tid
    }
}
