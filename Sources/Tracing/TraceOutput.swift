import Glibc
import SyscallDecoding

/// How trace lines name their thread.
public enum PidPrefixStyle: Sendable {
    /// `[pid  1234] ` when more than one task is traced (strace writing to a terminal or pipe).
    case bracketedWhenMany
    /// `1234  ` on every line (strace with `-o FILE` and `-f`).
    case always
    /// Never.
    case never
}

/// The trace text: assembles lines (a syscall's entry half, then its exit half), cuts a line with
/// `<unfinished ...>` when another thread must print in between, and hands whole lines to the
/// writer.
final class TraceOutput {
    var text = TextBuffer(capacity: 1 << 16)
    private let writer: LineWriter
    private var prefixStyle: PidPrefixStyle
    /// The thread whose unfinished line ends `text`, by identity: a weak reference cost a
    /// side-table load at every stop, and `TextSink.taskGone` clears it before a tracee goes.
    private var openLineOwner: ObjectIdentifier?
    /// Traced threads that have shown up, which decides whether `[pid N]` prefixes print.
    var visibleTaskCount = 0
    /// Counts the lines opened, so that a line still open later can be told from a new one.
    private(set) var openLineSerial = 0

    var hasOpenLine: Bool { openLineOwner != nil }
    /// `-Y`: the pid prefix names the command too (`[pid  1234<sh>] `, `1234<sh> `).
    var processNames = false

    init(writer: LineWriter, prefixStyle: PidPrefixStyle) {
        self.writer = writer
        self.prefixStyle = prefixStyle
    }

    var writeFailure: Int32? { writer.failure }

    /// strace's `-o FILE` with `-f` or several processes: `PID ` on every line.
    func usePlainPrefix() {
        prefixStyle = .always
    }

    /// Starts a new line for `task`, first cutting any other thread's open line.
    func startLine(for task: Tracee) {
        cutOpenLine()
        switch prefixStyle {
        case .bracketedWhenMany where visibleTaskCount > 1:
            text.append("[pid ")
            let digits = decimalDigits(task.tid)
            if digits < 5 { text.bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 5 - digits)) }
            text.appendDecimal(Int64(task.tid))
            appendCommandName(task)
            text.append("] ")
        case .always:
            text.appendDecimal(Int64(task.tid))
            appendCommandName(task)
            text.pad(toColumn: 5)
            text.append(" ")
        default:
            break
        }
    }

    private func appendCommandName(_ task: Tracee) {
        if processNames { text.appendProcessName(task.tid) }
    }

    /// Makes `task`'s line the open one; the entry half of a syscall goes there.
    func openLine(for task: Tracee) {
        startLine(for: task)
        openLineOwner = ObjectIdentifier(task)
        openLineSerial &+= 1
    }

    /// Whether the exit half of `task`'s syscall can continue the line its entry half started.
    func ownsOpenLine(_ task: Tracee) -> Bool {
        openLineOwner == ObjectIdentifier(task)
    }

    /// Ends the open line, if `task` owns it, with `suffix` (` <detached ...>`); true if it did.
    @discardableResult
    func closeOpenLine(of task: Tracee, with suffix: StaticString) -> Bool {
        guard ownsOpenLine(task) else { return false }
        text.append(suffix)
        endLine()
        return true
    }

    func endLine() {
        text.endLine()
        openLineOwner = nil
    }

    /// `task` is gone: its open line, if it still has one, ends as unfinished.
    func forget(_ task: Tracee) {
        if ownsOpenLine(task) { cutOpenLine() }
    }

    /// In `TextSink`'s list of outputs to flush.
    var isQueued = false

    /// Finished lines not written yet.
    var pendingBytes: Int { text.lineStart }

    /// Writes every finished line; keeps an open line's beginning for its end.
    func flush() {
        let finished = text.lineStart
        guard finished > 0 else { return }
        let rest = text.bytes.count - finished
        text.bytes.withUnsafeMutableBytes { bytes in
            writer.write(UnsafeRawBufferPointer(rebasing: bytes[0..<finished]))
            // The open line's beginning moves to the front; the buffer keeps its capacity.
            if rest > 0 { bytes.baseAddress!.copyMemory(from: bytes.baseAddress! + finished, byteCount: rest) }
        }
        text.bytes.removeLast(finished)
        text.lineStart = 0
    }

    /// Ends the open line with ` <unfinished ...>`; its call ends later on a `<... resumed>` line.
    func cutOpenLine() {
        guard openLineOwner != nil else { return }
        text.append(" <unfinished ...>")
        endLine()
    }

    private func decimalDigits(_ value: pid_t) -> Int {
        var digits = 1
        var rest = value / 10
        while rest > 0 {
            digits += 1
            rest /= 10
        }
        return digits
    }
}
