import CPtrace

/// A thread of idle priority (SCHED_IDLE) that keeps a CPU from halting while stops come in quick
/// succession, so that the side a stop wakes, tracer or tracee, does not wait for a halted vCPU.
/// It runs on a CPU with nothing else to run and gives it up at once to any thread that becomes
/// runnable there (beside a thread that computes, the scheduler gives it about 0.3% of the CPU),
/// so the traced programs lose practically no CPU time to it. `StopSpinner` starts it
/// and says when it runs.
final class KeepAwakeThread {
    private let keeper: OpaquePointer

    /// How long the thread spins on after the last stop before it sleeps. 500 fork+exec under
    /// -f measured the same with 100 us, 1 ms and 10 ms, and slower with 30 us.
    static let window: UInt = 200_000

    /// nil where CPU time is rationed (a cgroup's CPU bandwidth limit: spinning would spend the
    /// traced programs' share) or when the thread could not be started; the trace goes on without.
    init?() {
        guard swt_cpu_time_is_limited() == 0, let keeper = swt_keep_awake_start(Self.window) else { return nil }
        self.keeper = keeper
    }

    deinit {
        swt_keep_awake_end(keeper)
    }

    /// A stop arrived: spin on (or wake up) for another window.
    func noteStop() {
        swt_keep_awake_note_stop(keeper)
    }
}
