import CPtrace
import Glibc

/// The ptrace(2) requests swtrace makes, one function each. Every function returns 0 or the errno
/// of the failure (ESRCH: the tracee is gone or not stopped), and must be called from the thread
/// that attached (see `TraceEngine`).
enum Ptrace {
    enum Request: Int32 {
        case peekData = 2
        case cont = 7
        case detach = 17
        case syscall = 24
        case getEventMessage = 0x4201
        case getSignalInfo = 0x4202
        case getRegisterSet = 0x4204
        case seize = 0x4206
        case interrupt = 0x4207
        case listen = 0x4208
        case getSyscallInfo = 0x420e
    }

    struct Options: OptionSet {
        let rawValue: UInt
        static let traceSysGood = Options(rawValue: 0x1)
        static let traceFork = Options(rawValue: 0x2)
        static let traceVFork = Options(rawValue: 0x4)
        static let traceClone = Options(rawValue: 0x8)
        static let traceExec = Options(rawValue: 0x10)
        static let traceSeccomp = Options(rawValue: 0x80)
        /// The tracees get SIGKILL when swtrace exits (`--kill-on-exit`).
        static let exitKill = Options(rawValue: 0x10_0000)
    }

    /// `status >> 16` at a PTRACE_EVENT stop.
    enum Event: Int32 {
        case fork = 1, vfork = 2, clone = 3, exec = 4, vforkDone = 5, exit = 6, seccomp = 7, stop = 128
    }

    /// WSTOPSIG of a syscall-stop under PTRACE_O_TRACESYSGOOD.
    static let syscallStopSignal: Int32 = SIGTRAP | 0x80

    @inline(__always)
    private static func request(_ request: Request, _ tid: pid_t, _ address: UInt = 0, _ data: UInt = 0) -> Int32 {
        swt_ptrace(request.rawValue, tid, address, data) == -1 ? errno : 0
    }

    /// PTRACE_SEIZE: trace `tid` without stopping it or sending it a signal.
    static func seize(_ tid: pid_t, options: Options) -> Int32 {
        request(.seize, tid, 0, options.rawValue)
    }

    /// PTRACE_INTERRUPT: make a seized tracee stop with PTRACE_EVENT_STOP.
    static func interrupt(_ tid: pid_t) -> Int32 {
        request(.interrupt, tid)
    }

    /// PTRACE_SYSCALL: resume until the next syscall entry or exit, delivering `signal` (0: none).
    static func resumeToSyscall(_ tid: pid_t, signal: Int32) -> Int32 {
        request(.syscall, tid, 0, UInt(signal))
    }

    /// PTRACE_CONT: resume without stopping at syscalls (seccomp stops and signals still stop).
    static func resumeToContinue(_ tid: pid_t, signal: Int32) -> Int32 {
        request(.cont, tid, 0, UInt(signal))
    }

    /// PTRACE_LISTEN: leave a tracee in group-stop stopped, but let it report the next event.
    static func listen(_ tid: pid_t) -> Int32 {
        request(.listen, tid)
    }

    /// PTRACE_DETACH, delivering `signal` (0: none).
    static func detach(_ tid: pid_t, signal: Int32) -> Int32 {
        request(.detach, tid, 0, UInt(signal))
    }

    /// PTRACE_GETEVENTMSG: the new task of a fork/clone event, the former thread id of an exec.
    static func eventMessage(_ tid: pid_t) -> UInt? {
        var message: UInt = 0
        let failed = withUnsafeMutablePointer(to: &message) {
            swt_ptrace(Request.getEventMessage.rawValue, tid, 0, UInt(bitPattern: $0)) == -1
        }
        return failed ? nil : message
    }

    /// PTRACE_GETSIGINFO into `buffer` (128 bytes).
    static func signalInfo(_ tid: pid_t, into buffer: UnsafeMutableRawBufferPointer) -> Int32 {
        precondition(buffer.count >= 128)
        return request(.getSignalInfo, tid, 0, UInt(bitPattern: buffer.baseAddress))
    }

    /// PTRACE_GET_SYSCALL_INFO into `buffer`: the number of bytes the kernel has for this stop, or
    /// the negated errno.
    static func syscallInfo(_ tid: pid_t, into buffer: UnsafeMutableRawBufferPointer) -> Int {
        let result = swt_ptrace(Request.getSyscallInfo.rawValue, tid, UInt(buffer.count),
                                UInt(bitPattern: buffer.baseAddress))
        return result == -1 ? -Int(errno) : result
    }

    /// PTRACE_GETREGSET with NT_PRSTATUS: the general registers; returns the byte count the kernel
    /// filled (it tells a 32-bit tracee from a 64-bit one), or the negated errno.
    static func registers(_ tid: pid_t, into buffer: UnsafeMutableRawBufferPointer) -> Int {
        var vector = iovec(iov_base: buffer.baseAddress, iov_len: buffer.count)
        let ntPRStatus: UInt = 1
        let result = withUnsafeMutablePointer(to: &vector) {
            swt_ptrace(Request.getRegisterSet.rawValue, tid, ntPRStatus, UInt(bitPattern: $0))
        }
        return result == -1 ? -Int(errno) : vector.iov_len
    }

    /// PTRACE_GETREGSET with NT_ARM_SYSTEM_CALL (arm64): the number of the syscall the thread
    /// is in, -1 for none; nil when the kernel has no such register set (not arm64).
    static func armSystemCallNumber(_ tid: pid_t) -> Int32? {
        var number: Int32 = -1
        return withUnsafeMutableBytes(of: &number) { buffer -> Int32? in
            var vector = iovec(iov_base: buffer.baseAddress, iov_len: buffer.count)
            let ntArmSystemCall: UInt = 0x404
            let result = withUnsafeMutablePointer(to: &vector) {
                swt_ptrace(Request.getRegisterSet.rawValue, tid, ntArmSystemCall, UInt(bitPattern: $0))
            }
            guard result != -1 else { return nil }
            return Aarch64Registers.systemCallNumber(note: UnsafeRawBufferPointer(start: buffer.baseAddress, count: vector.iov_len))
        }
    }

    /// PTRACE_PEEKDATA: one word of tracee memory, or nil.
    static func peekData(_ tid: pid_t, at address: UInt64) -> UInt64? {
        errno = 0
        let word = swt_ptrace(Request.peekData.rawValue, tid, UInt(address), 0)
        return word == -1 && errno != 0 ? nil : UInt64(UInt(bitPattern: word))
    }
}
