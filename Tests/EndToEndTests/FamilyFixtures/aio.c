// Native AIO: io_setup's context, io_submit's control blocks of every command (printed at entry;
// the first block's bad descriptor fails the call before the kernel runs any), one real read
// collected by io_getevents, io_cancel, io_pgetevents' signal set, io_destroy.
#include "family.h"
#include <linux/aio_abi.h>
#include <poll.h>
#include <sys/uio.h>

// The native timespec (32-bit on i386) and the 64-bit one of the *_time64 calls.
struct native_timespec { long tv_sec, tv_nsec; };
struct timespec64 { long long tv_sec, tv_nsec; };
struct aio_sigset { void *sigmask; unsigned long sigsetsize; };

static struct iocb block(int fd, int opcode, void *buffer, unsigned long long length) {
    struct iocb cb;
    memset(&cb, 0, sizeof cb);
    cb.aio_data = 0x1234;
    cb.aio_fildes = (uint32_t)fd;
    cb.aio_lio_opcode = (uint16_t)opcode;
    cb.aio_buf = (uintptr_t)buffer;
    cb.aio_nbytes = length;
    return cb;
}

int main(void) {
    aio_context_t context = 0;
    syscall(SYS_io_setup, 8, &context);
    syscall(SYS_io_setup, 1, NULL);
    syscall(SYS_io_setup, 0, UNMAPPED);

    // Every command, printed at entry; the bad descriptor of the first fails the whole call.
    char buffer[64];
    struct iovec vectors[2] = {{buffer, 10}, {buffer + 10, 20}};
    struct iovec written[2] = {{"first", 5}, {LONG_STRING, sizeof LONG_STRING - 1}};
    struct iocb blocks[11];
    blocks[0] = block(-1, IOCB_CMD_PREAD, buffer, sizeof buffer);
    blocks[1] = block(1, IOCB_CMD_PWRITE, "hello\n", 6);
    blocks[1].aio_flags = IOCB_FLAG_RESFD;
    blocks[1].aio_resfd = 9;
    blocks[1].aio_reqprio = 2;
    blocks[1].aio_offset = -5;
    blocks[2] = block(3, IOCB_CMD_PREADV, vectors, 2);
    blocks[2].aio_offset = 4096;
    blocks[3] = block(1, IOCB_CMD_PWRITEV, written, 2);
    blocks[3].aio_rw_flags = RWF_HIPRI | RWF_APPEND | 0x100;
    blocks[4] = block(3, IOCB_CMD_FSYNC, NULL, 0);
    blocks[5] = block(3, IOCB_CMD_FDSYNC, NULL, 0);
    blocks[5].aio_key = 7;
    blocks[6] = block(3, IOCB_CMD_POLL, (void *)(uintptr_t)(POLLIN | POLLOUT), 0);
    blocks[6].aio_flags = 0x10;
    blocks[7] = block(3, IOCB_CMD_NOOP, NULL, 0);
    blocks[8] = block(3, 77, buffer, 5);
    blocks[9] = block(1, IOCB_CMD_PWRITE, UNMAPPED, 4);
    blocks[10] = block(1, IOCB_CMD_PREAD, NULL, (unsigned long long)-1);
    struct iocb *pointers[14];
    for (int i = 0; i < 11; i++) pointers[i] = &blocks[i];
    pointers[11] = NULL;
    pointers[12] = UNMAPPED;
    pointers[13] = &blocks[1];
    syscall(SYS_io_submit, context, 14, pointers);
    syscall(SYS_io_submit, context, 1, NULL);
    syscall(SYS_io_submit, context, 1, UNMAPPED);
    syscall(SYS_io_submit, context, 0, pointers);
    syscall(SYS_io_submit, context, -1, pointers);
    // More blocks than -s shows: the array is cut at 32.
    struct iocb *many[40];
    for (int i = 0; i < 40; i++) many[i] = &blocks[0];
    syscall(SYS_io_submit, context, 40, many);

    // One real read, collected.
    int file = (int)syscall(SYS_openat, AT_FDCWD, "/tmp/swtrace-family-aio", O_RDWR | O_CREAT | O_TRUNC, 0600);
    syscall(SYS_write, file, "contents", 8);
    struct iocb read = block(file, IOCB_CMD_PREAD, buffer, sizeof buffer);
    struct iocb *one[] = {&read};
    syscall(SYS_io_submit, context, 1, one);
    struct io_event events[4];
    struct native_timespec timeout = {1, 5};
    syscall(SYS_io_getevents, context, 1, 4, events, &timeout);
    syscall(SYS_io_getevents, context, 0, 4, events, &timeout);
    syscall(SYS_io_getevents, context, 0, 4, NULL, NULL);
    syscall(SYS_io_getevents, context, 0, 4, UNMAPPED, UNMAPPED);
    syscall(SYS_io_getevents, 0, 1, 4, events, NULL);
    struct io_event result;
    syscall(SYS_io_cancel, context, &read, &result);
    syscall(SYS_io_cancel, context, UNMAPPED, &result);

    uint64_t mask = 1ULL << (SIGUSR1 - 1);
    struct aio_sigset sigset = {&mask, 8}, badset = {UNMAPPED, 8}, oddset = {&mask, 3};
#if defined(__i386__)
    syscall(SYS_io_pgetevents, context, 0, 4, events, &timeout, &sigset);
    struct timespec64 timeout64 = {2, 6};
    syscall(SYS_io_pgetevents_time64, context, 0, 4, events, &timeout64, NULL);
    syscall(SYS_io_pgetevents_time64, context, 0, 4, events, &timeout64, &badset);
    syscall(SYS_io_pgetevents_time64, context, 0, 4, events, &timeout64, &oddset);
#else
    syscall(SYS_io_pgetevents, context, 0, 4, events, &timeout, &sigset);
    syscall(SYS_io_pgetevents, context, 0, 4, events, &timeout, NULL);
    syscall(SYS_io_pgetevents, context, 0, 4, events, &timeout, &badset);
    syscall(SYS_io_pgetevents, context, 0, 4, events, &timeout, &oddset);
#endif
    syscall(SYS_io_pgetevents, context, 0, 4, events, &timeout, UNMAPPED);

    syscall(SYS_io_destroy, context);
    syscall(SYS_io_destroy, 0);
    syscall(SYS_close, file);
    syscall(SYS_unlinkat, AT_FDCWD, "/tmp/swtrace-family-aio", 0);
    return 0;
}
