import Glibc
import SyscallDecoding
import SyscallTables

/// What the session reports to the trace's sink: `TextSink` (strace's text) or `JsonSink` (JSON
/// Lines). The session picks one at its start (`--output-format`) and calls it the same way.
protocol TraceSink: AnyObject {
    var wallClock: ClockReading { get set }
    var monotonic: ClockReading { get set }
    var instructionPointer: UInt64? { get set }
    var writeFailure: Int32? { get }
    var hasOpenLine: Bool { get }
    func usePlainPrefix()
    func taskAppeared(_ task: Tracee)
    func taskGone(_ task: Tracee)
    func syscallEntered(_ task: Tracee, _ active: inout ActiveCall, memory: some TraceeMemory, interrupted: String?)
    func syscallExited(_ task: Tracee, _ active: ActiveCall, result: SyscallResult, memory: some TraceeMemory)
    func syscallAbandoned(_ task: Tracee, _ active: ActiveCall, detached: Bool)
    func signalDelivered(_ task: Tracee, signal: Int32, info: SignalInfo)
    func groupStopped(_ task: Tracee, signal: Int32)
    func taskEnded(_ task: Tracee, status: WaitStatus)
    func superseded(_ execing: Tracee, formerTid: pid_t)
    func personalityChanged(_ task: Tracee, to arch: SyscallArch)
    func flush()
    /// Whether the traced programs may write where the trace goes (then lines go out before a
    /// tracee may write, see `TextSink.flushBeforeResume`); otherwise lines are batched.
    var sharedWithTracees: Bool { get set }
    var writeFailed: Bool { get }
    var hasPendingLines: Bool { get }
    func flushBeforeResume(mayWrite: Bool)
    func flushBeforeBlocking()
    func flushIfShared()
    func detached(_ task: Tracee)
    func showBlockedCalls()
    /// The entry of the command's first execve, held until it succeeds; nil: the session's text.
    func heldFirstExec(_ task: Tracee, descriptor: SyscallDescriptor, call: SyscallCall,
                       memory: some TraceeMemory) -> TextBuffer?
}

extension TraceSink {
    func heldFirstExec(_ task: Tracee, descriptor: SyscallDescriptor, call: SyscallCall,
                       memory: some TraceeMemory) -> TextBuffer? { nil }
}

extension TextSink: TraceSink {}

/// The sink `options` ask for; nil when only the `-c` summary is wanted.
func makeTraceSink(options: TraceOptions, openProcessOutput: ((pid_t) -> Int32?)?) -> (any TraceSink)? {
    if let summary = options.summary, !summary.alsoTrace { return nil }
    let writer = LineWriter(fd: options.outputFD)
    if options.outputFormat == .json {
        return JsonSink(options: options, writer: writer, openProcessOutput: openProcessOutput)
    }
    var textOptions = options
    textOptions.decode.colors = options.color.colors(fd: options.outputFD)
    return TextSink(options: textOptions, writer: writer,
                    prefixStyle: options.outputIsFile ? .never : .bracketedWhenMany, openProcessOutput: openProcessOutput)
}
