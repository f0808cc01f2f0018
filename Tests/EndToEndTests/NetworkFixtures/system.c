/* The long tail of system calls strace decodes, for NetworkDifferentialTests: seccomp (its
 * operations, filter flags and, with -v, the classic BPF of a filter), ptrace requests that fail
 * harmlessly (no process is traced: the test traces this one), and mount/umount2 on a path that
 * does not exist. */
#define _GNU_SOURCE
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <signal.h>
#include <stddef.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifdef __i386__
#define THIS_ARCH AUDIT_ARCH_I386
#else
#define THIS_ARCH AUDIT_ARCH_X86_64
#endif

int main(void) {
    unsigned int action = SECCOMP_RET_KILL_PROCESS;
    syscall(SYS_seccomp, SECCOMP_GET_ACTION_AVAIL, 0, &action);
    action = SECCOMP_RET_ERRNO;
    syscall(SYS_seccomp, SECCOMP_GET_ACTION_AVAIL, 0, &action);
    action = 0x12345678;
    syscall(SYS_seccomp, SECCOMP_GET_ACTION_AVAIL, 0, &action);
    struct seccomp_notif_sizes sizes;
    syscall(SYS_seccomp, SECCOMP_GET_NOTIF_SIZES, 0, &sizes);
    syscall(SYS_seccomp, SECCOMP_GET_NOTIF_SIZES, 0, (void *)8);
    /* Everything allowed but syscall 999 (ENOSYS anyway), which fails with EPERM. */
    struct sock_filter filter[] = {
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch)),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, THIS_ARCH, 1, 0),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS),
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
        BPF_JUMP(BPF_JMP | BPF_JGE | BPF_K, 999, 0, 3),
        BPF_STMT(BPF_ALU | BPF_AND | BPF_K, 0xffff),
        BPF_STMT(BPF_MISC | BPF_TAX, 0),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | 1),
        BPF_JUMP(BPF_JMP | BPF_JA, 0, 0, 0),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
    };
    struct sock_fprog program = {sizeof filter / sizeof filter[0], filter};
    prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
    syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, SECCOMP_FILTER_FLAG_LOG, &program);
    syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0x80, &program);
    syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, NULL);
    syscall(SYS_seccomp, 99, 0, NULL);
    syscall(SYS_seccomp, SECCOMP_SET_MODE_STRICT, 1, NULL);
    syscall(999);

    long word = 0;
    pid_t nobody = 0x7ffffff0;
    ptrace(PTRACE_TRACEME, 0, 0, 0);
    syscall(SYS_ptrace, PTRACE_PEEKDATA, nobody, &word, &word);
    syscall(SYS_ptrace, PTRACE_POKEDATA, nobody, &word, 0x1234);
    ptrace(PTRACE_GETEVENTMSG, nobody, 0, &word);
    ptrace(PTRACE_SETOPTIONS, nobody, 0, PTRACE_O_TRACESYSGOOD | PTRACE_O_EXITKILL | 0x800000);
    ptrace(PTRACE_SEIZE, nobody, 0, PTRACE_O_TRACECLONE | PTRACE_O_TRACEEXEC);
    ptrace(PTRACE_INTERRUPT, nobody, 0, 0);
    ptrace(PTRACE_LISTEN, nobody, 0, 0);
    ptrace(PTRACE_ATTACH, nobody, 0, 0);
    ptrace(PTRACE_KILL, nobody, 0, 0);
    ptrace(PTRACE_CONT, nobody, 0, SIGUSR1);
    ptrace(PTRACE_SYSCALL, nobody, 0, 0);
    ptrace(PTRACE_DETACH, nobody, 0, SIGCONT);
    ptrace(0x4242, nobody, 0, 0);

    mount("none", "/nonexistent/swtrace", "tmpfs", MS_RDONLY | MS_NOSUID | MS_NODEV, "size=1m");
    mount("/nonexistent/a", "/nonexistent/swtrace", "x", MS_BIND | MS_REC, "ignored");
    mount(NULL, "/nonexistent/swtrace", NULL, MS_REMOUNT | MS_RDONLY, "ro");
    mount(NULL, "/nonexistent/swtrace", NULL, MS_REC | MS_PRIVATE, NULL);
    mount("/nonexistent/a", "/nonexistent/swtrace", "ext4", MS_MGC_VAL | MS_NOATIME, "x");
    mount("/nonexistent/a", "/nonexistent/swtrace", "ext4", MS_MGC_VAL | MS_MOVE, NULL);
    umount2("/nonexistent/swtrace", MNT_DETACH | UMOUNT_NOFOLLOW);
    umount2("/nonexistent/swtrace", 0x80);
    umount2("/nonexistent/swtrace", 0);
    return 0;
}
