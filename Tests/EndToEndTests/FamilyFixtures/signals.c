// Signal calls: sending, pending sets, waiting, alternate stacks, and the mask rt_sigreturn restores.
#include "family.h"
#include <stdlib.h>

static void on_signal(int signo) { (void)signo; }

int main(void) {
    // A handler whose return runs rt_sigreturn with a mask to restore.
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = on_signal;
    sigaction(SIGUSR1, &action, NULL);
    sigaction(SIGUSR2, &action, NULL);
    sigset_t mask;
    sigemptyset(&mask);
    sigaddset(&mask, SIGCHLD);
    sigprocmask(SIG_BLOCK, &mask, NULL);
    syscall(SYS_kill, getpid(), SIGUSR1);
    syscall(SYS_kill, 0, 0);
    syscall(SYS_kill, -1234567, SIGTERM);
    syscall(SYS_kill, getpid(), 99);
    syscall(SYS_tkill, gettid(), SIGUSR2);
    syscall(SYS_tgkill, getpid(), gettid(), 0);
    syscall(SYS_tgkill, getpid(), 1234567, SIGKILL);

    // Pending signals: block SIGUSR1, raise it, look.
    sigset_t usr1;
    sigemptyset(&usr1);
    sigaddset(&usr1, SIGUSR1);
    syscall(SYS_rt_sigprocmask, SIG_BLOCK, &usr1, NULL, 8);
    syscall(SYS_kill, getpid(), SIGUSR1);
    uint64_t pending = 0;
    syscall(SYS_rt_sigpending, &pending, 8);
    syscall(SYS_rt_sigpending, UNMAPPED, 8);
    syscall(SYS_rt_sigpending, &pending, 3);

    // Waiting for it synchronously.
    siginfo_t info;
    struct timespec zero = {0, 0};
    syscall(SYS_rt_sigtimedwait, &usr1, &info, &zero, 8);
    syscall(SYS_rt_sigtimedwait, &usr1, NULL, &zero, 8);
    syscall(SYS_rt_sigtimedwait, &usr1, &info, UNMAPPED, 8);

    // Queueing a signal with data, then taking it.
    siginfo_t queued;
    memset(&queued, 0, sizeof queued);
    queued.si_signo = SIGUSR1;
    queued.si_code = SI_QUEUE;
    queued.si_pid = getpid();
    queued.si_uid = getuid();
    queued.si_value.sival_int = 7;
    syscall(SYS_rt_sigqueueinfo, getpid(), SIGUSR1, &queued);
    syscall(SYS_rt_sigtimedwait, &usr1, &info, NULL, 8);
    syscall(SYS_rt_sigqueueinfo, getpid(), SIGUSR1, UNMAPPED);

    // Alternate signal stacks.
    stack_t stack = {.ss_sp = malloc(65536), .ss_flags = 0, .ss_size = 65536}, old;
    syscall(SYS_sigaltstack, &stack, &old);
    syscall(SYS_sigaltstack, NULL, &old);
    stack.ss_flags = SS_DISABLE;
    syscall(SYS_sigaltstack, &stack, NULL);
    syscall(SYS_sigaltstack, UNMAPPED, NULL);
    stack.ss_flags = 0x40;
    syscall(SYS_sigaltstack, &stack, NULL);

    // Suspending until a signal: a pending SIGUSR1 ends it at once, with a handler run.
    sigset_t none;
    sigemptyset(&none);
    syscall(SYS_kill, getpid(), SIGUSR1);
    syscall(SYS_rt_sigsuspend, &none, 8);
    syscall(SYS_rt_sigsuspend, &none, 4);
    return 0;
}
