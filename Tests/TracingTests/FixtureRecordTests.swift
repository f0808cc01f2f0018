import Foundation
import Testing

@testable import SyscallDecoding
import SyscallTables
@testable import Tracing

// Decodes every ptrace stop recorded in `Captures/{aarch64,x86_64}/capture.jsonl` (real kernels)
// with swtrace's own code and compares the result with the recorded fields and with what Debian's
// strace 6.1 printed for the same program (`strace.txt`). The field reference and byte layouts are
// in `Captures/aarch64/README.md` and `Captures/x86_64/README.md`.
//
// Nothing here lists which syscalls are decoded: a rendered line is compared whole with strace's
// exactly when its catalog signature says `isFullyDecoded`, so coverage grows with the catalog.

/// Syscalls whose decoded output needs tracee memory the captures did not record (prlimit64's
/// old limit, the signal frame rt_sigreturn reads its mask from): their lines are compared by name
/// and return value only.
let capturesLackMemory: Set<String> = ["prlimit64", "rt_sigreturn"]

// MARK: - Capture model

/// One line of `capture.jsonl`: one wait status (a ptrace stop, or the tracee's end).
struct CaptureRecord: Decodable {
    struct Info: Decodable {
        struct Entry: Decodable {
            let nr: UInt64
            let args: [String]
        }

        struct Exit: Decodable {
            let rval: Int64
            let rvalHex: String
            let isError: Int

            enum CodingKeys: String, CodingKey {
                case rval, rvalHex = "rval_hex", isError = "is_error"
            }
        }

        let op: Int
        let arch: String
        let instructionPointer: String
        let stackPointer: String
        let entry: Entry?
        let exit: Exit?

        enum CodingKeys: String, CodingKey {
            case op, arch, entry, exit
            case instructionPointer = "instruction_pointer", stackPointer = "stack_pointer"
        }
    }

    /// One tracee-memory read made at this stop.
    struct Mem: Decodable {
        let when: String
        let arg: Int
        let addr: String
        let kind: String
        let string: String?
        let hex: String?
        let complete: Bool?
        let pointers: [String]?
        let strings: [String]?
        let count: Int?
        let size: Int?
    }

    /// `regs` is `{x: [...], sp, pc, pstate}` on aarch64 and `{r15: ..., orig_rax: ...}` on x86_64.
    enum RegValue: Decodable {
        case one(String)
        case many([String])

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let value = try? container.decode(String.self) {
                self = .one(value)
            } else {
                self = .many(try container.decode([String].self))
            }
        }
    }

    let seq: Int
    let pid: Int32
    let status: String
    let stop: String
    let exitCode: Int32?
    let signo: Int32?
    let coreDumped: Bool?
    let event: Int32?
    let eventMsg: UInt64?
    let groupStop: Bool?
    let siginfoHex: String?
    let syscallInfoRet: Int?
    let syscallInfoHex: String?
    let syscallInfo: Info?
    let regsSize: Int?
    let regsHex: String?
    let regs: [String: RegValue]?
    let name: String?
    let entryNr: UInt64?
    let mem: [Mem]?

    enum CodingKeys: String, CodingKey {
        case seq, pid, status, stop, signo, event, regs, name, mem
        case exitCode = "exit_code", coreDumped = "core_dumped", eventMsg = "event_msg"
        case groupStop = "group_stop", siginfoHex = "siginfo_hex", syscallInfoRet = "syscall_info_ret"
        case syscallInfoHex = "syscall_info_hex", syscallInfo = "syscall_info", regsSize = "regs_size"
        case regsHex = "regs_hex", entryNr = "entry_nr"
    }

    var waitStatus: Int32 { Int32(bitPattern: UInt32(truncatingIfNeeded: hexValue(status))) }

    var isSyscallStop: Bool { stop == "syscall-entry" || stop == "syscall-exit" }

    /// aarch64 `x[n]` or x86_64 register `name`, from the decoded `regs` object.
    func register(_ name: String) -> UInt64? {
        if name.hasPrefix("x"), let index = Int(name.dropFirst()), case .many(let xs)? = regs?["x"], index < xs.count {
            return hexValue(xs[index])
        }
        if case .one(let value)? = regs?[name] { return hexValue(value) }
        return nil
    }

    /// `SyscallInfoLayout.parse` of this stop's `syscall_info_hex`, in a zeroed 88-byte buffer as the
    /// capture tracer (and swtrace's larger scratch buffer) gives the kernel.
    /// `filler` fills the rest of the buffer: whatever it is, only the `count` bytes may matter.
    func parsedSyscallInfo(fallbackArch: SyscallArch, filler: UInt8 = 0) -> SyscallStopInfo? {
        guard let hex = syscallInfoHex, let count = syscallInfoRet else { return nil }
        var bytes = hexBytes(hex)
        if bytes.count < SyscallInfoLayout.size { bytes += [UInt8](repeating: filler, count: SyscallInfoLayout.size - bytes.count) }
        return bytes.withUnsafeBytes { SyscallInfoLayout.parse($0, count: count, fallbackArch: fallbackArch) }
    }

    /// The fallback decoding of this stop's NT_PRSTATUS bytes.
    func decodedRegisters(hostArch: SyscallArch) -> (any RegisterSet)? {
        guard let hex = regsHex, let count = regsSize else { return nil }
        var bytes = hexBytes(hex)
        if bytes.count < RegisterSets.bufferSize { bytes += [UInt8](repeating: 0, count: RegisterSets.bufferSize - bytes.count) }
        return bytes.withUnsafeBytes { RegisterSets.decode($0, count: count, hostArch: hostArch) }
    }

    /// What the recorded `syscall_info` says, as swtrace's types.
    func expectedStopInfo() -> SyscallStopInfo? {
        guard let info = syscallInfo else { return nil }
        switch info.op {
        case 0:
            return .notSyscall
        case 1, 3:
            guard let entry = info.entry, let arch = SyscallArch(auditArch: UInt32(hexValue(info.arch))) else { return nil }
            return .entry(SyscallCall(arch: arch, number: entry.nr, args: SyscallArgs(entry.args.map(hexValue)),
                                      stackPointer: hexValue(info.stackPointer)))
        case 2:
            guard let exit = info.exit else { return nil }
            return .exit(exit.isError != 0 ? .failure(errno: Int(-exit.rval)) : .success(exit.rval))
        default:
            return nil
        }
    }

    /// Tracee memory as this stop read it: only the records of this stop, of its own half.
    func memory() -> CaptureMemory {
        let half = stop == "syscall-entry" ? "entry" : "exit"
        var memory = CaptureMemory()
        for item in mem ?? [] where item.when == half {
            memory.add(item)
        }
        return memory
    }
}

/// Tracee memory built from a stop's `mem` records; addresses nobody read are unreadable.
struct CaptureMemory: TraceeMemory {
    private(set) var bytes: [UInt64: UInt8] = [:]
    /// Addresses that two records of one stop gave different bytes for (must stay empty).
    private(set) var conflicts: [UInt64] = []

    mutating func store(_ data: [UInt8], at address: UInt64) {
        for (offset, byte) in data.enumerated() {
            let at = address &+ UInt64(offset)
            if let old = bytes[at], old != byte { conflicts.append(at) }
            bytes[at] = byte
        }
    }

    mutating func add(_ item: CaptureRecord.Mem) {
        let address = hexValue(item.addr)
        switch item.kind {
        case "path":
            // `hex` is the string without its NUL; the NUL is there when the read found it.
            var data = item.hex.map(hexBytes) ?? bytesOfEscapedString(item.string ?? "")
            if item.complete ?? false { data.append(0) }
            store(data, at: address)
        case "strv":
            // The array of pointers, its NULL terminator, and each string with its NUL.
            let pointers = (item.pointers ?? []).map(hexValue)
            var array: [UInt8] = []
            for pointer in pointers + [0] {
                withUnsafeBytes(of: pointer.littleEndian) { array.append(contentsOf: $0) }
            }
            store(array, at: address)
            for (pointer, string) in zip(pointers, item.strings ?? []) {
                store(bytesOfEscapedString(string) + [0], at: pointer)
            }
        default:  // "bytes": `size` bytes were read
            store(hexBytes(item.hex ?? ""), at: address)
        }
    }

    func read(from address: UInt64, into buffer: UnsafeMutableRawBufferPointer) -> Int {
        var copied = 0
        while copied < buffer.count, let byte = bytes[address &+ UInt64(copied)] {
            buffer[copied] = byte
            copied += 1
        }
        return copied
    }
}

/// A loaded capture directory.
struct Capture {
    let archName: String
    let arch: SyscallArch
    let records: [CaptureRecord]
    let straceText: String

    static func directory(_ archName: String) -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Captures").appendingPathComponent(archName)
    }

    static func load(_ archName: String) throws -> Capture {
        let directory = directory(archName)
        let jsonl = try String(contentsOf: directory.appendingPathComponent("capture.jsonl"), encoding: .utf8)
        let decoder = JSONDecoder()
        let records = try jsonl.split(separator: "\n").map {
            try decoder.decode(CaptureRecord.self, from: Data($0.utf8))
        }
        let strace = try String(contentsOf: directory.appendingPathComponent("strace.txt"), encoding: .utf8)
        return Capture(archName: archName, arch: try #require(SyscallArch(rawValue: archName)),
                       records: records, straceText: strace)
    }
}

func hexValue(_ text: String) -> UInt64 {
    let digits = text.hasPrefix("0x") ? text.dropFirst(2) : Substring(text)
    return UInt64(digits, radix: 16)!
}

func hexBytes(_ text: String) -> [UInt8] {
    let utf8 = Array(text.utf8)
    return stride(from: 0, to: utf8.count - 1, by: 2).map { UInt8(String(decoding: utf8[$0...$0 + 1], as: UTF8.self), radix: 16)! }
}

/// `mem` strings are JSON-escaped bytes: every byte is one `\u00XX` (or plain) character.
func bytesOfEscapedString(_ text: String) -> [UInt8] {
    text.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }
}

// MARK: - Walking the capture as a tracer would

/// One line a tracer prints, without its `PID   ` prefix.
struct RenderedLine {
    enum Kind: Equatable { case syscall, signal, exit }
    let kind: Kind
    let text: String
    var descriptor: SyscallDescriptor? = nil
    var call: SyscallCall? = nil
    var result: SyscallResult? = nil
    var entrySeq: Int? = nil
    var exitSeq: Int? = nil
}

struct CaptureWalk {
    /// Pids in the order they first printed a line (parent first).
    var pidOrder: [Int32] = []
    var lines: [Int32: [RenderedLine]] = [:]
    var problems: [String] = []

    mutating func emit(_ pid: Int32, _ line: RenderedLine) {
        if lines[pid] == nil { pidOrder.append(pid) }
        lines[pid, default: []].append(line)
    }
}

/// Walks the stops in order, per pid: an entry stop saves the call (from PTRACE_GET_SYSCALL_INFO)
/// and renders its entry half with that stop's memory; the exit stop finishes the line with the
/// SAVED call, the exit's result and the exit stop's memory. As swtrace does for the command it
/// starts, the first pid prints nothing before its execve (the capture tracer's startup stops).
func walkCapture(_ capture: Capture, formatter: SyscallFormatter = SyscallFormatter()) -> CaptureWalk {
    struct Pending {
        var call: SyscallCall
        var descriptor: SyscallDescriptor
        var entrySeq: Int
        var text: TextBuffer
    }
    var walk = CaptureWalk()
    var pending: [Int32: Pending] = [:]
    var hiddenPid = capture.records.first?.pid

    func endWithoutReturn(_ pid: Int32) {
        guard var open = pending.removeValue(forKey: pid) else { return }
        formatter.appendNoReturn(to: &open.text)
        walk.emit(pid, RenderedLine(kind: .syscall, text: String(decoding: open.text.bytes, as: UTF8.self),
                                    descriptor: open.descriptor, call: open.call, entrySeq: open.entrySeq))
    }

    for record in capture.records {
        let pid = record.pid
        let hidden = pid == hiddenPid
        switch record.stop {
        case "syscall-entry":
            guard case .entry(let call)? = record.parsedSyscallInfo(fallbackArch: capture.arch) else {
                walk.problems.append("seq \(record.seq): syscall-entry does not parse as an entry")
                continue
            }
            let descriptor = DecoderTable.forArch(call.arch).descriptor(call.number) ?? unknownSyscallDescriptor(call.number)
            endWithoutReturn(pid)
            if hidden {
                guard descriptor.name == "execve" || descriptor.name == "execveat" else { continue }
                hiddenPid = nil
            }
            var text = TextBuffer(capacity: 256)
            formatter.appendEntry(to: &text, descriptor: descriptor, call: call, memory: record.memory())
            pending[pid] = Pending(call: call, descriptor: descriptor, entrySeq: record.seq, text: text)
        case "syscall-exit":
            guard case .exit(let result)? = record.parsedSyscallInfo(fallbackArch: capture.arch) else {
                walk.problems.append("seq \(record.seq): syscall-exit does not parse as an exit")
                continue
            }
            guard var open = pending.removeValue(forKey: pid) else {
                if !hidden { walk.problems.append("seq \(record.seq): exit stop without a saved entry") }
                continue
            }
            formatter.appendExit(to: &open.text, descriptor: open.descriptor, call: open.call,
                                 memory: record.memory(), result: result)
            walk.emit(pid, RenderedLine(kind: .syscall, text: String(decoding: open.text.bytes, as: UTF8.self),
                                        descriptor: open.descriptor, call: open.call, result: result,
                                        entrySeq: open.entrySeq, exitSeq: record.seq))
        case "signal-delivery":
            guard !hidden, let signal = record.signo, let hex = record.siginfoHex else { continue }
            var text = TextBuffer()
            text.append("--- ")
            text.appendSignal(signal)
            text.append(" ")
            text.appendSignalInfo(SignalInfo(bytes: hexBytes(hex)))
            text.append(" ---")
            walk.emit(pid, RenderedLine(kind: .signal, text: String(decoding: text.bytes, as: UTF8.self)))
        case "event":
            // Only a group-stop prints (`--- stopped by SIGSTOP ---`); other events print nothing.
            guard !hidden, record.event == 128, let signal = record.signo, SignalNames.isStopSignal(signal) else { continue }
            var text = TextBuffer()
            text.append("--- stopped by ")
            text.appendSignal(signal)
            text.append(" ---")
            walk.emit(pid, RenderedLine(kind: .signal, text: String(decoding: text.bytes, as: UTF8.self)))
        case "exited", "killed":
            endWithoutReturn(pid)
            guard !hidden else { continue }
            var text = TextBuffer()
            if record.stop == "exited" {
                text.append("+++ exited with ")
                text.appendDecimal(Int64(record.exitCode ?? -1))
            } else {
                text.append("+++ killed by ")
                text.appendSignal(record.signo ?? 0)
                if record.coreDumped ?? false { text.append(" (core dumped)") }
            }
            text.append(" +++")
            walk.emit(pid, RenderedLine(kind: .exit, text: String(decoding: text.bytes, as: UTF8.self)))
        default:
            walk.problems.append("seq \(record.seq): unknown stop \(record.stop)")
        }
    }
    return walk
}

// MARK: - strace.txt

/// `strace -f -o` output split per pid, `<unfinished ...>` / `<... NAME resumed>` pairs joined into
/// one line at the position of the call's start.
struct StraceLog {
    var pidOrder: [Int32] = []
    var lines: [Int32: [String]] = [:]
    var problems: [String] = []

    init(_ text: String) {
        var unfinished: [Int32: Int] = [:]
        for raw in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let digits = raw.prefix { $0.isNumber }
            guard let pid = Int32(digits) else {
                problems.append("no pid: \(raw)")
                continue
            }
            let rest = String(raw.dropFirst(digits.count).drop { $0 == " " })
            if lines[pid] == nil { pidOrder.append(pid) }
            if rest.hasPrefix("<... "), let end = rest.range(of: " resumed>") {
                let name = String(rest[rest.index(rest.startIndex, offsetBy: 5)..<end.lowerBound])
                guard let index = unfinished.removeValue(forKey: pid) else {
                    problems.append("resumed without unfinished: \(raw)")
                    continue
                }
                if !lines[pid]![index].hasPrefix(name + "(") {
                    problems.append("\(name) resumes \(lines[pid]![index])")
                }
                lines[pid]![index] += rest[end.upperBound...]
            } else if rest.hasSuffix(" <unfinished ...>") {
                unfinished[pid] = lines[pid, default: []].count
                lines[pid, default: []].append(String(rest.dropLast(" <unfinished ...>".count)))
            } else {
                lines[pid, default: []].append(rest)
            }
        }
        for (pid, index) in unfinished { problems.append("never resumed: \(pid) \(lines[pid]![index])") }
    }
}

// MARK: - Normalisation

/// What legitimately differs between the capture's run and strace's run.
struct LineNormalizer {
    /// pid -> its position in this file (0 parent, 1 child): pids differ between the runs.
    let pidIndex: [Int32: Int]

    /// Syscalls whose arguments or result hold a pid or tid.
    static let pidSyscalls: Set<String> = [
        "getpid", "getppid", "gettid", "set_tid_address", "clone", "clone3", "fork", "vfork",
        "wait4", "waitid", "kill", "tkill", "tgkill",
    ]
    /// Syscalls that read a clock into the tracee.
    static let clockSyscalls: Set<String> = ["clock_gettime", "gettimeofday"]

    /// `) ` + padding + `= ` becomes `) = `: lines are compared without the alignment column.
    static func collapseSeparator(_ line: String) -> String {
        guard let separator = line.ranges(of: try! Regex(#"\) += "#)).last else { return line }
        return line[..<separator.lowerBound] + ") = " + line[separator.upperBound...]
    }

    /// The syscall name (before the first `(`).
    static func name(_ line: String) -> String {
        String(line.prefix { $0 != "(" })
    }

    /// The text after the result separator.
    static func returnText(_ line: String) -> String? {
        line.ranges(of: ") = ").last.map { String(line[$0.upperBound...]) }
    }

    func pidToken(_ text: Substring) -> String {
        guard let pid = Int32(text), let index = pidIndex[pid] else { return String(text) }
        return "<pid#\(index)>"
    }

    /// A result printed raw (hex, not decoded yet) compared by value: `0x56` and `86` are the same;
    /// in a pid syscall a value that is one of this run's pids becomes its position.
    func valueKey(_ returnText: String, name: String) -> String? {
        if returnText.hasPrefix("<pid#") { return String(returnText.prefix { $0 != " " }) }
        guard let value = integerValue(returnText) else { return nil }
        if Self.pidSyscalls.contains(name), let pid = Int32(exactly: value), let index = pidIndex[pid] {
            return "<pid#\(index)>"
        }
        return String(value)
    }

    /// `isLauncherExec`: the first pid's execve comes from the tracer's own child, whose stack (and
    /// so the envp pointer) differs between the capture tracer and strace.
    func syscallLine(_ line: String, isLauncherExec: Bool = false) -> String {
        var line = Self.collapseSeparator(line)
        let name = Self.name(line)
        if Self.pidSyscalls.contains(name) {
            line = line.replacing(try! Regex(#"\b\d+\b"#)) { pidToken(line[$0.range]) }
        }
        if name == "getrandom" {
            line = line.replacing(try! Regex(#"^getrandom\("(?:[^"\\]|\\.)*""#), maxReplacements: 1) { _ in
                #"getrandom("<random bytes>""#
            }
        }
        if Self.clockSyscalls.contains(name) {
            line = line.replacing(try! Regex(#"tv_sec=\d+, tv_(n|u)sec=\d+"#)) { match in
                "tv_sec=<t>, tv_\(line[match.range].contains("nsec") ? "n" : "u")sec=<t>"
            }
        }
        if isLauncherExec && name == "execve" {
            line = line.replacing(try! Regex(#"0x[0-9a-f]+ (/\* \d+ vars? \*/)"#), maxReplacements: 1) { match in
                "<envp>" + line[match.range].drop { $0 != " " }
            }
        }
        return line
    }

    /// `--- SIGCHLD {...} ---`: si_pid is a pid of this run, si_utime/si_stime are timings.
    func signalLine(_ line: String) -> String {
        var line = line.replacing(try! Regex(#"si_pid=\d+"#)) { match in
            "si_pid=" + pidToken(line[match.range].dropFirst("si_pid=".count))
        }
        line = line.replacing(try! Regex(#"si_(u|s)time=\d+( /\* [0-9.]+ s \*/)?"#)) { match in
            String(line[match.range].prefix("si_utime=".count)) + "<ticks>"
        }
        return line
    }
}

/// The arguments of `name(a, b, ...)` split at top-level commas (strings, brackets and comments
/// kept whole).
func topLevelArguments(_ line: String) -> [String] {
    guard let open = line.firstIndex(of: "(") else { return [] }
    var args: [String] = []
    var current = ""
    var depth = 0
    var inString = false
    var escaped = false
    var index = line.index(after: open)
    while index < line.endIndex {
        let char = line[index]
        if inString {
            current.append(char)
            if escaped { escaped = false } else if char == "\\" { escaped = true } else if char == "\"" { inString = false }
        } else if char == "\"" {
            inString = true
            current.append(char)
        } else if "([{".contains(char) {
            depth += 1
            current.append(char)
        } else if ")]}".contains(char) {
            if depth == 0 { break }
            depth -= 1
            current.append(char)
        } else if char == "," && depth == 0 {
            args.append(current)
            current = ""
            index = line.index(after: index)
            if index < line.endIndex && line[index] == " " { index = line.index(after: index) }
            continue
        } else {
            current.append(char)
        }
        index = line.index(after: index)
    }
    if !current.isEmpty || !args.isEmpty { args.append(current) }
    return args
}

/// `15`, `-1`, `0x1f` (the leading token of a result text).
func integerValue(_ text: String) -> UInt64? {
    let token = text.prefix { $0 != " " }
    if token.hasPrefix("0x") { return UInt64(token.dropFirst(2), radix: 16) }
    if let value = Int64(token) { return UInt64(bitPattern: value) }
    return nil
}

/// A rendered syscall line matched with strace's line at the same position of the same process.
struct MatchedLine {
    let archName: String
    let processIndex: Int
    let lineIndex: Int
    let rendered: RenderedLine
    let strace: String
    let normalizer: LineNormalizer
    let straceNormalizer: LineNormalizer

    var isLauncherExec: Bool { processIndex == 0 && lineIndex == 0 }
    var ours: String { normalizer.syscallLine(rendered.text, isLauncherExec: isLauncherExec) }
    var theirs: String { straceNormalizer.syscallLine(strace, isLauncherExec: isLauncherExec) }
    var where_: String { "\(archName) process #\(processIndex) line \(lineIndex + 1)" }
}

/// Pairs the walk's lines with strace's, per process, by position.
func matchLines(_ capture: Capture) -> (walk: CaptureWalk, strace: StraceLog, matched: [MatchedLine]) {
    let walk = walkCapture(capture)
    let strace = StraceLog(capture.straceText)
    let ours = LineNormalizer(pidIndex: Dictionary(uniqueKeysWithValues: walk.pidOrder.enumerated().map { ($1, $0) }))
    let theirs = LineNormalizer(pidIndex: Dictionary(uniqueKeysWithValues: strace.pidOrder.enumerated().map { ($1, $0) }))
    var matched: [MatchedLine] = []
    for (processIndex, (ourPid, theirPid)) in zip(walk.pidOrder, strace.pidOrder).enumerated() {
        for (lineIndex, (rendered, line)) in zip(walk.lines[ourPid] ?? [], strace.lines[theirPid] ?? []).enumerated() {
            matched.append(MatchedLine(archName: capture.archName, processIndex: processIndex, lineIndex: lineIndex,
                                       rendered: rendered, strace: line, normalizer: ours, straceNormalizer: theirs))
        }
    }
    return (walk, strace, matched)
}

// MARK: - Tests

@Suite("Real-kernel ptrace captures decoded by swtrace")
struct FixtureRecordTests {
    static let arches = ["aarch64", "x86_64"]

    // 1.
    @Test("WaitStatus classifies every recorded status as the capture says", arguments: arches)
    func waitStatusClassification(archName: String) throws {
        let capture = try Capture.load(archName)
        var counts: [String: Int] = [:]
        for record in capture.records {
            let expected: WaitStatus
            switch record.stop {
            case "syscall-entry", "syscall-exit":
                expected = .syscallStop
            case "event":
                let event = try #require(record.event), signal = try #require(record.signo)
                expected = .eventStop(event: event, signal: signal)
                #expect(Int64(event) == Int64(record.waitStatus >> 16), "seq \(record.seq)")
                if event == 128 {
                    #expect(record.groupStop == SignalNames.isStopSignal(signal),
                            "seq \(record.seq): group_stop \(String(describing: record.groupStop)) for signal \(signal)")
                }
            case "signal-delivery":
                expected = .signalStop(signal: try #require(record.signo))
            case "exited":
                expected = .exited(code: try #require(record.exitCode))
            case "killed":
                expected = .killed(signal: try #require(record.signo), coreDumped: record.coreDumped ?? false)
            default:
                Issue.record("seq \(record.seq): unknown stop \(record.stop)")
                continue
            }
            counts[record.stop, default: 0] += 1
            #expect(WaitStatus(record.waitStatus) == expected, "seq \(record.seq) status \(record.status) (\(record.stop))")
        }
        #expect(counts["syscall-entry", default: 0] > 0 && counts["event", default: 0] > 0
                && counts["signal-delivery", default: 0] > 0 && counts["exited", default: 0] > 0)
        let groupStops = capture.records.filter { $0.groupStop == true }.count
        #expect(groupStops == 1, "one group-stop (the startup SIGSTOP)")
    }

    // 2.
    @Test("SyscallInfoLayout.parse agrees with every recorded syscall_info", arguments: arches)
    func syscallInfoParse(archName: String) throws {
        let capture = try Capture.load(archName)
        var checked = 0
        for record in capture.records {
            guard let hex = record.syscallInfoHex, let count = record.syscallInfoRet, let info = record.syscallInfo else {
                #expect(record.stop == "exited" || record.stop == "killed", "seq \(record.seq): no syscall_info at a ptrace stop")
                continue
            }
            checked += 1
            let bytes = hexBytes(hex)
            #expect(bytes.count == min(count, SyscallInfoLayout.size), "seq \(record.seq)")
            // The raw bytes say what the decoded JSON says (op, arch, pointers).
            #expect(Int(bytes[0]) == info.op, "seq \(record.seq)")
            let auditArch = UInt32(hexValue(info.arch))
            #expect(SyscallArch(auditArch: auditArch) == capture.arch, "seq \(record.seq): arch \(info.arch)")
            #expect(bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: 4, as: UInt32.self).littleEndian } == auditArch)
            #expect(bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: 8, as: UInt64.self).littleEndian } == hexValue(info.instructionPointer))
            #expect(bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: 16, as: UInt64.self).littleEndian } == hexValue(info.stackPointer))

            let expected = try #require(record.expectedStopInfo(), "seq \(record.seq): op \(info.op)")
            let parsed = record.parsedSyscallInfo(fallbackArch: capture.arch)
            #expect(parsed == expected, "seq \(record.seq) (\(record.stop) \(record.name ?? ""))")
            // Bytes past what the kernel wrote must not matter.
            #expect(record.parsedSyscallInfo(fallbackArch: capture.arch, filler: 0xa5) == expected,
                    "seq \(record.seq): parse reads past the \(count) bytes the kernel wrote")
            // The parse must not depend on the fallback arch when the kernel names the ABI.
            let other: SyscallArch = capture.arch == .x86_64 ? .aarch64 : .x86_64
            #expect(record.parsedSyscallInfo(fallbackArch: other) == expected, "seq \(record.seq) with fallback \(other)")

            switch info.op {
            case 0:
                #expect(!record.isSyscallStop, "seq \(record.seq): op NONE at a syscall stop")
                #expect(count == 24)
            case 1:
                #expect(record.stop == "syscall-entry", "seq \(record.seq)")
                #expect(count == 80)
            case 2:
                #expect(record.stop == "syscall-exit", "seq \(record.seq)")
                #expect(count == 33)
                let exit = try #require(info.exit)
                #expect(hexValue(exit.rvalHex) == UInt64(bitPattern: exit.rval))
                // is_error is exactly the kernel's [-4095, -1] convention.
                #expect(expected == .exit(SyscallResult(rawValue: exit.rval)), "seq \(record.seq)")
            default:
                Issue.record("seq \(record.seq): unexpected op \(info.op)")
            }
        }
        #expect(checked == capture.records.count - capture.records.filter { $0.stop == "exited" }.count)
    }

    // 3.
    @Test("RegisterSets (the pre-5.3 fallback) agree with PTRACE_GET_SYSCALL_INFO at every syscall stop",
          arguments: arches)
    func registerFallback(archName: String) throws {
        let capture = try Capture.load(archName)
        var entries = 0, exits = 0
        for record in capture.records where record.regsHex != nil {
            let registers = try #require(record.decodedRegisters(hostArch: capture.arch),
                                         "seq \(record.seq): \(record.regsSize ?? 0) bytes of NT_PRSTATUS not decoded")
            switch record.expectedStopInfo() {
            case .entry(let call)?:
                entries += 1
                #expect(registers.entry == call, "seq \(record.seq) \(record.name ?? "")")
            case .exit(let result)?:
                exits += 1
                let rval = try #require(record.syscallInfo?.exit?.rval)
                #expect(registers.returnValue == rval, "seq \(record.seq) \(record.name ?? "")")
                #expect(SyscallResult(rawValue: registers.returnValue) == result, "seq \(record.seq)")
            default:
                break
            }
        }
        #expect(entries > 60 && exits > 60, "\(entries) entry and \(exits) exit stops")
    }

    // 4.
    @Test("Rendered lines match strace's, whole where the signature is fully decoded", arguments: arches)
    func renderedLinesMatchStrace(archName: String) throws {
        let capture = try Capture.load(archName)
        let (walk, strace, matched) = matchLines(capture)
        #expect(walk.problems.isEmpty, "\(walk.problems)")
        #expect(strace.problems.isEmpty, "\(strace.problems)")
        #expect(walk.pidOrder.count == strace.pidOrder.count, "processes: \(walk.pidOrder) vs \(strace.pidOrder)")
        for (index, (ourPid, theirPid)) in zip(walk.pidOrder, strace.pidOrder).enumerated() {
            let ours = walk.lines[ourPid] ?? [], theirs = strace.lines[theirPid] ?? []
            #expect(ours.count == theirs.count, "\(archName) process #\(index): \(ours.count) lines rendered, strace has \(theirs.count)")
        }

        var whole: [String] = [], nameAndReturn: [String] = [], signals = 0, exits = 0
        for match in matched {
            let rendered = match.rendered
            switch rendered.kind {
            case .exit:
                exits += 1
                #expect(rendered.text == match.strace, "\(match.where_)")
            case .signal:
                signals += 1
                #expect(match.normalizer.signalLine(rendered.text) == match.straceNormalizer.signalLine(match.strace),
                        "\(match.where_)")
            case .syscall:
                let ours = match.ours, theirs = match.theirs
                #expect(LineNormalizer.name(ours) == LineNormalizer.name(theirs), "\(match.where_): \(ours) vs \(theirs)")
                let descriptor = try #require(rendered.descriptor)
                let ourReturn = LineNormalizer.returnText(ours), theirReturn = LineNormalizer.returnText(theirs)
                if descriptor.signature.returns == .hex && ourReturn != theirReturn {
                    // Not decoded yet: the value prints in hex (as `-e raw=`); compare the value.
                    let name = descriptor.name
                    let ourValue = ourReturn.flatMap { match.normalizer.valueKey($0, name: name) }
                    let theirValue = theirReturn.flatMap { match.straceNormalizer.valueKey($0, name: name) }
                    #expect(ourValue != nil && ourValue == theirValue, "\(match.where_): return of \(ours) vs \(theirs)")
                } else {
                    #expect(ourReturn == theirReturn, "\(match.where_): return of \(ours) vs \(theirs)")
                }
                if descriptor.signature.isFullyDecoded && !capturesLackMemory.contains(descriptor.name) {
                    whole.append(ours)
                    #expect(ours == theirs, "\(match.where_) (fully decoded \(descriptor.name))")
                } else {
                    nameAndReturn.append(LineNormalizer.name(ours))
                }
            }
        }
        #expect(whole.count + nameAndReturn.count > 60)
        print("""
            [FixtureRecordTests] \(archName): \(whole.count) syscall lines compared whole, \
            \(nameAndReturn.count) by name and return value, \(signals) signal lines and \(exits) exit lines compared whole.
            [FixtureRecordTests] \(archName) compared whole:\n\(whole.map { "    " + $0 }.joined(separator: "\n"))
            [FixtureRecordTests] \(archName) name and return only: \(nameAndReturn.joined(separator: " "))
            """)
    }

    // 5. Direct checks.

    @Test("openat of \"data\": arm64 flags 0x84000 and x86_64 0x90000 both print O_RDONLY|O_CLOEXEC|O_DIRECTORY",
          arguments: [("aarch64", UInt64(0x84000)), ("x86_64", UInt64(0x90000))])
    func openDirectoryFlags(archName: String, flags: UInt64) throws {
        let capture = try Capture.load(archName)
        let walk = walkCapture(capture)
        let line = try #require(walk.lines.values.joined().first { line in
            line.descriptor?.name == "openat" && capture.records.first { $0.seq == line.entrySeq }?
                .mem?.contains { $0.kind == "path" && $0.string == "data" } == true
        })
        #expect(line.call?.args[2] == flags)
        #expect(line.text.hasPrefix(#"openat(AT_FDCWD, "data", O_RDONLY|O_CLOEXEC|O_DIRECTORY)"#), "\(line.text)")
        #expect(LineNormalizer.collapseSeparator(line.text) == #"openat(AT_FDCWD, "data", O_RDONLY|O_CLOEXEC|O_DIRECTORY) = 3"#)
    }

    @Test("The zero-extended AT_FDCWD of the second faccessat prints AT_FDCWD", arguments: arches)
    func zeroExtendedAtFdcwd(archName: String) throws {
        let capture = try Capture.load(archName)
        let table = DecoderTable.forArch(capture.arch)
        let entries = capture.records.filter { record in
            guard case .entry(let call)? = record.expectedStopInfo() else { return false }
            return table.descriptor(call.number)?.name == "faccessat"
        }
        try #require(entries.count == 2)
        guard case .entry(let first)? = entries[0].expectedStopInfo(),
              case .entry(let second)? = entries[1].expectedStopInfo() else { return }
        #expect(first.args[0] == 0xffff_ffff_ffff_ff9c)
        #expect(second.args[0] == 0xffff_ff9c)

        // The dirfd decoder on the recorded call, with faccessat's shape.
        let shape = SyscallDescriptor(name: "faccessat", signature: SyscallSignature(.dirfd, .path, .int))
        var text = TextBuffer()
        SyscallFormatter().appendEntry(to: &text, descriptor: shape, call: second, memory: entries[1].memory())
        #expect(String(decoding: text.bytes, as: UTF8.self).hasPrefix(#"faccessat(AT_FDCWD, "data/missing", "#))

        // And the catalog's own faccessat, once it decodes the first argument.
        let descriptor = try #require(table.descriptor(second.number))
        let line = try #require(walkCapture(capture).lines.values.joined().first { $0.entrySeq == entries[1].seq })
        if descriptor.signature.args.first.map({ $0 != .hex }) ?? false {
            #expect(line.text.hasPrefix("faccessat(AT_FDCWD, "), "\(line.text)")
        } else {
            print("[FixtureRecordTests] \(archName): the catalog does not decode faccessat yet: \(line.text)")
        }
    }

    @Test("rt_sigreturn's exit registers do not name it; the saved entry does", arguments: arches)
    func rtSigreturnNamedFromEntry(archName: String) throws {
        let capture = try Capture.load(archName)
        let table = DecoderTable.forArch(capture.arch)
        let number = try #require(SyscallTable.forArch(capture.arch).number(of: "rt_sigreturn"))
        let exit = try #require(capture.records.first { $0.stop == "syscall-exit" && $0.entryNr == UInt64(number) })
        let registers = try #require(exit.decodedRegisters(hostArch: capture.arch))
        if capture.arch == .x86_64 {
            #expect(exit.register("orig_rax") == UInt64.max)
            #expect(registers.entry.number == UInt64.max, "orig_rax -1 at rt_sigreturn's exit")
            #expect(table.descriptor(registers.entry.number) == nil)
        } else {
            // arm64: x8 is the restored context's, kill's number.
            #expect(exit.register("x8") == 0x81)
            #expect(table.descriptor(registers.entry.number)?.name == "kill")
        }
        let line = try #require(walkCapture(capture).lines.values.joined().first { $0.exitSeq == exit.seq })
        #expect(line.descriptor?.name == "rt_sigreturn")
        #expect(line.call?.number == UInt64(number))
        #expect(line.text.hasPrefix("rt_sigreturn("), "\(line.text)")
        #expect(LineNormalizer.returnText(LineNormalizer.collapseSeparator(line.text)) == "0")
    }

    @Test("aarch64: where x0 is overwritten at exit, the line still prints the entry's first argument")
    func aarch64ClobberedX0() throws {
        let capture = try Capture.load("aarch64")
        let (_, _, matched) = matchLines(capture)
        var clobbered = 0, checked = 0
        for match in matched where match.rendered.kind == .syscall {
            guard let exitSeq = match.rendered.exitSeq, let call = match.rendered.call,
                  let descriptor = match.rendered.descriptor,
                  let exit = capture.records.first(where: { $0.seq == exitSeq }),
                  let registers = exit.decodedRegisters(hostArch: .aarch64),
                  let x0 = exit.register("x0") else { continue }
            #expect(registers.entry.args[0] == x0)
            guard x0 != call.args[0] else { continue }
            clobbered += 1
            guard let kind = descriptor.signature.args.first else { continue }  // prints no argument
            checked += 1
            let ourFirst = topLevelArguments(match.ours).first, theirFirst = topLevelArguments(match.theirs).first
            if kind != .hex {
                #expect(ourFirst == theirFirst, "\(match.where_): \(match.ours) vs \(match.theirs)")
            } else {
                #expect(ourFirst.flatMap(integerValue) == call.args[0], "\(match.where_): \(match.ours)")
                if let theirs = theirFirst.flatMap(integerValue) {
                    #expect(theirs == call.args[0], "\(match.where_): \(match.theirs)")
                }
            }
            // What a tracer that took the argument from the exit registers would print instead.
            var fromExit = call
            fromExit.args[0] = x0
            var text = TextBuffer()
            SyscallFormatter().appendEntry(to: &text, descriptor: descriptor, call: fromExit, memory: exit.memory())
            let wrongEntry = String(decoding: text.bytes, as: UTF8.self)
            if descriptor.signature.args.first == .byDecoder {
                // A whole-call decoder may print args[0] later in the line (clone's flags).
                #expect(!match.ours.hasPrefix(wrongEntry), "\(match.where_): x0 \(x0) would print the same")
            } else {
                let wrongFirst = topLevelArguments(wrongEntry + ")").first
                #expect(wrongFirst != ourFirst, "\(match.where_): x0 \(x0) would print the same")
            }
        }
        #expect(clobbered == 60, "the README counts 60 exit stops where x0 is not args[0]")
        #expect(checked > 0)
        print("[FixtureRecordTests] aarch64: \(clobbered) exit stops with x0 != args[0], \(checked) print a first argument")
    }

    @Test("Capture memory records of one stop never contradict each other", arguments: arches)
    func memoryRecordsConsistent(archName: String) throws {
        let capture = try Capture.load(archName)
        for record in capture.records where !(record.mem ?? []).isEmpty {
            #expect(record.memory().conflicts.isEmpty, "seq \(record.seq)")
            #expect(record.mem!.allSatisfy { $0.when == (record.stop == "syscall-entry" ? "entry" : "exit") },
                    "seq \(record.seq)")
        }
    }
}
