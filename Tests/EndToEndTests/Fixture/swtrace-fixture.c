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
    if (strcmp(scenario, "nap") == 0) {
        sleep_ms(1000);
        say("fixture: woke\n");
        return 0;
    }
    fprintf(stderr, "usage: swtrace-fixture files|strings|write|exit N|signal|stopcont|fork|thread-exec|segv|sleep N|threads N|nap|hostile|signal-state|writes N OPENS|counts|opens-slowly N|seccomp-mode|printing|structures DIRECTORY\n");
    return 2;
}
