#define _GNU_SOURCE
#include "CPtrace.h"

#include <sys/uio.h>

#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

long swt_ptrace(int request, pid_t pid, unsigned long addr, unsigned long data) {
    // glibc's wrapper is needed only for PEEK requests, whose word it returns (the kernel stores
    // it at `data`); for the others it only unpacks its variadic arguments: two calls per stop.
    if (request == PTRACE_PEEKTEXT || request == PTRACE_PEEKDATA || request == PTRACE_PEEKUSER)
        return ptrace((enum __ptrace_request)request, pid, (void *)addr, (void *)data);
    return syscall(SYS_ptrace, (long)request, (long)pid, addr, data);
}

pid_t swt_wait_any(int *status, int options, struct rusage *usage) {
    return (pid_t)syscall(SYS_wait4, -1L, status, (long)options, usage);
}

int swt_wifexited(int status) { return WIFEXITED(status); }
int swt_wexitstatus(int status) { return WEXITSTATUS(status); }
int swt_wifsignaled(int status) { return WIFSIGNALED(status); }
int swt_wtermsig(int status) { return WTERMSIG(status); }
int swt_wcoredump(int status) { return WCOREDUMP(status); }
int swt_wifstopped(int status) { return WIFSTOPPED(status); }
int swt_wstopsig(int status) { return WSTOPSIG(status); }

long swt_process_vm_readv(pid_t pid, const struct iovec *local, unsigned long local_count,
                          const struct iovec *remote, unsigned long remote_count) {
    return process_vm_readv(pid, local, local_count, remote, remote_count, 0);
}
