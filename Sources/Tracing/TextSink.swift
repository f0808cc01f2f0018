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
    /// `-i`: the instruction pointer at the stop being handled (set by the session once per stop,
    /// only with `-i`); nil where the stop has none (a task's end), printed as `?`s.
    var instructionPointer: UInt64?

    init(options: TraceOptions, writer: LineWriter, prefixStyle: PidPrefixStyle,
         openProcessOutput: ((pid_t) -> Int32?)? = nil) {
        self.options = options
        formatter = SyscallFormatter(options: options.decode)
        timestamps = LineTimestamps(absolute: options.absoluteTimestamps, relative: options.relativeTimestamps)
        main = TraceOutput(writer: writer, prefixStyle: options.outputSeparately ? .never : prefixStyle)
        main.processNames = options.decode.processNames
        self.openProcessOutput = options.outputSeparately ? openProcessOutput : nil
        outputsSeparately = self.openProcessOutput != nil
    }

    /// `-ff`: each process has its own output (`openProcessOutput` is set).
    private let outputsSeparately: Bool

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

    /// Inlined: the common case is a field read; `-ff`'s files are out of line.
    @inline(__always)
    private func output(for task: Tracee) -> TraceOutput {
        outputsSeparately ? processOutput(for: task) : main
    }

    @inline(never)
    private func processOutput(for task: Tracee) -> TraceOutput {
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
                                  memory: memory, slot: &active.slot, interruptedCall: interrupted, pid: task.tid)
            active.entryInstructionPointer = instructionPointer
            active.shown = .held(entry)
            return
        }
        let output = startLine(for: task, open: true)
        formatter.appendEntry(to: &output.text, descriptor: active.descriptor, call: active.call,
                              memory: memory, slot: &active.slot, interruptedCall: interrupted, pid: task.tid)
        active.shown = .printed
    }

    /// Prints the exit half (or the whole held line) of a call that returned.
    func syscallExited(_ task: Tracee, _ active: ActiveCall, result: SyscallResult, memory: some TraceeMemory) {
        let status: StatusFilter
        if case .failure = result { status = .failed } else { status = .successful }
        guard let output = continueLine(of: task, active, status: status) else { return }
        formatter.appendExit(to: &output.text, descriptor: active.descriptor, call: active.call,
                             memory: memory, slot: active.slot, result: result, pid: task.tid)
        appendDuration(active, to: output)
        endLine(output)
        if options.readDumps != nil || options.writeDumps != nil {
            appendDataDump(of: active, result: result, memory: memory, to: output)
        }
    }

    /// `-e read=`, `-e write=`: the data the call moved, in hex and ASCII, after its line.
    private func appendDataDump(of active: ActiveCall, result: SyscallResult, memory: some TraceeMemory,
                                to output: TraceOutput) {
        guard case .success(let count) = result, let transfer = DataTransfer(active.descriptor.name, active.call) else {
            return
        }
        let dumps = transfer.isRead ? options.readDumps : options.writeDumps
        guard let dumps, dumps.contains(transfer.fd) else { return }
        transfer.appendDump(returned: count, memory: memory, to: &output.text)
        markDirty(output)
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
            // -i: a held line starts with the address of the call, as if printed at entry.
            let exitInstructionPointer = instructionPointer
            if options.instructionPointer { instructionPointer = active.entryInstructionPointer }
            startLine(task, in: output, open: false)
            instructionPointer = exitInstructionPointer
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
        beginColor(TextColors.signal, output)
        output.text.append("--- ")
        output.text.appendSignal(signal)
        output.text.append(" ")
        output.text.appendSignalInfo(info, style: options.decode.constantStyle)
        output.text.append(" ---")
        endColor(output)
        endLine(output)
    }

    func groupStopped(_ task: Tracee, signal: Int32) {
        guard options.signals.shows(signal) else { return }
        let output = startLine(for: task, open: false)
        beginColor(TextColors.signal, output)
        output.text.append("--- stopped by ")
        output.text.appendSignal(signal)
        output.text.append(" ---")
        endColor(output)
        endLine(output)
    }

    func taskEnded(_ task: Tracee, status: WaitStatus) {
        guard !options.quiet.contains(.exit) else { return }
        let output = startLine(for: task, open: false)
        beginColor(TextColors.exit, output)
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
        endColor(output)
        endLine(output)
    }

    /// `--color`: signal and exit lines in their colors (the sequences take no column).
    private func beginColor(_ color: StaticString, _ output: TraceOutput) {
        if formatter.options.colors { output.text.appendInvisible(color) }
    }

    private func endColor(_ output: TraceOutput) {
        if formatter.options.colors { output.text.appendInvisible(TextColors.reset) }
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
        beginColor(TextColors.exit, output)
        output.text.append("+++ superseded by execve in pid ")
        output.text.appendDecimal(Int64(formerTid))
        output.text.append(" +++")
        endColor(output)
        endLine(output)  // the execve's exit now starts with `<... execve resumed>`
    }

    /// strace's notice when a thread switches ABI (a 64-bit program exec'ing a 32-bit one); as
    /// strace, not in an `-o` file.
    func personalityChanged(_ task: Tracee, to arch: SyscallArch) {
        guard !options.quiet.contains(.personality), !options.outputIsFile else { return }
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
        if options.syscallNumbers || options.instructionPointer { appendCallPrefix(task, to: &output.text) }
        markDirty(output)
    }

    /// `-n`'s `[ 257] ` (the task's current or last syscall, as strace shows it on every line of
    /// the task), then `-i`'s `[00007f12345678ab] ` (`?`s where the stop has no instruction pointer).
    private func appendCallPrefix(_ task: Tracee, to text: inout TextBuffer) {
        if options.syscallNumbers {
            text.append("[")
            var digits = 1
            var rest = task.lastSyscallNumber / 10
            while rest > 0 { digits += 1; rest /= 10 }
            if digits < 4 { text.bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 4 - digits)) }
            text.appendDecimal(task.lastSyscallNumber)
            text.append("] ")
        }
        if options.instructionPointer {
            let width = task.lastArch.wordSize * 2
            text.append("[")
            if let instructionPointer {
                text.appendDigits(instructionPointer, radix: 16, minimumDigits: width)
            } else {
                text.bytes.append(contentsOf: repeatElement(UInt8(ascii: "?"), count: width))
            }
            text.append("] ")
        }
    }

    private func endLine(_ output: TraceOutput) {
        output.endLine()
        markDirty(output)
    }

    private func markDirty(_ output: TraceOutput) {
        if !output.isQueued {
            output.isQueued = true
            dirty.append(output)
        }
    }


    /// Writes every finished line.
    func flush() {
        guard !dirty.isEmpty else { return }
        for output in dirty {
            output.flush()
            output.isQueued = false
            if output.writeFailure != nil { writeFailed = true }
        }
        dirty.removeAll(keepingCapacity: true)
    }

    /// Set once a write failed (cheap to test at every stop; `writeFailure` says why).
    private(set) var writeFailed = false

    // MARK: Batching

    /// Whether the traced programs may write to the file or pipe the trace goes to (swtrace's
    /// stdout, the default): then lines are written before a tracee can write (see
    /// `flushBeforeResume`), so that the trace and the program's output stay in order. When not
    /// (`-o FILE`, a pipe the programs do not write to, /dev/null), whole lines are batched.
    var sharedWithTracees = true
    /// Finished lines kept before a write, when the output is not shared.
    static let batchBytes = 32 << 10

    /// Lines are waiting to be written.
    var hasPendingLines: Bool { !dirty.isEmpty }

    /// Before a tracee runs on: writes the finished lines when it may write to the same output
    /// during what follows (`mayWrite`: a write-family call or an exec was entered, or it runs
    /// free to its next filtered call), or when the batch is full.
    @inline(__always)
    func flushBeforeResume(mayWrite: Bool) {
        guard !dirty.isEmpty else { return }
        if sharedWithTracees && mayWrite { return flush() }
        // One output (no -ff): its size decides, without walking the list of outputs.
        if !outputsSeparately {
            if main.pendingBytes >= Self.batchBytes { flushFullBatches() }
            return
        }
        flushFullBatches()
    }

    /// Before a wait that blocks: when the output is shared, someone else (an untraced child, a
    /// tracee running free) may write next, so the trace so far goes out first.
    func flushBeforeBlocking() {
        if sharedWithTracees { flush() }
    }

    /// What only matters to a shared output (a traced process ended: its parent may write next).
    func flushIfShared() {
        if sharedWithTracees { flush() }
    }

    private func flushFullBatches() {
        for output in dirty where output.pendingBytes >= Self.batchBytes {
            output.flush()
            if output.writeFailure != nil { writeFailed = true }
        }
    }

    /// Ends `task`'s open line with ` <detached ...>` before swtrace lets go of it.
    func detached(_ task: Tracee) {
        _ = output(for: task).closeOpenLine(of: task, with: " <detached ...>")
    }

    // MARK: Blocked calls

    var hasOpenLine: Bool {
        main.hasOpenLine || (!perProcess.isEmpty && perProcess.values.contains { $0.hasOpenLine })
    }

    private var openLinesAtLastTick: [ObjectIdentifier: Int] = [:]

    /// A line still open one tick after the previous tick belongs to a call that blocks: cut it
    /// with `<unfinished ...>` and write it, so the user sees what the program waits in.
    func showBlockedCalls() {
        for output in [main] + perProcess.values where output.hasOpenLine {
            let key = ObjectIdentifier(output)
            if openLinesAtLastTick[key] == output.openLineSerial {
                output.cutOpenLine()
                output.flush()
                if output.writeFailure != nil { writeFailed = true }
            }
            openLinesAtLastTick[key] = output.openLineSerial
        }
    }
}
