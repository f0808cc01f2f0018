/* ptrace(2) for NetworkDifferentialTests: a child made with CLONE_UNTRACED (so that neither strace
 * -f nor swtrace -f follows it: this program is its only tracer) installs a seccomp filter that
 * traces getppid, stops itself, and is seized; every request is then made on it while it sits in
 * a group-stop, a signal-delivery-stop, a syscall-entry and -exit stop and a seccomp stop, and
 * again on a pid that cannot exist (-1: ESRCH). The child is killed and reaped at the end. Only
 * stable things are read: segment registers, debug registers, the registers of a call the child
 * makes with fixed arguments (addresses are stable under `setarch -R`), signal masks and queued
 * signals the program sets itself. SIGCHLD is blocked, so no signal line races the calls. */
#define _GNU_SOURCE
#include <elf.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/prctl.h>
#include <linux/ptrace.h>
#include <linux/seccomp.h>
#include <sched.h>
#include <signal.h>
#include <stddef.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/user.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef PTRACE_PEEKUSER
#define PTRACE_PEEKUSER PTRACE_PEEKUSR
#define PTRACE_POKEUSER PTRACE_POKEUSR
#endif

#define BOGUS_PID (-1)

/* The same address in the child (a copy of this program's memory): peeked and poked. */
static unsigned long marker = 0x5eed;

static long pt(long request, long pid, unsigned long address, unsigned long data) {
    return syscall(SYS_ptrace, request, pid, address, data);
}

/* The child: a filter that stops getppid for its tracer (with 42 as the event message), a stop,
 * then calls with fixed arguments for ever. Raw syscalls only: nothing of libc's state is used. */
static void child_main(void) {
    struct sock_filter code[] = {
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_getppid, 0, 1),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_TRACE | 42),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
    };
    struct sock_fprog program = {.len = sizeof code / sizeof *code, .filter = code};
    syscall(SYS_prctl, PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
    syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &program);
    /* A group of its own, so that kill(0, ...) stops it alone and no register holds its pid. */
    syscall(SYS_setpgid, 0, 0);
    syscall(SYS_kill, 0, SIGSTOP);
    for (;;) {
        syscall(SYS_close, -1, 1, 2, 3, 4, 5);
        syscall(SYS_getppid, 6, 7, 8, 9, 10, 11);
    }
}

int main(void) {
    sigset_t chld;
    sigemptyset(&chld);
    sigaddset(&chld, SIGCHLD);
    sigprocmask(SIG_BLOCK, &chld, NULL);

    pid_t child = syscall(SYS_clone, CLONE_UNTRACED | SIGCHLD, 0, 0, 0, 0);
    if (child == 0) child_main();
    int status;
    waitpid(child, &status, WUNTRACED);
    pt(PTRACE_SEIZE, child, 0, PTRACE_O_TRACESYSGOOD | PTRACE_O_TRACESECCOMP);
    waitpid(child, &status, 0);
    pt(PTRACE_INTERRUPT, child, 0, 0);

    /* The user area: registers by offset, debug registers, the area's end, a misaligned offset. */
    unsigned long word;
#ifdef __x86_64__
#define REGISTER(x86_64, i386) offsetof(struct user, regs.x86_64)
#else
#define REGISTER(x86_64, i386) offsetof(struct user, regs.i386)
#endif
    unsigned long offsets[] = {REGISTER(rdi, ebx), REGISTER(rax, eax), REGISTER(orig_rax, orig_eax),
                               REGISTER(cs, xcs), REGISTER(ss, xss), REGISTER(ds, xds),
                               REGISTER(cs, xcs) + 2, offsetof(struct user, u_debugreg), offsetof(struct user, u_debugreg) + 7 * sizeof(long),
                               offsetof(struct user, u_fpvalid), offsetof(struct user, i387) + 8, 3,
                               sizeof(struct user), sizeof(struct user) + 8, -sizeof(long)};
    for (unsigned i = 0; i < sizeof offsets / sizeof *offsets; i++)
        pt(PTRACE_PEEKUSER, child, offsets[i], (unsigned long)&word);
    pt(PTRACE_POKEUSER, child, offsetof(struct user, u_debugreg) + 7 * sizeof(long), 0);
    pt(PTRACE_POKEUSER, child, 3, 0);
    pt(PTRACE_POKEUSER, child, sizeof(struct user) + 8, 0x1234);

    /* The child's memory: a word read and written, a word at an unmapped address. */
    pt(PTRACE_PEEKDATA, child, (unsigned long)&marker, (unsigned long)&word);
    pt(PTRACE_POKEDATA, child, (unsigned long)&marker, 0);
    pt(PTRACE_PEEKTEXT, child, (unsigned long)&marker, (unsigned long)&word);
    pt(PTRACE_POKETEXT, child, (unsigned long)&marker, 0x1234);
    pt(PTRACE_PEEKDATA, child, 0, (unsigned long)&word);
    pt(PTRACE_SETOPTIONS, child, 0, PTRACE_O_TRACESYSGOOD | PTRACE_O_TRACESECCOMP | PTRACE_O_EXITKILL);

    /* Register sets: whole, by type, a longer buffer than the set (its length comes back shorter). */
    struct user_regs_struct regs;
    struct user_fpregs_struct fpregs;
    char xstate[4096];
    pt(PTRACE_GETREGS, child, 0, (unsigned long)&regs);
    pt(PTRACE_SETREGS, child, 0, (unsigned long)&regs);
    pt(PTRACE_GETFPREGS, child, 0, (unsigned long)&fpregs);
    pt(PTRACE_SETFPREGS, child, 0, (unsigned long)&fpregs);
#ifdef __i386__
    struct user_fpxregs_struct fpxregs;
    pt(PTRACE_GETFPXREGS, child, 0, (unsigned long)&fpxregs);
    pt(PTRACE_SETFPXREGS, child, 0, (unsigned long)&fpxregs);
#endif
    struct iovec vector = {&regs, sizeof regs};
    pt(PTRACE_GETREGSET, child, NT_PRSTATUS, (unsigned long)&vector);
    pt(PTRACE_SETREGSET, child, NT_PRSTATUS, (unsigned long)&vector);
    vector.iov_len = 1000;
    pt(PTRACE_GETREGSET, child, NT_PRSTATUS, (unsigned long)&vector);
    vector.iov_len = 8;
    pt(PTRACE_GETREGSET, child, NT_PRSTATUS, (unsigned long)&vector);
    vector = (struct iovec){&fpregs, sizeof fpregs};
    pt(PTRACE_GETREGSET, child, NT_PRFPREG, (unsigned long)&vector);
    vector = (struct iovec){xstate, sizeof xstate};
    pt(PTRACE_GETREGSET, child, NT_X86_XSTATE, (unsigned long)&vector);
    pt(PTRACE_GETREGSET, child, 0x999, (unsigned long)&vector);
    pt(PTRACE_GETREGSET, child, NT_PRSTATUS, 0);

    /* Signal masks: the child's, a new one, a size the kernel refuses. */
    unsigned long long mask = 0;
    pt(PTRACE_GETSIGMASK, child, sizeof mask, (unsigned long)&mask);
    mask = 1ULL << (SIGUSR1 - 1) | 1ULL << (SIGRTMIN + 2 - 1);
    pt(PTRACE_SETSIGMASK, child, sizeof mask, (unsigned long)&mask);
    pt(PTRACE_GETSIGMASK, child, sizeof mask, (unsigned long)&mask);
    mask = 0;
    pt(PTRACE_SETSIGMASK, child, sizeof mask, (unsigned long)&mask);
    pt(PTRACE_GETSIGMASK, child, 4, (unsigned long)&mask);
    pt(PTRACE_SETSIGMASK, child, 4, (unsigned long)&mask);

    /* Queued signals: none, then two (one for the process, one for the thread). */
    struct ptrace_peeksiginfo_args peek = {.off = 0, .flags = 0, .nr = 4};
    siginfo_t queued[4];
    pt(PTRACE_PEEKSIGINFO, child, (unsigned long)&peek, (unsigned long)queued);
    kill(child, SIGUSR2);
    syscall(SYS_tgkill, child, child, SIGRTMIN + 1);
    pt(PTRACE_PEEKSIGINFO, child, (unsigned long)&peek, (unsigned long)queued);
    peek.flags = PTRACE_PEEKSIGINFO_SHARED;
    pt(PTRACE_PEEKSIGINFO, child, (unsigned long)&peek, (unsigned long)queued);
    peek = (struct ptrace_peeksiginfo_args){.off = 1, .flags = 0x10, .nr = 2};
    pt(PTRACE_PEEKSIGINFO, child, (unsigned long)&peek, (unsigned long)queued);

    struct ptrace_syscall_info info;
    pt(PTRACE_GET_SYSCALL_INFO, child, sizeof info, (unsigned long)&info);
    pt(PTRACE_GETEVENTMSG, child, 0, (unsigned long)&word);

    /* Resumed from the group-stop, the child stops again (PTRACE_EVENT_STOP): its siginfo is
     * replaced there (read back, not before: it holds the child's pid). Then the queued signals'
     * delivery stops, both suppressed. */
    siginfo_t signal_info;
    pt(PTRACE_SYSCALL, child, 0, 0);
    waitpid(child, &status, 0);
    memset(&signal_info, 0, sizeof signal_info);
    signal_info.si_signo = SIGUSR1;
    signal_info.si_code = SI_QUEUE;
    signal_info.si_value.sival_int = 7;
    pt(PTRACE_SETSIGINFO, child, 0, (unsigned long)&signal_info);
    pt(PTRACE_GETSIGINFO, child, 0, (unsigned long)&signal_info);
    pt(PTRACE_SYSCALL, child, 0, 0);
    waitpid(child, &status, 0);
    pt(PTRACE_GETSIGINFO, child, 0, (unsigned long)&signal_info);
    pt(PTRACE_SYSCALL, child, 0, 0);
    waitpid(child, &status, 0);
    pt(PTRACE_GETSIGINFO, child, 0, (unsigned long)&signal_info);

    /* close(-1, ...) at its entry and exit. */
    pt(PTRACE_SYSCALL, child, 0, 0);
    waitpid(child, &status, 0);
    pt(PTRACE_GET_SYSCALL_INFO, child, sizeof info, (unsigned long)&info);
    pt(PTRACE_SYSCALL, child, 0, 0);
    waitpid(child, &status, 0);
    pt(PTRACE_GET_SYSCALL_INFO, child, sizeof info, (unsigned long)&info);
    pt(PTRACE_GET_SYSCALL_INFO, child, 8, (unsigned long)&info);

    /* getppid: the filter's stop, its event message, the filter itself. */
    pt(PTRACE_CONT, child, 0, 0);
    waitpid(child, &status, 0);
    pt(PTRACE_GET_SYSCALL_INFO, child, sizeof info, (unsigned long)&info);
    pt(PTRACE_GETEVENTMSG, child, 0, (unsigned long)&word);
    struct sock_filter filter[8];
    pt(PTRACE_SECCOMP_GET_FILTER, child, 0, 0);
    pt(PTRACE_SECCOMP_GET_FILTER, child, 0, (unsigned long)filter);
    pt(PTRACE_SECCOMP_GET_FILTER, child, 1, (unsigned long)filter);
    struct seccomp_metadata metadata = {.filter_off = 0};
    pt(PTRACE_SECCOMP_GET_METADATA, child, sizeof metadata, (unsigned long)&metadata);
    metadata.filter_off = 3;
    pt(PTRACE_SECCOMP_GET_METADATA, child, sizeof metadata, (unsigned long)&metadata);
    struct ptrace_rseq_configuration rseq;
    pt(PTRACE_GET_RSEQ_CONFIGURATION, child, sizeof rseq, (unsigned long)&rseq);

    /* Requests strace prints as numbers and addresses: a TLS descriptor, the fs base. */
    struct user_desc {
        unsigned int entry_number, base_addr, limit, flags;
    } tls;
    pt(PTRACE_GET_THREAD_AREA, child, 12, (unsigned long)&tls);
#ifdef PTRACE_ARCH_PRCTL
    unsigned long fs_base;
    pt(PTRACE_ARCH_PRCTL, child, (unsigned long)&fs_base, 0x1003 /* ARCH_GET_FS */);
#endif

    /* Emulation: the next call is stopped at entry and skipped. */
    pt(PTRACE_SYSEMU, child, 0, 0);
    waitpid(child, &status, 0);
    pt(PTRACE_GET_SYSCALL_INFO, child, sizeof info, (unsigned long)&info);
    pt(PTRACE_SYSEMU_SINGLESTEP, child, 0, 0);
    waitpid(child, &status, 0);

    /* A pid that cannot exist: every request fails before its arguments are read. */
    pt(PTRACE_PEEKUSER, BOGUS_PID, 8, (unsigned long)&word);
    pt(PTRACE_POKEUSER, BOGUS_PID, offsetof(struct user, u_debugreg), 0);
    pt(PTRACE_GETREGS, BOGUS_PID, 0, (unsigned long)&regs);
    pt(PTRACE_GETFPREGS, BOGUS_PID, 0, (unsigned long)&fpregs);
    vector = (struct iovec){&regs, sizeof regs};
    pt(PTRACE_GETREGSET, BOGUS_PID, NT_PRSTATUS, (unsigned long)&vector);
    pt(PTRACE_SETREGSET, BOGUS_PID, NT_PRSTATUS, (unsigned long)&vector);
    pt(PTRACE_GETSIGINFO, BOGUS_PID, 0, (unsigned long)&signal_info);
    pt(PTRACE_SETSIGINFO, BOGUS_PID, 0, (unsigned long)&signal_info);
    pt(PTRACE_GETSIGMASK, BOGUS_PID, sizeof mask, (unsigned long)&mask);
    pt(PTRACE_SETSIGMASK, BOGUS_PID, sizeof mask, (unsigned long)&mask);
    pt(PTRACE_PEEKSIGINFO, BOGUS_PID, (unsigned long)&peek, (unsigned long)queued);
    pt(PTRACE_GET_SYSCALL_INFO, BOGUS_PID, sizeof info, (unsigned long)&info);
    pt(PTRACE_SECCOMP_GET_FILTER, BOGUS_PID, 0, (unsigned long)filter);
    pt(PTRACE_SECCOMP_GET_METADATA, BOGUS_PID, sizeof metadata, (unsigned long)&metadata);
    pt(PTRACE_GET_RSEQ_CONFIGURATION, BOGUS_PID, sizeof rseq, (unsigned long)&rseq);
    pt(PTRACE_GETEVENTMSG, BOGUS_PID, 0, (unsigned long)&word);
    pt(PTRACE_SYSEMU, BOGUS_PID, 0, SIGUSR1);
    pt(PTRACE_ATTACH, BOGUS_PID, 0, 0);
    pt(PTRACE_INTERRUPT, BOGUS_PID, 0, 0);
    pt(PTRACE_LISTEN, BOGUS_PID, 0, 0);
    pt(PTRACE_KILL, BOGUS_PID, 0, 0);
    pt(PTRACE_SINGLESTEP, BOGUS_PID, 0, 0x4d);
    pt(PTRACE_DETACH, BOGUS_PID, 0, SIGCONT);
    pt(PTRACE_SETOPTIONS, BOGUS_PID, 0, 0x40000000 | PTRACE_O_TRACEEXEC);
    pt(PTRACE_PEEKTEXT, BOGUS_PID, 0x1000, (unsigned long)&word);
    pt(PTRACE_POKEDATA, BOGUS_PID, 0x1000, 0xdeadbeef);
    pt(0x4299, BOGUS_PID, 1, 2);
    /* This program is traced already (by strace or swtrace): EPERM. */
    pt(PTRACE_TRACEME, 0, 0, 0);

    kill(child, SIGKILL);
    waitpid(child, &status, 0);
    return 0;
}
