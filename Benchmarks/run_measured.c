/*
 * Runs a command and writes how long it took and its peak RSS, for scripts/bench.
 *
 *   run_measured RESULT_FILE COMMAND [ARG...]
 *
 * RESULT_FILE gets one line: "<wall seconds> <ru_maxrss KiB> <raw wait status>". The exit status
 * is the command's (128 + signal if a signal killed it). SIGINT is passed on to the command, so
 * that a tracer attached with -p can be told to detach.
 *
 * Why not measure from Python: ru_maxrss counts every address space a process had, including
 * the one it replaced at exec, and a child spawned by the Python interpreter starts as a copy of
 * (or shares) the interpreter's 16 MiB. Forked from this small program, the command's peak RSS
 * is its own (and that of the children it reaped, which for the workloads is about 1 MiB).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile pid_t command_pid;

static void forward_interrupt(int signal) {
    if (command_pid > 0) kill(command_pid, signal);
}

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "run_measured: usage: run_measured RESULT_FILE COMMAND [ARG...]\n");
        return 2;
    }
    FILE *result = fopen(argv[1], "w");
    if (!result) { perror("run_measured: result file"); return 2; }

    /* Installed before fork; exec resets it to the default in the command. No SA_RESTART, so
     * the wait below sees EINTR and simply waits again. */
    struct sigaction action = {.sa_handler = forward_interrupt};
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, NULL);

    struct timespec start, end;
    clock_gettime(CLOCK_MONOTONIC, &start);
    pid_t child = fork();
    if (child < 0) { perror("run_measured: fork"); return 2; }
    if (child == 0) {
        execvp(argv[2], argv + 2);
        fprintf(stderr, "run_measured: %s: %m\n", argv[2]);
        _exit(127);
    }
    command_pid = child;

    int status;
    struct rusage usage;
    while (wait4(child, &status, 0, &usage) < 0) {
        if (errno != EINTR) { perror("run_measured: wait4"); return 2; }
    }
    clock_gettime(CLOCK_MONOTONIC, &end);
    double seconds = (double)(end.tv_sec - start.tv_sec) + (double)(end.tv_nsec - start.tv_nsec) / 1e9;
    fprintf(result, "%.9f %ld %d\n", seconds, usage.ru_maxrss, status);
    fclose(result);
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    return 128 + WTERMSIG(status);
}
