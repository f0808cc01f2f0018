import Glibc
import SyscallDecoding
import SyscallTables

/// Shows what the session reports as strace's text: syscall lines (entry and exit halves, or held
/// whole until the result passes `-e status=`), signals, stops and exits, with the pid prefix and
/// the timestamps the options ask for, in one output or (`-ff`) one per process.
final class TextSink {
    private let formatter: SyscallFormatter
    private let options: TraceOptions
    /// The one output, or (`-ff`) the first process's; more are opened per process.
    private let main: TraceOutput
    private var perProcess: [pid_t: TraceOutput] = [:]
    private let openProcessOutput: ((pid_t) -> Int32?)?
    /// The output written since the last flush.
    private var dirty: [TraceOutput] = []

    /// The clocks at the stop being handled (read by the session once per stop, and only when a
    /// timestamp option needs them).
    var wallClock = ClockReading(seconds: 0, nanoseconds: 0)
    var monotonic = ClockReading(seconds: 0, nanoseconds: 0)
    /// `-t`, `-tt`, `-ttt`, `-r`: the time at the start of each line.
    private var timestamps: LineTimestamps

    init(options: TraceOptions, writer: LineWriter, prefixStyle: PidPrefixStyle,
         openProcessOutput: ((pid_t) -> Int32?)? = nil) {
        self.options = options
        formatter = SyscallFormatter(options: options.decode)
        timestamps = LineTimestamps(absolute: options.absoluteTimestamps, relative: options.relativeTimestamps)
        main = TraceOutput(writer: writer, prefixStyle: options.outputSeparately ? .never : prefixStyle)
        self.openProcessOutput = options.outputSeparately ? openProcessOutput : nil
    }

    var writeFailure: Int32? {
        if let failure = main.writeFailure { return failure }
        return perProcess.values.lazy.compactMap(\.writeFailure).first
    }

    /// strace's `-o FILE` with `-f` or several processes: `PID ` on every line.
    func usePlainPrefix() {
        if !options.outputSeparately { main.usePlainPrefix() }
    }

    // MARK: Tasks

    func taskAppeared(_ task: Tracee) {
        output(for: task).visibleTaskCount += 1
    }

    func taskGone(_ task: Tracee) {
        let output = output(for: task)
        output.forget(task)
        output.visibleTaskCount -= 1
    }

    private func output(for task: Tracee) -> TraceOutput {
        guard let openProcessOutput else { return main }
        if let output = perProcess[task.tgid] { return output }
        // The first process writes to FILE.PID too: strace's -ff names every file by its pid.
        let fd = openProcessOutput(task.tgid) ?? -1
        let output = fd >= 0 ? TraceOutput(writer: LineWriter(fd: fd), prefixStyle: .never) : main
        perProcess[task.tgid] = output
        return output
    }

    // MARK: Syscalls

    /// Prints the entry half of `active`'s call, or holds it when the result decides.
    func syscallEntered(_ task: Tracee, _ active: inout ActiveCall, memory: some TraceeMemory, interrupted: String?) {
        if options.statuses != .all {
            var entry = TextBuffer(capacity: 256)
            formatter.appendEntry(to: &entry, descriptor: active.descriptor, call: active.call,
                                  memory: memory, interruptedCall: interrupted)
            active.shown = .held(entry)
            return
        }
        let output = startLine(for: task, open: true)
        formatter.appendEntry(to: &output.text, descriptor: active.descriptor, call: active.call,
                              memory: memory, interruptedCall: interrupted)
        active.shown = .printed
    }

    /// Prints the exit half (or the whole held line) of a call that returned.
    func syscallExited(_ task: Tracee, _ active: ActiveCall, result: SyscallResult, memory: some TraceeMemory) {
        let status: StatusFilter
        if case .failure = result { status = .failed } else { status = .successful }
        guard let output = continueLine(of: task, active, status: status) else { return }
        formatter.appendExit(to: &output.text, descriptor: active.descriptor, call: active.call,
                             memory: memory, result: result)
        appendDuration(active, to: output)
        endLine(output)
    }

    /// Ends a call that never returned: `= ?` when the task is gone, ` <detached ...>` when
    /// swtrace let go of it.
    func syscallAbandoned(_ task: Tracee, _ active: ActiveCall, detached: Bool) {
        let output = output(for: task)
        if detached {
            guard options.statuses.contains(.detached) else { return }
            if case .held(let entry) = active.shown {
                startLine(task, in: output, open: false)
                output.text.append(contentsOf: entry.bytes)
            } else if !output.ownsOpenLine(task) {
                return
            }
            output.text.append(" <detached ...>")
            endLine(output)
            return
        }
        guard let output = continueLine(of: task, active, status: .unfinished) else { return }
        formatter.appendNoReturn(to: &output.text, descriptor: active.descriptor)
        endLine(output)
    }

    /// The output to finish `active`'s line in, positioned after its entry half; nil when the
    /// line is not shown.
    private func continueLine(of task: Tracee, _ active: ActiveCall, status: StatusFilter) -> TraceOutput? {
        let output = output(for: task)
        switch active.shown {
        case .hidden:
            return nil
        case .held(let entry):
            guard options.statuses.contains(status) else { return nil }
            startLine(task, in: output, open: false)
            output.text.append(contentsOf: entry.bytes)
        case .printed:
            if !output.ownsOpenLine(task) {
                startLine(task, in: output, open: false)
                formatter.appendResumed(to: &output.text, name: active.descriptor.name)
            }
        }
        return output
    }

    private func appendDuration(_ active: ActiveCall, to output: TraceOutput) {
        guard let precision = options.syscallTimes else { return }
        output.text.appendSyscallDuration(nanoseconds: monotonic.totalNanoseconds &- active.startNanoseconds,
                                          precision: precision)
    }

    // MARK: Other events

    func signalDelivered(_ task: Tracee, signal: Int32, info: SignalInfo) {
        guard options.signals.shows(signal) else { return }
        let output = startLine(for: task, open: false)
        output.text.append("--- ")
        output.text.appendSignal(signal)
        output.text.append(" ")
        output.text.appendSignalInfo(info)
        output.text.append(" ---")
        endLine(output)
    }

    func groupStopped(_ task: Tracee, signal: Int32) {
        guard options.signals.shows(signal) else { return }
        let output = startLine(for: task, open: false)
        output.text.append("--- stopped by ")
        output.text.appendSignal(signal)
        output.text.append(" ---")
        endLine(output)
    }

    func taskEnded(_ task: Tracee, status: WaitStatus) {
        guard !options.quiet.contains(.exit) else { return }
        let output = startLine(for: task, open: false)
        switch status {
        case .exited(let code):
            output.text.append("+++ exited with ")
            output.text.appendDecimal(Int64(code))
        case .killed(let signal, let coreDumped):
            output.text.append("+++ killed by ")
            output.text.appendSignal(signal)
            if coreDumped { output.text.append(" (core dumped)") }
        default:
            break
        }
        output.text.append(" +++")
        endLine(output)
    }

    /// A non-leader thread's execve succeeded: it now has the leader's thread id.
    func superseded(_ execing: Tracee, formerTid: pid_t) {
        let output = output(for: execing)
        if output.ownsOpenLine(execing) && !options.quiet.contains(.threadExecve) {
            output.text.append(" <pid changed to ")
            output.text.appendDecimal(Int64(execing.tid))
            output.text.append(" ...>")
            endLine(output)
        }
        guard !options.quiet.contains(.superseded) else { return }
        startLine(execing, in: output, open: false)
        output.text.append("+++ superseded by execve in pid ")
        output.text.appendDecimal(Int64(formerTid))
        output.text.append(" +++")
        endLine(output)  // the execve's exit now starts with `<... execve resumed>`
    }

    /// strace's notice when a thread switches ABI (a 64-bit program exec'ing a 32-bit one).
    func personalityChanged(_ task: Tracee, to arch: SyscallArch) {
        guard !options.quiet.contains(.personality) else { return }
        let output = startLine(for: task, open: false)
        output.text.append("[ Process PID=")
        output.text.appendDecimal(Int64(task.tid))
        output.text.append(" runs in ")
        output.text.append(arch.wordSize == 4 ? "32" : "64")
        output.text.append(" bit mode. ]")
        endLine(output)
    }

    // MARK: Lines

    @discardableResult
    private func startLine(for task: Tracee, open: Bool) -> TraceOutput {
        let output = output(for: task)
        startLine(task, in: output, open: open)
        return output
    }

    /// The pid prefix and the timestamps, then (when `open`) the line stays open for `task`.
    private func startLine(_ task: Tracee, in output: TraceOutput, open: Bool) {
        if open { output.openLine(for: task) } else { output.startLine(for: task) }
        if !timestamps.isEmpty {
            timestamps.appendPrefix(wallClock: wallClock, monotonic: monotonic, into: &output.text)
        }
        markDirty(output)
    }

    private func endLine(_ output: TraceOutput) {
        output.endLine()
        markDirty(output)
    }

    private func markDirty(_ output: TraceOutput) {
        if dirty.last !== output && !dirty.contains(where: { $0 === output }) { dirty.append(output) }
    }

    /// Writes every finished line.
    func flush() {
        for output in dirty { output.flush() }
        dirty.removeAll(keepingCapacity: true)
    }

    /// Ends `task`'s open line with ` <detached ...>` before swtrace lets go of it.
    func detached(_ task: Tracee) {
        _ = output(for: task).closeOpenLine(of: task, with: " <detached ...>")
    }

    // MARK: Blocked calls

    var hasOpenLine: Bool { main.hasOpenLine || perProcess.values.contains { $0.hasOpenLine } }

    private var openLinesAtLastTick: [ObjectIdentifier: Int] = [:]

    /// A line still open one tick after the previous tick belongs to a call that blocks: cut it
    /// with `<unfinished ...>` and write it, so the user sees what the program waits in.
    func showBlockedCalls() {
        for output in [main] + perProcess.values where output.hasOpenLine {
            let key = ObjectIdentifier(output)
            if openLinesAtLastTick[key] == output.openLineSerial {
                output.cutOpenLine()
                output.flush()
            }
            openLinesAtLastTick[key] = output.openLineSerial
        }
    }
}
