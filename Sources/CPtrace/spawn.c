#include "CPtrace.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
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

static sigset_t original_mask;
static int remembered_wake_signal;
static struct sigaction original_wake_action;

void swt_remember_signal_state(int wake_signal) {
    pthread_sigmask(SIG_SETMASK, NULL, &original_mask);
    remembered_wake_signal = wake_signal;
    sigaction(wake_signal, NULL, &original_wake_action);
}

pid_t swt_spawn_stopped(const char *path, char *const argv[], char *const envp[]) {
    pid_t pid = fork();
    if (pid != 0) return pid;

    // The tracer blocks the signals it handles itself and catches its wake signal; the command
    // must start with the mask and disposition swtrace itself was started with.
    if (remembered_wake_signal != 0) sigaction(remembered_wake_signal, &original_wake_action, NULL);
    sigprocmask(SIG_SETMASK, &original_mask, NULL);

    // Stop here until the tracer has seized us and sent SIGCONT, so that execve is traced.
    kill(getpid(), SIGSTOP);
    execve(path, argv, envp);

    int err = errno;
    child_write("swtrace: cannot run '");
    child_write(path);
    child_write("': ");
    child_write(strerror(err));
    child_write("\n");
    _exit(err == ENOENT ? 127 : 126);
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
