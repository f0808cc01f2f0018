import CPtrace
import Glibc
import Synchronization

/// Wakes the trace engine's thread, which spends its time blocked in waitpid(2), for the two
/// things that are not ptrace stops:
///
/// - SIGINT, SIGTERM or SIGHUP asking swtrace to detach. A signal landing between the engine's
///   "was I asked to stop?" check and waitpid would be lost, so these signals are blocked in every
///   thread and taken by `sigtimedwait` on a watcher thread, which records the request and keeps
///   poking the engine thread with a wake signal (a handler without SA_RESTART, so waitpid returns
///   EINTR) until the engine acknowledges it.
/// - A flush tick every `tickInterval` while the engine holds an unfinished line: a call that
///   blocks (a read from a terminal, a hung lock) then shows as `read(0,  <unfinished ...>` within
///   two ticks instead of staying invisible until it returns.
/// - The reader of a piped trace going away (`swtrace -p PID | grep -m1 read`): swtrace would
///   learn it only at its next write, which never comes while the tracee blocks; so the watcher
///   polls a pipe output at each tick and wakes the engine when its reader is gone.
final class EngineWaker: Sendable {
    static let terminationSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP, 0]
    /// The signal that interrupts the engine's waitpid; its default action is to do nothing.
    static let wakeSignal = SIGURG
    static let tickMilliseconds: Int32 = 200

    private let requested = Atomic<Int32>(0)
    private let requestedFromTerminal = Atomic<Bool>(false)
    private let acknowledged = Atomic<Bool>(false)
    /// Set by the engine while it holds an unfinished line; read by the watcher.
    let wantsTicks = Atomic<Bool>(false)
    /// Incremented by the watcher at each tick it sends.
    let ticks = Atomic<UInt64>(0)
    private let engineThread: pthread_t
    /// Whether the termination signals are taken (and turned into a clean detach).
    private let watchesTermination: Bool
    /// The trace's pipe (or socket), watched for its reader going away; -1 for none.
    private let watchedOutput: Int32
    private let outputReaderGone = Atomic<Bool>(false)
    private let outputReaderGoneTaken = Atomic<Bool>(false)

    /// Blocks the termination signals (and SIGPIPE, which becomes EPIPE) in the calling thread,
    /// which becomes the engine thread, and starts the watcher. Call before starting any other
    /// thread, so that they all inherit the mask; the command swtrace starts gets the mask and
    /// wake-signal disposition swtrace was started with (`swt_remember_signal_state`).
    ///
    /// `interruptibility` is strace's `-I`: 1, the termination signals kill swtrace at once (the
    /// kernel detaches the tracees); 2 (the default), they make swtrace detach cleanly; 3, they are
    /// blocked and never taken (only the traced command gets them); 4, SIGTSTP too.
    ///
    /// `output`, when it is a pipe or a socket, is watched for its reader going away.
    init(interruptibility: Int = 2, output: Int32 = -1) {
        engineThread = pthread_self()
        swt_remember_signal_state(Self.wakeSignal)
        watchesTermination = interruptibility == 2
        var info = stat()
        let kind = output >= 0 && fstat(output, &info) == 0 ? info.st_mode & S_IFMT : 0
        watchedOutput = kind == S_IFIFO || kind == S_IFSOCK ? output : -1
        if interruptibility >= 2 { _ = swt_thread_sigmask(SIG_BLOCK, Self.terminationSignals) }
        if interruptibility >= 4 { _ = swt_thread_sigmask(SIG_BLOCK, [SIGTSTP, 0]) }
        _ = swt_thread_sigmask(SIG_BLOCK, [SIGPIPE, 0])
        _ = swt_install_wake_handler(Self.wakeSignal)
        _ = swt_thread_sigmask(SIG_UNBLOCK, [Self.wakeSignal, 0])

        var thread = pthread_t()
        let context = Unmanaged.passRetained(self).toOpaque()
        let started = pthread_create(&thread, nil, { context in
            let waker = Unmanaged<EngineWaker>.fromOpaque(context!).takeRetainedValue()
            waker.watch()
            return nil
        }, context)
        if started == 0 {
            pthread_detach(thread)
        } else {
            Unmanaged<EngineWaker>.fromOpaque(context).release()
        }
    }

    /// The signal that asked swtrace to stop, and whether the terminal sent it (to the whole
    /// foreground process group, so the traced command got it too); nil while none did.
    func takeRequest() -> (signal: Int32, fromTerminal: Bool)? {
        let signal = requested.load(ordering: .acquiring)
        guard signal != 0 else { return nil }
        acknowledged.store(true, ordering: .releasing)
        return (signal, requestedFromTerminal.load(ordering: .relaxed))
    }

    /// True once (and from then on) the reader of the trace's pipe is gone; the engine stops
    /// tracing as on EPIPE.
    func takeOutputReaderGone() -> Bool {
        guard outputReaderGone.load(ordering: .acquiring) else { return false }
        outputReaderGoneTaken.store(true, ordering: .releasing)
        return true
    }

    private func watch() {
        _ = swt_thread_sigmask(SIG_BLOCK, [Self.wakeSignal, 0])
        var code: Int32 = 0
        var signal: Int32 = 0
        while signal <= 0 {
            signal = swt_sigtimedwait(watchesTermination ? Self.terminationSignals : [0], &code, Self.tickMilliseconds)
            guard signal <= 0 else { break }
            if wantsTicks.load(ordering: .relaxed) {
                ticks.add(1, ordering: .relaxed)
                pthread_kill(engineThread, Self.wakeSignal)
            }
            if watchedOutput >= 0 && !outputReaderGoneTaken.load(ordering: .acquiring) && readerGone(watchedOutput) {
                // Poked at every tick until the engine takes it: it may have been busy, not in
                // waitpid, when the first poke came.
                outputReaderGone.store(true, ordering: .releasing)
                pthread_kill(engineThread, Self.wakeSignal)
            }
        }
        requestedFromTerminal.store(code == 0x80, ordering: .relaxed)  // SI_KERNEL
        requested.store(signal, ordering: .releasing)
        while !acknowledged.load(ordering: .acquiring) {
            pthread_kill(engineThread, Self.wakeSignal)
            usleep(20_000)
        }
        // Further termination signals stay blocked and pending: the engine is already detaching.
    }

    /// POLLERR on the write end of a pipe: no reader is left.
    private func readerGone(_ fd: Int32) -> Bool {
        var entry = pollfd(fd: fd, events: 0, revents: 0)
        return poll(&entry, 1, 0) == 1 && entry.revents & Int16(POLLERR) != 0
    }
}
