import CPtrace
import Glibc

/// Adaptive waiting for the next ptrace stop. On a VM, a tracer that blocks in waitpid lets its
/// vCPU halt, and every stop then pays for waking it (tens of microseconds, several times the
/// stop itself). While stops arrive faster than that, polling waitpid with WNOHANG for a short
/// while keeps the tracer's CPU awake and the stop is taken as soon as it is reported.
///
/// The budget tunes itself: it follows how long stops that were caught took to arrive (a few times
/// that, within `minimumBudget...maximumBudget`), and every poll that comes back empty doubles the
/// number of waits that block without polling first (up to `maximumSkip`), so a tracee that
/// computes, sleeps or blocks costs at most one short poll per many stops and never loses CPU
/// time to the tracer. Nothing the tracee sees changes: no affinity, no priority.
///
/// It does not poll for `cooldownWaits` waits after a traced process forked: a trace that follows
/// forks ran slower with polling (500 fork+exec under -f: 0.81 s blocking against 1.05 s polling,
/// the tracees' own CPU time up by 15%, whether polling ran throughout or only while the parent
/// was alone). A blocked tracer is woken with a synchronous wake-up, which lets the scheduler put
/// it beside the new processes. Threads are another matter: 4 threads making calls took 1.39 s
/// polling against 1.78 s blocking (medians of 8 interleaved runs on a quiet machine).
///
/// During the cooldown a `KeepAwakeThread` keeps a CPU awake instead, at idle priority, while
/// stops come (500 fork+exec: 0.42 s against 0.53 s without it, 7 interleaved runs). It is not
/// used while the tracer polls: it gained nothing on the cheap loop and made 4 syscall-making
/// threads slower (1.78 s against 1.25 s, with a spinning process standing in for it).
struct StopSpinner {
    /// Off with `--no-adaptive-wait`, and where there is one CPU to run on.
    private(set) var enabled: Bool
    /// How long the next poll lasts.
    private(set) var budget = StopSpinner.initialBudget
    /// Waits that block without polling, after a poll that caught nothing.
    private var skip = 0
    private var backoff = 1
    /// A running average of how long caught stops took to arrive, in nanoseconds.
    private var typicalArrival: UInt64 = 0
    /// Waits left before polling again, after a traced process forked.
    private var cooldown = 0
    /// Keeps a CPU awake during a cooldown; started at the first fork, and not looked for again
    /// when it could not be (a cgroup's CPU limit is read from files: not once per fork).
    private var keepAwake: KeepAwakeThread?
    private var triedKeepAwake = false

    static let initialBudget: UInt64 = 30_000
    static let minimumBudget: UInt64 = 10_000
    /// About what waking a halted vCPU costs: polling longer than that cannot win.
    static let maximumBudget: UInt64 = 80_000
    static let maximumSkip = 1024
    static let cooldownWaits = 1024

    init(enabled: Bool) {
        self.enabled = enabled && Self.canRunBesideTracee()
    }

    /// A traced process forked (not a thread): block in the waits that follow, with a CPU kept
    /// awake.
    mutating func processForked() {
        guard enabled else { return }
        cooldown = Self.cooldownWaits
        if !triedKeepAwake {
            triedKeepAwake = true
            keepAwake = KeepAwakeThread()
        }
    }

    /// Polls for a stop for up to the budget: the stopped thread, 0 when none came (the caller
    /// then blocks), or -1 with the errno. Inlined, so that a wait without polling (one CPU,
    /// `--no-adaptive-wait`, a cooldown, a backoff) costs a test, not a call.
    @inline(__always)
    mutating func poll<Control: TraceeControl>(
        _ control: Control, status: inout Int32, cpuNanoseconds: inout UInt64?
    ) -> (tid: pid_t, error: Int32) {
        guard enabled else { return (0, 0) }
        if cooldown > 0 {
            cooldown -= 1
            keepAwake?.noteStop()
            return (0, 0)
        }
        if skip > 0 {
            skip -= 1
            return (0, 0)
        }
        return spin(control, status: &status, cpuNanoseconds: &cpuNanoseconds)
    }

    /// Polls until a stop comes or the budget is spent, and tunes the budget and the backoff.
    @inline(never)
    private mutating func spin<Control: TraceeControl>(
        _ control: Control, status: inout Int32, cpuNanoseconds: inout UInt64?
    ) -> (tid: pid_t, error: Int32) {
        let start = Self.now()
        var elapsed: UInt64 = 0
        repeat {
            let result = control.pollStop(status: &status, cpuNanoseconds: &cpuNanoseconds)
            if result.tid != 0 {
                if result.tid > 0 { caught(after: Self.now() &- start) }
                return result
            }
            elapsed = Self.now() &- start
        } while elapsed < budget
        missed()
        return (0, 0)
    }

    private mutating func caught(after nanoseconds: UInt64) {
        backoff = 1
        typicalArrival = typicalArrival == 0 ? nanoseconds : (typicalArrival * 7 + nanoseconds) / 8
        budget = min(Self.maximumBudget, max(Self.minimumBudget, typicalArrival * 4))
    }

    private mutating func missed() {
        skip = backoff
        backoff = min(backoff * 2, Self.maximumSkip)
    }

    private static func now() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) &* 1_000_000_000 &+ UInt64(time.tv_nsec)
    }

    /// Polling helps only when the tracee can run on another CPU meanwhile.
    private static func canRunBesideTracee() -> Bool {
        swt_allowed_cpu_count() > 1
    }
}
