// Process attributes: ids, priorities, scheduling, prctl, capabilities, namespaces, pidfds,
// resource usage, waiting, and exit.
#include "family.h"
#include <sched.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <linux/capability.h>

int main(void) {
    // Credentials: -1 means "unchanged" and prints as -1.
    syscall(SYS_getuid); syscall(SYS_geteuid); syscall(SYS_getgid); syscall(SYS_getegid);
    syscall(SYS_setuid, getuid());
    syscall(SYS_setgid, getgid());
    syscall(SYS_setreuid, -1, -1);
    syscall(SYS_setregid, -1, getgid());
    syscall(SYS_setresuid, -1, -1, -1);
    syscall(SYS_setresgid, -1, -1, getgid());
    uid_t r, e, s;
    syscall(SYS_getresuid, &r, &e, &s);
    syscall(SYS_getresgid, &r, &e, UNMAPPED);
    syscall(SYS_setfsuid, -1);
    syscall(SYS_setfsgid, 0);
    gid_t groups[8];
    syscall(SYS_getgroups, 0, NULL);
    syscall(SYS_getgroups, 8, groups);
    syscall(SYS_getgroups, -1, groups);
    syscall(SYS_setgroups, 0, NULL);
    syscall(SYS_setgroups, 1, UNMAPPED);

    // Priorities and scheduling.
    syscall(SYS_getpriority, PRIO_PROCESS, 0);
    syscall(SYS_getpriority, PRIO_USER, 12345);
    syscall(SYS_getpriority, 9, 0);
    syscall(SYS_setpriority, PRIO_PGRP, 1234567, 5);
    syscall(SYS_setpriority, PRIO_PROCESS, 0, 5);
    syscall(SYS_setpriority, PRIO_PROCESS, 0, 0);
    struct sched_param param = {0};
    syscall(SYS_sched_getscheduler, 0);
    syscall(SYS_sched_getscheduler, -1);
    syscall(SYS_sched_getparam, 0, &param);
    syscall(SYS_sched_getparam, 0, UNMAPPED);
    syscall(SYS_sched_setscheduler, 0, SCHED_OTHER, &param);
    syscall(SYS_sched_setscheduler, 0, SCHED_BATCH | SCHED_RESET_ON_FORK, &param);
    syscall(SYS_sched_setscheduler, 0, 42, NULL);
    syscall(SYS_sched_setparam, 0, &param);
    syscall(SYS_sched_get_priority_max, SCHED_FIFO);
    syscall(SYS_sched_get_priority_min, SCHED_RR);
    syscall(SYS_sched_get_priority_min, 77);
    struct timespec quantum;
    syscall(SYS_sched_rr_get_interval, 0, &quantum);
    syscall(SYS_sched_yield);
    unsigned long cpus[16];
    memset(cpus, 0, sizeof cpus);
    syscall(SYS_sched_getaffinity, 0, sizeof cpus, cpus);
    syscall(SYS_sched_getaffinity, 0, 2, cpus);
    syscall(SYS_sched_getaffinity, 0, sizeof cpus, UNMAPPED);
    syscall(SYS_sched_setaffinity, 0, sizeof cpus, cpus);
    cpus[0] = 1;
    syscall(SYS_sched_setaffinity, 0, sizeof(long), cpus);
    unsigned cpu, node;
    syscall(SYS_getcpu, &cpu, &node, NULL);
    syscall(SYS_getcpu, NULL, NULL, NULL);

    // prctl: the common options.
    char name[32];
    syscall(SYS_prctl, PR_SET_NAME, "family-fixture");
    syscall(SYS_prctl, PR_SET_NAME, LONG_STRING);
    syscall(SYS_prctl, PR_GET_NAME, name);
    syscall(SYS_prctl, PR_GET_NAME, UNMAPPED);
    syscall(SYS_prctl, PR_SET_PDEATHSIG, SIGTERM);
    syscall(SYS_prctl, PR_SET_PDEATHSIG, 0);
    int signo;
    syscall(SYS_prctl, PR_GET_PDEATHSIG, &signo);
    syscall(SYS_prctl, PR_GET_DUMPABLE);
    syscall(SYS_prctl, PR_SET_DUMPABLE, 1);
    syscall(SYS_prctl, PR_SET_DUMPABLE, 7);
    syscall(SYS_prctl, PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0);
    syscall(SYS_prctl, PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
    syscall(SYS_prctl, PR_GET_SECCOMP);
    syscall(SYS_prctl, PR_SET_SECCOMP, 77);
    syscall(SYS_prctl, PR_CAPBSET_READ, 0);       // CAP_CHOWN
    syscall(SYS_prctl, PR_CAPBSET_READ, 1000);
    syscall(SYS_prctl, PR_SET_KEEPCAPS, 1);
    syscall(SYS_prctl, PR_GET_KEEPCAPS);
    syscall(SYS_prctl, PR_SET_CHILD_SUBREAPER, 1);
    syscall(SYS_prctl, PR_GET_TIMERSLACK);
    syscall(SYS_prctl, 0x7fff, 1, 2, 3, 4);

    // Capabilities.
    struct __user_cap_header_struct header = {_LINUX_CAPABILITY_VERSION_3, 0};
    struct __user_cap_data_struct data[2];
    syscall(SYS_capget, &header, data);
    syscall(SYS_capset, &header, data);
    header.version = 0x12345678;
    syscall(SYS_capget, &header, NULL);
    syscall(SYS_capget, UNMAPPED, NULL);

    // Resource usage.
    struct rusage usage;
    syscall(SYS_getrusage, RUSAGE_SELF, &usage);
    syscall(SYS_getrusage, RUSAGE_CHILDREN, UNMAPPED);
    syscall(SYS_getrusage, 5, &usage);

    // Namespaces and pidfds.
    syscall(SYS_unshare, 0);
    syscall(SYS_unshare, CLONE_NEWUTS | CLONE_NEWNET | CLONE_FILES);
    syscall(SYS_unshare, 0x1);
    syscall(SYS_setns, -1, CLONE_NEWNS);
    syscall(SYS_setns, -1, 0);
    int pidfd = (int)syscall(SYS_pidfd_open, getpid(), 0);
    syscall(SYS_pidfd_open, getpid(), 0x800);
    syscall(SYS_pidfd_open, -1, 0x1);
    syscall(SYS_pidfd_send_signal, pidfd, 0, NULL, 0);
    syscall(SYS_pidfd_send_signal, pidfd, SIGUSR1, UNMAPPED, 0x5);
    syscall(SYS_pidfd_getfd, pidfd, 0, 0);
    syscall(SYS_pidfd_getfd, -1, 1, 0x2);

    // A child to wait for: its rusage and siginfo. SIGCHLD stays blocked, so that no signal line
    // races the waitid line.
    uint64_t chld = 1ULL << (SIGCHLD - 1);
    syscall(SYS_rt_sigprocmask, SIG_BLOCK, &chld, NULL, 8);
    pid_t child = (pid_t)syscall(SYS_fork);
    if (child == 0) syscall(SYS_exit, 3);
    siginfo_t info;
    memset(&info, 0, sizeof info);
    syscall(SYS_waitid, P_PID, child, &info, WEXITED | WNOWAIT, NULL);
    int status;
    syscall(SYS_wait4, child, &status, 0, &usage);
    syscall(SYS_waitid, P_ALL, 0, &info, WEXITED | WNOHANG, NULL);
    syscall(SYS_waitid, 9, 0, NULL, 0, NULL);
    syscall(SYS_wait4, -1, NULL, WNOHANG, UNMAPPED);
    syscall(SYS_exit, 0);
    return 0;
}
