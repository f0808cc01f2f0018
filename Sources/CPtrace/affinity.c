// The tracer's own CPU affinity (the tracee's is never looked at): CPU_COUNT is a macro.
#define _GNU_SOURCE
#include <sched.h>

#include "CPtrace.h"

int swt_allowed_cpu_count(void) {
    cpu_set_t set;
    if (sched_getaffinity(0, sizeof set, &set) != 0) return -1;
    return CPU_COUNT(&set);
}
