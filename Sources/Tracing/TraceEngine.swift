import Glibc
import SyscallDecoding
import SyscallTables

/// Starts tracing (launching the command or attaching to processes), runs the trace session on
/// this thread until no tracee is left, and says how it ended. Every ptrace request is made from
/// the thread that calls `run`, since the kernel ties a tracee to the thread that attached.
public final class TraceEngine {
    private let options: TraceOptions
    private var ptraceOptions: Ptrace.Options

    public init(options: TraceOptions) {
        self.options = options
        ptraceOptions = [.traceSysGood, .traceExec]
        if options.followForks { ptraceOptions.formUnion([.traceFork, .traceVFork, .traceClone]) }
    }

    #if arch(arm64)
    static let hostArch = SyscallArch.aarch64
    #else
    static let hostArch = SyscallArch.x86_64
    #endif

    /// Starts or attaches to `target` and traces until no tracee is left.
    public func run(_ target: TraceTarget) throws -> TraceOutcome {
        let waker = EngineWaker()
        let session = TraceSession(control: KernelControl(), options: options, hostArch: Self.hostArch)
        var prefixMany = options.followForks
        if let command = target.command {
            session.addCommand(try CommandLauncher.launch(executable: command.executable, arguments: command.arguments, options: ptraceOptions))
        }
        if !target.processes.isEmpty {
            var failures: [TraceError] = []
            for pid in target.processes {
                do {
                    let threads = try ProcessAttacher.attach(pid, options: ptraceOptions)
                    threads.forEach(session.addAttached)
                    notice("Process \(pid) attached" + (threads.count > 1 ? " with \(threads.count) threads" : ""))
                } catch let error as TraceError {
                    failures.append(error)
                }
            }
            // Nothing to trace: the first failure is the error. Otherwise each is a notice.
            if session.traceeCount == 0, let first = failures.first { throw first }
            failures.forEach { notice($0.description) }
            prefixMany = prefixMany || session.traceeCount > 1
        }
        if options.outputIsFile && prefixMany { session.usePlainPrefix() }

        session.run(waker: waker)
        if let failure = session.finishOutput(), failure != EPIPE {
            notice("cannot write the trace: \(TraceError.errnoText(failure)); detached")
        }
        if session.interruptSignal != 0 { return .interrupted(signal: session.interruptSignal) }
        if let outcome = session.commandOutcome { return outcome }
        if session.commandPid != 0 { return waitForDetachedCommand(session.commandPid) }
        return .finished
    }

    /// After detaching because the output closed: the command runs on untraced; its status is
    /// still swtrace's.
    private func waitForDetachedCommand(_ commandPid: pid_t) -> TraceOutcome {
        var status: Int32 = 0
        while true {
            let result = waitpid(commandPid, &status, 0)
            if result == commandPid { break }
            if result < 0 && errno != EINTR { return .finished }
        }
        return TraceOutcome(commandStatus: WaitStatus(status)) ?? .finished
    }

}

/// One line on stderr, `swtrace: ...`, as strace's `strace: Process N attached`.
func notice(_ text: String) {
    let line = Array("swtrace: \(text)\n".utf8)
    line.withUnsafeBytes { _ = write(2, $0.baseAddress, $0.count) }
}
