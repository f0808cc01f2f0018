#define _GNU_SOURCE  // pipe2, setgroups
#include "CPtrace.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <linux/filter.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

char **swt_environ(void) { return environ; }

// Only async-signal-safe calls between fork() and execve(): the parent may have other threads.
static void child_write(const char *s) {
    size_t n = strlen(s);
    while (n > 0) {
        ssize_t w = write(2, s, n);
        if (w <= 0) return;
        s += w;
        n -= (size_t)w;
    }
}

static void child_fail(const struct swt_spawn_request *request, const char *what, const char *name, int err) {
    child_write(request->program_name);
    child_write(": ");
    child_write(what);
    if (name != NULL) {
        child_write(" '");
        child_write(name);
        child_write("'");
    }
    child_write(": ");
    child_write(strerror(err));
    child_write("\n");
}

static sigset_t original_mask;
static int remembered_wake_signal;
static struct sigaction original_wake_action;

void swt_remember_signal_state(int wake_signal) {
    pthread_sigmask(SIG_SETMASK, NULL, &original_mask);
    remembered_wake_signal = wake_signal;
    sigaction(wake_signal, NULL, &original_wake_action);
}

// The last steps of the command's side, once the tracer holds it: -u, the seccomp filter (its
// outcome reported on `report_fd`), execve. Never returns.
static void become_command(const struct swt_spawn_request *request, const void *filter,
                           unsigned short count, int report_fd) {
    // As strace does: groups first, then the gid, then the uid, while we still may change them.
    if (request->switch_user) {
        if (setgroups((size_t)request->group_count, request->groups) < 0 || setgid(request->gid) < 0 ||
            setuid(request->uid) < 0) {
            child_fail(request, "cannot switch user for", request->path, errno);
            _exit(1);
        }
    }
    if (filter != NULL) {
        int err = swt_install_seccomp_filter(filter, count);
        unsigned char installed = err == 0;
        if (!installed) child_fail(request, "cannot install the seccomp filter, tracing every call", NULL, err);
        if (report_fd >= 0) {
            while (write(report_fd, &installed, 1) < 0 && errno == EINTR) {}
        }
    }
    execve(request->path, request->argv, request->envp);

    int err = errno;
    child_fail(request, "cannot run", request->path, err);
    _exit(err == ENOENT ? 127 : 126);
}

pid_t swt_spawn_stopped(const struct swt_spawn_request *request, int *report_fd) {
    int report[2] = {-1, -1};
    *report_fd = -1;
    if (request->seccomp_filter != NULL && pipe2(report, O_CLOEXEC) < 0) return -1;

    pid_t pid = fork();
    if (pid != 0) {
        if (report[1] >= 0) close(report[1]);
        if (pid < 0) {
            int err = errno;
            if (report[0] >= 0) close(report[0]);
            errno = err;
        } else {
            *report_fd = report[0];
        }
        return pid;
    }

    // The tracer blocks the signals it handles itself and catches its wake signal; the command
    // must start with the mask and disposition swtrace itself was started with.
    if (remembered_wake_signal != 0) sigaction(remembered_wake_signal, &original_wake_action, NULL);
    sigprocmask(SIG_SETMASK, &original_mask, NULL);

    // Stop here until the tracer has seized us and sent SIGCONT, so that execve is traced. The
    // filter comes after: a SECCOMP_RET_TRACE before the tracer holds us would fail with ENOSYS.
    kill(getpid(), SIGSTOP);
    become_command(request, request->seccomp_filter, request->seccomp_count, report[1]);
    return -1;  // not reached
}

// Big enough for the largest program the kernel takes (BPF_MAXINSNS), after the 'G'.
static unsigned char release_message[1 + BPF_MAXINSNS * sizeof(struct sock_filter)];

pid_t swt_daemonize(int mode, const struct swt_spawn_request *request, int *release_fd) {
    int channel[2];
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, channel) < 0) return -1;
    pid_t command = getpid();
    pid_t middle = fork();
    if (middle < 0) {
        int err = errno;
        close(channel[0]);
        close(channel[1]);
        errno = err;
        return -1;
    }
    if (middle == 0) {
        // The middle process only forks the tracer and exits, so that the tracer is neither the
        // command's child nor its parent: the shell's wait for the command is undisturbed.
        pid_t tracer = fork();
        if (tracer != 0) _exit(tracer < 0 ? 1 : 0);
        close(channel[0]);
        if (mode == 2) setpgid(0, 0);
        if (mode >= 3) setsid();
        *release_fd = channel[1];
        return command;
    }

    // The original process: reap the middle one, so that the command starts with no child.
    close(channel[1]);
    while (waitpid(middle, NULL, 0) < 0 && errno == EINTR) {}
    size_t received = 0;
    while (received < sizeof release_message) {
        ssize_t n = read(channel[0], release_message + received, sizeof release_message - received);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        received += (size_t)n;
    }
    // The tracer failed before it held us: it has said why; nothing is run untraced.
    if (received == 0 || release_message[0] != 'G') _exit(1);
    size_t filter_bytes = received - 1;
    become_command(request, filter_bytes > 0 ? release_message + 1 : NULL,
                   (unsigned short)(filter_bytes / sizeof(struct sock_filter)), channel[0]);
    return -1;  // not reached
}

static void wake_handler(int signo) { (void)signo; }

int swt_install_wake_handler(int signo) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = wake_handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;  // no SA_RESTART: the blocked waitpid() must return EINTR
    return sigaction(signo, &action, NULL);
}

static void fill_set(sigset_t *set, const int *signals) {
    sigemptyset(set);
    for (; *signals != 0; signals++) sigaddset(set, *signals);
}

int swt_thread_sigmask(int how, const int *signals) {
    sigset_t set;
    fill_set(&set, signals);
    return pthread_sigmask(how, &set, NULL);
}

int swt_sigtimedwait(const int *signals, int *code, int milliseconds) {
    sigset_t set;
    fill_set(&set, signals);
    struct timespec timeout = {milliseconds / 1000, (milliseconds % 1000) * 1000000L};
    siginfo_t info;
    int signo;
    do {
        signo = sigtimedwait(&set, &info, &timeout);
    } while (signo < 0 && errno == EINTR);
    if (signo < 0) return 0;
    *code = info.si_code;
    return signo;
}
