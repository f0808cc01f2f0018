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
        if options.killOnExit { ptraceOptions.insert(.exitKill) }
    }

    #if arch(arm64)
    static let hostArch = SyscallArch.aarch64
    #else
    static let hostArch = SyscallArch.x86_64
    #endif

    /// Starts or attaches to `target` and traces until no tracee is left.
    public func run(_ target: TraceTarget) throws -> TraceOutcome {
        let waker = EngineWaker(interruptibility: options.interruptibility ?? 2, output: options.outputFD)
        let session = TraceSession(control: KernelControl(), options: options, hostArch: Self.hostArch,
                                   openProcessOutput: processOutputOpener())
        var prefixMany = options.followForks
        var outputShared = false
        if let command = target.command {
            outputShared = OutputSharing.commandShares(outputFD: options.outputFD)
            let filter = seccompProgram(for: target)
            var launchOptions = ptraceOptions
            if filter != nil {
                // Children inherit the filter: they must be followed even without -f (see
                // `Tracee.unrequested`).
                launchOptions.formUnion([.traceSeccomp, .traceFork, .traceVFork, .traceClone])
            }
            let launched = try CommandLauncher.launch(executable: command.executable, arguments: command.arguments,
                                                      options: launchOptions, launch: options.launch, seccompFilter: filter)
            let confirmation: (() -> Bool)? = filter == nil ? nil : { launched.seccompFilterInstalled() }
            session.addCommand(launched.pid, seccompInstalled: confirmation)
        }
        if !target.processes.isEmpty {
            var failures: [TraceError] = []
            for pid in target.processes {
                do {
                    let threads = try ProcessAttacher.attach(pid, options: ptraceOptions)
                    outputShared = outputShared || OutputSharing.processShares(pid, outputFD: options.outputFD)
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
        session.outputSharedWithTracees = outputShared

        session.run(waker: waker)
        var failure = session.finishOutput()
        if let summary = session.summary, failure == nil {
            let writer = LineWriter(fd: options.outputFD)
            writer.write((options.outputFormat == .json ? summary.renderJSON() : summary.render())[...])
            failure = writer.failure
        }
        // The reader going away (EPIPE: `swtrace ... | head`) is the reader's choice, not a
        // failure: swtrace detached quietly. Any other write error lost trace the user asked for.
        if let failure, failure != EPIPE {
            notice("cannot write the trace\(destinationText): \(TraceError.errnoText(failure)); the trace is incomplete")
            if session.commandPid != 0 && session.commandOutcome == nil { _ = waitForDetachedCommand(session.commandPid) }
            return .traceLost
        }
        if session.interruptSignal != 0 { return .interrupted(signal: session.interruptSignal) }
        if let outcome = session.commandOutcome { return outcome }
        if session.commandPid != 0 { return waitForDetachedCommand(session.commandPid) }
        return .finished
    }

    /// ` to 'FILE'`, ` to 'FILE.PID'` or ` to '|command'`, for the lost-trace line.
    private var destinationText: String {
        switch options.output {
        case .standardOutput: return " to standard output"
        case .file(let path): return options.outputSeparately ? " to '\(path).PID'" : " to '\(path)'"
        case .pipe(let command): return " to '|\(command)'"
        }
    }

    /// The seccomp-bpf program for the command, when the fast path applies: a filter that leaves
    /// calls out, a command to start, and not turned off. Where it cannot be built, swtrace stops
    /// at every call, with one notice.
    private func seccompProgram(for target: TraceTarget) -> [UInt8]? {
        // -n shows the number of a task's last syscall, traced or not, on its signal and exit
        // lines: the filter would hide the untraced ones, so -n stops at every call unless forced.
        guard target.command != nil, options.seccomp != .off, !options.detachOnExecve,
              !options.syscalls.tracesEverything, !(options.syscallNumbers && options.seccomp == .automatic)
        else { return nil }
        do {
            return try SeccompProgram.build(for: options.syscalls)
        } catch {
            notice("cannot use the seccomp filter (\(error)); stopping at every system call")
            return nil
        }
    }

    /// `-ff -o FILE`: a new process's lines go to FILE.PID (or, where it cannot be opened, with
    /// one notice, to the main output).
    private func processOutputOpener() -> ((pid_t) -> Int32?)? {
        guard let files = OutputFiles(options: options) else { return nil }
        return { pid in
            do {
                return try files.open(forProcess: pid)
            } catch {
                notice("\(error)")
                return nil
            }
        }
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
    let line = Array("\(TraceSetup.programName): \(text)\n".utf8)
    line.withUnsafeBytes { _ = write(2, $0.baseAddress, $0.count) }
}
