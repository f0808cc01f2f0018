#define _GNU_SOURCE
#include "CPtrace.h"

#include <sys/uio.h>

#include <sys/ptrace.h>
#include <sys/wait.h>

long swt_ptrace(int request, pid_t pid, unsigned long addr, unsigned long data) {
    return ptrace((enum __ptrace_request)request, pid, (void *)addr, (void *)data);
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
