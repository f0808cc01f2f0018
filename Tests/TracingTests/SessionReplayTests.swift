import Foundation
import Testing

@testable import SyscallDecoding
import SyscallTables
@testable import Tracing

/// Plays the stops recorded on a real kernel to the trace session, as the kernel would have
/// delivered them: waitpid results, syscall info, registers, siginfo, event messages and tracee
/// memory all come from the capture. Records every request the session makes.
final class ReplayControl: TraceeControl {
    let records: [CaptureRecord]
    private(set) var current = -1
    /// (record index, request, thread, signal) for every request that lets a tracee go on.
    private(set) var requests: [(record: Int, request: String, tid: pid_t, signal: Int32)] = []

    init(records: [CaptureRecord]) {
        self.records = records
    }

    private var record: CaptureRecord { records[current] }

    func waitForStop(status: inout Int32, cpuNanoseconds: inout UInt64?) -> (tid: pid_t, error: Int32) {
        current += 1
        guard current < records.count else { return (-1, ECHILD) }
        status = record.waitStatus
        return (record.pid, 0)
    }

    func syscallInfo(_ tid: pid_t, into buffer: UnsafeMutableRawBufferPointer) -> Int {
        guard tid == record.pid, let hex = record.syscallInfoHex, let count = record.syscallInfoRet else { return -Int(ESRCH) }
        buffer.initializeMemory(as: UInt8.self, repeating: 0)
        buffer.copyBytes(from: hexBytes(hex).prefix(buffer.count))
        return count
    }

    func registers(_ tid: pid_t, into buffer: UnsafeMutableRawBufferPointer) -> Int {
        guard tid == record.pid, let hex = record.regsHex, let count = record.regsSize else { return -Int(ESRCH) }
        buffer.copyBytes(from: hexBytes(hex).prefix(buffer.count))
        return count
    }

    func signalInfo(_ tid: pid_t, into buffer: UnsafeMutableRawBufferPointer) -> Int32 {
        guard tid == record.pid else { return ESRCH }
        guard let hex = record.siginfoHex else { return EINVAL }
        buffer.copyBytes(from: hexBytes(hex).prefix(buffer.count))
        return 0
    }

    func eventMessage(_ tid: pid_t) -> UInt? {
        tid == record.pid ? record.eventMsg.map(UInt.init) : nil
    }

    func resumeToSyscall(_ tid: pid_t, signal: Int32) -> Int32 { log("syscall", tid, signal) }
    func resumeToContinue(_ tid: pid_t, signal: Int32) -> Int32 { log("cont", tid, signal) }
    func listen(_ tid: pid_t) -> Int32 { log("listen", tid, 0) }
    func interrupt(_ tid: pid_t) -> Int32 { log("interrupt", tid, 0) }
    func detach(_ tid: pid_t, signal: Int32) -> Int32 { log("detach", tid, signal) }

    private func log(_ request: String, _ tid: pid_t, _ signal: Int32) -> Int32 {
        requests.append((current, request, tid, signal))
        return 0
    }

    /// How many times the session asked for a tracee's memory.
    private(set) var memoryRequests = 0

    func memory(of tid: pid_t) -> CaptureMemory {
        memoryRequests += 1
        return tid == record.pid ? record.memory() : CaptureMemory()
    }
}

/// The whole trace session (not just the decoders) on stops captured on real aarch64 and x86_64
/// kernels: its output must be strace's output for the same program, and every stop must be
/// answered the way the ptrace documentation says.
@Suite struct SessionReplayTests {
    struct Replayed {
        let output: String
        let control: ReplayControl
        let notices: [String]
    }

    func replay(_ capture: Capture, forceRegisters: Bool = false, syscalls: SyscallFilter = .all) throws -> Replayed {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("swtrace-replay-\(UUID()).txt").path
        let fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0o600)
        try #require(fd >= 0)
        defer {
            close(fd)
            unlink(path)
        }
        var options = TraceOptions()
        options.followForks = true
        options.outputFD = fd
        options.outputIsFile = true
        options.forceRegisterFallback = forceRegisters
        options.syscalls = syscalls
        let control = ReplayControl(records: capture.records)
        let session = TraceSession(control: control, options: options, hostArch: capture.arch)
        final class Notices: @unchecked Sendable { var lines: [String] = [] }
        let notices = Notices()
        session.notify = { notices.lines.append($0) }
        session.addCommand(try #require(capture.records.first?.pid))
        session.usePlainPrefix()
        session.run(waker: nil)
        #expect(session.finishOutput() == nil)
        #expect(session.commandOutcome == .commandExited(3))
        return Replayed(output: try String(contentsOfFile: path, encoding: .utf8), control: control, notices: notices.lines)
    }

    @Test(arguments: ["aarch64", "x86_64"])
    func outputIsStraces(archName: String) throws {
        let capture = try Capture.load(archName)
        let replayed = try replay(capture)
        let ours = StraceLog(replayed.output)
        let theirs = StraceLog(capture.straceText)
        #expect(ours.problems.isEmpty, "\(ours.problems)")
        #expect(ours.pidOrder.count == 2 && theirs.pidOrder.count == 2)
        let ourNormalizer = LineNormalizer(pidIndex: Dictionary(uniqueKeysWithValues: ours.pidOrder.enumerated().map { ($1, $0) }))
        let theirNormalizer = LineNormalizer(pidIndex: Dictionary(uniqueKeysWithValues: theirs.pidOrder.enumerated().map { ($1, $0) }))

        var whole = 0, byNameAndResult = 0
        for (process, (ourPid, theirPid)) in zip(ours.pidOrder, theirs.pidOrder).enumerated() {
            let mine = ours.lines[ourPid] ?? [], oracle = theirs.lines[theirPid] ?? []
            #expect(mine.count == oracle.count, "\(archName) process #\(process): \(mine.count) lines, strace \(oracle.count)")
            for (index, (line, straceLine)) in zip(mine, oracle).enumerated() {
                if line.hasPrefix("---") {
                    #expect(ourNormalizer.signalLine(line) == theirNormalizer.signalLine(straceLine))
                    whole += 1
                } else if line.hasPrefix("+++") {
                    #expect(line == straceLine)
                    whole += 1
                } else {
                    let launcherExec = process == 0 && index == 0
                    let ourLine = ourNormalizer.syscallLine(line, isLauncherExec: launcherExec)
                    let theirLine = theirNormalizer.syscallLine(straceLine, isLauncherExec: launcherExec)
                    let name = LineNormalizer.name(ourLine)
                    #expect(name == LineNormalizer.name(theirLine))
                    if SyscallCatalog.signature(of: name, arch: capture.arch).isFullyDecoded && !capturesLackMemory.contains(name) {
                        #expect(ourLine == theirLine)
                        whole += 1
                    } else {
                        let ourResult = LineNormalizer.returnText(ourLine) ?? ""
                        let theirResult = LineNormalizer.returnText(theirLine) ?? ""
                        #expect(ourNormalizer.valueKey(ourResult, name: name) ?? ourResult
                            == theirNormalizer.valueKey(theirResult, name: name) ?? theirResult, "\(ourLine)\nstrace: \(theirLine)")
                        byNameAndResult += 1
                    }
                }
            }
        }
        #expect(whole > 30)
        print("[SessionReplayTests] \(archName): \(whole) lines equal to strace's, \(byNameAndResult) by name and result")
        #expect(replayed.notices == ["Process \(ours.pidOrder[1]) attached"])
    }

    /// Every stop is answered exactly once, and as the ptrace documentation says: a signal is passed
    /// back at its signal-delivery-stop, a group-stop is left stopped with PTRACE_LISTEN, every
    /// other stop resumes with PTRACE_SYSCALL and no signal; an exit needs no answer.
    @Test(arguments: ["aarch64", "x86_64"])
    func everyStopIsAnsweredAsTheDocumentationSays(archName: String) throws {
        let capture = try Capture.load(archName)
        let control = try replay(capture).control
        for (index, record) in capture.records.enumerated() {
            let answers = control.requests.filter { $0.record == index }
            if record.stop == "exited" || record.stop == "killed" {
                #expect(answers.isEmpty, "record \(record.seq)")
                continue
            }
            try #require(answers.count == 1, "record \(record.seq): \(answers.map(\.request))")
            let answer = answers[0]
            #expect(answer.tid == record.pid)
            switch record.stop {
            case "signal-delivery":
                #expect(answer.request == "syscall" && answer.signal == record.signo, "record \(record.seq)")
            case "event" where record.groupStop == true:
                #expect(answer.request == "listen", "record \(record.seq)")
            default:
                #expect(answer.request == "syscall" && answer.signal == 0, "record \(record.seq)")
            }
        }
    }

    /// A call the filter leaves out is not decoded: with `-e trace=none` the session never asks
    /// for tracee memory (traced, it does), and only the signal and exit lines print.
    @Test(arguments: ["aarch64", "x86_64"])
    func filteredOutCallsReadNoMemory(archName: String) throws {
        let capture = try Capture.load(archName)
        var none = SyscallFilter()
        try none.apply("none")
        let filtered = try replay(capture, syscalls: none)
        #expect(filtered.control.memoryRequests == 0)
        #expect(filtered.output.contains("+++ exited with 3 +++"))
        #expect(filtered.output.split(separator: "\n").allSatisfy { $0.range(of: #"^\d+ +(---|\+\+\+) "#, options: .regularExpression) != nil },
                "\(filtered.output)")
        #expect(try replay(capture).control.memoryRequests > 0)
    }

    /// The register path (kernels before 5.3) replays to the same output.
    @Test(arguments: ["aarch64", "x86_64"])
    func registerFallbackReplaysTheSame(archName: String) throws {
        let capture = try Capture.load(archName)
        #expect(try replay(capture, forceRegisters: true).output == replay(capture).output)
    }
}
