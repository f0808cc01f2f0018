// Makes each system call whose number is given on the command line, with all-zero arguments,
// under a seccomp filter that fails every call but exit_group with ENOSYS before the kernel runs
// it. A tracer still sees each call (ptrace's entry stop comes before seccomp), so a tracer's
// filter classes can be checked against every syscall number without running a single one.
// Used by FilterClassOracleTests with Debian's strace; compiled for x86_64 and with -m32.
#include <errno.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(int argc, char **argv) {
    struct sock_filter code[] = {
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_exit_group, 0, 1),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | ENOSYS),
    };
    struct sock_fprog program = {sizeof code / sizeof code[0], code};
    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0 || prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &program) != 0) {
        perror("every-syscall: seccomp");
        return 1;
    }
    for (int i = 1; i < argc; i++) {
        long number = strtol(argv[i], NULL, 10);
        if (number != SYS_exit_group) syscall(number, 0, 0, 0, 0, 0, 0);
    }
    syscall(SYS_exit_group, 0);
    return 0;
}
