/// Clocks, timers and sleeping. Clock ids, timer flags and time structures are decoded by strace
/// and stay raw; so does time(2)'s return value, which strace follows with the date.
extension SyscallCatalog {
    static let time: [String: SyscallSignature] = [
        // Reading and setting clocks.
        "time": .init(.hex, returns: .hex),
        "stime": .init(.hex),
        "gettimeofday": .init(.hex, .hex),
        "settimeofday": .init(.hex, .hex),
        "clock_gettime": .init(.hex, .hex),
        "clock_gettime64": .init(.hex, .hex),
        "clock_settime": .init(.hex, .hex),
        "clock_settime64": .init(.hex, .hex),
        "clock_getres": .init(.hex, .hex),
        "clock_getres_time64": .init(.hex, .hex),
        // Both return the clock state, which strace names (`= 0 (TIME_OK)`).
        "adjtimex": .init(.hex, returns: .hex),
        "clock_adjtime": .init(.hex, .hex, returns: .hex),
        "clock_adjtime64": .init(.hex, .hex, returns: .hex),
        "times": .init(.hex),

        // Sleeping.
        "nanosleep": .init(.hex, .hex),
        "clock_nanosleep": .init(.hex, .hex, .hex, .hex),
        "clock_nanosleep_time64": .init(.hex, .hex, .hex, .hex),

        // Timers.
        "alarm": .init(.uint),
        "getitimer": .init(.hex, .hex),
        "setitimer": .init(.hex, .hex, .hex),
        "timer_create": .init(.hex, .hex, .hex),
        "timer_settime": .init(.int, .hex, .hex, .hex),
        "timer_settime64": .init(.int, .hex, .hex, .hex),
        "timer_gettime": .init(.int, .hex),
        "timer_gettime64": .init(.int, .hex),
        "timer_getoverrun": .init(.int),
        "timer_delete": .init(.int),
        "timerfd_create": .init(.hex, .hex),
        "timerfd_settime": .init(.fd, .hex, .hex, .hex),
        "timerfd_settime64": .init(.fd, .hex, .hex, .hex),
        "timerfd_gettime": .init(.fd, .hex),
        "timerfd_gettime64": .init(.fd, .hex),
    ]
}
