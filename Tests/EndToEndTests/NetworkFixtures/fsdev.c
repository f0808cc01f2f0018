/* File system and block device calls that succeed, for NetworkDifferentialTests: FITRIM and
 * FIDEDUPERANGE with what the kernel writes back (strace prints FITRIM's range as passed),
 * BLKTRACESETUP's answer, and XFS quota state
 * (Q_XGETQSTAT, Q_XGETQSTATV) and limits (Q_XGETQUOTA, Q_XGETNEXTQUOTA). They need a file system
 * of their own: in a private mount namespace, a helper made with CLONE_UNTRACED (so that neither
 * tracer traces it or mkfs.xfs, whose calls are not this fixture's) attaches a sparse image in
 * /tmp to a free loop device, runs mkfs.xfs on it and mounts it on /mnt, and debugfs on
 * /sys/kernel/debug. Nothing outlives the program: the image has no name (O_TMPFILE), the loop
 * device detaches itself (LO_FLAGS_AUTOCLEAR) when the file system is unmounted, and the mounts
 * go with the namespace should the program die first. Quotas that succeed are answered by a
 * seccomp supervisor (see supervised_quotas). SIGCHLD is blocked, so no signal line races the
 * calls. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <stddef.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/quota.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <linux/blktrace_api.h>
#include <linux/filter.h>
#include <linux/dqblk_xfs.h>
#include <linux/fs.h>
#include <linux/loop.h>
#include <linux/seccomp.h>

#define MOUNTED "/mnt"

/* Runs `mkfs` on `device` with `options`, its output thrown away; 0 when it succeeded. */
static int make_file_system(const char *mkfs, const char *options[], const char *device) {
    pid_t child = syscall(SYS_clone, SIGCHLD, 0, 0, 0, 0);
    if (child == 0) {
        int null = open("/dev/null", O_WRONLY);
        dup2(null, 1);
        dup2(null, 2);
        char *argv[8] = {(char *)mkfs};
        int count = 1;
        for (; options[count - 1] != NULL && count < 6; count++) argv[count] = (char *)options[count - 1];
        argv[count] = (char *)device;
        char *envp[] = {"PATH=/usr/sbin:/sbin:/usr/bin:/bin", NULL};
        execve(mkfs, argv, envp);
        _exit(127);
    }
    int status;
    if (child < 0 || waitpid(child, &status, 0) != child) return -1;
    return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : -1;
}

/* Attaches `image` to the loop device `number`: its descriptor, or -1 when that device is taken
 * or missing. */
static int configure(int number, int image) {
    char path[32];
    snprintf(path, sizeof path, "/dev/loop%d", number);
    int loop = open(path, O_RDWR | O_CLOEXEC);
    struct loop_config config = {.fd = image, .info = {.lo_flags = LO_FLAGS_AUTOCLEAR}};
    if (loop >= 0 && ioctl(loop, LOOP_CONFIGURE, &config) == 0) return loop;
    if (loop >= 0) close(loop);
    return -1;
}

/* A sparse image of `megabytes` attached to a loop device, whose number it returns (-1 on
 * failure). The device is left open: AUTOCLEAR detaches it at its last close, once mounted at
 * the unmount. The highest free device is taken, so that ioctl_dev, which asks for the lowest
 * (LOOP_CTL_GET_FREE) in the middle of its traced calls, does not meet this one. */
static int attach(int megabytes) {
    /* Unnamed (O_TMPFILE): nothing to delete, and no name that two runs at once would share. */
    int image = open("/tmp", O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
    if (image < 0 || ftruncate(image, (off_t)megabytes << 20) != 0) return -1;
    int attached = -1;
    for (int number = 255; number >= 0 && attached < 0; number--) {
        if (configure(number, image) >= 0) attached = number;
    }
    /* None of the usual names: ask the kernel for one (it makes a device when all are taken). */
    int control = open("/dev/loop-control", O_RDWR | O_CLOEXEC);
    for (int attempt = 0; attempt < 20 && attached < 0; attempt++) {
        int free = ioctl(control, LOOP_CTL_GET_FREE);
        if (free < 0) break;
        if (configure(free, image) >= 0) attached = free;
    }
    close(control);
    close(image);
    return attached;
}

/* The untraced helper: XFS (mkfs.xfs makes it with reflink, which FIDEDUPERANGE needs) on /mnt,
 * and debugfs, which BLKTRACESETUP needs. Leaves the loop device's number in `*number`; exits
 * non-zero on any failure. */
static void prepare(int *number) {
    char device[32];
    *number = attach(320);
    if (*number < 0) _exit(2);
    snprintf(device, sizeof device, "/dev/loop%d", *number);
    const char *options[] = {"-q", "-f", "-K", NULL};
    if (make_file_system("/usr/sbin/mkfs.xfs", options, device) != 0) _exit(3);
    if (mount(device, MOUNTED, "xfs", 0, NULL) != 0) _exit(4);
    if (mount("debugfs", "/sys/kernel/debug", "debugfs", 0, NULL) != 0) _exit(5);
    _exit(0);
}

/* The whole file system, then a range past its end. The kernel writes the bytes it trimmed back
 * into len; strace 6.1 prints the range as passed, success or not. */
static void trim(void) {
    int directory = open(MOUNTED, O_RDONLY | O_DIRECTORY);
    struct fstrim_range range = {.start = 0, .len = (unsigned long long)-1, .minlen = 0};
    ioctl(directory, FITRIM, &range);
    range = (struct fstrim_range){.start = 1ULL << 40, .len = 4096, .minlen = 0};
    ioctl(directory, FITRIM, &range);
    close(directory);
}

/* Two files of the same 16 KiB and a third that differs: the first range is deduplicated into
 * the second and found to differ from the third. */
static void deduplicate(void) {
    static char data[16384];
    memset(data, 'd', sizeof data);
    int source = open(MOUNTED "/source", O_RDWR | O_CREAT | O_TRUNC, 0600);
    int same = open(MOUNTED "/same", O_RDWR | O_CREAT | O_TRUNC, 0600);
    int other = open(MOUNTED "/other", O_RDWR | O_CREAT | O_TRUNC, 0600);
    write(source, data, sizeof data);
    write(same, data, sizeof data);
    data[0] = 'o';
    write(other, data, sizeof data);
    struct {
        struct file_dedupe_range range;
        struct file_dedupe_range_info info[3];
    } request = {.range = {.src_offset = 0, .src_length = sizeof data, .dest_count = 3},
                 .info = {{.dest_fd = same}, {.dest_fd = other}, {.dest_fd = same, .dest_offset = 4096}}};
    ioctl(source, FIDEDUPERANGE, &request);
    request.range.dest_count = 1;
    request.range.src_length = 4096;
    request.info[0] = (struct file_dedupe_range_info){.dest_fd = other};
    ioctl(source, FIDEDUPERANGE, &request);
    /* A destination that is not open: its status is the error, the call succeeds. */
    request.info[0].dest_fd = -1;
    ioctl(source, FIDEDUPERANGE, &request);
    /* A source that is not a regular file: the call fails. */
    int directory = open(MOUNTED, O_RDONLY | O_DIRECTORY);
    ioctl(directory, FIDEDUPERANGE, &request);
    close(directory);
    close(other);
    close(same);
    close(source);
}

/* What the quota supervisor answers: XFS quota state and limits, as a file system with user
 * quotas accounted and enforced would (fs_quota_statv's flags with a bit no header names, and a
 * negative time limit). The supervisor is built for the caller's ABI, so are the structs. */
static void answer_quota(const struct seccomp_notif *call) {
    unsigned int command = (unsigned int)call->data.args[0] >> SUBCMDSHIFT;
    struct iovec remote = {.iov_base = (void *)(unsigned long)call->data.args[3]};
    struct fs_quota_stat stat = {.qs_version = FS_QSTAT_VERSION, .qs_flags = FS_QUOTA_UDQ_ACCT | FS_QUOTA_UDQ_ENFD,
                                 .qs_uquota = {.qfs_ino = 131, .qfs_nblks = 1, .qfs_nextents = 1},
                                 .qs_gquota = {.qfs_ino = (__u64)-1}, .qs_incoredqs = 2,
                                 .qs_btimelimit = 604800, .qs_itimelimit = 604800, .qs_rtbtimelimit = 604800,
                                 .qs_bwarnlimit = 5, .qs_iwarnlimit = 5};
    struct fs_quota_statv statv = {.qs_version = FS_QSTATV_VERSION1, .qs_flags = FS_QUOTA_UDQ_ACCT | FS_QUOTA_PDQ_ACCT | 0x8000,
                                   .qs_incoredqs = 3, .qs_uquota = {.qfs_ino = 131, .qfs_nblks = 2, .qfs_nextents = 1},
                                   .qs_gquota = {.qfs_ino = (__u64)-1},
                                   .qs_pquota = {.qfs_ino = 132, .qfs_nblks = 1, .qfs_nextents = 1},
                                   .qs_btimelimit = 7200, .qs_itimelimit = 3600, .qs_rtbtimelimit = -60,
                                   .qs_bwarnlimit = 1, .qs_iwarnlimit = 2, .qs_rtbwarnlimit = 3};
    struct fs_disk_quota quota = {.d_version = FS_DQUOT_VERSION, .d_flags = FS_USER_QUOTA,
                                  .d_fieldmask = FS_DQ_BCOUNT | FS_DQ_ICOUNT, .d_id = (__u32)call->data.args[2],
                                  .d_blk_hardlimit = 1600, .d_blk_softlimit = 800, .d_ino_hardlimit = 20,
                                  .d_ino_softlimit = 10, .d_bcount = 24, .d_icount = 3, .d_itimer = 1700000000,
                                  .d_btimer = -1, .d_iwarns = 1, .d_bwarns = 2, .d_rtb_hardlimit = 3,
                                  .d_rtb_softlimit = 4, .d_rtbcount = 5, .d_rtbtimer = 6, .d_rtbwarns = 7};
    struct iovec local;
    switch (command) {
    case Q_XGETQSTAT: local = (struct iovec){&stat, sizeof stat}; break;
    case Q_XGETQSTATV: local = (struct iovec){&statv, sizeof statv}; break;
    case Q_XGETQUOTA: case Q_XGETNEXTQUOTA: local = (struct iovec){&quota, sizeof quota}; break;
    default: return;
    }
    remote.iov_len = local.iov_len;
    process_vm_writev(call->pid, &local, 1, &remote, 1, 0);
}

/* The untraced supervisor: answers `count` quotactl calls the filter hands it, then exits. It
 * dies with the program, and after a minute should a call never come. */
static void supervise(int listener, int count) {
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    alarm(60);
    for (int index = 0; index < count; index++) {
        struct seccomp_notif call;
        memset(&call, 0, sizeof call);
        if (ioctl(listener, SECCOMP_IOCTL_NOTIF_RECV, &call) != 0) _exit(1);
        answer_quota(&call);
        struct seccomp_notif_resp response = {.id = call.id};
        ioctl(listener, SECCOMP_IOCTL_NOTIF_SEND, &response);
    }
    _exit(0);
}

/* XFS quotas as the kernel answers them on the mounted file system (without user quotas; not at
 * all where XFS quotas are not compiled in). */
static void kernel_quotas(const char *device) {
    struct fs_quota_stat stat;
    memset(&stat, 0, sizeof stat);
    quotactl(QCMD(Q_XGETQSTAT, USRQUOTA), device, 0, (caddr_t)&stat);
    struct fs_disk_quota quota;
    memset(&quota, 0, sizeof quota);
    quotactl(QCMD(Q_XGETQUOTA, USRQUOTA), device, 0, (caddr_t)&quota);
}

/* XFS quotas that succeed: no file system at hand keeps quotas in every kernel (XFS quotas and
 * the vfs quota formats are options), so a seccomp supervisor answers these calls, filling in
 * the structs as a file system with user quotas would. What the tracers read is the same. */
static void supervised_quotas(const char *device) {
    struct fs_quota_stat stat;
    memset(&stat, 0, sizeof stat);
    struct fs_quota_statv statv;
    memset(&statv, 0, sizeof statv);
    statv.qs_version = FS_QSTATV_VERSION1;
    struct fs_disk_quota quota;
    memset(&quota, 0, sizeof quota);

    struct sock_filter filter[] = {
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_quotactl, 0, 1),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_USER_NOTIF),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
    };
    struct sock_fprog program = {.len = sizeof filter / sizeof filter[0], .filter = filter};
    int listener = syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, SECCOMP_FILTER_FLAG_NEW_LISTENER, &program);
    if (listener < 0) return;
    pid_t supervisor = syscall(SYS_clone, CLONE_UNTRACED | SIGCHLD, 0, 0, 0, 0);
    if (supervisor == 0) supervise(listener, 5);
    quotactl(QCMD(Q_XGETQSTAT, USRQUOTA), device, 0, (caddr_t)&stat);
    quotactl(QCMD(Q_XGETQSTATV, USRQUOTA), device, 0, (caddr_t)&statv);
    quotactl(QCMD(Q_XGETQUOTA, USRQUOTA), device, 0, (caddr_t)&quota);
    quotactl(QCMD(Q_XGETNEXTQUOTA, USRQUOTA), device, 1000, (caddr_t)&quota);
    struct fs_disk_quota limits = {.d_version = FS_DQUOT_VERSION, .d_flags = FS_USER_QUOTA, .d_id = 1000,
                                   .d_fieldmask = FS_DQ_BSOFT | FS_DQ_BHARD, .d_blk_softlimit = 800,
                                   .d_blk_hardlimit = 1600};
    quotactl(QCMD(Q_XSETQLIM, USRQUOTA), device, 1000, (caddr_t)&limits);
    int status;
    waitpid(supervisor, &status, 0);
    close(listener);
}

static void block_trace(const char *device) {
    int block = open(device, O_RDONLY | O_CLOEXEC);
    struct blk_user_trace_setup setup = {.act_mask = 0xffff, .buf_size = 4096, .buf_nr = 4};
    if (ioctl(block, BLKTRACESETUP, &setup) == 0) ioctl(block, BLKTRACETEARDOWN, 0);
    close(block);
}

int main(void) {
    sigset_t chld;
    sigemptyset(&chld);
    sigaddset(&chld, SIGCHLD);
    sigprocmask(SIG_BLOCK, &chld, NULL);
    if (unshare(CLONE_NEWNS) != 0 || mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0) return 1;

    int *number = mmap(NULL, sizeof *number, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    pid_t helper = syscall(SYS_clone, CLONE_UNTRACED | SIGCHLD, 0, 0, 0, 0);
    if (helper == 0) prepare(number);
    int status;
    waitpid(helper, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return 2;
    char device[32];
    snprintf(device, sizeof device, "/dev/loop%d", *number);

    trim();
    deduplicate();
    kernel_quotas(device);
    block_trace(device);
    umount2("/sys/kernel/debug", 0);
    umount2(MOUNTED, 0);
    /* Last: the filter stays with the program. */
    supervised_quotas(device);
    return 0;
}
