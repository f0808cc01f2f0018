import CPtrace
import Glibc
import Synchronization

/// Turns SIGINT, SIGTERM and SIGHUP into a request the trace engine sees, without racing its
/// waitpid(2). The engine thread blocks in waitpid and nothing but a signal can wake it, yet a
/// signal that lands between its "was I asked to stop?" check and waitpid would be lost. So the
/// signals are blocked in every thread and taken by `sigwait` on a watcher thread, which records the
/// request and then keeps poking the engine thread with a wake signal (a handler without
/// SA_RESTART, so waitpid returns EINTR) until the engine acknowledges it.
final class InterruptWatcher: Sendable {
    static let terminationSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP, 0]
    /// The signal that interrupts the engine's waitpid; its default action is to do nothing.
    static let wakeSignal = SIGURG

    private let requested = Atomic<Int32>(0)
    private let requestedFromTerminal = Atomic<Bool>(false)
    private let acknowledged = Atomic<Bool>(false)
    private let engineThread: pthread_t

    /// Blocks the termination signals (and SIGPIPE, which becomes EPIPE) in the calling thread,
    /// which becomes the engine thread, and starts the watcher. Call before starting any other
    /// thread, so that they all inherit the mask; the command swtrace starts gets the mask and
    /// wake-signal disposition swtrace was started with (`swt_remember_signal_state`).
    init() {
        engineThread = pthread_self()
        swt_remember_signal_state(Self.wakeSignal)
        _ = swt_thread_sigmask(SIG_BLOCK, Self.terminationSignals)
        _ = swt_thread_sigmask(SIG_BLOCK, [SIGPIPE, 0])
        _ = swt_install_wake_handler(Self.wakeSignal)
        _ = swt_thread_sigmask(SIG_UNBLOCK, [Self.wakeSignal, 0])

        var thread = pthread_t()
        let context = Unmanaged.passRetained(self).toOpaque()
        let started = pthread_create(&thread, nil, { context in
            let watcher = Unmanaged<InterruptWatcher>.fromOpaque(context!).takeRetainedValue()
            watcher.watch()
            return nil
        }, context)
        if started == 0 {
            pthread_detach(thread)
        } else {
            Unmanaged<InterruptWatcher>.fromOpaque(context).release()
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

    private func watch() {
        _ = swt_thread_sigmask(SIG_BLOCK, [Self.wakeSignal, 0])
        var code: Int32 = 0
        let signal = swt_sigwait(Self.terminationSignals, &code)
        guard signal > 0 else { return }
        requestedFromTerminal.store(code == 0x80, ordering: .relaxed)  // SI_KERNEL
        requested.store(signal, ordering: .releasing)
        while !acknowledged.load(ordering: .acquiring) {
            pthread_kill(engineThread, Self.wakeSignal)
            usleep(20_000)
        }
        // Further termination signals stay blocked and pending: the engine is already detaching.
    }
}
