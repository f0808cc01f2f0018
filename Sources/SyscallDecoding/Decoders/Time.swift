/// Clocks, timers and sleeping: clock ids, TIMER_ABSTIME, timespec/timeval/itimer structures,
/// time(2)'s date, POSIX timers and timerfds (adjtimex and clock_adjtime: LegacyFiles.swift).
extension SyscallCatalog {
    static let time: [String: SyscallSignature] = [
        // Reading and setting clocks.
        "time": .init(.timeOut, returns: .timeWithDate),
        "gettimeofday": .init(.timevalOut, .timezoneOut),
        "settimeofday": .init(.timeval, .timezone),
        "clock_gettime": .init(.clockId, .timespecOut),
        "clock_gettime64": .init(.clockId, .timespec64Out),
        "clock_settime": .init(.clockId, .timespec),
        "clock_settime64": .init(.clockId, .timespec64),
        "clock_getres": .init(.clockId, .timespecOut),
        "clock_getres_time64": .init(.clockId, .timespec64Out),
        "times": .init(.tmsOut),

        // Sleeping.
        "nanosleep": .init(.timespec, .remaining(time64: false)),
        "clock_nanosleep": .init(.clockId, .timerFlags, .timespec, .remaining(time64: false)),
        "clock_nanosleep_time64": .init(.clockId, .timerFlags, .timespec64, .remaining(time64: true)),

        // Timers.
        "alarm": .init(.uint),
        "getitimer": .init(.itimerWhich, .itimervalOut),
        "setitimer": .init(.itimerWhich, .itimerval, .itimervalOut),
        "timer_create": .init(.clockId, .sigevent, .intOut),
        "timer_settime": .init(.int, .timerFlags, .itimerspec, .itimerspecOut),
        "timer_settime64": .init(.int, .timerFlags, .itimerspec64, .itimerspec64Out),
        "timer_gettime": .init(.int, .itimerspecOut),
        "timer_gettime64": .init(.int, .itimerspec64Out),
        "timer_getoverrun": .init(.int),
        "timer_delete": .init(.int),
        "timerfd_create": .init(.clockId, .flags("timerfdCreateFlags", \.timerfdCreateFlags, unknown: "TFD_???")),
        "timerfd_settime": .init(.fd, .timerfdSetFlags, .itimerspec, .itimerspecOut),
        "timerfd_settime64": .init(.fd, .timerfdSetFlags, .itimerspec64, .itimerspec64Out),
        "timerfd_gettime": .init(.fd, .itimerspecOut),
        "timerfd_gettime64": .init(.fd, .itimerspec64Out),
    ]
}

extension ArgPrinter {
    static let timerfdSetFlags = flags("timerfdSetFlags", \.timerfdSetFlags, unknown: "TFD_TIMER_???")

    /// `{sigev_value={sival_int=42, sival_ptr=0x2a}, sigev_signo=SIGUSR2, sigev_notify=SIGEV_SIGNAL}`
    /// (timer_create, mq_notify): the value only when set, the signal by name only when a signal is
    /// what notifies.
    static let sigevent = ArgPrinter("sigevent") { value, context, out in
        let layout = context.layouts.sigevent
        context.withStruct(at: context.truncate(value), size: layout.size, to: &out) { bytes, out in
            let notify = layout.sigevNotify.unsigned(in: bytes)
            let signo = Int32(truncatingIfNeeded: layout.sigevSigno.signed(in: bytes))
            let sigevValue = FieldLayout(offset: layout.sigevValue.offset, size: context.wordSize).unsigned(in: bytes)
            out.beginStruct()
            if sigevValue != 0 {  // as strace: the value only when set
                out.field("sigev_value")
                out.beginStruct()
                out.field("sival_int")
                out.int(FieldLayout(offset: layout.sigevValue.offset, size: 4).signed(in: bytes))
                out.field("sival_ptr")
                out.hex(sigevValue)
                out.endStruct()
            }
            out.field("sigev_signo")
            let constants = context.constants
            if notify == constants.sigevNotify.value(named: "SIGEV_SIGNAL") || notify == constants.sigevNotify.value(named: "SIGEV_THREAD_ID") {
                out.signal(signo)
            } else {
                out.int(Int64(signo))
            }
            out.field("sigev_notify")
            out.constant(notify, constants.sigevNotify, unknown: "SIGEV_???")
            out.endStruct()
        }
    }
}
