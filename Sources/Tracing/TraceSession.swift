import Glibc
import SyscallDecoding
import SyscallTables

/// The tracer's state machine: waits for ptrace stops, tells them apart as the ptrace
/// documentation says (syscall-enter/exit, signal-delivery, group-stop, PTRACE_EVENT, exit),
/// prints what they mean and lets the tracee go on. It runs on the one thread that attached the
/// tracees, asking the kernel through `Control` (`KernelControl`; tests replay recorded stops).
final class TraceSession<Control: TraceeControl> {
    private let control: Control
    private let output: TraceOutput
    private let formatter: SyscallFormatter
    private var tracees: [pid_t: Tracee] = [:]
    /// The command swtrace started (its exit status becomes swtrace's), or 0.
    private(set) var commandPid: pid_t = 0
    private(set) var commandOutcome: TraceOutcome?
    /// The signal that asked swtrace to stop, or 0.
    private(set) var interruptSignal: Int32 = 0
    private var detachingAll = false
    private var useSyscallInfo: Bool
    /// Where `Process N attached` and the like go: stderr, or a test's list.
    var notify: (String) -> Void = notice
    private let hostArch: SyscallArch

    /// Scratch space for PTRACE_GET_SYSCALL_INFO, PTRACE_GETREGSET and PTRACE_GETSIGINFO.
    private let scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: 512, alignment: 16)

    init(control: Control, options: TraceOptions, hostArch: SyscallArch) {
        self.control = control
        self.hostArch = hostArch
        formatter = SyscallFormatter(options: options.decode)
        output = TraceOutput(writer: LineWriter(fd: options.outputFD),
                             prefixStyle: options.outputIsFile ? .never : .bracketedWhenMany)
        useSyscallInfo = !options.forceRegisterFallback
    }

    deinit {
        scratch.deallocate()
    }

    /// The command swtrace started: it prints nothing until its first execve succeeds.
    func addCommand(_ pid: pid_t) {
        commandPid = pid
        addTracee(pid, announced: true).hiddenUntilExec = true
    }

    /// A thread attached with -p.
    func addAttached(_ tid: pid_t) {
        addTracee(tid, announced: true).justAttached = true
    }

    var traceeCount: Int { tracees.count }

    /// strace's `-o FILE` with `-f` or several processes: `PID ` on every line.
    func usePlainPrefix() {
        output.usePlainPrefix()
    }

    /// Writes what is left; returns the error that stopped writing, if any.
    func finishOutput() -> Int32? {
        output.flush()
        return output.writeFailure
    }

    /// Handles stops until no tracee is left (or, with a waker, swtrace is asked to stop).
    func run(waker: EngineWaker?) {
        var status: Int32 = 0
        var wantsTicks = false
        while !tracees.isEmpty {
            if !detachingAll {
                if let request = waker?.takeRequest() {
                    interruptSignal = request.signal
                    forwardToCommand(request.signal, fromTerminal: request.fromTerminal)
                    detachAll()
                } else if output.writeFailure != nil {
                    detachAll()
                }
            }
            if let waker, output.hasOpenLine != wantsTicks {
                wantsTicks = output.hasOpenLine
                waker.wantsTicks.store(wantsTicks, ordering: .relaxed)
            }
            let (tid, error) = control.waitForStop(status: &status)
            if tid < 0 {
                if error == EINTR, let waker {
                    showBlockedCall(tick: waker.ticks.load(ordering: .relaxed))
                    continue
                }
                break  // ECHILD: nothing left to wait for
            }
            handle(tid: tid, status: status)
        }
    }

    private var lastTick: UInt64 = 0
    private var openLineAtLastTick = 0

    /// A line still open one tick after the previous tick belongs to a call that blocks: cut it
    /// with `<unfinished ...>` and write it, so the user sees what the program waits in.
    private func showBlockedCall(tick: UInt64) {
        guard tick != lastTick else { return }
        lastTick = tick
        if output.hasOpenLine && output.openLineSerial == openLineAtLastTick {
            output.cutOpenLine()
            output.flush()
        }
        openLineAtLastTick = output.openLineSerial
    }

    // MARK: Stops

    private func handle(tid: pid_t, status: Int32) {
        let task = tracees[tid] ?? addTracee(tid, announced: false)
        if !task.announced { announce(task) }
        let stop = WaitStatus(status)
        switch stop {
        case .exited, .killed:
            taskEnded(task, status: stop)
        case .syscallStop:
            syscallStop(task)
        case .eventStop(let event, let signal):
            eventStop(task, event: event, signal: signal)
        case .signalStop(let signal):
            signalDeliveryStop(task, signal: signal)
        }
    }

    private func syscallStop(_ task: Tracee) {
        if task.detaching { return detach(task, signal: 0) }
        switch readSyscallStop(task) {
        case .entry(let call): syscallEntered(task, call)
        case .exit(let result): syscallExited(task, result)
        case .notSyscall, nil: break
        }
        resume(task, signal: 0)
    }

    /// The syscall at this stop: from PTRACE_GET_SYSCALL_INFO, or from the registers where the
    /// kernel lacks it (entry and exit then alternate, as they must).
    private func readSyscallStop(_ task: Tracee) -> SyscallStopInfo? {
        if useSyscallInfo {
            let count = control.syscallInfo(task.tid, into: scratch)
            if count > 0 {
                return SyscallInfoLayout.parse(UnsafeRawBufferPointer(scratch), count: count, fallbackArch: hostArch)
            }
            if count == -Int(ESRCH) { return nil }
            useSyscallInfo = false  // EIO: a kernel before 5.3
        }
        let count = control.registers(task.tid, into: scratch)
        guard count > 0,
              let registers = RegisterSets.decode(UnsafeRawBufferPointer(scratch), count: count, hostArch: hostArch)
        else { return nil }
        return task.inSyscall ? .exit(SyscallResult(rawValue: registers.returnValue)) : .entry(registers.entry)
    }

    private func syscallEntered(_ task: Tracee, _ call: SyscallCall) {
        let descriptor = DecoderTable.forArch(call.arch).descriptor(call.number) ?? unknownSyscallDescriptor(call.number)
        if task.inSyscall { syscallEndedWithoutReturn(task) }
        task.inSyscall = true
        task.call = call
        task.descriptor = descriptor
        let interrupted = task.lastSyscallName
        if !descriptor.isRestart { task.lastSyscallName = descriptor.name }
        if task.hiddenUntilExec {
            guard descriptor.name == "execve" || descriptor.name == "execveat" else { return }
            var entry = TextBuffer(capacity: 256)
            formatter.appendEntry(to: &entry, descriptor: descriptor, call: call, memory: control.memory(of: task.tid))
            task.heldExecveEntry = entry
            return
        }
        output.openLine(for: task)
        formatter.appendEntry(to: &output.text, descriptor: descriptor, call: call,
                              memory: control.memory(of: task.tid), interruptedCall: interrupted)
    }

    private func syscallExited(_ task: Tracee, _ result: SyscallResult) {
        guard task.inSyscall, let descriptor = task.descriptor else { return }
        task.inSyscall = false
        if task.hiddenUntilExec {
            let entry = task.heldExecveEntry
            task.heldExecveEntry = nil
            guard let entry, case .success = result else { return }
            task.hiddenUntilExec = false
            output.openLine(for: task)
            output.text.append(contentsOf: entry.bytes)
        }
        continueLine(of: task, name: descriptor.name)
        formatter.appendExit(to: &output.text, descriptor: descriptor, call: task.call,
                             memory: control.memory(of: task.tid), result: result)
        output.endLine()
    }

    /// Ends the syscall `task` is in with `= ?`: the task is gone, or its thread id was taken over.
    private func syscallEndedWithoutReturn(_ task: Tracee) {
        guard task.inSyscall, !task.hiddenUntilExec, let descriptor = task.descriptor else { return }
        task.inSyscall = false
        continueLine(of: task, name: descriptor.name)
        formatter.appendNoReturn(to: &output.text)
        output.endLine()
    }

    /// Continues the line the task's syscall entry opened, or starts `<... name resumed>`.
    private func continueLine(of task: Tracee, name: String) {
        if !output.ownsOpenLine(task) {
            output.startLine(for: task)
            formatter.appendResumed(to: &output.text, name: name)
        }
    }

    private func eventStop(_ task: Tracee, event: Int32, signal: Int32) {
        switch Ptrace.Event(rawValue: event) {
        case .stop where SignalNames.isStopSignal(signal):
            // A group-stop (SIGSTOP, SIGTSTP, ...). PTRACE_LISTEN keeps the tracee stopped, as
            // job control wants, while letting it report SIGCONT or the next event.
            if task.detaching { return detach(task, signal: 0) }
            if !task.hiddenUntilExec {
                output.startLine(for: task)
                output.text.append("--- stopped by ")
                output.text.appendSignal(signal)
                output.text.append(" ---")
                output.endLine()
            }
            output.flush()
            _ = control.listen(task.tid)
            return
        case .fork, .vfork, .clone:
            if let child = control.eventMessage(task.tid).map({ pid_t(truncatingIfNeeded: $0) }), tracees[child] == nil {
                addTracee(child, announced: false)
            }
        case .exec:
            execEvent(task)
        case .stop where task.justAttached:
            noteInterruptedSyscall(task)
        default:
            break  // PTRACE_EVENT_STOP after seize, PTRACE_INTERRUPT or SIGCONT; others
        }
        if let current = tracees[task.tid], current.detaching { return detach(current, signal: 0) }
        resume(tracees[task.tid] ?? task, signal: 0)
    }

    /// The first stop after attaching: the syscall the thread was blocked in (if the registers tell),
    /// so that the `restart_syscall` that resumes it can name it.
    private func noteInterruptedSyscall(_ task: Tracee) {
        task.justAttached = false
        let count = control.registers(task.tid, into: scratch)
        guard count > 0,
              let call = RegisterSets.decode(UnsafeRawBufferPointer(scratch), count: count, hostArch: hostArch)?.interruptedSyscall,
              let descriptor = DecoderTable.forArch(call.arch).descriptor(call.number)
        else { return }
        task.lastSyscallName = descriptor.name
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

        if output.ownsOpenLine(execing) {
            output.text.append(" <pid changed to ")
            output.text.appendDecimal(Int64(leader.tid))
            output.text.append(" ...>")
            output.endLine()
        }
        tracees[former] = nil
        execing.tid = leader.tid
        tracees[leader.tid] = execing
        output.startLine(for: execing)
        output.text.append("+++ superseded by execve in pid ")
        output.text.appendDecimal(Int64(former))
        output.text.append(" +++")
        output.endLine()  // the execve's exit now starts with `<... execve resumed>`
    }

    private func signalDeliveryStop(_ task: Tracee, signal: Int32) {
        let failure = control.signalInfo(task.tid, into: scratch)
        if failure == ESRCH { return }
        guard failure == 0 else {
            // EINVAL: a group-stop of a tracee that was not seized; it must not get the signal again.
            return task.detaching ? detach(task, signal: 0) : resume(task, signal: 0)
        }
        if !task.hiddenUntilExec {
            let info = SignalInfo(bytes: Array(scratch.prefix(SignalInfo.size)))
            output.startLine(for: task)
            output.text.append("--- ")
            output.text.appendSignal(signal)
            output.text.append(" ")
            output.text.appendSignalInfo(info)
            output.text.append(" ---")
            output.endLine()
        }
        // The signal was taken from the tracee to show it to us: pass it on.
        task.detaching ? detach(task, signal: signal) : resume(task, signal: signal)
    }

    /// `task` exited or was killed (`status` is `.exited` or `.killed`).
    private func taskEnded(_ task: Tracee, status: WaitStatus) {
        syscallEndedWithoutReturn(task)
        if !task.hiddenUntilExec {
            output.startLine(for: task)
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
            output.endLine()
        }
        if task.tid == commandPid { commandOutcome = TraceOutcome(commandStatus: status) }
        removeTracee(task)
        output.flush()
    }

    // MARK: Resuming and detaching

    /// Writes the lines this stop finished, then lets the tracee run: the order of our lines and
    /// the tracee's own output to the same file stays true.
    private func resume(_ task: Tracee, signal: Int32) {
        output.flush()
        _ = control.resumeToSyscall(task.tid, signal: signal)
    }

    /// Stops every tracee with PTRACE_INTERRUPT; each is detached at its next stop.
    private func detachAll() {
        detachingAll = true
        for task in tracees.values {
            task.detaching = true
            if task.announced { _ = control.interrupt(task.tid) }
        }
    }

    private func detach(_ task: Tracee, signal: Int32) {
        output.closeOpenLine(of: task, with: " <detached ...>")
        output.flush()
        _ = control.detach(task.tid, signal: signal)
        if commandPid == 0 { notify("Process \(task.tid) detached") }
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
        let task = Tracee(tid: tid)
        task.detaching = detachingAll
        tracees[tid] = task
        if announced {
            task.announced = true
            output.visibleTaskCount += 1
        }
        return task
    }

    /// A fork/clone child (or a thread) shows up for the first time.
    private func announce(_ task: Tracee) {
        task.announced = true
        output.visibleTaskCount += 1
        notify("Process \(task.tid) attached")
    }

    private func removeTracee(_ task: Tracee) {
        output.forget(task)
        if tracees[task.tid] === task { tracees[task.tid] = nil }
        if task.announced { output.visibleTaskCount -= 1 }
    }
}
