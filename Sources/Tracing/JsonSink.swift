import Glibc
import SyscallDecoding
import SyscallTables

/// `--output-format=json`: one JSON object per line (docs/json.md,
/// docs/swtrace-json.schema.json). A syscall is one object, entry and exit merged: its entry is
/// rendered at the entry stop (the memory it reads may be gone at exit) and held in the call's
/// state until the exit, so threads that interleave never split an object. Signals, exits,
/// attach/detach and a thread's exec are objects of their own.
final class JsonSink: TraceSink {
    static let version = 1

    private let formatter: SyscallFormatter
    private let options: TraceOptions
    private let main: JsonOutput
    // The sink lives on the tracing thread only: its state skips the runtime exclusivity checks
    // (`@exclusivity(unchecked)`), which cost more per call than the JSON they guard.
    @exclusivity(unchecked) private var perProcess: [pid_t: JsonOutput] = [:]
    private let openProcessOutput: ((pid_t) -> Int32?)?
    @exclusivity(unchecked) private var dirty: [JsonOutput] = []
    /// What the sink keeps per thread, and the last thread asked for (most stops are of the
    /// thread that stopped last: no hashing for them).
    @exclusivity(unchecked) private var threads: [pid_t: JsonThread] = [:]
    @exclusivity(unchecked) private var lastThread: JsonThread?
    /// Threads whose end was reported: any other that goes was detached.
    @exclusivity(unchecked) private var ended: Set<pid_t> = []

    var wallClock = ClockReading(seconds: 0, nanoseconds: 0)
    @exclusivity(unchecked) private var tsPrefix: [UInt8] = []
    private var tsSeconds: Int64 = 0
    var monotonic = ClockReading(seconds: 0, nanoseconds: 0)
    var instructionPointer: UInt64?

    init(options: TraceOptions, writer: LineWriter, openProcessOutput: ((pid_t) -> Int32?)?) {
        self.options = options
        formatter = SyscallFormatter(options: options.decode)
        main = JsonOutput(writer: writer)
        self.openProcessOutput = options.outputSeparately ? openProcessOutput : nil
    }

    var writeFailure: Int32? {
        if let failure = main.writer.failure { return failure }
        if perProcess.isEmpty { return nil }
        return perProcess.values.lazy.compactMap(\.writer.failure).first
    }

    /// Objects are written whole at once: no line is ever left open.
    var hasOpenLine: Bool { false }
    func usePlainPrefix() {}
    func showBlockedCalls() {}
    func detached(_ task: Tracee) {}

    // MARK: Tasks

    func taskAppeared(_ task: Tracee) {
        readCommand(task.tid)
        wallClock = .wallClock()
        let output = begin("attach", task)
        end(output)
    }

    func taskGone(_ task: Tracee) {
        if ended.remove(task.tid) == nil {
            end(begin("detach", task))
        }
        threads[task.tid] = nil
        if lastThread?.tid == task.tid { lastThread = nil }
    }

    /// The state of thread `tid` (made when first asked for).
    private func thread(_ tid: pid_t) -> JsonThread {
        if let lastThread, lastThread.tid == tid { return lastThread }
        let found = threads[tid] ?? {
            let made = JsonThread(tid: tid)
            threads[tid] = made
            return made
        }()
        lastThread = found
        return found
    }

    // MARK: Syscalls

    func heldFirstExec(_ task: Tracee, descriptor: SyscallDescriptor, call: SyscallCall,
                       memory: some TraceeMemory) -> TextBuffer? {
        var entry = TextBuffer(capacity: 512)
        appendCallStart(task, call, to: &entry)
        formatter.appendEntryJSON(to: &entry, descriptor: descriptor, call: call, memory: memory, pid: task.tid)
        return entry
    }

    func syscallEntered(_ task: Tracee, _ active: inout ActiveCall, memory: some TraceeMemory, interrupted: String?) {
        if isExecve(active.descriptor) {
            var entry = TextBuffer(capacity: 512)
            appendEntry(task, &active, memory: memory, interrupted: interrupted, to: &entry)
            active.shown = .held(entry)
            return
        }
        appendEntry(task, &active, memory: memory, interrupted: interrupted, to: &thread(task.tid).entry)
        active.shown = .printed
    }

    private func appendEntry(_ task: Tracee, _ active: inout ActiveCall, memory: some TraceeMemory, interrupted: String?,
                             to entry: inout TextBuffer) {
        entry.bytes.removeAll(keepingCapacity: true)
        appendCallStart(task, active.call, to: &entry)
        formatter.appendEntryJSON(to: &entry, descriptor: active.descriptor, call: active.call,
                                  memory: memory, slot: &active.slot, interruptedCall: interrupted, pid: task.tid)
    }

    /// Appends the entry half that `syscallEntered` wrote for `active`; false when there is none.
    private func appendHeldEntry(_ task: Tracee, _ active: ActiveCall, to text: inout TextBuffer) -> Bool {
        switch active.shown {
        case .held(let entry):
            text.bytes.append(contentsOf: entry.bytes)
        case .printed:
            text.bytes.append(contentsOf: thread(task.tid).entry.bytes)
        case .hidden:
            return false
        }
        return true
    }

    func syscallExited(_ task: Tracee, _ active: ActiveCall, result: SyscallResult, memory: some TraceeMemory) {
        var status = StatusFilter.successful
        if case .failure = result { status = .failed }
        guard options.statuses.contains(status) else { return }
        let output = output(for: task)
        guard appendHeldEntry(task, active, to: &output.text) else { return }
        formatter.appendExitJSON(to: &output.text, descriptor: active.descriptor, call: active.call,
                                 memory: memory, slot: active.slot, result: result, pid: task.tid)
        appendCommand(task, to: &output.text)
        appendDuration(active, to: &output.text)
        if options.readDumps != nil || options.writeDumps != nil {
            appendDataDump(of: active, result: result, memory: memory, to: &output.text)
        }
        end(output)
    }

    /// `-e read=`, `-e write=`: the data the call moved (`DataTransfer`).
    private func appendDataDump(of active: ActiveCall, result: SyscallResult, memory: some TraceeMemory,
                                to text: inout TextBuffer) {
        guard case .success(let count) = result, let transfer = DataTransfer(active.descriptor.name, active.call),
              let dumps = transfer.isRead ? options.readDumps : options.writeDumps, dumps.contains(transfer.fd) else { return }
        transfer.appendJSONDump(returned: count, memory: memory, to: &text)
    }

    func syscallAbandoned(_ task: Tracee, _ active: ActiveCall, detached: Bool) {
        guard options.statuses.contains(detached ? .detached : .unfinished) else { return }
        let output = output(for: task)
        guard appendHeldEntry(task, active, to: &output.text) else { return }
        output.text.append("],\"unfinished\":true")
        if detached { output.text.append(",\"detached\":true") }
        appendCommand(task, to: &output.text)
        end(output)
    }

    /// `{"type":"syscall","ts":...,"pid":...,"tid":...,"nr":...,"abi":"...",`
    private func appendCallStart(_ task: Tracee, _ call: SyscallCall, to text: inout TextBuffer) {
        // Written into stack memory and appended at once: this starts every syscall object.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 160) { buffer in
            var cursor = ByteCursor(buffer)
            cursor.put("{\"type\":\"syscall\"")
            putIdentity(task, to: &cursor)
            cursor.put(",\"nr\":")
            cursor.putDecimal(UInt64(clamping: call.number))
            cursor.put(",\"abi\":\"")
            cursor.put(call.arch.jsonName)
            cursor.put("\",")
            text.bytes.append(contentsOf: cursor.written)
        }
        if options.instructionPointer && instructionPointer != nil {
            appendInstructionPointer(to: &text)
            text.append(byte: UInt8(ascii: ","))
        }
    }

    /// `-i`: `"ip":"0x7f..."`, where the task stopped.
    private func appendInstructionPointer(to text: inout TextBuffer) {
        text.append("\"ip\":\"0x")
        text.appendDigits(instructionPointer ?? 0, radix: 16, minimumDigits: 1)
        text.append(byte: UInt8(ascii: "\""))
    }

    private func appendDuration(_ active: ActiveCall, to text: inout TextBuffer) {
        guard options.syscallTimes != nil else { return }
        text.append(",\"duration\":")
        appendSeconds(monotonic.totalNanoseconds &- active.startNanoseconds, to: &text)
    }

    // MARK: Other events

    func signalDelivered(_ task: Tracee, signal: Int32, info: SignalInfo) {
        guard options.signals.shows(signal) else { return }
        let output = begin("signal", task)
        if options.instructionPointer && instructionPointer != nil {
            output.text.append(byte: UInt8(ascii: ","))
            appendInstructionPointer(to: &output.text)
        }
        appendCommand(task, to: &output.text)
        appendSignal(signal, to: &output.text)
        output.text.append(",\"siginfo\":")
        var siginfo = TextBuffer(capacity: 256)
        siginfo.appendSignalInfo(info)
        output.text.appendJSONFields(ofStruct: siginfo.bytes)
        end(output)
    }

    func groupStopped(_ task: Tracee, signal: Int32) {
        guard options.signals.shows(signal) else { return }
        let output = begin("stop", task)
        appendSignal(signal, to: &output.text)
        end(output)
    }

    func taskEnded(_ task: Tracee, status: WaitStatus) {
        ended.insert(task.tid)
        guard !options.quiet.contains(.exit) else { return }
        let output = begin("exit", task)
        switch status {
        case .exited(let code):
            output.text.append(",\"code\":")
            output.text.appendDecimal(Int64(code))
        case .killed(let signal, let coreDumped):
            appendSignal(signal, to: &output.text)
            output.text.append(coreDumped ? ",\"core_dumped\":true" : ",\"core_dumped\":false")
        default:
            break
        }
        end(output)
    }

    /// A non-leader thread's execve: it now has the leader's thread id.
    func superseded(_ execing: Tracee, formerTid: pid_t) {
        guard !options.quiet.contains(.superseded) else { return }
        let output = begin("exec", execing)
        output.text.append(",\"old_tid\":")
        output.text.appendDecimal(Int64(formerTid))
        end(output)
    }

    func personalityChanged(_ task: Tracee, to arch: SyscallArch) {
        guard !options.quiet.contains(.personality) else { return }
        let output = begin("personality", task)
        output.text.append(",\"abi\":\"")
        output.text.append(arch.jsonName)
        output.text.append(byte: UInt8(ascii: "\""))
        end(output)
    }

    // MARK: Objects

    /// `{"type":"TYPE","ts":...,"pid":...,"tid":...`; the caller adds fields and calls `end`.
    private func begin(_ type: StaticString, _ task: Tracee) -> JsonOutput {
        let output = output(for: task)
        output.text.append("{\"type\":\"")
        output.text.append(type)
        output.text.append(byte: UInt8(ascii: "\""))
        appendIdentity(task, to: &output.text)
        return output
    }

    private func end(_ output: JsonOutput) {
        output.text.append(byte: UInt8(ascii: "}"))
        output.text.endLine()
        if dirty.last !== output && !dirty.contains(where: { $0 === output }) { dirty.append(output) }
    }

    private func appendIdentity(_ task: Tracee, to text: inout TextBuffer) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 96) { buffer in
            var cursor = ByteCursor(buffer)
            putIdentity(task, to: &cursor)
            text.bytes.append(contentsOf: cursor.written)
        }
    }

    /// `,"ts":S.NNNNNNNNN,"pid":P,"tid":T` (at most 82 bytes).
    private func putIdentity(_ task: Tracee, to cursor: inout ByteCursor) {
        if wallClock.seconds != tsSeconds || tsPrefix.isEmpty {
            // `,"ts":SECONDS.`: the same for every object of that second.
            var prefix = TextBuffer(capacity: 32)
            prefix.append(",\"ts\":")
            prefix.appendDecimal(wallClock.seconds)
            prefix.append(".")
            tsPrefix = prefix.bytes
            tsSeconds = wallClock.seconds
        }
        tsPrefix.withUnsafeBytes { cursor.put($0) }
        cursor.putDecimal(UInt64(clamping: wallClock.nanoseconds), minimumDigits: 9)
        let thread = thread(task.tid)
        if thread.identityPid != task.tgid {
            var identity = TextBuffer(capacity: 40)
            identity.append(",\"pid\":")
            identity.appendDecimal(Int64(task.tgid))
            identity.append(",\"tid\":")
            identity.appendDecimal(Int64(task.tid))
            thread.identity = identity.bytes
            thread.identityPid = task.tgid
        }
        thread.identity.withUnsafeBytes { cursor.put($0) }
    }

    private func appendCommand(_ task: Tracee, to text: inout TextBuffer) {
        text.bytes.append(contentsOf: thread(task.tid).command)
    }

    /// execve and execveat (their entry is held with the call: they can end under another tid).
    private func isExecve(_ descriptor: SyscallDescriptor) -> Bool {
        let name = descriptor.nameBytes
        return name.count >= 6 && name[4] == UInt8(ascii: "v") && name.starts(with: "execve".utf8)
    }

    private func appendSignal(_ signal: Int32, to text: inout TextBuffer) {
        text.append(",\"signal\":\"")
        text.appendSignal(signal)
        text.append("\",\"signo\":")
        text.appendDecimal(Int64(signal))
    }

    private func appendSeconds(_ nanoseconds: UInt64, to text: inout TextBuffer) {
        text.appendDecimal(nanoseconds / 1_000_000_000)
        text.append(byte: UInt8(ascii: "."))
        text.appendDigits(nanoseconds % 1_000_000_000, radix: 10, minimumDigits: 9)
    }

    /// Every exec (traced or filtered out) renames the process.
    func execed(_ task: Tracee) {
        readCommand(task.tid)
    }

    private func readCommand(_ tid: pid_t) {
        let fd = open("/proc/\(tid)/comm", O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 64)
        let count = read(fd, &buffer, buffer.count)
        guard count > 0 else { return }
        var fragment = TextBuffer(capacity: 48)
        fragment.append(",\"comm\":")
        fragment.appendJSONString(buffer[0..<count].prefix { $0 != UInt8(ascii: "\n") })
        thread(tid).command = fragment.bytes
    }

    private func output(for task: Tracee) -> JsonOutput {
        guard let openProcessOutput else { return main }
        if let output = perProcess[task.tgid] { return output }
        let fd = openProcessOutput(task.tgid) ?? -1
        let output = fd >= 0 ? JsonOutput(writer: LineWriter(fd: fd)) : main
        perProcess[task.tgid] = output
        return output
    }

    func flush() {
        for output in dirty {
            output.flush()
            if output.writer.failure != nil { writeFailed = true }
        }
        dirty.removeAll(keepingCapacity: true)
    }

    // MARK: Batching (as TextSink's)

    private(set) var writeFailed = false
    var sharedWithTracees = true
    var hasPendingLines: Bool { !dirty.isEmpty }

    func flushBeforeResume(mayWrite: Bool) {
        guard !dirty.isEmpty else { return }
        if sharedWithTracees && mayWrite { return flush() }
        for output in dirty where output.text.bytes.count >= TextSink.batchBytes {
            output.flush()
            if output.writer.failure != nil { writeFailed = true }
        }
    }

    func flushBeforeBlocking() {
        if sharedWithTracees { flush() }
    }

    func flushIfShared() {
        if sharedWithTracees { flush() }
    }
}

/// What the sink keeps for one thread.
final class JsonThread {
    let tid: pid_t
    /// The entry half of the thread's call in flight, until its exit (reused by its every call).
    /// An execve's entry travels with the call instead (`.held`): it can end under another tid.
    var entry = TextBuffer(capacity: 512)
    /// `,"comm":"..."`, from `/proc/TID/comm` when the thread appears and after its execve: kept
    /// as JSON, so that each object only copies it.
    var command: [UInt8] = []
    /// `,"pid":P,"tid":T`, and the P it was made for (a thread's process can change: execve).
    var identity: [UInt8] = []
    var identityPid: pid_t = -1

    init(tid: pid_t) {
        self.tid = tid
    }
}

/// One JSON Lines output: its header object first, then whole objects.
final class JsonOutput {
    let writer: LineWriter
    /// (Used by the tracing thread only: no runtime exclusivity checks.)
    @exclusivity(unchecked) var text = TextBuffer(capacity: 8192)

    init(writer: LineWriter) {
        self.writer = writer
        text.append("{\"type\":\"header\",\"v\":")
        text.appendDecimal(Int64(JsonSink.version))
        text.append(",\"tool\":\"swtrace\",\"format\":\"swtrace-json\"}")
        text.endLine()
    }

    func flush() {
        guard !text.bytes.isEmpty else { return }
        writer.write(text.bytes[...])
        text.bytes.removeAll(keepingCapacity: true)
        text.lineStart = 0
    }
}

/// Writes bytes into stack memory that the caller appends at once: an object's fixed start
/// costs one append instead of one per piece (the caller sizes the memory for what it puts).
struct ByteCursor {
    private let buffer: UnsafeMutableBufferPointer<UInt8>
    private var count = 0

    init(_ buffer: UnsafeMutableBufferPointer<UInt8>) {
        self.buffer = buffer
    }

    var written: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: buffer[0..<count]) }

    mutating func put(_ text: StaticString) {
        let length = text.utf8CodeUnitCount
        precondition(count + length <= buffer.count)
        (buffer.baseAddress! + count).update(from: text.utf8Start, count: length)
        count += length
    }

    mutating func putDecimal(_ value: UInt64, minimumDigits: Int = 1) {
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes, filled from the end
        withUnsafeMutableBytes(of: &digits) { scratch in
            let end = scratch.baseAddress!.assumingMemoryBound(to: UInt8.self) + scratch.count
            let count = writeDecimalDigits(value, minimumDigits: min(minimumDigits, 20), endingAt: end)
            put(UnsafeRawBufferPointer(start: end - count, count: count))
        }
    }

    mutating func put(_ bytes: UnsafeRawBufferPointer) {
        guard bytes.count > 0 else { return }
        precondition(count + bytes.count <= buffer.count)
        UnsafeMutableRawPointer(buffer.baseAddress! + count).copyMemory(from: bytes.baseAddress!, byteCount: bytes.count)
        count += bytes.count
    }
}

extension SyscallArch {
    /// The `"abi"` of a JSON object.
    var jsonName: StaticString {
        switch self {
        case .x86_64: "x86_64"
        case .i386: "i386"
        case .aarch64: "aarch64"
        }
    }
}

extension TextBuffer {
    /// strace's `{name=value, name=value}` as a JSON object of the values as strace shows them.
    mutating func appendJSONFields(ofStruct text: [UInt8]) {
        guard text.first == UInt8(ascii: "{"), text.last == UInt8(ascii: "}") else {
            return appendJSONString(text)
        }
        append(byte: UInt8(ascii: "{"))
        var depth = 0
        var memberStart = 1
        var first = true
        func member(_ range: Range<Int>) {
            guard let equals = text[range].firstIndex(of: UInt8(ascii: "=")) else { return }
            if !first { append(byte: UInt8(ascii: ",")) }
            first = false
            appendJSONString(text[range.lowerBound..<equals])
            append(byte: UInt8(ascii: ":"))
            appendJSONString(text[(equals + 1)..<range.upperBound])
        }
        var index = 1
        while index < text.count - 1 {
            let byte = text[index]
            if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") { depth += 1 }
            if byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") { depth -= 1 }
            if depth == 0 && byte == UInt8(ascii: ",") && text[index + 1] == UInt8(ascii: " ") {
                member(memberStart..<index)
                memberStart = index + 2
                index += 1
            }
            index += 1
        }
        member(memberStart..<(text.count - 1))
        append(byte: UInt8(ascii: "}"))
    }
}
