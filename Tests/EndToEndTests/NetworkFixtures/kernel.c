/* Kernel control calls for NetworkDifferentialTests: bpf (a small array map and a two-instruction
 * socket filter, both closed again), perf_event_open (a software clock counter), and calls that
 * must never take effect, each made to fail before the kernel acts: reboot with a bad second
 * magic number (EINVAL), kexec with too many segments or unknown flags (EINVAL), module loading
 * with an image too short to be ELF (ENOEXEC) or a bad descriptor (EBADF), delete_module of a
 * module that does not exist (ENOENT), quotactl on a device that does not exist, syslog reading
 * nothing. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/bpf.h>
#include <linux/dqblk_xfs.h>
#include <linux/hw_breakpoint.h>
#include <linux/kexec.h>
#include <linux/module.h>
#include <linux/perf_event.h>
#include <linux/reboot.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/quota.h>
#include <sys/syscall.h>
#include <unistd.h>

static long bpf(int command, union bpf_attr *attr, unsigned int size) {
    return syscall(SYS_bpf, command, attr, size);
}

int main(void) {
    /* reboot(2): the second magic number is wrong, so nothing happens (EINVAL). */
    syscall(SYS_reboot, LINUX_REBOOT_MAGIC1, 0x12345678, LINUX_REBOOT_CMD_RESTART, NULL);
    syscall(SYS_reboot, LINUX_REBOOT_MAGIC1, 0x12345678, LINUX_REBOOT_CMD_RESTART2, "swtrace");
    syscall(SYS_reboot, 0xdead, LINUX_REBOOT_MAGIC2C, LINUX_REBOOT_CMD_POWER_OFF, NULL);
    syscall(SYS_reboot, LINUX_REBOOT_MAGIC1, 0, 0x7654321, NULL);

    /* syslog(2): the buffer's size; READ_ALL without a buffer and an unknown action fail. */
    syscall(SYS_syslog, 10, NULL, 0);
    syscall(SYS_syslog, 3, NULL, 16);
    syscall(SYS_syslog, 99, NULL, 0);
    syscall(SYS_syslog, 8, NULL, 99);
    syscall(SYS_syslog, 8, NULL, -1);

    /* Modules: an image too short to be ELF, a bad descriptor, a module that is not there. */
    syscall(SYS_init_module, "abc", 3, "debug=1");
    syscall(SYS_init_module, NULL, 0, NULL);
    syscall(SYS_finit_module, -1, "", MODULE_INIT_IGNORE_MODVERSIONS | MODULE_INIT_IGNORE_VERMAGIC);
    syscall(SYS_finit_module, -1, "x=1", 0x80);
    syscall(SYS_delete_module, "swtrace_no_such_module", O_NONBLOCK | O_TRUNC);
    syscall(SYS_delete_module, NULL, 0);

    /* kexec: too many segments, unknown architecture or flags (EINVAL before anything loads). */
    struct kexec_segment segments[2] = {
        {.buf = "abc", .bufsz = 3, .mem = (void *)0x100000, .memsz = 0x1000},
        {.buf = NULL, .bufsz = 0, .mem = (void *)0x200000, .memsz = 0x2000},
    };
    syscall(SYS_kexec_load, 0x100000, 1000, segments, KEXEC_ON_CRASH);
    syscall(SYS_kexec_load, 0x100000, 2, segments, KEXEC_PRESERVE_CONTEXT | (0x1234 << 16));
    syscall(SYS_kexec_load, 0, 1, NULL, 0x10);
#ifdef SYS_kexec_file_load
    syscall(SYS_kexec_file_load, -1, -1, 8, "console", 0x100);
    syscall(SYS_kexec_file_load, -1, -1, 0, NULL, KEXEC_FILE_ON_CRASH | KEXEC_FILE_NO_INITRAMFS | 0x100);
#endif

    /* quotactl on a device that does not exist, quotactl_fd on a bad descriptor. */
    struct dqblk quota;
    memset(&quota, 0, sizeof quota);
    syscall(SYS_quotactl, QCMD(Q_GETQUOTA, USRQUOTA), "/dev/swtrace-none", 1000, &quota);
    quota.dqb_bhardlimit = 100;
    quota.dqb_valid = QIF_BLIMITS;
    syscall(SYS_quotactl, QCMD(Q_SETQUOTA, GRPQUOTA), "/dev/swtrace-none", 0, &quota);
    syscall(SYS_quotactl, QCMD(Q_SYNC, USRQUOTA), "/dev/swtrace-none", 0, NULL);
    syscall(SYS_quotactl, QCMD(Q_QUOTAON, USRQUOTA), "/dev/swtrace-none", QFMT_VFS_V1, "/quota.user");
    syscall(SYS_quotactl, QCMD(Q_GETFMT, PRJQUOTA), NULL, 0, NULL);
    syscall(SYS_quotactl, QCMD(0x7777, USRQUOTA), "/dev/swtrace-none", 0, NULL);
    syscall(SYS_quotactl, QCMD(Q_GETQUOTA, USRQUOTA), "/dev/swtrace-none", -1, NULL);
    struct dqinfo info = {.dqi_bgrace = 5, .dqi_igrace = 6, .dqi_flags = DQF_ROOT_SQUASH, .dqi_valid = IIF_ALL};
    syscall(SYS_quotactl, QCMD(Q_SETINFO, USRQUOTA), "/dev/swtrace-none", 0, &info);
    syscall(SYS_quotactl, QCMD(Q_SETINFO, USRQUOTA), "/dev/swtrace-none", 0, 8);
    unsigned int xfs_flags = FS_QUOTA_UDQ_ACCT | FS_QUOTA_GDQ_ENFD | 0x100;
    syscall(SYS_quotactl, QCMD(Q_XQUOTAON, USRQUOTA), "/dev/swtrace-none", 3, &xfs_flags);
    xfs_flags = FS_USER_QUOTA | FS_PROJ_QUOTA;
    syscall(SYS_quotactl, QCMD(Q_XQUOTARM, USRQUOTA), "/dev/swtrace-none", 3, &xfs_flags);
    syscall(SYS_quotactl, QCMD(Q_XQUOTAOFF, USRQUOTA), "/dev/swtrace-none", 3, 8);
    syscall(SYS_quotactl, QCMD(Q_XGETQUOTA, USRQUOTA), "/dev/swtrace-none", 3, NULL);
#ifdef SYS_quotactl_fd
    syscall(SYS_quotactl_fd, -1, QCMD(Q_GETINFO, USRQUOTA), 0, NULL);
#else
    syscall(443, -1, QCMD(Q_GETINFO, USRQUOTA), 0, NULL);
#endif

    /* perf_event_open: the software clock of this process on any CPU, then bad sizes and flags. */
    struct perf_event_attr attr;
    memset(&attr, 0, sizeof attr);
    attr.type = PERF_TYPE_SOFTWARE;
    attr.size = sizeof attr;
    attr.config = PERF_COUNT_SW_CPU_CLOCK;
    attr.sample_period = 100000;
    attr.sample_type = PERF_SAMPLE_IP | PERF_SAMPLE_TID;
    attr.read_format = PERF_FORMAT_TOTAL_TIME_ENABLED;
    attr.disabled = 1;
    attr.exclude_kernel = 1;
    attr.exclude_hv = 1;
    int event = syscall(SYS_perf_event_open, &attr, 0, -1, -1, PERF_FLAG_FD_CLOEXEC);
    close(event);
    syscall(SYS_perf_event_open, NULL, 0, -1, -1, 0);
    attr.size = 8;
    syscall(SYS_perf_event_open, &attr, -1, 0, -1, 0x100);
    memset(&attr, 0, sizeof attr);
    attr.type = PERF_TYPE_HARDWARE;
    attr.size = PERF_ATTR_SIZE_VER0;
    attr.config = PERF_COUNT_HW_INSTRUCTIONS;
    attr.freq = 1;
    attr.sample_freq = 4000;
    syscall(SYS_perf_event_open, &attr, 0, -1, 99, PERF_FLAG_FD_NO_GROUP | PERF_FLAG_FD_OUTPUT);
    attr.type = PERF_TYPE_TRACEPOINT;
    attr.config = 12345;
    syscall(SYS_perf_event_open, &attr, 0, 1, -1, PERF_FLAG_PID_CGROUP);
    syscall(SYS_perf_event_open, (void *)8, 0, -1, -1, 0);
    /* Every field -v shows: a size of 0 (the first version's), a breakpoint, a cache event, bits
     * no field has yet, and a size the kernel does not know (E2BIG: it writes back its own). */
    memset(&attr, 0, sizeof attr);
    attr.type = PERF_TYPE_SOFTWARE;
    attr.config = 99;
    attr.precise_ip = 1;
    attr.wakeup_events = 5;
    attr.config1 = 7;
    attr.use_clockid = 1;
    attr.clockid = 1;
    attr.sample_type = PERF_SAMPLE_STACK_USER | PERF_SAMPLE_BRANCH_STACK | (1ULL << 40);
    attr.sample_regs_user = 3;
    attr.sample_stack_user = 64;
    attr.branch_sample_type = PERF_SAMPLE_BRANCH_USER | PERF_SAMPLE_BRANCH_ANY;
    attr.aux_watermark = 9;
    attr.sig_data = 3;
    syscall(SYS_perf_event_open, &attr, 0, -1, -1, 0);
    attr.size = sizeof attr;
    attr.precise_ip = 2;
    attr.type = PERF_TYPE_BREAKPOINT;
    attr.bp_type = HW_BREAKPOINT_W;
    attr.bp_addr = 0x1000;
    attr.bp_len = 8;
    attr.watermark = 1;
    attr.read_format = 0xff;
    syscall(SYS_perf_event_open, &attr, 0, -1, -1, 0);
    attr.type = PERF_TYPE_HW_CACHE;
    attr.config = PERF_COUNT_HW_CACHE_L1D | (PERF_COUNT_HW_CACHE_OP_READ << 8) | (PERF_COUNT_HW_CACHE_RESULT_MISS << 16);
    attr.precise_ip = 3;
    syscall(SYS_perf_event_open, &attr, 0, -1, -1, 0);
    attr.type = 77;
    attr.size = PERF_ATTR_SIZE_VER1;
    attr.__reserved_1 = 1;
    syscall(SYS_perf_event_open, &attr, 0, -1, -1, 0);
    char big[256];
    memset(big, 0, sizeof big);
    memcpy(big, &attr, sizeof attr);
    ((struct perf_event_attr *)big)->size = 200;
    big[150] = 1;
    syscall(SYS_perf_event_open, big, 0, -1, -1, 0);

    /* bpf: an array map of 4 eight-byte values, its elements, a socket filter that returns 0. */
    union bpf_attr a;
    memset(&a, 0, sizeof a);
    a.map_type = BPF_MAP_TYPE_ARRAY;
    a.key_size = 4;
    a.value_size = 8;
    a.max_entries = 4;
    strcpy(a.map_name, "swtrace");
    int map = bpf(BPF_MAP_CREATE, &a, sizeof a);
    unsigned int key = 1, next_key = 0;
    unsigned long long value = 42;
    memset(&a, 0, sizeof a);
    a.map_fd = map;
    a.key = (unsigned long)&key;
    a.value = (unsigned long)&value;
    a.flags = BPF_ANY;
    bpf(BPF_MAP_UPDATE_ELEM, &a, sizeof a);
    bpf(BPF_MAP_LOOKUP_ELEM, &a, sizeof a);
    bpf(BPF_MAP_DELETE_ELEM, &a, sizeof a);
    a.next_key = (unsigned long)&next_key;
    bpf(BPF_MAP_GET_NEXT_KEY, &a, sizeof a);
    struct bpf_insn instructions[] = {
        {.code = BPF_ALU64 | BPF_MOV | BPF_K, .dst_reg = BPF_REG_0, .imm = 0},
        {.code = BPF_JMP | BPF_EXIT},
    };
    memset(&a, 0, sizeof a);
    a.prog_type = BPF_PROG_TYPE_SOCKET_FILTER;
    a.insn_cnt = 2;
    a.insns = (unsigned long)instructions;
    a.license = (unsigned long)"GPL";
    strcpy(a.prog_name, "swtrace_prog");
    /* The verifier gives up with EAGAIN when a signal is pending (libbpf retries too); the
     * differential test leaves those attempts out of both traces. */
    int prog;
    do prog = bpf(BPF_PROG_LOAD, &a, sizeof a);
    while (prog < 0 && errno == EAGAIN);
    memset(&a, 0, sizeof a);
    a.pathname = (unsigned long)"/sys/fs/bpf/swtrace-none/x";
    a.bpf_fd = map;
    bpf(BPF_OBJ_PIN, &a, sizeof a);
    a.bpf_fd = 0;
    a.file_flags = BPF_F_RDONLY;
    bpf(BPF_OBJ_GET, &a, sizeof a);
    memset(&a, 0, sizeof a);
    a.target_fd = -1;
    a.attach_bpf_fd = prog;
    a.attach_type = BPF_CGROUP_INET_INGRESS;
    a.attach_flags = BPF_F_ALLOW_MULTI;
    bpf(BPF_PROG_ATTACH, &a, sizeof a);
    bpf(BPF_PROG_DETACH, &a, sizeof a);
    memset(&a, 0, sizeof a);
    a.info.bpf_fd = -1;
    a.info.info_len = 16;
    a.info.info = (unsigned long)&value;
    bpf(BPF_OBJ_GET_INFO_BY_FD, &a, sizeof a);
    memset(&a, 0, sizeof a);
    a.start_id = 0xfffffff0;
    bpf(BPF_PROG_GET_NEXT_ID, &a, sizeof a);
    bpf(BPF_MAP_GET_NEXT_ID, &a, sizeof a);
    bpf(BPF_PROG_GET_FD_BY_ID, &a, sizeof a);
    bpf(BPF_MAP_GET_FD_BY_ID, &a, sizeof a);
    memset(&a, 0, sizeof a);
    a.btf = (unsigned long)"abc";
    a.btf_size = 3;
    bpf(BPF_BTF_LOAD, &a, sizeof a);
    memset(&a, 0, sizeof a);
    a.link_create.prog_fd = prog;
    a.link_create.target_fd = -1;
    a.link_create.attach_type = BPF_CGROUP_INET_EGRESS;
    bpf(BPF_LINK_CREATE, &a, sizeof a);
    /* Commands that fail on bad descriptors; a name that fills its 16 bytes; NUMA placement. */
    memset(&a, 0, sizeof a);
    a.raw_tracepoint.name = (unsigned long)"sys_enter";
    a.raw_tracepoint.prog_fd = -1;
    bpf(BPF_RAW_TRACEPOINT_OPEN, &a, sizeof a);
    memset(&a, 0, sizeof a);
    a.link_update.link_fd = -1;
    a.link_update.new_prog_fd = prog;
    a.link_update.flags = BPF_F_REPLACE;
    a.link_update.old_prog_fd = prog;
    bpf(BPF_LINK_UPDATE, &a, sizeof a);
    a.link_update.flags = 0;
    bpf(BPF_LINK_UPDATE, &a, sizeof a);
    memset(&a, 0, sizeof a);
    a.test.prog_fd = -1;
    a.test.data_size_in = 3;
    a.test.data_in = (unsigned long)"abc";
    a.test.repeat = 10;
    a.test.flags = BPF_F_TEST_RUN_ON_CPU;
    bpf(BPF_PROG_TEST_RUN, &a, sizeof a);
    memset(&a, 0, sizeof a);
    a.batch.map_fd = -1;
    a.batch.keys = (unsigned long)&key;
    a.batch.values = (unsigned long)&value;
    a.batch.count = 1;
    a.batch.elem_flags = BPF_F_LOCK;
    bpf(BPF_MAP_LOOKUP_BATCH, &a, sizeof a);
    unsigned int program_ids[4];
    memset(&a, 0, sizeof a);
    a.query.target_fd = -1;
    a.query.attach_type = BPF_CGROUP_INET_EGRESS;
    a.query.query_flags = BPF_F_QUERY_EFFECTIVE;
    a.query.prog_ids = (unsigned long)program_ids;
    a.query.prog_cnt = 4;
    bpf(BPF_PROG_QUERY, &a, sizeof a);
    char task_buffer[8] = "abcdefg";
    memset(&a, 0, sizeof a);
    a.task_fd_query.pid = 0x7fffffff;
    a.task_fd_query.fd = 99;
    a.task_fd_query.buf = (unsigned long)task_buffer;
    a.task_fd_query.buf_len = 4;
    bpf(BPF_TASK_FD_QUERY, &a, sizeof a);
    a.task_fd_query.buf = 8;
    a.task_fd_query.buf_len = 0;
    a.task_fd_query.fd_type = 77;
    bpf(BPF_TASK_FD_QUERY, &a, sizeof a);
    memset(&a, 0, sizeof a);
    a.query.target_fd = -1;
    a.query.prog_ids = 8;
    a.query.prog_cnt = 0;
    a.query.query_flags = 0x8;
    bpf(BPF_PROG_QUERY, &a, sizeof a);
    bpf(BPF_MAP_FREEZE, &a, sizeof a);
    memset(&a, 0, sizeof a);
    a.map_type = BPF_MAP_TYPE_HASH;
    a.key_size = 4;
    a.value_size = 8;
    a.max_entries = 4;
    a.map_flags = BPF_F_NUMA_NODE | BPF_F_NO_PREALLOC | (1u << 30);
    memcpy(a.map_name, "0123456789abcdefXYZ", sizeof a.map_name);
    bpf(BPF_MAP_CREATE, &a, sizeof a);
    bpf(BPF_MAP_CREATE, &a, 20);
    memset(&a, 0, sizeof a);
    a.prog_type = 999;
    a.insn_cnt = 1;
    a.insns = 8;
    a.license = 8;
    a.kern_version = 0x50a03;
    a.prog_flags = BPF_F_STRICT_ALIGNMENT | 0x40;
    a.expected_attach_type = 900;
    bpf(BPF_PROG_LOAD, &a, sizeof a);
    bpf(BPF_PROG_LOAD, &a, 48);
    /* An attr whose end is unmapped: what the size covers is read, or its address shown. */
    char *page = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    munmap(page + 4096, 4096);
    memset(page, 0, 4096);
    *(unsigned int *)(page + 4096 - 8 + 4) = 128;
    syscall(SYS_perf_event_open, page + 4096 - 8, 0, -1, -1, 0);
    bpf(BPF_MAP_CREATE, (union bpf_attr *)page, 0);
    bpf(BPF_PROG_LOAD, (union bpf_attr *)(page + 4096 - 8), 8);
    bpf(BPF_PROG_LOAD, (union bpf_attr *)(page + 4096 - 8), 16);
    bpf(BPF_MAP_GET_NEXT_ID, (union bpf_attr *)(page + 4096 - 8), 16);
    bpf(BPF_MAP_FREEZE, (union bpf_attr *)page, 4096);
    bpf(BPF_MAP_FREEZE, (union bpf_attr *)page, 4097);
    page[250] = 1;
    bpf(BPF_MAP_FREEZE, (union bpf_attr *)page, 300);
    bpf(BPF_MAP_CREATE, NULL, 0);
    bpf(BPF_PROG_LOAD, (void *)8, 64);
    bpf(999, &a, sizeof a);
    bpf(BPF_MAP_CREATE, &a, 4);
    close(prog);
    close(map);
    return 0;
}
