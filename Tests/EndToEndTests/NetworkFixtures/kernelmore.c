/* More kernel interfaces for NetworkDifferentialTests, beside kernel.c: io_uring_register's
 * arguments on a ring of this process's own (buffers, descriptors, probe, restrictions on a ring
 * created disabled, resources, io-wq limits, ring descriptors, provided-buffer rings; reserved
 * fields set to make the kernel refuse). Nothing here outlives the process. */
#define _GNU_SOURCE
#include <linux/io_uring.h>
#include <sched.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/mman.h>
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

int main(void) {
    io_uring_arguments();
    return 0;
}
