/* More kernel interfaces for NetworkDifferentialTests, beside kernel.c: io_uring_register's
 * arguments on a ring of this process's own (buffers, descriptors, probe, restrictions on a ring
 * created disabled, resources, io-wq limits, ring descriptors, provided-buffer rings; reserved
 * fields set to make the kernel refuse); what bpf's BPF_OBJ_GET_INFO_BY_FD fills in for a small
 * array map, a two-instruction socket filter and a one-type BTF object (all closed again), with
 * lengths that cut the structs, overrun them and miss them; PERF_EVENT_IOC_MODIFY_ATTRIBUTES on a
 * software clock counter (refused: only breakpoints can be modified); quotactl's XFS commands on
 * a device that does not exist. Nothing here outlives the process. */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/bpf.h>
#include <linux/btf.h>
#include <linux/dqblk_xfs.h>
#include <linux/hw_breakpoint.h>
#include <linux/io_uring.h>
#include <linux/perf_event.h>
#include <sched.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/quota.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

static long ring_register(int ring, unsigned int operation, void *argument, unsigned int count) {
    return syscall(SYS_io_uring_register, ring, operation, argument, count);
}

static void io_uring_arguments(void) {
    struct io_uring_params params;
    memset(&params, 0, sizeof params);
    int ring = syscall(SYS_io_uring_setup, 4, &params);

    /* Buffers: two, none, unreadable. */
    char first[16], second[32];
    struct iovec buffers[2] = {{first, sizeof first}, {second, sizeof second}};
    ring_register(ring, IORING_REGISTER_BUFFERS, buffers, 2);
    ring_register(ring, IORING_UNREGISTER_BUFFERS, NULL, 0);
    ring_register(ring, IORING_REGISTER_BUFFERS, buffers, 0);
    ring_register(ring, IORING_REGISTER_BUFFERS, (void *)8, 2);

    /* An eventfd, then two (refused), none, unreadable. */
    int events[2] = {eventfd(0, 0), 7};
    ring_register(ring, IORING_REGISTER_EVENTFD, events, 1);
    ring_register(ring, IORING_UNREGISTER_EVENTFD, NULL, 0);
    ring_register(ring, IORING_REGISTER_EVENTFD_ASYNC, events, 1);
    ring_register(ring, IORING_UNREGISTER_EVENTFD, NULL, 0);
    ring_register(ring, IORING_REGISTER_EVENTFD, events, 2);
    ring_register(ring, IORING_REGISTER_EVENTFD, events, 0);
    ring_register(ring, IORING_REGISTER_EVENTFD, (void *)8, 1);

    /* Files, updated in place (a reserved field set makes the kernel refuse). */
    int fds[3] = {0, 1, -1};
    ring_register(ring, IORING_REGISTER_FILES, fds, 3);
    struct io_uring_files_update update = {.offset = 1, .fds = (unsigned long)fds};
    ring_register(ring, IORING_REGISTER_FILES_UPDATE, &update, 2);
    update.resv = 5;
    ring_register(ring, IORING_REGISTER_FILES_UPDATE, &update, 2);
    update.resv = 0;
    update.fds = 0;
    ring_register(ring, IORING_REGISTER_FILES_UPDATE, &update, 2);
    ring_register(ring, IORING_REGISTER_FILES_UPDATE, (void *)8, 2);
    ring_register(ring, IORING_UNREGISTER_FILES, NULL, 0);

    /* The probe: four operations, every one (cut at -s), refused with reserved fields set. */
    static char probe[sizeof(struct io_uring_probe) + 256 * sizeof(struct io_uring_probe_op)];
    ring_register(ring, IORING_REGISTER_PROBE, probe, 4);
    memset(probe, 0, sizeof probe);
    ring_register(ring, IORING_REGISTER_PROBE, probe, 256);
    memset(probe, 0, sizeof probe);
    ((struct io_uring_probe *)probe)->resv = 1;
    ((struct io_uring_probe *)probe)->resv2[1] = 1;
    ((struct io_uring_probe *)probe)->ops[1].resv2 = 1;
    ring_register(ring, IORING_REGISTER_PROBE, probe, 2);
    ring_register(ring, IORING_REGISTER_PROBE, probe, 300);
    ring_register(ring, IORING_REGISTER_PROBE, (void *)8, 2);
    ring_register(ring, IORING_REGISTER_PROBE, NULL, 2);

    int personality = ring_register(ring, IORING_REGISTER_PERSONALITY, NULL, 0);
    ring_register(ring, IORING_UNREGISTER_PERSONALITY, NULL, personality);

    /* Restrictions: refused on a running ring, taken by one created disabled. */
    struct io_uring_restriction restrictions[3] = {
        {.opcode = IORING_RESTRICTION_REGISTER_OP, .register_op = IORING_REGISTER_PROBE},
        {.opcode = IORING_RESTRICTION_SQE_OP, .sqe_op = IORING_OP_READV},
        {.opcode = IORING_RESTRICTION_SQE_FLAGS_ALLOWED, .sqe_flags = IOSQE_FIXED_FILE | IOSQE_IO_LINK},
    };
    ring_register(ring, IORING_REGISTER_RESTRICTIONS, restrictions, 3);
    struct io_uring_params disabled;
    memset(&disabled, 0, sizeof disabled);
    disabled.flags = IORING_SETUP_R_DISABLED;
    int ring2 = syscall(SYS_io_uring_setup, 4, &disabled);
    restrictions[2].opcode = IORING_RESTRICTION_SQE_FLAGS_REQUIRED;
    restrictions[2].sqe_flags = IOSQE_ASYNC;
    ring_register(ring2, IORING_REGISTER_RESTRICTIONS, restrictions, 3);
    ring_register(ring2, IORING_REGISTER_ENABLE_RINGS, NULL, 0);
    close(ring2);
    restrictions[0].opcode = 7;
    restrictions[0].register_op = 200;
    restrictions[0].resv = 1;
    restrictions[0].resv2[1] = 2;
    restrictions[1].sqe_op = 200;
    restrictions[2].opcode = IORING_RESTRICTION_SQE_FLAGS_ALLOWED;
    restrictions[2].sqe_flags = 0xff;
    ring_register(ring, IORING_REGISTER_RESTRICTIONS, restrictions, 3);
    restrictions[0].opcode = IORING_RESTRICTION_REGISTER_OP;
    ring_register(ring, IORING_REGISTER_RESTRICTIONS, restrictions, 1);

    /* Tagged resources: files (refused with tags on files), buffers, sparse, sizes. */
    __u64 tags[3] = {1, 2, 3};
    struct io_uring_rsrc_register resources = {.nr = 3, .data = (unsigned long)fds, .tags = (unsigned long)tags};
    ring_register(ring, IORING_REGISTER_FILES2, &resources, sizeof resources);
    struct io_uring_rsrc_update2 resource_update = {.offset = 1, .data = (unsigned long)fds,
                                                    .tags = (unsigned long)tags, .nr = 2};
    ring_register(ring, IORING_REGISTER_FILES_UPDATE2, &resource_update, sizeof resource_update);
    resource_update.resv = 3;
    resource_update.resv2 = 4;
    ring_register(ring, IORING_REGISTER_FILES_UPDATE2, &resource_update, sizeof resource_update);
    ring_register(ring, IORING_REGISTER_FILES_UPDATE2, &resource_update, 24);
    struct io_uring_rsrc_register buffer_resources = {.nr = 2, .data = (unsigned long)buffers, .tags = (unsigned long)tags};
    ring_register(ring, IORING_REGISTER_BUFFERS2, &buffer_resources, sizeof buffer_resources);
    struct io_uring_rsrc_update2 buffer_update = {.data = (unsigned long)buffers, .tags = (unsigned long)tags, .nr = 1};
    ring_register(ring, IORING_REGISTER_BUFFERS_UPDATE, &buffer_update, sizeof buffer_update);
    struct io_uring_rsrc_register sparse = {.nr = 4, .flags = IORING_RSRC_REGISTER_SPARSE};
    ring_register(ring, IORING_REGISTER_FILES2, &sparse, sizeof sparse);
    resources.flags = 6;
    resources.resv2 = 9;
    ring_register(ring, IORING_REGISTER_FILES2, &resources, sizeof resources);
    ring_register(ring, IORING_REGISTER_FILES2, &resources, 16);
    char larger[48];
    memset(larger, 0, sizeof larger);
    memcpy(larger, &resources, sizeof resources);
    ring_register(ring, IORING_REGISTER_FILES2, larger, sizeof larger);
    larger[40] = 1;
    ring_register(ring, IORING_REGISTER_FILES2, larger, sizeof larger);
    resources.data = 8;
    resources.tags = 0;
    ring_register(ring, IORING_REGISTER_FILES2, &resources, sizeof resources);
    ring_register(ring, IORING_REGISTER_FILES2, NULL, sizeof resources);

    /* io-wq: CPU affinity, worker limits (read back; refused for a wrong count). */
    cpu_set_t cpus;
    CPU_ZERO(&cpus);
    CPU_SET(0, &cpus);
    ring_register(ring, IORING_REGISTER_IOWQ_AFF, &cpus, sizeof cpus);
    ring_register(ring, IORING_UNREGISTER_IOWQ_AFF, NULL, 0);
    ring_register(ring, IORING_REGISTER_IOWQ_AFF, &cpus, 0);
    ring_register(ring, IORING_REGISTER_IOWQ_AFF, (void *)8, 8);
    unsigned int workers[3] = {0, 0, 7};
    ring_register(ring, IORING_REGISTER_IOWQ_MAX_WORKERS, workers, 2);
    ring_register(ring, IORING_REGISTER_IOWQ_MAX_WORKERS, workers, 2);
    ring_register(ring, IORING_REGISTER_IOWQ_MAX_WORKERS, workers, 3);
    ring_register(ring, IORING_REGISTER_IOWQ_MAX_WORKERS, (void *)8, 2);

    /* The ring's own descriptor, registered then refused. */
    struct io_uring_rsrc_update ring_fds[2] = {{.offset = -1U, .data = ring}, {.offset = 5, .data = 0x100000001ULL}};
    ring_register(ring, IORING_REGISTER_RING_FDS, ring_fds, 1);
    ring_register(ring, IORING_UNREGISTER_RING_FDS, ring_fds, 1);
    ring_fds[0].offset = -2U;
    ring_fds[0].resv = 1;
    ring_fds[0].data = 0;
    ring_register(ring, IORING_REGISTER_RING_FDS, ring_fds, 2);
    ring_register(ring, IORING_UNREGISTER_RING_FDS, ring_fds, 2);
    ring_register(ring, IORING_UNREGISTER_RING_FDS, (void *)8, 2);

    /* A provided-buffer ring, then reserved fields set. */
    void *buffer_ring = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    struct io_uring_buf_reg buffer_ring_reg = {.ring_addr = (unsigned long)buffer_ring, .ring_entries = 8, .bgid = 7};
    ring_register(ring, IORING_REGISTER_PBUF_RING, &buffer_ring_reg, 1);
    ring_register(ring, IORING_UNREGISTER_PBUF_RING, &buffer_ring_reg, 1);
    buffer_ring_reg.pad = 1;
    buffer_ring_reg.resv[1] = 2;
    ring_register(ring, IORING_REGISTER_PBUF_RING, &buffer_ring_reg, 1);
    ring_register(ring, IORING_REGISTER_PBUF_RING, (void *)8, 1);

    /* Operations strace 6.1 prints the address of. */
    ring_register(ring, 24, (void *)8, 1);
    ring_register(ring, 25, (void *)8, 0);
    ring_register(ring, 99, (void *)8, 1);
    ring_register(ring, IORING_REGISTER_PERSONALITY, (void *)8, 3);
    munmap(buffer_ring, 4096);
    close(events[0]);
    close(ring);
}

static long bpf(int command, union bpf_attr *attr, unsigned int size) {
    return syscall(SYS_bpf, command, attr, size);
}

static long object_info(int fd, void *info, unsigned int length) {
    union bpf_attr attr;
    memset(&attr, 0, sizeof attr);
    attr.info.bpf_fd = fd;
    attr.info.info_len = length;
    attr.info.info = (unsigned long)info;
    return bpf(BPF_OBJ_GET_INFO_BY_FD, &attr, sizeof attr);
}

static void bpf_object_info(void) {
    union bpf_attr attr;
    memset(&attr, 0, sizeof attr);
    attr.map_type = BPF_MAP_TYPE_ARRAY;
    attr.key_size = 4;
    attr.value_size = 8;
    attr.max_entries = 4;
    strcpy(attr.map_name, "swtrace");
    int map = bpf(BPF_MAP_CREATE, &attr, sizeof attr);
    struct bpf_insn instructions[] = {
        {.code = BPF_ALU64 | BPF_MOV | BPF_K, .dst_reg = BPF_REG_0, .imm = 0},
        {.code = BPF_JMP | BPF_EXIT},
    };
    memset(&attr, 0, sizeof attr);
    attr.prog_type = BPF_PROG_TYPE_SOCKET_FILTER;
    attr.insn_cnt = 2;
    attr.insns = (unsigned long)instructions;
    attr.license = (unsigned long)"GPL";
    strcpy(attr.prog_name, "swtrace_prog");
    /* The verifier gives up with EAGAIN when a signal is pending (libbpf retries too); the
     * differential test leaves those attempts out of both traces. */
    int prog;
    do prog = bpf(BPF_PROG_LOAD, &attr, sizeof attr);
    while (prog < 0 && errno == EAGAIN);

    /* The map: its own size, a larger one (the kernel writes back its size), cut short (the
     * first fields always show), unreadable. */
    static unsigned char info[512];
    object_info(map, info, sizeof(struct bpf_map_info));
    memset(info, 0, sizeof info);
    object_info(map, info, 256);
    memset(info, 0xff, sizeof info);
    object_info(map, info, 16);
    memset(info, 0, sizeof info);
    object_info(map, info, 28);
    object_info(map, info, 44);
    object_info(map, info, 68);
    object_info(map, (void *)8, sizeof(struct bpf_map_info));
    object_info(map, NULL, sizeof(struct bpf_map_info));

    /* The program: counts passed in and rewritten, its instructions (room for one), a length
     * that stops inside a group, bytes past the struct that make the kernel refuse. */
    struct bpf_prog_info *program = (struct bpf_prog_info *)info;
    struct bpf_insn translated[4];
    unsigned int map_ids[2];
    memset(info, 0, sizeof info);
    object_info(prog, info, sizeof(struct bpf_prog_info));
    memset(info, 0, sizeof info);
    program->xlated_prog_len = 8;
    program->xlated_prog_insns = (unsigned long)translated;
    program->nr_map_ids = 2;
    program->map_ids = (unsigned long)map_ids;
    program->nr_func_info = 2;
    program->nr_line_info = 3;
    program->nr_jited_line_info = 4;
    program->func_info_rec_size = 8;
    program->line_info_rec_size = 16;
    program->jited_line_info_rec_size = 8;
    object_info(prog, info, sizeof(struct bpf_prog_info));
    memset(info, 0, sizeof info);
    object_info(prog, info, 40);
    object_info(prog, info, 41);
    object_info(prog, info, 100);
    object_info(prog, info, 105);
    object_info(prog, info, 129);
    object_info(prog, info, 193);
    object_info(prog, info, 209);
    memset(info, 0, sizeof info);
    info[250] = 1;
    object_info(prog, info, 260);
    memset(info, 0, sizeof info);
    program->id = 9;
    program->nr_map_ids = 2;
    program->map_ids = (unsigned long)map_ids;
    object_info(prog, info, sizeof(struct bpf_prog_info));
    object_info(prog, (void *)8, 40);

    /* Descriptors that are no map or program: BTF, a file. */
    struct {
        struct btf_header header;
        unsigned int types[4];
        char strings[5];
    } __attribute__((packed)) btf;
    memset(&btf, 0, sizeof btf);
    btf.header.magic = BTF_MAGIC;
    btf.header.version = BTF_VERSION;
    btf.header.hdr_len = sizeof btf.header;
    btf.header.type_len = sizeof btf.types;
    btf.header.str_off = sizeof btf.types;
    btf.header.str_len = sizeof btf.strings;
    btf.types[0] = 1;
    btf.types[1] = BTF_KIND_INT << 24;
    btf.types[2] = 4;
    btf.types[3] = 32;
    memcpy(btf.strings, "\0int", 5);
    memset(&attr, 0, sizeof attr);
    attr.btf = (unsigned long)&btf;
    attr.btf_size = sizeof btf;
    int btf_fd = bpf(BPF_BTF_LOAD, &attr, sizeof attr);
    memset(info, 0, sizeof info);
    object_info(btf_fd, info, sizeof(struct bpf_btf_info));
    object_info(0, info, 40);
    close(btf_fd);
    close(prog);
    close(map);
}

static void perf_modify_attributes(void) {
    struct perf_event_attr attr;
    memset(&attr, 0, sizeof attr);
    attr.type = PERF_TYPE_SOFTWARE;
    attr.size = sizeof attr;
    attr.config = PERF_COUNT_SW_CPU_CLOCK;
    attr.sample_period = 100000;
    attr.disabled = 1;
    attr.exclude_kernel = 1;
    attr.exclude_hv = 1;
    int event = syscall(SYS_perf_event_open, &attr, 0, -1, -1, PERF_FLAG_FD_CLOEXEC);
    ioctl(event, PERF_EVENT_IOC_MODIFY_ATTRIBUTES, &attr);
    ioctl(event, PERF_EVENT_IOC_MODIFY_ATTRIBUTES, NULL);
    ioctl(event, PERF_EVENT_IOC_MODIFY_ATTRIBUTES, 8);
    attr.type = PERF_TYPE_BREAKPOINT;
    attr.bp_type = HW_BREAKPOINT_W;
    attr.bp_addr = 0x1000;
    attr.bp_len = 8;
    ioctl(event, PERF_EVENT_IOC_MODIFY_ATTRIBUTES, &attr);
    attr.size = PERF_ATTR_SIZE_VER0;
    ioctl(event, PERF_EVENT_IOC_MODIFY_ATTRIBUTES, &attr);
    attr.size = 8;
    ioctl(event, PERF_EVENT_IOC_MODIFY_ATTRIBUTES, &attr);
    close(event);
}

static void xfs_quota(void) {
    struct fs_disk_quota quota;
    memset(&quota, 0, sizeof quota);
    quota.d_version = FS_DQUOT_VERSION;
    quota.d_flags = FS_USER_QUOTA;
    quota.d_fieldmask = FS_DQ_BSOFT | FS_DQ_BHARD | FS_DQ_ITIMER;
    quota.d_id = 1000;
    quota.d_blk_hardlimit = 200;
    quota.d_blk_softlimit = 100;
    quota.d_ino_hardlimit = 5;
    quota.d_ino_softlimit = 4;
    quota.d_bcount = 7;
    quota.d_icount = 8;
    quota.d_itimer = 60;
    quota.d_btimer = 61;
    quota.d_iwarns = 1;
    quota.d_bwarns = 2;
    quota.d_rtb_hardlimit = 9;
    quota.d_rtb_softlimit = 10;
    quota.d_rtbcount = 11;
    quota.d_rtbtimer = 12;
    quota.d_rtbwarns = 13;
    quota.d_itimer_hi = 1;
    syscall(SYS_quotactl, QCMD(Q_XSETQLIM, USRQUOTA), "/dev/swtrace-none", 1000, &quota);
    quota.d_version = 7;
    quota.d_flags = FS_GROUP_QUOTA | FS_PROJ_QUOTA | 0x40;
    quota.d_fieldmask = 0;
    quota.d_id = -1;
    quota.d_blk_hardlimit = -1ULL;
    quota.d_itimer = -5;
    quota.d_iwarns = -1;
    syscall(SYS_quotactl, QCMD(Q_XSETQLIM, GRPQUOTA), "/dev/swtrace-none", -1, &quota);
    quota.d_flags = 0x80;
    syscall(SYS_quotactl, QCMD(Q_XSETQLIM, PRJQUOTA), "/dev/swtrace-none", 5, &quota);
    quota.d_flags = 0;
    syscall(SYS_quotactl, QCMD(Q_XSETQLIM, PRJQUOTA), "/dev/swtrace-none", 5, &quota);
    syscall(SYS_quotactl, QCMD(Q_XSETQLIM, USRQUOTA), "/dev/swtrace-none", 1000, NULL);
    syscall(SYS_quotactl, QCMD(Q_XSETQLIM, USRQUOTA), "/dev/swtrace-none", 1000, 8);
    /* The read side fails: the device does not exist. */
    syscall(SYS_quotactl, QCMD(Q_XGETQUOTA, USRQUOTA), "/dev/swtrace-none", 1000, &quota);
    syscall(SYS_quotactl, QCMD(Q_XGETNEXTQUOTA, GRPQUOTA), "/dev/swtrace-none", 1000, &quota);
    struct fs_quota_stat stat;
    memset(&stat, 0, sizeof stat);
    syscall(SYS_quotactl, QCMD(Q_XGETQSTAT, USRQUOTA), "/dev/swtrace-none", 0, &stat);
    struct fs_quota_statv statv;
    memset(&statv, 0, sizeof statv);
    statv.qs_version = FS_QSTATV_VERSION1;
    syscall(SYS_quotactl, QCMD(Q_XGETQSTATV, USRQUOTA), "/dev/swtrace-none", 0, &statv);
    syscall(SYS_quotactl, QCMD(Q_XGETQSTATV, PRJQUOTA), "/dev/swtrace-none", 0, NULL);
}

int main(void) {
    io_uring_arguments();
    bpf_object_info();
    perf_modify_attributes();
    xfs_quota();
    return 0;
}
