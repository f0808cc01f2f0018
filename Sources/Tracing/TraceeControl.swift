import CPtrace
import Glibc
import SyscallDecoding

/// Everything the trace session asks of the kernel about its tracees: waiting for their stops,
/// reading what a stop holds, and letting them go on. The real one (`KernelControl`) makes the
/// ptrace(2) and waitpid(2) calls; tests replay stops recorded on a real kernel through the same
/// session, so the state machine is tested on architectures this machine does not run.
protocol TraceeControl {
    associatedtype Memory: TraceeMemory

    /// wait4(-1, &status, __WALL): the thread that stopped or ended, or -1 and the errno. With
    /// `cpuNanoseconds`, also the system CPU time its process has used (for `-c`).
    func waitForStop(status: inout Int32, cpuNanoseconds: inout UInt64?) -> (tid: pid_t, error: Int32)
    /// The same with WNOHANG: 0 when no thread has a stop to report yet.
    func pollStop(status: inout Int32, cpuNanoseconds: inout UInt64?) -> (tid: pid_t, error: Int32)
    /// PTRACE_GET_SYSCALL_INFO: bytes the kernel has for this stop, or the negated errno.
    func syscallInfo(_ tid: pid_t, into buffer: UnsafeMutableRawBufferPointer) -> Int
    /// PTRACE_GETREGSET (NT_PRSTATUS): bytes filled, or the negated errno.
    func registers(_ tid: pid_t, into buffer: UnsafeMutableRawBufferPointer) -> Int
    /// PTRACE_GETREGSET (NT_ARM_SYSTEM_CALL): arm64's current syscall number, or nil.
    func armSystemCallNumber(_ tid: pid_t) -> Int32?
    /// PTRACE_GETSIGINFO: 0 or the errno.
    func signalInfo(_ tid: pid_t, into buffer: UnsafeMutableRawBufferPointer) -> Int32
    /// PTRACE_GETEVENTMSG.
    func eventMessage(_ tid: pid_t) -> UInt?
    /// PTRACE_SYSCALL, PTRACE_LISTEN, PTRACE_INTERRUPT, PTRACE_DETACH: 0 or the errno.
    func resumeToSyscall(_ tid: pid_t, signal: Int32) -> Int32
    /// PTRACE_CONT: a tracee under swtrace's seccomp filter runs to its next traced call.
    func resumeToContinue(_ tid: pid_t, signal: Int32) -> Int32
    func listen(_ tid: pid_t) -> Int32
    func interrupt(_ tid: pid_t) -> Int32
    func detach(_ tid: pid_t, signal: Int32) -> Int32
    /// The memory of a stopped tracee.
    func memory(of tid: pid_t) -> Memory
}

extension TraceeControl {
    /// Controls that cannot poll (replayed stops) always block.
    func pollStop(status: inout Int32, cpuNanoseconds: inout UInt64?) -> (tid: pid_t, error: Int32) { (0, 0) }
}

/// The kernel: ptrace(2), waitpid(2) and process_vm_readv(2).
struct KernelControl: TraceeControl {
    @inline(__always)
    func waitForStop(status: inout Int32, cpuNanoseconds: inout UInt64?) -> (tid: pid_t, error: Int32) {
        wait(options: __WALL, status: &status, cpuNanoseconds: &cpuNanoseconds)
    }

    @inline(__always)
    func pollStop(status: inout Int32, cpuNanoseconds: inout UInt64?) -> (tid: pid_t, error: Int32) {
        wait(options: __WALL | WNOHANG, status: &status, cpuNanoseconds: &cpuNanoseconds)
    }

    @inline(__always)
    private func wait(options: Int32, status: inout Int32, cpuNanoseconds: inout UInt64?) -> (tid: pid_t, error: Int32) {
        guard cpuNanoseconds != nil else {
            let tid = swt_wait_any(&status, options, nil)
            return (tid, tid < 0 ? errno : 0)
        }
        var usage = rusage()
        let tid = swt_wait_any(&status, options, &usage)
        if tid <= 0 { return (tid, tid < 0 ? errno : 0) }
        cpuNanoseconds = UInt64(usage.ru_stime.tv_sec) &* 1_000_000_000 &+ UInt64(usage.ru_stime.tv_usec) &* 1000
        return (tid, 0)
    }

    func syscallInfo(_ tid: pid_t, into buffer: UnsafeMutableRawBufferPointer) -> Int {
        Ptrace.syscallInfo(tid, into: buffer)
    }

    func registers(_ tid: pid_t, into buffer: UnsafeMutableRawBufferPointer) -> Int {
        Ptrace.registers(tid, into: buffer)
    }

    func signalInfo(_ tid: pid_t, into buffer: UnsafeMutableRawBufferPointer) -> Int32 {
        Ptrace.signalInfo(tid, into: buffer)
    }

    func armSystemCallNumber(_ tid: pid_t) -> Int32? { Ptrace.armSystemCallNumber(tid) }

    func eventMessage(_ tid: pid_t) -> UInt? { Ptrace.eventMessage(tid) }
    func resumeToSyscall(_ tid: pid_t, signal: Int32) -> Int32 { Ptrace.resumeToSyscall(tid, signal: signal) }
    func resumeToContinue(_ tid: pid_t, signal: Int32) -> Int32 { Ptrace.resumeToContinue(tid, signal: signal) }
    func listen(_ tid: pid_t) -> Int32 { Ptrace.listen(tid) }
    func interrupt(_ tid: pid_t) -> Int32 { Ptrace.interrupt(tid) }
    func detach(_ tid: pid_t, signal: Int32) -> Int32 { Ptrace.detach(tid, signal: signal) }
    func memory(of tid: pid_t) -> ProcessMemory { ProcessMemory(tid: tid) }
}

extension TraceeControl {
    /// Replayed captures hold no NT_ARM_SYSTEM_CALL: nothing to name.
    func armSystemCallNumber(_ tid: pid_t) -> Int32? { nil }
}
