/*
 * The programs scripts/bench traces: one binary, one subcommand per workload, each doing a known
 * number of system calls and nothing else worth measuring. Built by scripts/bench with the system cc.
 *
 *   workload cheap N          N getppid calls (the cheapest syscall there is: the cost is the stops)
 *   workload writes N         N one-byte writes to /dev/null
 *   workload files N          N times openat + fstat + close of /etc/passwd
 *   workload forkexec N       N times fork, exec /bin/true, wait
 *   workload threads T N      T threads, each making N getppid calls
 *   workload cpu T N          T threads, each spinning N million iterations of arithmetic, no syscalls
 *   workload busy FILE        getppid forever, counting calls in the first 8 bytes of FILE (shared
 *                             mapping), so that whoever attaches can see how many got through
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static long count_argument(const char *text) {
    char *end;
    long value = strtol(text, &end, 10);
    if (*text == '\0' || *end != '\0' || value < 0) {
        fprintf(stderr, "workload: not a count: %s\n", text);
        exit(2);
    }
    return value;
}

/* syscall(2), not getppid(3): the call must reach the kernel every time. */
static void cheap_loop(long count) {
    for (long i = 0; i < count; i++) syscall(SYS_getppid);
}

static void writes_loop(long count) {
    int fd = open("/dev/null", O_WRONLY);
    if (fd < 0) { perror("workload: /dev/null"); exit(1); }
    for (long i = 0; i < count; i++) {
        if (write(fd, "x", 1) != 1) { perror("workload: write"); exit(1); }
    }
    close(fd);
}

static void files_loop(long count) {
    struct stat status;
    for (long i = 0; i < count; i++) {
        int fd = openat(AT_FDCWD, "/etc/passwd", O_RDONLY);
        if (fd < 0) { perror("workload: /etc/passwd"); exit(1); }
        fstat(fd, &status);
        close(fd);
    }
}

static void forkexec_loop(long count) {
    for (long i = 0; i < count; i++) {
        pid_t child = fork();
        if (child < 0) { perror("workload: fork"); exit(1); }
        if (child == 0) {
            execl("/bin/true", "true", (char *)NULL);
            _exit(127);
        }
        int status;
        if (waitpid(child, &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
            fprintf(stderr, "workload: /bin/true failed\n");
            exit(1);
        }
    }
}

static void *cheap_thread(void *count) {
    cheap_loop((long)(intptr_t)count);
    return NULL;
}

/* Arithmetic the compiler cannot drop; the result is printed nowhere but kept live. */
static volatile uint64_t cpu_sink;
static void *cpu_thread(void *millions) {
    uint64_t x = 88172645463325252ull;
    long iterations = (long)(intptr_t)millions * 1000000L;
    for (long i = 0; i < iterations; i++) {
        x ^= x << 13; x ^= x >> 7; x ^= x << 17;
    }
    cpu_sink = x;
    return NULL;
}

static void run_threads(long threads, void *(*body)(void *), long argument) {
    pthread_t ids[64];
    if (threads < 1 || threads > 64) { fprintf(stderr, "workload: 1..64 threads\n"); exit(2); }
    for (long i = 0; i < threads; i++) {
        if (pthread_create(&ids[i], NULL, body, (void *)(intptr_t)argument) != 0) {
            fprintf(stderr, "workload: pthread_create failed\n");
            exit(1);
        }
    }
    for (long i = 0; i < threads; i++) pthread_join(ids[i], NULL);
}

static void busy_loop(const char *path) {
    int fd = open(path, O_RDWR | O_CREAT, 0644);
    if (fd < 0 || ftruncate(fd, 8) != 0) { perror("workload: counter file"); exit(1); }
    volatile uint64_t *counter = mmap(NULL, 8, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    if (counter == MAP_FAILED) { perror("workload: mmap"); exit(1); }
    for (;;) {
        syscall(SYS_getppid);
        __atomic_store_n(counter, *counter + 1, __ATOMIC_RELAXED);
    }
}

int main(int argc, char **argv) {
    const char *name = argc > 1 ? argv[1] : "";
    if (strcmp(name, "cheap") == 0 && argc == 3) cheap_loop(count_argument(argv[2]));
    else if (strcmp(name, "writes") == 0 && argc == 3) writes_loop(count_argument(argv[2]));
    else if (strcmp(name, "files") == 0 && argc == 3) files_loop(count_argument(argv[2]));
    else if (strcmp(name, "forkexec") == 0 && argc == 3) forkexec_loop(count_argument(argv[2]));
    else if (strcmp(name, "threads") == 0 && argc == 4)
        run_threads(count_argument(argv[2]), cheap_thread, count_argument(argv[3]));
    else if (strcmp(name, "cpu") == 0 && argc == 4)
        run_threads(count_argument(argv[2]), cpu_thread, count_argument(argv[3]));
    else if (strcmp(name, "busy") == 0 && argc == 3) busy_loop(argv[2]);
    else {
        fprintf(stderr, "workload: usage: workload cheap|writes|files|forkexec N, threads|cpu T N, busy FILE\n");
        return 2;
    }
    return 0;
}
