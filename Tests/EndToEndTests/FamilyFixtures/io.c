// Descriptors: readiness (poll, select, epoll), event descriptors, copying between descriptors,
// vectored I/O, locks and file space.
#include "family.h"
#include <poll.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/file.h>
#include <sys/select.h>
#include <sys/signalfd.h>
#include <sys/uio.h>

int main(void) {
    int fds[2];
    syscall(SYS_pipe2, fds, 0);
    syscall(SYS_write, fds[1], "x", 1);
    int file = (int)syscall(SYS_openat, AT_FDCWD, "/tmp/swtrace-family-io", O_RDWR | O_CREAT | O_TRUNC, 0600);

    // poll and ppoll.
    struct pollfd pfds[3] = {{fds[0], POLLIN, 0}, {fds[1], POLLOUT | POLLPRI, 0}, {-1, POLLIN, 0}};
    struct timespec zero = {0, 0};
    syscall(SYS_poll, pfds, 3, 0);
    syscall(SYS_poll, pfds, 0, 0);
    syscall(SYS_poll, UNMAPPED, 1, 0);
    pfds[0].events = 0x8000;
    syscall(SYS_poll, pfds, 1, 0);
    pfds[0].events = POLLIN;
    sigset_t usr1;
    sigemptyset(&usr1);
    sigaddset(&usr1, SIGUSR1);
    syscall(SYS_ppoll, pfds, 2, &zero, &usr1, 8);
    syscall(SYS_ppoll, pfds, 1, &zero, NULL, 8);
    syscall(SYS_ppoll, NULL, 0, &zero, NULL, 8);

    // select and pselect6: sets at entry and what is ready at exit.
    fd_set readable, writable;
    FD_ZERO(&readable); FD_ZERO(&writable);
    FD_SET(fds[0], &readable); FD_SET(0, &readable);
    FD_SET(fds[1], &writable);
    struct timeval tv = {0, 0};
    // i386's SYS_select is the old one-pointer call; _newselect takes the five arguments.
#ifdef SYS__newselect
#define SELECT SYS__newselect
#else
#define SELECT SYS_select
#endif
    syscall(SELECT, fds[1] + 1, &readable, &writable, NULL, &tv);
    syscall(SELECT, 0, NULL, NULL, NULL, &tv);
    syscall(SELECT, -1, NULL, NULL, NULL, &tv);
    FD_ZERO(&readable); FD_SET(fds[0], &readable);
    struct { const void *mask; size_t size; } sigdata = {&usr1, 8};
    syscall(SYS_pselect6, fds[0] + 1, &readable, NULL, NULL, &zero, &sigdata);
    FD_ZERO(&readable); FD_SET(fds[1], &readable);
    syscall(SYS_pselect6, fds[1] + 1, &readable, NULL, NULL, &zero, NULL);
    syscall(SYS_pselect6, 1, UNMAPPED, NULL, NULL, &zero, NULL);

    // epoll.
    int ep = (int)syscall(SYS_epoll_create1, EPOLL_CLOEXEC);
    syscall(SYS_epoll_create1, 0x1);
    struct epoll_event event = {.events = EPOLLIN | EPOLLET, .data.u64 = 0x1234};
    syscall(SYS_epoll_ctl, ep, EPOLL_CTL_ADD, fds[0], &event);
    event.events = EPOLLOUT | EPOLLRDHUP | 0x800000;
    syscall(SYS_epoll_ctl, ep, EPOLL_CTL_ADD, fds[1], &event);
    syscall(SYS_epoll_ctl, ep, EPOLL_CTL_DEL, fds[1], NULL);
    syscall(SYS_epoll_ctl, ep, 9, fds[1], &event);
    syscall(SYS_epoll_ctl, ep, EPOLL_CTL_MOD, fds[0], UNMAPPED);
    struct epoll_event events[4];
#ifdef SYS_epoll_wait
    syscall(SYS_epoll_wait, ep, events, 4, 0);
#endif
    syscall(SYS_epoll_pwait, ep, events, 4, 0, &usr1, 8);
    syscall(SYS_epoll_pwait, ep, events, 4, 0, NULL, 8);
    syscall(SYS_epoll_pwait, ep, UNMAPPED, 4, 0, NULL, 8);
    syscall(SYS_epoll_pwait2, ep, events, 4, &zero, NULL, 8);
    syscall(SYS_epoll_pwait2, ep, events, 0, NULL, NULL, 8);

    // Event descriptors.
    syscall(SYS_eventfd2, 5, EFD_CLOEXEC | EFD_NONBLOCK | EFD_SEMAPHORE);
    syscall(SYS_eventfd2, 0, 0);
    syscall(SYS_eventfd2, 0, 0x2);
    syscall(SYS_signalfd4, -1, &usr1, 8, SFD_CLOEXEC | SFD_NONBLOCK);
    syscall(SYS_signalfd4, -1, &usr1, 8, 0);
    syscall(SYS_signalfd4, -1, UNMAPPED, 8, 0);
    syscall(SYS_signalfd4, -1, &usr1, 4, 0x1);

    // Copying between descriptors.
    syscall(SYS_write, file, LONG_STRING, sizeof LONG_STRING - 1);
    off_t offset = 0;
    loff_t in_offset = 2, out_offset = 100;
    syscall(SYS_sendfile, fds[1], file, &offset, 10);
    syscall(SYS_sendfile, fds[1], file, NULL, 0);
    syscall(SYS_sendfile, fds[1], file, UNMAPPED, 10);
    syscall(SYS_copy_file_range, file, &in_offset, file, &out_offset, 5, 0);
    syscall(SYS_copy_file_range, file, NULL, file, NULL, 0, 0x4);
    int other[2];
    syscall(SYS_pipe2, other, O_NONBLOCK);
    syscall(SYS_splice, fds[0], NULL, other[1], NULL, 4, SPLICE_F_NONBLOCK | SPLICE_F_MOVE);
    in_offset = 1;
    syscall(SYS_splice, file, &in_offset, other[1], NULL, 3, 0);
    syscall(SYS_splice, fds[0], NULL, other[1], NULL, 0, 0x40);
    syscall(SYS_tee, other[0], fds[1], 2, SPLICE_F_NONBLOCK);
    syscall(SYS_tee, other[0], fds[1], 2, 0);
    struct iovec pieces[3] = {{"abc", 3}, {"", 0}, {LONG_STRING, sizeof LONG_STRING - 1}};
    syscall(SYS_vmsplice, other[1], pieces, 1, SPLICE_F_GIFT);
    syscall(SYS_vmsplice, other[1], UNMAPPED, 1, 0);

    // Vectored I/O.
    syscall(SYS_writev, file, pieces, 3);
    syscall(SYS_writev, file, pieces, 0);
    syscall(SYS_writev, file, UNMAPPED, 2);
    struct iovec bad[2] = {{"ok", 2}, {UNMAPPED, 4}};
    syscall(SYS_writev, file, bad, 2);
    char a[4], b[64];
    struct iovec into[2] = {{a, sizeof a}, {b, sizeof b}};
    syscall(SYS_lseek, file, 0, SEEK_SET);
    syscall(SYS_readv, file, into, 2);
    syscall(SYS_readv, file, into, 2);
    syscall(SYS_readv, -1, into, 2);
    syscall(SYS_preadv2, file, into, 2, 1, 0, RWF_NOWAIT);
    syscall(SYS_preadv2, file, into, 1, -1, 0, 0);
    syscall(SYS_pwritev2, file, pieces, 1, 0, 0, RWF_DSYNC | 0x100);

    // Locks and file space.
    syscall(SYS_flock, file, LOCK_EX | LOCK_NB);
    syscall(SYS_flock, file, LOCK_UN);
    syscall(SYS_flock, file, LOCK_SH);
    syscall(SYS_flock, -1, 0x80);
    struct flock lock = {.l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 10, .l_len = 20};
    syscall(SYS_fcntl, file, F_SETLK, &lock);
    syscall(SYS_fcntl, file, F_GETLK, &lock);
    lock.l_type = F_UNLCK; lock.l_whence = SEEK_END;
    syscall(SYS_fcntl, file, F_SETLKW, &lock);
    syscall(SYS_fcntl, file, F_OFD_SETLK, UNMAPPED);
    syscall(SYS_fallocate, file, 0, LOFF(0), LOFF(4096));
    syscall(SYS_fallocate, file, FALLOC_FL_KEEP_SIZE | FALLOC_FL_PUNCH_HOLE, LOFF(0), LOFF(100));
    syscall(SYS_fallocate, file, 0x100, LOFF(-1LL), LOFF(0));
    syscall(SYS_fallocate, file, 0, LOFF(0x100000000LL), LOFF(1));
    syscall(SYS_unlinkat, AT_FDCWD, "/tmp/swtrace-family-io", 0);
    return 0;
}
