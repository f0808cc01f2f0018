// Installing swtrace's seccomp filter in the child between fork and execve. Only system calls and
// stack variables here: the child of a multi-threaded parent may run nothing else.
#include "CPtrace.h"

#include <errno.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

int swt_install_seccomp_filter(const void *filter, unsigned short count) {
    struct sock_fprog program = {.len = count, .filter = (struct sock_filter *)filter};
    // Without CAP_SYS_ADMIN the kernel takes a filter only from a task that can gain no
    // privileges (a setuid program then runs with the caller's ids).
    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) return errno;
    if (syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &program) == 0) return 0;
    if (errno != ENOSYS) return errno;
    // Kernels before 3.17 have no seccomp(2), only the prctl.
    if (prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &program, 0, 0) != 0) return errno;
    return 0;
}
