/*
 * The floor: the least a ptrace syscall tracer can do per syscall. It starts the command the way
 * swtrace and strace do (fork, the child stops itself, PTRACE_SEIZE, SIGCONT, exec), then for every
 * stop: waitpid, PTRACE_GET_SYSCALL_INFO, PTRACE_SYSCALL. It decodes nothing and prints nothing.
 * What a real tracer costs above this is its own work; this much is the kernel's and the scheduler's.
 *
 *   floor_tracer COMMAND [ARG...]     exits with the command's status
 *
 * Single-process only (no -f): scripts/bench runs it on the cheap loop.
 */
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "floor_tracer: usage: floor_tracer COMMAND [ARG...]\n");
        return 2;
    }
    pid_t child = fork();
    if (child < 0) { perror("floor_tracer: fork"); return 1; }
    if (child == 0) {
        raise(SIGSTOP); /* wait here until the parent has seized us, so exec is traced */
        execvp(argv[1], argv + 1);
        perror("floor_tracer: exec");
        _exit(127);
    }
    int status;
    if (waitpid(child, &status, WSTOPPED) < 0) { perror("floor_tracer: waitpid"); return 1; }
    if (ptrace(PTRACE_SEIZE, child, 0L, (long)(PTRACE_O_TRACESYSGOOD | PTRACE_O_EXITKILL)) != 0) {
        perror("floor_tracer: PTRACE_SEIZE");
        return 1;
    }
    kill(child, SIGCONT);

    struct __ptrace_syscall_info info;
    for (;;) {
        if (waitpid(child, &status, __WALL) < 0) { perror("floor_tracer: waitpid"); return 1; }
        if (WIFEXITED(status)) return WEXITSTATUS(status);
        if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
        if (!WIFSTOPPED(status)) continue;
        int signal = WSTOPSIG(status);
        int deliver = 0;
        if (signal == (SIGTRAP | 0x80)) {
            ptrace(PTRACE_GET_SYSCALL_INFO, child, (void *)sizeof info, &info);
        } else if ((status >> 16) == 0) {
            deliver = signal; /* a signal-delivery-stop (the SIGCONT above): pass it on */
        } /* else a PTRACE_EVENT_STOP: just resume */
        ptrace(PTRACE_SYSCALL, child, 0L, (long)deliver);
    }
}
