// swtrace-fixture: a program whose system calls the end-to-end tests know in advance. The tests
// compile it with the system C compiler, statically (see Support/TraceRun.swift).
// Each scenario makes its syscalls through syscall(2) where the exact call matters, so that libc
// versions cannot change what the tests expect. Usage: swtrace-fixture SCENARIO [ARG]
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/mman.h>
#include <linux/futex.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <sys/vfs.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void say(const char *text) { syscall(SYS_write, 1, text, strlen(text)); }

static void sleep_ms(long ms) {
    struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
    syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, &ts, NULL);
}

// openat that fails, openat that succeeds, write, close.
static int scenario_files(void) {
    syscall(SYS_openat, AT_FDCWD, "/nonexistent/swtrace-fixture", O_RDONLY);
    long fd = syscall(SYS_openat, AT_FDCWD, "/dev/null", O_WRONLY | O_CLOEXEC);
    syscall(SYS_write, fd, "hello\n", 6);
    syscall(SYS_close, fd);
    syscall(SYS_openat, AT_FDCWD, "/tmp", O_RDONLY | O_DIRECTORY | O_NONBLOCK);
    return 0;
}

// Bytes that need escaping, and a buffer longer than the default -s 32.
static int scenario_strings(void) {
    int fd = (int)syscall(SYS_openat, AT_FDCWD, "/dev/null", O_WRONLY);
    static const char bytes[] = "tab\there\nquote\"back\\slash\0\001\377\0017end";
    syscall(SYS_write, fd, bytes, sizeof bytes - 1);
    syscall(SYS_write, fd, "0123456789abcdefghijklmnopqrstuvwxyzABCDEF", 42);
    syscall(SYS_close, fd);
    return 0;
}

static void on_usr1(int signo) {
    (void)signo;
    say("fixture: SIGUSR1 handled\n");
}

// A signal sent to ourselves, caught by a handler.
static int scenario_signal(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = on_usr1;
    sigaction(SIGUSR1, &action, NULL);
    syscall(SYS_kill, getpid(), SIGUSR1);
    say("fixture: after signal\n");
    return 0;
}

// A child that stops itself with SIGSTOP: the parent checks that it stays stopped (nothing arrives
// on the pipe for 300 ms) until the parent sends SIGCONT. Prints the verdict.
static int scenario_stopcont(void) {
    int fds[2];
    if (pipe2(fds, O_NONBLOCK) != 0) return 1;
    pid_t child = fork();
    if (child == 0) {
        syscall(SYS_kill, getpid(), SIGSTOP);
        syscall(SYS_write, fds[1], "x", 1);
        _exit(0);
    }
    int status = 0;
    waitpid(child, &status, WUNTRACED);
    int reported_stopped = WIFSTOPPED(status) && WSTOPSIG(status) == SIGSTOP;
    sleep_ms(300);
    char byte;
    int stayed_stopped = read(fds[0], &byte, 1) < 0 && errno == EAGAIN;
    syscall(SYS_kill, child, SIGCONT);
    waitpid(child, &status, 0);
    int resumed = read(fds[0], &byte, 1) == 1;
    char line[128];
    snprintf(line, sizeof line, "fixture: reported stopped %s, stayed stopped %s, resumed %s, exited %d\n",
             reported_stopped ? "yes" : "no", stayed_stopped ? "yes" : "no", resumed ? "yes" : "no",
             WIFEXITED(status) ? WEXITSTATUS(status) : -1);
    say(line);
    return 0;
}

// fork; the child writes and exits 7; the parent waits and exits 0. SIGCHLD is blocked, so that
// its delivery cannot race the parent's wait4 and the syscall sequence is the same every run.
static int scenario_fork(void) {
    sigset_t childSignal;
    sigemptyset(&childSignal);
    sigaddset(&childSignal, SIGCHLD);
    sigprocmask(SIG_BLOCK, &childSignal, NULL);
    pid_t child = fork();
    if (child == 0) {
        say("fixture: child\n");
        syscall(SYS_exit_group, 7);
    }
    int status = 0;
    waitpid(child, &status, 0);
    say(WIFEXITED(status) && WEXITSTATUS(status) == 7 ? "fixture: child exited 7\n" : "fixture: child failed\n");
    return 0;
}

static void *exec_from_thread(void *unused) {
    (void)unused;
    sleep_ms(100);  // let the leader reach pthread_join's futex first, so every run reads the same
    char *argv[] = {"swtrace-fixture", "exit", "5", NULL};
    char *envp[] = {NULL};
    syscall(SYS_execve, "/proc/self/exe", argv, envp);
    return NULL;
}

// A thread that is not the leader calls execve: the kernel gives it the leader's thread id.
static int scenario_thread_exec(void) {
    pthread_t thread;
    pthread_create(&thread, NULL, exec_from_thread, NULL);
    pthread_join(thread, NULL);
    return 1;
}

static int scenario_segv(void) {
    struct rlimit none = {0, 0};
    setrlimit(RLIMIT_CORE, &none);  // no core file, so the expected line has no "(core dumped)"
    *(volatile int *)16 = 1;
    return 1;
}

static void scenario_sleep_quietly(long seconds) {
    for (long i = 0; i < seconds * 10; i++) sleep_ms(100);
}

// For -p tests: sleeps in steps of 100 ms for the given number of seconds, then says done.
static int scenario_sleep(const char *seconds) {
    say("fixture: sleeping\n");
    scenario_sleep_quietly(seconds ? atol(seconds) : 3);
    say("fixture: done\n");
    return 0;
}

static void *sleep_in_thread(void *seconds) {
    scenario_sleep_quietly((long)seconds);
    return NULL;
}

// Two more threads that sleep alongside the main thread, for attaching to every thread (-p).
static int scenario_threads(const char *seconds) {
    long duration = seconds ? atol(seconds) : 2;
    pthread_t first, second;
    pthread_create(&first, NULL, sleep_in_thread, (void *)duration);
    pthread_create(&second, NULL, sleep_in_thread, (void *)duration);
    say("fixture: threads started\n");
    scenario_sleep_quietly(duration);
    pthread_join(first, NULL);
    pthread_join(second, NULL);
    say("fixture: threads done\n");
    return 0;
}

// Arguments a tracer must not trust: unreadable pointers, a path longer than PATH_MAX, a string
// that runs into an unmapped page, an argv with a bad element. Every call fails; none may crash
// the tracer.
static int scenario_hostile(void) {
    int fd = (int)syscall(SYS_openat, AT_FDCWD, "/dev/null", O_WRONLY);
    syscall(SYS_openat, AT_FDCWD, (char *)16, O_RDONLY);
    syscall(SYS_write, fd, (char *)16, 5);

    static char longPath[5000];
    memset(longPath, 'a', sizeof longPath - 1);
    longPath[0] = '/';
    syscall(SYS_openat, AT_FDCWD, longPath, O_RDONLY);

    char *pages = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    munmap(pages + 4096, 4096);
    memcpy(pages + 4093, "abc", 3);  // no NUL before the unmapped page
    syscall(SYS_openat, AT_FDCWD, pages + 4093, O_RDONLY);
    syscall(SYS_write, fd, pages + 4090, 20);  // the buffer runs into the unmapped page

    char *argv[] = {"swtrace-fixture", (char *)16, NULL};
    syscall(SYS_execve, "/nonexistent/program", argv, NULL);
    syscall(SYS_execve, "/nonexistent/program", (char **)16, (char **)16);
    syscall(SYS_close, fd);
    return 0;
}

// Prints the signal mask and ignored signals this process started with, from /proc/self/status.
static int scenario_signal_state(void) {
    FILE *status = fopen("/proc/self/status", "r");
    if (!status) return 1;
    char text[256];
    while (fgets(text, sizeof text, status)) {
        if (strncmp(text, "SigBlk:", 7) == 0 || strncmp(text, "SigIgn:", 7) == 0) say(text);
    }
    fclose(status);
    return 0;
}

// COUNT writes of one byte to /dev/null, then OPENS openat+close of /dev/null: the filtered trace
// (-e trace=openat) must show exactly the OPENS openat lines, and cheaply.
static int scenario_writes(const char *count, const char *opens) {
    long writes = count ? atol(count) : 1000, open_count = opens ? atol(opens) : 10;
    int fd = (int)syscall(SYS_openat, AT_FDCWD, "/dev/null", O_WRONLY);
    for (long i = 0; i < writes; i++) syscall(SYS_write, fd, "x", 1);
    syscall(SYS_close, fd);
    for (long i = 0; i < open_count; i++) syscall(SYS_close, (int)syscall(SYS_openat, AT_FDCWD, "/dev/null", O_RDONLY));
    return 0;
}

// Calls whose counts and errors the -c tests know: 7 getppid, 3 failing openat, 2 successful
// openat with their close, 4 writes to /dev/null.
static int scenario_counts(void) {
    for (int i = 0; i < 7; i++) syscall(SYS_getppid);
    for (int i = 0; i < 3; i++) syscall(SYS_openat, AT_FDCWD, "/nonexistent/swtrace-fixture", O_RDONLY);
    int fd = -1;
    for (int i = 0; i < 2; i++) {
        if (fd >= 0) syscall(SYS_close, fd);
        fd = (int)syscall(SYS_openat, AT_FDCWD, "/dev/null", O_WRONLY);
    }
    for (int i = 0; i < 4; i++) syscall(SYS_write, fd, "abc", 3);
    syscall(SYS_close, fd);
    return 0;
}

// Ignores SIGINT, then COUNT times opens and closes /dev/null with a pause between: an interrupted
// filtered trace must leave every openat working (a seccomp filter left without its tracer would
// fail them with ENOSYS). Exits 1 if any failed.
static int scenario_opens_slowly(const char *count) {
    signal(SIGINT, SIG_IGN);
    long total = count ? atol(count) : 20, failed = 0;
    for (long i = 0; i < total; i++) {
        long fd = syscall(SYS_openat, AT_FDCWD, "/dev/null", O_RDONLY);
        if (fd < 0) failed++; else syscall(SYS_close, fd);
        sleep_ms(25);
    }
    char line[80];
    snprintf(line, sizeof line, "fixture: %ld opens, %ld failed\n", total, failed);
    say(line);
    return failed ? 1 : 0;
}

// Prints the Seccomp: line of /proc/self/status: 2 when a seccomp filter is installed.
static int scenario_seccomp_mode(void) {
    FILE *status = fopen("/proc/self/status", "r");
    char text[256];
    while (status && fgets(text, sizeof text, status)) {
        if (strncmp(text, "Seccomp:", 8) == 0) say(text);
    }
    if (status) fclose(status);
    return 0;
}

// What the printing options change (-x, -X, -y, -Y, -e read=, -e write=): strings with non-ASCII
// bytes, data through a pipe, an eventfd, named constants known and unknown, and process ids.
static int scenario_printing(void) {
    int fd = (int)syscall(SYS_openat, AT_FDCWD, "/dev/null", O_WRONLY | O_CLOEXEC);
    syscall(SYS_write, fd, "plain ascii\n", 12);
    syscall(SYS_write, fd, "caf\303\251 \001\177", 8);
    syscall(SYS_write, fd, "tab\tquote\"<>", 12);
    syscall(SYS_close, fd);
    int fds[2];
    syscall(SYS_pipe2, fds, O_CLOEXEC);
    static const char data[] = "0123456789abcdef\000\001\002 through the pipe\n";
    syscall(SYS_write, fds[1], data, sizeof data - 1);
    char buffer[64];
    syscall(SYS_read, fds[0], buffer, sizeof buffer);
    syscall(SYS_close, fds[1]);
    syscall(SYS_close, fds[0]);
    int event = (int)syscall(SYS_eventfd2, 0, EFD_CLOEXEC);
    syscall(SYS_close, event);
    syscall(SYS_mmap, NULL, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    syscall(SYS_mmap, NULL, 4096, 0x100, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    syscall(SYS_lseek, 0, 0, 77);
    syscall(SYS_faccessat, AT_FDCWD, "/", 0);
    syscall(SYS_kill, getpid(), 0);
    syscall(SYS_kill, getpid(), SIGCONT);
    return 0;
}

// What -v, -X and -y change in structures and results: a directory's entries (DIRECTORY is one
// whose contents do not change between two runs), a file's statx, uname, statfs of /proc,
// descriptors that fcntl and dup return, socket types, a signal handler, utimensat's special
// times, prctl's signals, getrusage, resource limits, a timer's sigevent, access modes, futex
// operations, arch_prctl's stored base, IPv4 and IPv6 addresses, poll's and pselect6's descriptors, an empty
// group list, a path that crosses a page boundary, and the siginfo of a child killed by a signal.
static int scenario_structures(const char *directory) {
    int dir = (int)syscall(SYS_openat, AT_FDCWD, directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    char entries[4096];
    syscall(SYS_getdents64, dir, entries, sizeof entries);
    syscall(SYS_getdents64, dir, entries, sizeof entries);
    struct statx stx;
    syscall(SYS_statx, dir, "swtrace-fixture.c", AT_SYMLINK_NOFOLLOW, STATX_ALL, &stx);
    syscall(SYS_statx, dir, "swtrace-fixture.c", AT_STATX_FORCE_SYNC, STATX_BASIC_STATS, &stx);
    syscall(SYS_statx, dir, "swtrace-fixture.c", 0, STATX_MODE | STATX_SIZE, &stx);
    struct utsname names;
    syscall(SYS_uname, &names);
    struct statfs fs;
    syscall(SYS_statfs, "/proc", &fs);
    int copy = (int)syscall(SYS_fcntl, dir, F_DUPFD_CLOEXEC, 10);
    syscall(SYS_fcntl, copy, F_GETFL);
    syscall(SYS_fcntl, copy, F_SETFD, FD_CLOEXEC);
    syscall(SYS_fcntl, copy, F_GETFD);
    syscall(SYS_fcntl, copy, F_DUPFD, 12);
    syscall(SYS_fcntl, copy, 0x7777);
    int second = (int)syscall(SYS_dup, copy);
    syscall(SYS_dup2, second, 20);
    syscall(SYS_dup3, second, 21, O_CLOEXEC);
    syscall(SYS_socket, AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    syscall(SYS_socket, AF_UNIX, SOCK_DGRAM, 0);
    struct { void *handler; unsigned long flags; void *restorer; unsigned long mask; } action = {SIG_IGN, 0, NULL, 0}, old;
    syscall(SYS_rt_sigaction, SIGPIPE, &action, &old, 8);
    syscall(SYS_rt_sigaction, SIGPIPE, NULL, &old, 8);
    int memory = (int)syscall(SYS_memfd_create, "times", 0);
    struct timespec times[2] = {{0, UTIME_OMIT}, {1700000000, 0}};
    syscall(SYS_utimensat, memory, NULL, times, 0);
    times[0].tv_nsec = UTIME_NOW;
    times[1].tv_nsec = 5;
    syscall(SYS_utimensat, memory, NULL, times, 0);
    syscall(SYS_prctl, PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0);
    int signal = 0;
    syscall(SYS_prctl, PR_GET_PDEATHSIG, &signal, 0, 0, 0);
    syscall(SYS_prctl, PR_GET_DUMPABLE, 0, 0, 0, 0);
    struct rusage usage;
    syscall(SYS_getrusage, RUSAGE_CHILDREN, &usage);  // no child yet: every field 0
    struct rlimit limit;
    syscall(SYS_prlimit64, 0, RLIMIT_CORE, NULL, &limit);
    syscall(SYS_prlimit64, 0, RLIMIT_STACK, NULL, &limit);
    struct sigevent event = {.sigev_notify = SIGEV_SIGNAL, .sigev_signo = SIGUSR1};
    int timer;
    syscall(SYS_timer_create, CLOCK_MONOTONIC, &event, &timer);
    syscall(SYS_faccessat, AT_FDCWD, "/", R_OK | X_OK);
    int word = 0;
    syscall(SYS_futex, &word, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0);
    syscall(SYS_futex, &word, FUTEX_WAIT_BITSET_PRIVATE | FUTEX_CLOCK_REALTIME, 1, NULL, NULL, FUTEX_BITSET_MATCH_ANY);
    int inet = (int)syscall(SYS_socket, AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in address4 = {.sin_family = AF_INET, .sin_port = htons(0), .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    syscall(SYS_bind, inet, &address4, sizeof address4);
    int inet6 = (int)syscall(SYS_socket, AF_INET6, SOCK_STREAM, 0);
    struct sockaddr_in6 address6 = {.sin6_family = AF_INET6, .sin6_addr = IN6ADDR_LOOPBACK_INIT};
    syscall(SYS_bind, inet6, &address6, sizeof address6);
    int ends[2];
    syscall(SYS_pipe2, ends, 0);
    syscall(SYS_write, ends[1], "x", 1);
    struct pollfd waiting[2] = {{.fd = ends[0], .events = POLLIN}, {.fd = ends[1], .events = POLLOUT}};
    syscall(SYS_poll, waiting, 2, 0);
    fd_set readable, writable;
    FD_ZERO(&readable);
    FD_ZERO(&writable);
    FD_SET(ends[0], &readable);
    FD_SET(ends[1], &writable);
    struct timespec noWait = {0, 0};
    syscall(SYS_pselect6, ends[1] + 1, &readable, &writable, NULL, &noWait, NULL);
    gid_t groups[4];
    syscall(SYS_getgroups, 0, groups);
    char *pages = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    static const char crossing[] = "/nonexistent/a-path-that-crosses-a-page-boundary";
    memcpy(pages + 4096 - 10, crossing, sizeof crossing);
    syscall(SYS_openat, AT_FDCWD, pages + 4096 - 10, O_RDONLY);
#ifdef __x86_64__
    unsigned long base;
    syscall(SYS_arch_prctl, 0x1003 /* ARCH_GET_FS */, &base);
#endif
    sigset_t childSignal;
    sigemptyset(&childSignal);
    sigaddset(&childSignal, SIGCHLD);
    sigprocmask(SIG_BLOCK, &childSignal, NULL);
    pid_t child = fork();
    if (child == 0) syscall(SYS_kill, getpid(), SIGTERM);
    int status;
    syscall(SYS_wait4, child, &status, 0, NULL);
    sigprocmask(SIG_UNBLOCK, &childSignal, NULL);
    return 0;
}
// The stress cases' scenarios (scripts/stress, StressCaseTests), after main.
static int stress_scenario(const char *name, const char *arg);

int main(int argc, char **argv) {
    const char *scenario = argc > 1 ? argv[1] : "";
    const char *arg = argc > 2 ? argv[2] : NULL;
    if (strcmp(scenario, "files") == 0) return scenario_files();
    if (strcmp(scenario, "strings") == 0) return scenario_strings();
    if (strcmp(scenario, "write") == 0) { say("fixture: hello\n"); return 0; }
    if (strcmp(scenario, "exit") == 0) syscall(SYS_exit_group, arg ? atoi(arg) : 0);
    if (strcmp(scenario, "signal") == 0) return scenario_signal();
    if (strcmp(scenario, "stopcont") == 0) return scenario_stopcont();
    if (strcmp(scenario, "fork") == 0) return scenario_fork();
    if (strcmp(scenario, "thread-exec") == 0) return scenario_thread_exec();
    if (strcmp(scenario, "segv") == 0) return scenario_segv();
    if (strcmp(scenario, "sleep") == 0) return scenario_sleep(arg);
    if (strcmp(scenario, "signal-state") == 0) return scenario_signal_state();
    if (strcmp(scenario, "threads") == 0) return scenario_threads(arg);
    if (strcmp(scenario, "hostile") == 0) return scenario_hostile();
    if (strcmp(scenario, "writes") == 0) return scenario_writes(arg, argc > 3 ? argv[3] : NULL);
    if (strcmp(scenario, "counts") == 0) return scenario_counts();
    if (strcmp(scenario, "opens-slowly") == 0) return scenario_opens_slowly(arg);
    if (strcmp(scenario, "seccomp-mode") == 0) return scenario_seccomp_mode();
    if (strcmp(scenario, "printing") == 0) return scenario_printing();
    if (strcmp(scenario, "structures") == 0) return scenario_structures(arg);
    if (strncmp(scenario, "stress-", 7) == 0) return stress_scenario(scenario + 7, arg);
    if (strcmp(scenario, "nap") == 0) {
        sleep_ms(arg ? atol(arg) : 1000);
        say("fixture: woke\n");
        return 0;
    }
    fprintf(stderr, "usage: swtrace-fixture files|strings|write|exit N|signal|stopcont|fork|thread-exec|segv|sleep N|threads N|nap|hostile|signal-state|writes N OPENS|counts|opens-slowly N|seccomp-mode|printing|structures DIRECTORY\n");
    return 2;
}

// ---- Stress scenarios (`stress-NAME`): each prints facts that must be the same traced and
// untraced, so a test compares the fixture's own output in both runs.

#include <linux/futex.h>
#include <poll.h>
#include <sched.h>
#include <setjmp.h>

static void sayf(const char *format, long a, long b) {
    char line[160];
    snprintf(line, sizeof line, format, a, b);
    say(line);
}

static volatile sig_atomic_t usr1_count, usr1_from_self, usr2_count, rt_count, rt_payload_ok, segv_addr_ok;
static sigjmp_buf segv_return;

static void on_usr1_info(int signo, siginfo_t *info, void *context) {
    (void)signo; (void)context;
    usr1_count++;
    usr1_from_self = info->si_code == SI_USER && info->si_pid == getpid();
}
static void on_usr2(int signo) { (void)signo; usr2_count++; }
static void on_rt(int signo, siginfo_t *info, void *context) {
    (void)signo; (void)context;
    rt_count++;
    if (info->si_code == SI_QUEUE && info->si_value.sival_int == 4242) rt_payload_ok++;
}
static void on_segv(int signo, siginfo_t *info, void *context) {
    (void)signo; (void)context;
    segv_addr_ok = info->si_addr == (void *)16;
    siglongjmp(segv_return, 1);
}

// Each kind of signal once: a handled SIGUSR1 (siginfo checked), a blocked SIGUSR2 that must stay
// pending until unblocked, a handled SIGSEGV, three queued real-time signals with a payload, and a
// SIGCHLD storm from 50 children. Prints what arrived.
static int stress_signals(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_flags = SA_SIGINFO;
    action.sa_sigaction = on_usr1_info;
    sigaction(SIGUSR1, &action, NULL);
    action.sa_sigaction = on_rt;
    sigaction(SIGRTMIN + 1, &action, NULL);
    action.sa_sigaction = on_segv;
    sigaction(SIGSEGV, &action, NULL);
    signal(SIGUSR2, on_usr2);

    syscall(SYS_kill, getpid(), SIGUSR1);
    sayf("fixture: SIGUSR1 arrived %ld time(s), from itself %ld\n", usr1_count, usr1_from_self);

    sigset_t blocked, pending;
    sigemptyset(&blocked);
    sigaddset(&blocked, SIGUSR2);
    sigaddset(&blocked, SIGRTMIN + 1);
    sigprocmask(SIG_BLOCK, &blocked, NULL);
    syscall(SYS_kill, getpid(), SIGUSR2);
    union sigval value = {.sival_int = 4242};
    for (int i = 0; i < 3; i++) sigqueue(getpid(), SIGRTMIN + 1, value);
    sleep_ms(20);
    sigpending(&pending);
    sayf("fixture: while blocked: SIGUSR2 handled %ld, pending %ld\n", usr2_count, sigismember(&pending, SIGUSR2));

    if (sigsetjmp(segv_return, 1) == 0) *(volatile int *)16 = 1;
    sayf("fixture: SIGSEGV handled, address right %ld%s\n", segv_addr_ok, (long)"");

    for (int i = 0; i < 50; i++) {
        pid_t child = fork();
        if (child == 0) _exit(i % 8);
    }
    int reaped = 0, statuses_ok = 1;
    for (int i = 0; i < 50; i++) {
        int status;
        if (wait(&status) > 0) reaped++;
        if (!WIFEXITED(status)) statuses_ok = 0;
    }
    sayf("fixture: reaped %ld children, statuses ok %ld\n", reaped, statuses_ok);

    sigprocmask(SIG_UNBLOCK, &blocked, NULL);
    sayf("fixture: after unblocking: SIGUSR2 %ld, real-time %ld", usr2_count, rt_count);
    sayf(" with payload %ld%s\n", rt_payload_ok, (long)"");
    return 0;
}

static void *sleep_long(void *unused) {
    (void)unused;
    struct timespec ts = {30, 0};
    syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, &ts, NULL);
    return NULL;
}

static int never_written[2];

static void *read_forever(void *unused) {
    (void)unused;
    char byte;
    syscall(SYS_read, never_written[0], &byte, 1);
    return NULL;
}

// Two children blocked in read (a call that prints its buffer at exit), the second with three
// more threads in it; the parent kills the first, then the whole second thread group, and
// carries on.
static int stress_kill(void) {
    if (pipe(never_written) != 0) return 1;
    pid_t single = fork();
    if (single == 0) { read_forever(NULL); _exit(0); }
    pid_t group = fork();
    if (group == 0) {
        pthread_t thread;
        for (int i = 0; i < 3; i++) pthread_create(&thread, NULL, read_forever, NULL);
        read_forever(NULL);
        _exit(0);
    }
    sleep_ms(300);
    int status = 0, killed = 0;
    syscall(SYS_kill, single, SIGKILL);
    waitpid(single, &status, 0);
    killed += WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
    syscall(SYS_kill, group, SIGKILL);
    waitpid(group, &status, 0);
    killed += WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
    sayf("fixture: %ld killed by SIGKILL%s\n", killed, (long)"");
    return 0;
}

// COUNT threads blocked in a 30 s clock_nanosleep, for attaching to many threads at once.
static int stress_many_threads(const char *count) {
    long total = count ? atol(count) : 1000;
    pthread_attr_t attributes;
    pthread_attr_init(&attributes);
    pthread_attr_setstacksize(&attributes, 64 * 1024);
    for (long i = 0; i < total; i++) {
        pthread_t thread;
        if (pthread_create(&thread, &attributes, sleep_long, NULL) != 0) return 1;
    }
    sayf("fixture: %ld threads started%s\n", total, (long)"");
    sleep_long(NULL);
    return 0;
}

static int blocker_pipe[2], poll_pipe[2];
static int futex_word;
static int blockers_released;
static long blocker_results[5];

static long elapsed_ms(struct timespec *start) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (now.tv_sec - start->tv_sec) * 1000 + (now.tv_nsec - start->tv_nsec) / 1000000;
}

static long long elapsed_ns(const struct timespec *start) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (now.tv_sec - start->tv_sec) * 1000000000LL + (now.tv_nsec - start->tv_nsec);
}

static void *block_in_read(void *unused) {
    (void)unused;
    char byte;
    blocker_results[0] = syscall(SYS_read, blocker_pipe[0], &byte, 1);
    return NULL;
}
// Sleeps of MILLISECONDS one after another until released: a tracer attaching or detaching
// meanwhile interrupts one of them, which must neither fail (EINTR) nor come back early. The
// result is how many sleeps did.
static void *block_in_nanosleep(void *milliseconds) {
    long ms = (long)milliseconds, spoiled = 0;
    do {
        struct timespec start, ts = {ms / 1000, (ms % 1000) * 1000000L};
        clock_gettime(CLOCK_MONOTONIC, &start);
        long result = syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, &ts, NULL);
        if (result != 0 || elapsed_ns(&start) < ms * 1000000LL) spoiled++;
    } while (!__atomic_load_n(&blockers_released, __ATOMIC_SEQ_CST));
    blocker_results[1] = spoiled;
    return NULL;
}
static void *block_in_poll(void *unused) {
    (void)unused;
    struct pollfd one = {.fd = poll_pipe[0], .events = POLLIN};
    blocker_results[2] = syscall(SYS_poll, &one, 1, -1);
    return NULL;
}
static void *block_in_futex(void *unused) {
    (void)unused;
    long result;
    do {
        result = syscall(SYS_futex, &futex_word, FUTEX_WAIT_PRIVATE, 0, NULL, NULL, 0);
    } while (result == -1 && errno == EAGAIN && __atomic_load_n(&futex_word, __ATOMIC_SEQ_CST) == 0);
    blocker_results[3] = result == -1 && errno == EAGAIN ? 0 : result;
    return NULL;
}
static void exit_three(int signal) { (void)signal; _exit(3); }

// Five threads blocked in read (pipe), clock_nanosleep (one sleep of MILLISECONDS after another),
// poll, futex and wait4, for as long as the test attaches and detaches: the child the main
// thread waits for exits (3) at SIGUSR1, and the main thread then releases the others. Prints
// each call's result: a tracer attaching and detaching meanwhile must not change any of them.
static int stress_blockers(const char *milliseconds) {
    long sleep_length = milliseconds ? atol(milliseconds) : 150;
    if (pipe(blocker_pipe) != 0 || pipe(poll_pipe) != 0) return 1;
    // Set before the fork, so that the child can never take SIGUSR1 with the default action.
    signal(SIGUSR1, exit_three);
    pid_t child = fork();
    if (child == 0) { for (;;) pause(); }
    signal(SIGUSR1, SIG_DFL);
    pthread_t threads[4];
    pthread_create(&threads[0], NULL, block_in_read, NULL);
    pthread_create(&threads[1], NULL, block_in_nanosleep, (void *)sleep_length);
    pthread_create(&threads[2], NULL, block_in_poll, NULL);
    pthread_create(&threads[3], NULL, block_in_futex, NULL);
    say("fixture: blocked\n");
    int status = 0;
    long waited = syscall(SYS_wait4, child, &status, 0, NULL);
    blocker_results[4] = waited == child && WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    __atomic_store_n(&blockers_released, 1, __ATOMIC_SEQ_CST);
    syscall(SYS_write, blocker_pipe[1], "x", 1);
    syscall(SYS_write, poll_pipe[1], "x", 1);
    __atomic_store_n(&futex_word, 1, __ATOMIC_SEQ_CST);
    syscall(SYS_futex, &futex_word, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0);
    for (int i = 0; i < 4; i++) pthread_join(threads[i], NULL);
    sayf("fixture: read %ld, short or failed sleeps %ld", blocker_results[0], blocker_results[1]);
    sayf(", poll %ld, futex %ld", blocker_results[2], blocker_results[3]);
    sayf(", wait4 status %ld%s\n", blocker_results[4], (long)"");
    return 0;
}

// A family for detaching: a child that keeps making calls, a child that stops itself (it must stay
// stopped until SIGCONT), a child in vfork (its vfork child sleeps). The parent ignores the
// termination signals (swtrace passes its own on to the command) and reports how each ended.
static int stress_family(const char *milliseconds) {
    long duration = milliseconds ? atol(milliseconds) : 1500;
    signal(SIGINT, SIG_IGN);
    signal(SIGTERM, SIG_IGN);
    signal(SIGHUP, SIG_IGN);
    pid_t runner = fork();
    if (runner == 0) {
        struct timespec start;
        clock_gettime(CLOCK_MONOTONIC, &start);
        long failed = 0;
        while (elapsed_ms(&start) < duration) {
            long fd = syscall(SYS_openat, AT_FDCWD, "/dev/null", O_RDONLY);
            if (fd < 0) failed++; else syscall(SYS_close, fd);
            sleep_ms(10);
        }
        _exit(failed ? 1 : 0);
    }
    pid_t stopper = fork();
    if (stopper == 0) {
        syscall(SYS_kill, getpid(), SIGSTOP);
        _exit(4);
    }
    pid_t vforker = fork();
    if (vforker == 0) {
        if (vfork() == 0) {
            sleep_ms(duration);
            _exit(0);
        }
        _exit(5);
    }
    int status = 0;
    waitpid(runner, &status, 0);
    sayf("fixture: runner exited %ld%s\n", WIFEXITED(status) ? WEXITSTATUS(status) : -1, (long)"");
    waitpid(vforker, &status, 0);
    sayf("fixture: vforker exited %ld%s\n", WIFEXITED(status) ? WEXITSTATUS(status) : -1, (long)"");
    waitpid(stopper, &status, 0);
    sayf("fixture: stopper exited %ld%s\n", WIFEXITED(status) ? WEXITSTATUS(status) : -1, (long)"");
    return 0;
}

// COUNT children at once: a third exit at once, a third are killed (SIGTERM from themselves,
// SIGKILL from the parent), a third make a call and exit with a code. Reaps them all.
static int stress_storm(const char *count) {
    long total = count ? atol(count) : 500, reaped = 0, right = 0;
    pid_t *children = calloc(total, sizeof *children);
    for (long i = 0; i < total; i++) {
        children[i] = fork();
        if (children[i] == 0) {
            if (i % 3 == 0) _exit(0);
            if (i % 3 == 1) {
                if (i % 2) syscall(SYS_kill, getpid(), SIGTERM);
                sleep_ms(5000);
            }
            syscall(SYS_getppid);
            _exit(i % 7);
        }
        if (i % 3 == 1 && i % 2 == 0) syscall(SYS_kill, children[i], SIGKILL);
    }
    for (long i = 0; i < total; i++) {
        int status = 0;
        if (waitpid(children[i], &status, 0) != children[i]) continue;
        reaped++;
        if (i % 3 == 0) right += WIFEXITED(status) && WEXITSTATUS(status) == 0;
        if (i % 3 == 1) right += WIFSIGNALED(status) && WTERMSIG(status) == (i % 2 ? SIGTERM : SIGKILL);
        if (i % 3 == 2) right += WIFEXITED(status) && WEXITSTATUS(status) == i % 7;
    }
    sayf("fixture: reaped %ld, as expected %ld\n", reaped, right);
    return 0;
}

static int untraced_child(void *unused) {
    (void)unused;
    syscall(SYS_getppid);
    return 6;
}

// A vfork child, a child made with CLONE_UNTRACED (no tracer may follow it), and a zombie left
// unreaped for a while.
static int stress_oddities(void) {
    int status = 0;
    pid_t vforked = vfork();
    if (vforked == 0) _exit(4);
    waitpid(vforked, &status, 0);
    sayf("fixture: vfork child exited %ld%s\n", WEXITSTATUS(status), (long)"");

    static char stack[64 * 1024];
    pid_t untraced = clone(untraced_child, stack + sizeof stack, CLONE_UNTRACED | SIGCHLD, NULL);
    waitpid(untraced, &status, 0);
    sayf("fixture: untraced child exited %ld%s\n", WEXITSTATUS(status), (long)"");

    pid_t zombie = fork();
    if (zombie == 0) _exit(7);
    sleep_ms(200);
    waitpid(zombie, &status, 0);
    sayf("fixture: zombie exited %ld%s\n", WEXITSTATUS(status), (long)"");
    return 0;
}

// COUNT openat+close of /dev/null.
static int stress_files(const char *count) {
    long total = count ? atol(count) : 100000;
    for (long i = 0; i < total; i++) syscall(SYS_close, (int)syscall(SYS_openat, AT_FDCWD, "/dev/null", O_RDONLY));
    return 0;
}

static void *short_thread(void *unused) {
    (void)unused;
    syscall(SYS_getppid);
    return NULL;
}

// COUNT short threads, four alive at a time.
static int stress_short_threads(const char *count) {
    long total = count ? atol(count) : 10000;
    pthread_attr_t attributes;
    pthread_attr_init(&attributes);
    pthread_attr_setstacksize(&attributes, 64 * 1024);
    for (long i = 0; i < total; i += 4) {
        pthread_t threads[4];
        for (int j = 0; j < 4; j++) pthread_create(&threads[j], &attributes, short_thread, NULL);
        for (int j = 0; j < 4; j++) pthread_join(threads[j], NULL);
    }
    return 0;
}

// MIB writes of 1 MiB each to /dev/null.
static int stress_big_writes(const char *mebibytes) {
    long total = mebibytes ? atol(mebibytes) : 1024;
    char *buffer = calloc(1, 1 << 20);
    int fd = (int)syscall(SYS_openat, AT_FDCWD, "/dev/null", O_WRONLY);
    for (long i = 0; i < total; i++) syscall(SYS_write, fd, buffer, 1 << 20);
    return 0;
}

// Blocks in read on a pipe nobody writes to, until killed.
static int stress_read_forever(void) {
    if (pipe(never_written) != 0) return 1;
    say("fixture: reading\n");
    read_forever(NULL);
    return 0;
}

static int stress_scenario(const char *name, const char *arg) {
    if (strcmp(name, "read-forever") == 0) return stress_read_forever();
    if (strcmp(name, "signals") == 0) return stress_signals();
    if (strcmp(name, "kill") == 0) return stress_kill();
    if (strcmp(name, "many-threads") == 0) return stress_many_threads(arg);
    if (strcmp(name, "blockers") == 0) return stress_blockers(arg);
    if (strcmp(name, "family") == 0) return stress_family(arg);
    if (strcmp(name, "storm") == 0) return stress_storm(arg);
    if (strcmp(name, "oddities") == 0) return stress_oddities();
    if (strcmp(name, "files") == 0) return stress_files(arg);
    if (strcmp(name, "short-threads") == 0) return stress_short_threads(arg);
    if (strcmp(name, "big-writes") == 0) return stress_big_writes(arg);
    fprintf(stderr, "unknown stress scenario %s\n", name);
    return 2;
}
