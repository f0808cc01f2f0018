import Glibc
import SyscallDecoding
import SyscallTables

/// The tracer's state machine: waits for ptrace stops, tells them apart as the ptrace
/// documentation says (syscall-enter/exit, seccomp, signal-delivery, group-stop, PTRACE_EVENT,
/// exit), reports what happened to the sinks (the text, the `-c` summary) and lets the tracee go
/// on. It decides what is traced (`-e trace=`, `-P`, `-e trace-fds=`); the sinks decide what is
/// shown and where. It runs on the one thread that attached the tracees, asking the kernel through
/// `Control` (`KernelControl`; tests replay recorded stops).
final class TraceSession<Control: TraceeControl> {
    private let control: Control
    private let options: TraceOptions
    /// The trace's sink: strace's text or JSON Lines (`makeTraceSink`); nil with `-c` (summary only).
    private let text: (any TraceSink)?
    /// The `-c`/`-C` summary; nil without.
    private(set) var summary: SyscallSummary?
    private let pathFilter: PathFilter?
    private var tracees: [pid_t: Tracee] = [:]
    /// The command swtrace started (its exit status becomes swtrace's), or 0.
    private(set) var commandPid: pid_t = 0
    private(set) var commandOutcome: TraceOutcome?
    /// The signal that asked swtrace to stop, or 0.
    private(set) var interruptSignal: Int32 = 0
    /// swtrace stopped tracing: tracees are detached at their next stop, or (filtered ones) go on
    /// silently until they exit.
    private var stopping = false
    private var useSyscallInfo: Bool
    /// Whether the command runs under swtrace's seccomp filter: its new tasks are filtered too.
    private var seccompInstalled = false
    /// Asked once, at the command's first exec: whether its seccomp filter is in place.
    private var seccompConfirmation: (() -> Bool)?
    /// Some tracees were attached with -p: a new task of unknown parent is not assumed filtered.
    private var hasAttached = false
    /// Syscalls shown so far, for `--syscall-limit`.
    private var shownSyscalls = 0
    /// Which clocks each stop reads (none unless an option needs one).
    private let readsRealtime: Bool
    private let readsMonotonic: Bool
    private let readsCPUTime: Bool
    /// Where `Process N attached` and the like go: stderr, or a test's list.
    var notify: (String) -> Void = notice
    private let hostArch: SyscallArch
    /// Polls briefly for the next stop before blocking (see `StopSpinner`).
    private var spinner: StopSpinner
    /// Descriptors of syscall numbers the tables lack, made once each.
    private var unknownSyscalls = UnknownSyscalls()
    /// The host ABI's descriptors, made as numbers are first seen (see `LazyDecoderTable`), and
    /// the other ABIs', made when a tracee first uses one.
    private let hostTable: LazyDecoderTable
    private var otherTables: [LazyDecoderTable] = []
    /// The tracee of the previous stop: most stops come from the same thread as the one before.
    private var lastTask: Tracee?

    /// The siginfo of the signal being shown.
    private var signalInfoBytes = [UInt8](repeating: 0, count: SignalInfo.size)
    /// Scratch space for PTRACE_GET_SYSCALL_INFO, PTRACE_GETREGSET and PTRACE_GETSIGINFO.
    private let scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: 512, alignment: 16)

    init(control: Control, options: TraceOptions, hostArch: SyscallArch,
         openProcessOutput: ((pid_t) -> Int32?)? = nil) {
        self.control = control
        self.options = options
        self.hostArch = hostArch
        hostTable = LazyDecoderTable(arch: hostArch)
        text = makeTraceSink(options: options, openProcessOutput: openProcessOutput)
        summary = options.summary.map { SyscallSummary(options: $0) }
        pathFilter = PathFilter(paths: options.paths, descriptors: options.descriptors)
        useSyscallInfo = !options.forceRegisterFallback
        spinner = StopSpinner(enabled: options.adaptiveWait)
        readsRealtime = text != nil && (options.absoluteTimestamps != nil || options.outputFormat == .json)
        readsMonotonic = (text != nil && (options.relativeTimestamps != nil || options.syscallTimes != nil))
            || options.summary?.wallClock == true
        readsCPUTime = options.summary.map { !$0.wallClock } ?? false
    }

    deinit {
        scratch.deallocate()
    }

    /// The command swtrace started: it prints nothing until its first execve succeeds.
    /// `seccompInstalled`, when swtrace asked for its seccomp filter, says at that exec whether
    /// the filter is in place (until then the command stops at every call).
    func addCommand(_ pid: pid_t, seccompInstalled: (() -> Bool)? = nil) {
        commandPid = pid
        seccompConfirmation = seccompInstalled
        addTracee(pid, announced: true).hiddenUntilExec = true
    }

    /// A thread attached with -p.
    func addAttached(_ tid: pid_t) {
        hasAttached = true
        addTracee(tid, announced: true).justAttached = true
    }

    var traceeCount: Int { tracees.count }

    /// strace's `-o FILE` with `-f` or several processes: `PID ` on every line.
    func usePlainPrefix() {
        text?.usePlainPrefix()
    }

    /// Whether the traced programs may write where the trace goes (see `OutputSharing`). True
    /// until the engine says otherwise: the safe side, where lines go out before a tracee may write.
    var outputSharedWithTracees: Bool {
        get { text?.sharedWithTracees ?? true }
        set { text?.sharedWithTracees = newValue }
    }

    /// Writes what is left; returns the error that stopped writing, if any.
    func finishOutput() -> Int32? {
        text?.flush()
        return text?.writeFailure
    }

    /// Handles stops until no tracee is left (or, with a waker, swtrace is asked to stop).
    func run(waker: EngineWaker?) {
        // The sink, held here and passed down the path of a syscall stop: each use of the
        // property retained and released it (five times a stop, measured in the disassembly).
        let text = self.text
        var status: Int32 = 0
        var cpuNanoseconds: UInt64? = readsCPUTime ? 0 : nil
        var wantsTicks = false
        var lastTick: UInt64 = 0
        // The sink and the waker are used through optional chaining, not `if let`: binding them
        // made a retained copy at every stop.
        while !tracees.isEmpty {
            if !stopping {
                if let request = waker?.takeRequest() {
                    interruptSignal = request.signal
                    forwardToCommand(request.signal, fromTerminal: request.fromTerminal)
                    stopTracing()
                } else if text?.writeFailed == true, text?.writeFailure != nil {
                    stopTracing()
                }
            }
            var (tid, error) = spinner.poll(control, status: &status,
                                            cpuNanoseconds: &cpuNanoseconds)
            if tid == 0 {
                // This wait may block: lines still batched go out now if someone else may write
                // to the same output meanwhile, or at the next tick (see `EngineWaker`).
                text?.flushBeforeBlocking()
                if waker != nil, text != nil {
                    let needsTicks = text?.hasOpenLine == true || text?.hasPendingLines == true
                    if needsTicks != wantsTicks {
                        wantsTicks = needsTicks
                        waker?.wantsTicks.store(wantsTicks, ordering: .relaxed)
                    }
                }
                (tid, error) = control.waitForStop(status: &status, cpuNanoseconds: &cpuNanoseconds)
            }
            if let ticks = waker?.ticks.load(ordering: .relaxed), ticks != lastTick {
                // A tick came (while blocked, or while busy with stops): show calls that block
                // and write what is batched, so a -o FILE being followed is at most a tick late.
                lastTick = ticks
                text?.showBlockedCalls()
                text?.flush()
            }
            if tid < 0 {
                if error == EINTR, let waker {
                    // The trace's reader is gone while every tracee blocks: as on EPIPE.
                    if !stopping && waker.takeOutputReaderGone() { stopTracing() }
                    continue
                }
                break  // ECHILD: nothing left to wait for
            }
            if readsRealtime { text?.wallClock = .wallClock() }
            if readsMonotonic {
                let now = ClockReading.monotonic()
                text?.monotonic = now
                stopMonotonic = now.totalNanoseconds
            }
            stopCPU = cpuNanoseconds ?? 0
            handle(tid: tid, status: status, text: text)
        }
    }

    /// The clocks at the stop being handled.
    private var stopMonotonic: UInt64 = 0
    private var stopCPU: UInt64 = 0

    // MARK: Stops

    private func handle(tid: pid_t, status: Int32, text: (any TraceSink)?) {
        let task: Tracee
        if let last = lastTask, last.tid == tid {
            task = last
        } else {
            task = tracees[tid] ?? addTracee(tid, announced: false)
            lastTask = task
        }
        if !task.announced { announce(task) }
        let stop = WaitStatus(status)
        switch stop {
        case .exited, .killed:
            taskEnded(task, status: stop)
        case .syscallStop:
            syscallStop(task, text: text)
        case .eventStop(let event, let signal):
            eventStop(task, event: event, signal: signal)
        case .signalStop(let signal):
            signalDeliveryStop(task, signal: signal)
        }
    }

    private func syscallStop(_ task: Tracee, text: (any TraceSink)?) {
        if task.detaching { return detach(task, signal: 0) }
        if task.silent {
            task.syscall = .idle
            return resume(task, signal: 0, text: text)
        }
        switch readSyscallStop(task) {
        case .entry(let call): syscallEntered(task, call, text: text)
        case .exit(let result): syscallExited(task, result, text: text)
        case .notSyscall, nil: break
        }
        resume(task, signal: 0, text: text)
    }

    /// PTRACE_EVENT_SECCOMP: a traced call's entry, under the fast path. PTRACE_SYSCALL then
    /// brings its exit stop.
    private func seccompStop(_ task: Tracee) {
        if task.detaching { return detach(task, signal: 0) }
        // A task resumed with PTRACE_SYSCALL before swtrace knew it was filtered has already
        // reported this entry at its syscall-entry stop.
        if !task.silent && !task.inSyscall, case .entry(let call)? = readSyscallStop(task) {
            syscallEntered(task, call, text: text)
        }
        resume(task, signal: 0)
    }

    /// The syscall at this stop: from PTRACE_GET_SYSCALL_INFO, or from the registers where the
    /// kernel lacks it (entry and exit then alternate, as they must).
    private func readSyscallStop(_ task: Tracee) -> SyscallStopInfo? {
        if useSyscallInfo {
            let count = control.syscallInfo(task.tid, into: scratch)
            if count > 0 {
                if options.instructionPointer { text?.instructionPointer = SyscallInfoLayout.instructionPointer(scratch) }
                return SyscallInfoLayout.parse(UnsafeRawBufferPointer(scratch), count: count, fallbackArch: hostArch)
            }
            if count == -Int(ESRCH) { return nil }
            useSyscallInfo = false  // EIO: a kernel before 5.3
        }
        if options.instructionPointer { text?.instructionPointer = nil }
        let count = control.registers(task.tid, into: scratch)
        guard count > 0,
              let registers = RegisterSets.decode(UnsafeRawBufferPointer(scratch), count: count, hostArch: hostArch)
        else { return nil }
        return task.inSyscall ? .exit(SyscallResult(rawValue: registers.returnValue)) : .entry(registers.entry)
    }

    private func syscallEntered(_ task: Tracee, _ call: SyscallCall, text: (any TraceSink)?) {
        task.lastSyscallNumber = call.number
        let traced = options.syscalls.traces(call.arch, call.number)
        let descriptor = descriptor(of: call, traced: traced, hiddenUntilExec: task.hiddenUntilExec)
        if task.inSyscall { syscallEndedWithoutReturn(task) }
        let interrupted = descriptor.isRestart ? task.lastSyscall.map(syscallName) : nil
        if !descriptor.isRestart { task.lastSyscall = (call.arch, call.number) }
        task.resumeMayWrite = descriptor.mayWriteOutput
        var active = ActiveCall(call: call, descriptor: descriptor, shown: .hidden,
                                startNanoseconds: stopMonotonic, startCPUNanoseconds: stopCPU)
        show(task, call, descriptor, traced: traced, &active, interrupted: interrupted, text: text)
        // Moved in, not copied (a copy retained the descriptor and released it again).
        task.syscall = .inCall(consume active)
    }

    /// The descriptor of the call entered: complete when it may show, its name and flags only
    /// when it cannot (`LazyDecoderTable.undecodedDescriptor`). Before the command's own execve,
    /// only that call may show.
    private func descriptor(of call: SyscallCall, traced: Bool, hiddenUntilExec: Bool) -> SyscallDescriptor {
        let table = table(of: call.arch)
        if traced && !hiddenUntilExec, let descriptor = table.descriptor(call.number) { return descriptor }
        return uncommonDescriptor(of: call, in: table, traced: traced)
    }

    /// Calls that cannot show, the command's own execve, and numbers the table does not know.
    @inline(never)
    private func uncommonDescriptor(of call: SyscallCall, in table: LazyDecoderTable, traced: Bool) -> SyscallDescriptor {
        var descriptor = table.undecodedDescriptor(call.number)
        if traced && descriptor?.isExec == true { descriptor = table.descriptor(call.number) }
        return descriptor ?? unknownSyscalls.descriptor(arch: call.arch, number: call.number)
    }

    /// Decides how far the call entered is shown, and shows its entry half when it is.
    private func show(_ task: Tracee, _ call: SyscallCall, _ descriptor: SyscallDescriptor, traced: Bool,
                      _ active: inout ActiveCall, interrupted: String?, text: (any TraceSink)?) {
        let isExecve = descriptor.isExec
        if task.hiddenUntilExec {
            // The command's own first execve shows once it succeeded (the new program's memory no
            // longer holds the arguments then).
            guard isExecve, traced else { return }
            let memory = control.memory(of: task.tid)
            if let pathFilter, !pathFilter.matches(descriptor, call, pid: task.tgid, memory: memory) { return }
            active.entryInstructionPointer = text?.instructionPointer
            if let held = text?.heldFirstExec(task, descriptor: descriptor, call: call, memory: memory) {
                active.shown = .held(held)
                return
            }
            var entry = TextBuffer(capacity: 256)
            SyscallFormatter(options: options.decode).appendEntry(to: &entry, descriptor: descriptor, call: call, memory: memory)
            active.shown = .held(entry)
            return
        }
        if call.arch != task.lastArch {
            task.lastArch = call.arch
            if let text {
                text.personalityChanged(task, to: call.arch)
            } else if options.outputFormat == .text && !options.quiet.contains(.personality) && !options.outputIsFile {
                // `-c` alone: strace still says so, where the summary goes.
                let bits = call.arch.wordSize == 4 ? "32" : "64"
                LineWriter(fd: options.outputFD).write(Array("[ Process PID=\(task.tid) runs in \(bits) bit mode. ]\n".utf8)[...])
            }
        }
        guard traced else { return detachOnExecve(task, isExecve, active, text: text) }
        let memory = control.memory(of: task.tid)
        if let pathFilter, !pathFilter.matches(descriptor, call, pid: task.tgid, memory: memory) {
            return detachOnExecve(task, isExecve, active, text: text)
        }
        if text != nil {
            text?.syscallEntered(task, &active, memory: memory, interrupted: interrupted)
        } else {
            active.shown = .printed  // `-c` alone: nothing prints, but the summary counts it
        }
        detachOnExecve(task, isExecve, active, text: text)
    }

    /// `-b execve`: the process is let go at its execve whether the call is shown or filtered
    /// out, as strace does.
    private func detachOnExecve(_ task: Tracee, _ isExecve: Bool, _ active: ActiveCall, text: (any TraceSink)?) {
        guard isExecve && options.detachOnExecve else { return }
        task.syscall = .inCall(active)
        text?.detached(task)
        detachLater(task)
    }

    private func syscallExited(_ task: Tracee, _ result: SyscallResult, text: (any TraceSink)?) {
        // Moved out, not copied (a copy retained the descriptor and the held line).
        var state = SyscallState.idle
        swap(&state, &task.syscall)
        guard case .inCall(let active) = consume state else { return }
        if task.hiddenUntilExec {
            // The command's first successful exec: from here on it is the program to trace.
            guard case .success = result, active.descriptor.isExec else { return }
            task.hiddenUntilExec = false
            if let confirm = seccompConfirmation {
                seccompConfirmation = nil
                seccompInstalled = confirm()
                task.filtered = seccompInstalled
            }
        }
        if case .hidden = active.shown { return }
        if summary != nil {
            let elapsed = options.summary!.wallClock
                ? stopMonotonic &- active.startNanoseconds : stopCPU &- active.startCPUNanoseconds
            var failed = false
            if case .failure = result { failed = true }
            summary?.record(arch: active.call.arch, number: active.call.number, name: active.descriptor.name,
                           failed: failed, nanoseconds: elapsed)
        }
        text?.syscallExited(task, active, result: result, memory: control.memory(of: task.tid))
        countShown()
    }

    private func syscallName(_ syscall: (arch: SyscallArch, number: UInt64)) -> String {
        (table(of: syscall.arch).undecodedDescriptor(syscall.number)
            ?? unknownSyscalls.descriptor(arch: syscall.arch, number: syscall.number)).name
    }

    /// Inlined: the host ABI's case is a field read; the others are rare and out of line.
    @inline(__always)
    private func table(of arch: SyscallArch) -> LazyDecoderTable {
        arch == hostArch ? hostTable : otherTable(of: arch)
    }

    @inline(never)
    private func otherTable(of arch: SyscallArch) -> LazyDecoderTable {
        if let table = otherTables.first(where: { $0.arch == arch }) { return table }
        let table = LazyDecoderTable(arch: arch)
        otherTables.append(table)
        return table
    }

    /// Ends the syscall `task` is in with `= ?`: the task is gone, or its thread id was taken over.
    private func syscallEndedWithoutReturn(_ task: Tracee) {
        guard case .inCall(let active) = task.syscall else { return }
        task.syscall = .idle
        if task.hiddenUntilExec { return }
        text?.syscallAbandoned(task, active, detached: false)
    }

    /// `--syscall-limit`: stop tracing once that many calls were shown.
    private func countShown() {
        guard let limit = options.syscallLimit else { return }
        shownSyscalls += 1
        if shownSyscalls >= limit && !stopping { stopTracing() }
    }

    private func eventStop(_ task: Tracee, event: Int32, signal: Int32) {
        switch Ptrace.Event(rawValue: event) {
        case .seccomp:
            return seccompStop(task)
        case .stop where SignalNames.isStopSignal(signal):
            // A group-stop (SIGSTOP, SIGTSTP, ...). PTRACE_LISTEN keeps the tracee stopped, as
            // job control wants, while letting it report SIGCONT or the next event.
            if task.detaching { return detach(task, signal: 0) }
            if options.instructionPointer { noteInstructionPointer(task) }
            if !task.hiddenUntilExec && !task.silent { text?.groupStopped(task, signal: signal) }
            text?.flush()
            _ = control.listen(task.tid)
            return
        case .fork, .vfork, .clone:
            if let child = control.eventMessage(task.tid).map({ pid_t(truncatingIfNeeded: $0) }) {
                newChild(child, of: task, isThread: event == Ptrace.Event.clone.rawValue)
            }
        case .exec:
            execEvent(task)
            text?.execed(tracees[task.tid] ?? task)
        case .stop where task.justAttached:
            noteInterruptedSyscall(task)
        default:
            break  // PTRACE_EVENT_STOP after seize, PTRACE_INTERRUPT or SIGCONT; others
        }
        if let current = tracees[task.tid], current.detaching { return detach(current, signal: 0) }
        resume(tracees[task.tid] ?? task, signal: 0)
    }

    /// A fork/vfork/clone child: it inherits its parent's filter and silence; a thread shares its
    /// parent's thread group (and `-ff` file).
    private func newChild(_ child: pid_t, of parent: Tracee, isThread: Bool) {
        let task = tracees[child] ?? addTracee(child, announced: false)
        if !isThread { spinner.processForked() }
        task.filtered = parent.filtered
        task.silent = parent.silent || task.unrequested
        // Followed without -f for the filter's sake: a child without the filter can go.
        if task.unrequested && !task.filtered { task.detaching = true }
        // CLONE_THREAD or not, the event is PTRACE_EVENT_CLONE; /proc says which.
        if isThread && (options.outputSeparately || options.outputFormat == .json) { task.tgid = Self.threadGroup(of: child) ?? child }
    }

    /// The first stop after attaching: the syscall the thread was blocked in (if the registers tell),
    /// so that the `restart_syscall` that resumes it can name it.
    private func noteInterruptedSyscall(_ task: Tracee) {
        task.justAttached = false
        if options.instructionPointer { text?.instructionPointer = nil }
        let count = control.registers(task.tid, into: scratch)
        guard count > 0,
              let call = RegisterSets.interruptedSyscall(UnsafeRawBufferPointer(scratch), count: count, hostArch: hostArch,
                                                         systemCallNumber: { control.armSystemCallNumber(task.tid) }),
              table(of: call.arch).undecodedDescriptor(call.number) != nil
        else { return }
        task.lastSyscall = (call.arch, call.number)
    }

    /// execve succeeded in `tid`. When a thread other than the leader called it, the kernel has
    /// given it the leader's thread id and the leader is gone without an exit report: the
    /// leader's unfinished syscall ends with `= ?`, and the exec'ing thread's state moves to its
    /// new id.
    private func execEvent(_ leader: Tracee) {
        guard let message = control.eventMessage(leader.tid) else { return }
        let former = pid_t(truncatingIfNeeded: message)
        guard former != leader.tid, let execing = tracees[former] else { return }
        syscallEndedWithoutReturn(leader)
        removeTracee(leader)
        tracees[former] = nil
        execing.tid = leader.tid
        tracees[leader.tid] = execing
        if !execing.silent { text?.superseded(execing, formerTid: former) }
    }

    private func signalDeliveryStop(_ task: Tracee, signal: Int32) {
        if options.instructionPointer { noteInstructionPointer(task) }
        let failure = control.signalInfo(task.tid, into: scratch)
        if failure == ESRCH { return }
        guard failure == 0 else {
            // EINVAL: a group-stop of a tracee that was not seized; it must not get the signal again.
            return task.detaching ? detach(task, signal: 0) : resume(task, signal: 0)
        }
        if !task.hiddenUntilExec && !task.silent, let text {
            // Copied into one array kept for it: unique again once the line is written, so no
            // allocation per signal.
            signalInfoBytes.withUnsafeMutableBytes {
                $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: scratch[0..<SignalInfo.size]))
            }
            text.signalDelivered(task, signal: signal, info: SignalInfo(bytes: signalInfoBytes))
        }
        // The signal was taken from the tracee to show it to us: pass it on.
        task.detaching ? detach(task, signal: signal) : resume(task, signal: signal)
    }

    /// `-i`: the instruction pointer at a stop that is not a syscall stop (PTRACE_GET_SYSCALL_INFO
    /// reports it at every stop).
    private func noteInstructionPointer(_ task: Tracee) {
        let count = useSyscallInfo ? control.syscallInfo(task.tid, into: scratch) : 0
        text?.instructionPointer = count >= 16 ? SyscallInfoLayout.instructionPointer(scratch) : nil
    }

    /// `task` exited or was killed (`status` is `.exited` or `.killed`).
    private func taskEnded(_ task: Tracee, status: WaitStatus) {
        if options.instructionPointer { text?.instructionPointer = nil }
        syscallEndedWithoutReturn(task)
        if !task.hiddenUntilExec && !task.silent { text?.taskEnded(task, status: status) }
        if task.tid == commandPid { commandOutcome = TraceOutcome(commandStatus: status) }
        removeTracee(task)
        text?.flushIfShared()
    }

    // MARK: Resuming and detaching

    /// Writes the lines this stop finished, then lets the tracee run: the order of our lines and
    /// the tracee's own output to the same file stays true. A filtered tracee outside a call runs
    /// until its next traced call (PTRACE_CONT); any other stops at the next syscall stop.
    private func resume(_ task: Tracee, signal: Int32) {
        resume(task, signal: signal, text: text)
    }

    private func resume(_ task: Tracee, signal: Int32, text: (any TraceSink)?) {
        let runsFree = task.filtered && !task.inSyscall
        // Only an entry stop leaves the tracee inside a call that can write.
        text?.flushBeforeResume(mayWrite: runsFree || (task.resumeMayWrite && task.inSyscall))
        if runsFree {
            _ = control.resumeToContinue(task.tid, signal: signal)
        } else {
            _ = control.resumeToSyscall(task.tid, signal: signal)
        }
    }

    /// swtrace stops tracing (interrupted, its output closed, `--syscall-limit` reached): every
    /// tracee is detached at its next stop, except those that carry swtrace's seccomp filter:
    /// detached, their traced calls would fail with ENOSYS, so they go on silently, their stops
    /// answered, until they exit (or, with `--kill-on-exit`, are killed).
    private func stopTracing() {
        stopping = true
        for task in tracees.values {
            if task.filtered {
                if case .inCall(let active) = task.syscall { text?.syscallAbandoned(task, active, detached: true) }
                task.silent = true
                if options.killOnExit { kill(task.tid, SIGKILL) }
            } else {
                detachLater(task)
            }
        }
        text?.flush()
    }

    /// Stops `task` with PTRACE_INTERRUPT; it is detached at its next stop.
    private func detachLater(_ task: Tracee) {
        task.detaching = true
        if task.announced { _ = control.interrupt(task.tid) }
    }

    private func detach(_ task: Tracee, signal: Int32) {
        if case .inCall(let active) = task.syscall { text?.syscallAbandoned(task, active, detached: true) }
        task.syscall = .idle
        text?.flush()
        _ = control.detach(task.tid, signal: signal)
        if (commandPid == 0 || options.detachOnExecve) && !options.quiet.contains(.attach) && !task.unrequested {
            notify("Process \(task.tid) detached")
        }
        removeTracee(task)
    }

    /// A signal that asked swtrace to stop goes on to the command it started, as if swtrace were
    /// not there, unless the terminal sent it to the whole process group (the command has it).
    private func forwardToCommand(_ signal: Int32, fromTerminal: Bool) {
        guard commandPid != 0, !fromTerminal, tracees[commandPid] != nil else { return }
        kill(commandPid, SIGCONT)
        kill(commandPid, signal)
    }

    // MARK: Bookkeeping

    @discardableResult
    private func addTracee(_ tid: pid_t, announced: Bool) -> Tracee {
        let task = Tracee(tid: tid, tgid: tid, arch: hostArch)
        // Until its parent's fork event says otherwise (see `newChild`).
        task.filtered = seccompInstalled && !hasAttached
        task.silent = stopping && task.filtered
        if stopping && !task.filtered { task.detaching = true }
        // Without -f, new tasks are followed only when the seccomp filter makes it necessary.
        if !announced && !options.followForks {
            task.unrequested = true
            task.silent = true
        }
        tracees[tid] = task
        if announced {
            task.announced = true
            text?.taskAppeared(task)
        }
        return task
    }

    /// A fork/clone child (or a thread) shows up for the first time.
    private func announce(_ task: Tracee) {
        task.announced = true
        if task.unrequested { return }
        text?.taskAppeared(task)
        if !options.quiet.contains(.attach) { notify("Process \(task.tid) attached") }
    }

    private func removeTracee(_ task: Tracee) {
        if lastTask === task { lastTask = nil }
        if task.announced && !task.unrequested { text?.taskGone(task) }
        if tracees[task.tid] === task { tracees[task.tid] = nil }
    }

    /// The `Tgid:` of /proc/TID/status: the process a new thread belongs to.
    static func threadGroup(of tid: pid_t) -> pid_t? {
        let fd = open("/proc/\(tid)/status", O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 1024)
        let count = read(fd, &buffer, buffer.count)
        guard count > 0 else { return nil }
        let text = String(decoding: buffer[0..<count], as: UTF8.self)
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("Tgid:") }) else { return nil }
        return pid_t(String(line.dropFirst(5).filter(\.isNumber)))
    }
}
