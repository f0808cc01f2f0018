// Clocks, sleeps and timers, with NULL and unmapped pointers, unknown clocks and flag bits.
#include "family.h"
#include <sys/time.h>
#include <sys/times.h>
#include <time.h>
#include <sys/timerfd.h>

int main(void) {
    struct timespec ts = {0, 0};
    struct timespec sleep_for = {0, 1000};
    struct timeval tv;
    struct timezone tz;
    struct tms tms;
    syscall(SYS_clock_gettime, CLOCK_MONOTONIC, &ts);
    syscall(SYS_clock_gettime, CLOCK_REALTIME, NULL);
    syscall(SYS_clock_gettime, 99, &ts);
    syscall(SYS_clock_gettime, CLOCK_BOOTTIME, UNMAPPED);
    syscall(SYS_clock_getres, CLOCK_MONOTONIC_RAW, &ts);
    syscall(SYS_clock_getres, CLOCK_PROCESS_CPUTIME_ID, NULL);
    syscall(SYS_clock_getres, -2, &ts);            // a thread's CPU clock by its encoded pid
    struct timespec past = {1, 2};
    syscall(SYS_clock_settime, CLOCK_MONOTONIC, &past);   // EINVAL: not settable
    syscall(SYS_clock_settime, CLOCK_REALTIME, UNMAPPED);
    syscall(SYS_nanosleep, &sleep_for, NULL);
    syscall(SYS_nanosleep, &sleep_for, &ts);
    syscall(SYS_nanosleep, UNMAPPED, NULL);
    struct timespec bad = {0, 1000000000};
    syscall(SYS_nanosleep, &bad, NULL);
    syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, &sleep_for, NULL);
    syscall(SYS_clock_nanosleep, CLOCK_REALTIME, TIMER_ABSTIME, &past, NULL);
    syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0x10, &sleep_for, &ts);
    syscall(SYS_clock_nanosleep, CLOCK_TAI, TIMER_ABSTIME, NULL, NULL);
    syscall(SYS_gettimeofday, &tv, &tz);
    syscall(SYS_gettimeofday, &tv, NULL);
    syscall(SYS_gettimeofday, NULL, UNMAPPED);
#ifdef SYS_time
    time_t now;
    syscall(SYS_time, NULL);
    syscall(SYS_time, &now);
    syscall(SYS_time, UNMAPPED);
#endif
    syscall(SYS_times, &tms);
    syscall(SYS_times, NULL);

    // Interval timers and alarms.
    struct itimerval it = {{0, 0}, {100, 500}}, old;
    syscall(SYS_setitimer, ITIMER_REAL, &it, &old);
    syscall(SYS_getitimer, ITIMER_REAL, &old);
    syscall(SYS_getitimer, ITIMER_PROF, UNMAPPED);
    syscall(SYS_getitimer, 7, &old);
    it.it_value.tv_sec = 0; it.it_value.tv_usec = 0;
    syscall(SYS_setitimer, ITIMER_REAL, &it, NULL);
    syscall(SYS_setitimer, ITIMER_VIRTUAL, NULL, NULL);
    syscall(SYS_alarm, 100);
    syscall(SYS_alarm, 0);

    // POSIX timers.
    timer_t timer = 0;
    struct sigevent event;
    memset(&event, 0, sizeof event);
    event.sigev_notify = SIGEV_SIGNAL;
    event.sigev_signo = SIGUSR2;
    event.sigev_value.sival_int = 42;
    syscall(SYS_timer_create, CLOCK_MONOTONIC, &event, &timer);
    event.sigev_notify = SIGEV_NONE;
    syscall(SYS_timer_create, CLOCK_REALTIME, &event, &timer);
    syscall(SYS_timer_create, CLOCK_REALTIME, NULL, UNMAPPED);
    struct itimerspec its = {{1, 0}, {50, 0}}, oldits;
    syscall(SYS_timer_settime, timer, 0, &its, &oldits);
    syscall(SYS_timer_settime, timer, TIMER_ABSTIME, &its, NULL);
    syscall(SYS_timer_gettime, timer, &oldits);
    syscall(SYS_timer_gettime, 1234, &oldits);
    syscall(SYS_timer_getoverrun, timer);
    syscall(SYS_timer_delete, timer);
    syscall(SYS_timer_delete, timer);

    // timerfd.
    int tfd = (int)syscall(SYS_timerfd_create, CLOCK_MONOTONIC, TFD_CLOEXEC | TFD_NONBLOCK);
    syscall(SYS_timerfd_create, CLOCK_REALTIME, 0);
    syscall(SYS_timerfd_create, 77, 0x4);
    syscall(SYS_timerfd_settime, tfd, 0, &its, &oldits);
    syscall(SYS_timerfd_settime, tfd, TFD_TIMER_ABSTIME | TFD_TIMER_CANCEL_ON_SET, &its, NULL);
    syscall(SYS_timerfd_settime, tfd, 0, UNMAPPED, NULL);
    syscall(SYS_timerfd_gettime, tfd, &oldits);
    syscall(SYS_timerfd_gettime, -1, NULL);
    return 0;
}
