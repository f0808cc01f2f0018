// A thread that keeps a CPU from halting while the tracer takes stops in quick succession. On a
// VM whose idle vCPUs halt at once, waking one costs tens of microseconds, several times a stop.
// At SCHED_IDLE the thread runs only on a CPU that has nothing else to run, and any other thread
// that becomes runnable there takes the CPU from it at once.
#define _GNU_SOURCE
#include <errno.h>
#include <linux/futex.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "CPtrace.h"

struct swt_keep_awake {
    /// Bumped by the tracer at each stop; the futex word the thread sleeps on.
    uint32_t stops;
    /// Nonzero while the thread sleeps (or is about to).
    uint32_t sleeping;
    uint32_t quit;
    unsigned long window_ns;
    pthread_t thread;
};

static uint64_t now_ns(void) {
    struct timespec time;
    clock_gettime(CLOCK_MONOTONIC, &time);
    return (uint64_t)time.tv_sec * 1000000000u + (uint64_t)time.tv_nsec;
}

static inline void relax(void) {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    __asm__ volatile("yield");
#endif
}

static void *keep_awake_main(void *argument) {
    struct swt_keep_awake *keeper = argument;
    struct sched_param param = {0};
    sched_setscheduler(0, SCHED_IDLE, &param);
    while (!__atomic_load_n(&keeper->quit, __ATOMIC_ACQUIRE)) {
        uint32_t seen = __atomic_load_n(&keeper->stops, __ATOMIC_RELAXED);
        uint64_t last = now_ns();
        for (;;) {
            for (int i = 0; i < 64; i++) relax();
            uint32_t stops = __atomic_load_n(&keeper->stops, __ATOMIC_RELAXED);
            uint64_t now = now_ns();
            if (stops != seen) {
                if (__atomic_load_n(&keeper->quit, __ATOMIC_ACQUIRE)) return NULL;
                seen = stops;
                last = now;
            } else if (now - last > keeper->window_ns) {
                break;
            }
        }
        // Sleep until the next stop. Either the tracer sees `sleeping` after its increment and
        // wakes the futex, or the futex sees the new count and returns at once (both seq_cst).
        __atomic_store_n(&keeper->sleeping, 1, __ATOMIC_SEQ_CST);
        if (!__atomic_load_n(&keeper->quit, __ATOMIC_SEQ_CST))
            syscall(SYS_futex, &keeper->stops, FUTEX_WAIT_PRIVATE, seen, NULL, NULL, 0);
        __atomic_store_n(&keeper->sleeping, 0, __ATOMIC_RELAXED);
    }
    return NULL;
}

struct swt_keep_awake *swt_keep_awake_start(unsigned long window_ns) {
    struct swt_keep_awake *keeper = calloc(1, sizeof *keeper);
    if (keeper == NULL) return NULL;
    keeper->window_ns = window_ns;
    pthread_attr_t attributes;
    pthread_attr_init(&attributes);
    pthread_attr_setstacksize(&attributes, 64 * 1024);
    // Signals sent to swtrace must go to the threads that handle them, never to this one.
    sigset_t all, previous;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &previous);
    int error = pthread_create(&keeper->thread, &attributes, keep_awake_main, keeper);
    pthread_sigmask(SIG_SETMASK, &previous, NULL);
    pthread_attr_destroy(&attributes);
    if (error != 0) {
        free(keeper);
        errno = error;
        return NULL;
    }
    return keeper;
}

void swt_keep_awake_note_stop(struct swt_keep_awake *keeper) {
    __atomic_add_fetch(&keeper->stops, 1, __ATOMIC_SEQ_CST);
    if (__atomic_load_n(&keeper->sleeping, __ATOMIC_SEQ_CST)
        && __atomic_exchange_n(&keeper->sleeping, 0, __ATOMIC_SEQ_CST))
        syscall(SYS_futex, &keeper->stops, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0);
}

void swt_keep_awake_end(struct swt_keep_awake *keeper) {
    __atomic_store_n(&keeper->quit, 1, __ATOMIC_SEQ_CST);
    __atomic_add_fetch(&keeper->stops, 1, __ATOMIC_SEQ_CST);
    syscall(SYS_futex, &keeper->stops, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0);
    pthread_join(keeper->thread, NULL);
    free(keeper);
}

// Whether the file at `path` holds a CPU bandwidth limit: it reads "max ..." (v2) or "-1" (v1)
// when there is none.
static int holds_limit(const char *path) {
    FILE *stream = fopen(path, "re");
    if (stream == NULL) return 0;
    char value[64] = {0};
    int read = fgets(value, sizeof value, stream) != NULL;
    fclose(stream);
    return read && strncmp(value, "max", 3) != 0 && strncmp(value, "-1", 2) != 0;
}

// Whether cgroup `directory` of the hierarchy mounted at `root`, or one above it, has a limit in
// `file`.
static int limited_at_or_above(const char *root, const char *directory, const char *file) {
    char path[4096];
    if (snprintf(path, sizeof path, "%s", directory) >= (int)sizeof path) return 0;
    for (;;) {
        size_t length = strlen(path);
        while (length > 0 && path[length - 1] == '/') path[--length] = 0;
        char file_path[8192];
        snprintf(file_path, sizeof file_path, "%s%s/%s", root, path, file);
        if (holds_limit(file_path)) return 1;
        char *slash = strrchr(path, '/');
        if (length == 0 || slash == NULL) return 0;
        *slash = 0;
    }
}

int swt_cpu_time_is_limited(void) {
    FILE *cgroups = fopen("/proc/self/cgroup", "re");
    if (cgroups == NULL) return 0;
    char line[4096];
    int limited = 0;
    // Lines are "ID:CONTROLLERS:PATH": "0::PATH" for v2, "4:cpu,cpuacct:PATH" for v1.
    while (!limited && fgets(line, sizeof line, cgroups) != NULL) {
        line[strcspn(line, "\n")] = 0;
        char *controllers = strchr(line, ':');
        char *path = controllers ? strchr(controllers + 1, ':') : NULL;
        if (path == NULL) continue;
        *path++ = 0;
        controllers++;
        if (*controllers == 0) {
            limited = limited_at_or_above("/sys/fs/cgroup", path, "cpu.max");
        } else if (strcmp(controllers, "cpu") == 0 || strcmp(controllers, "cpu,cpuacct") == 0
                   || strcmp(controllers, "cpuacct,cpu") == 0) {
            char root[64];
            snprintf(root, sizeof root, "/sys/fs/cgroup/%s", controllers);
            limited = limited_at_or_above(root, path, "cpu.cfs_quota_us");
        }
    }
    fclose(cgroups);
    return limited;
}
