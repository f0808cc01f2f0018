// Counts heap allocations made by the calling thread, for benchmarks that check that a hot path
// allocates nothing. Linked into the benchmark executable, it interposes malloc and its relatives
// (the executable's definitions come before libc's in symbol lookup) and forwards to glibc's
// own (__libc_malloc, ...). The count is per thread, so other threads do not disturb it.
#ifndef SWTRACE_MALLOC_COUNTER_H
#define SWTRACE_MALLOC_COUNTER_H

/// Starts counting this thread's allocations from zero.
void malloc_counter_start(void);
/// Stops counting; returns the allocations (malloc, calloc, realloc, memalign family) since start.
long malloc_counter_stop(void);

#endif
