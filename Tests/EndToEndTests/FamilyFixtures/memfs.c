// Memory calls (memfd, locking, residency, barriers) and file calls (statfs, timestamps, inotify).
#include "family.h"
#include <sys/inotify.h>
#include <sys/mman.h>
#include <linux/membarrier.h>

int main(void) {
    syscall(SYS_memfd_create, "family", MFD_CLOEXEC | MFD_ALLOW_SEALING);
    syscall(SYS_memfd_create, LONG_STRING, 0);
    syscall(SYS_memfd_create, UNMAPPED, 0);
    syscall(SYS_memfd_create, "bad", 0x100);
#ifdef SYS_mmap2
#define MMAP SYS_mmap2  // i386's SYS_mmap is the old one-pointer call
#else
#define MMAP SYS_mmap
#endif
    char *page = (char *)syscall(MMAP, NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    syscall(SYS_mlock, page, 4096);
    syscall(SYS_munlock, page, 4096);
    syscall(SYS_mlock2, page, 4096, MLOCK_ONFAULT);
    syscall(SYS_mlock2, page, 4096, 0x2);
    syscall(SYS_munlock, page, 4096);
    syscall(SYS_mlockall, MCL_CURRENT | 0x10);
    syscall(SYS_munlockall);
    syscall(SYS_msync, page, 4096, MS_SYNC | MS_INVALIDATE);
    syscall(SYS_msync, page + 1, 4096, MS_ASYNC);
    unsigned char residency[2];
    page[0] = 1;
    syscall(SYS_mincore, page, 8192, residency);
    syscall(SYS_mincore, page, 8192, UNMAPPED);
    syscall(SYS_mincore, page + 1, 1, residency);
    syscall(SYS_membarrier, MEMBARRIER_CMD_QUERY, 0, 0);
    syscall(SYS_membarrier, MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED, 0, 0);
    syscall(SYS_membarrier, MEMBARRIER_CMD_PRIVATE_EXPEDITED, 0, 0);
    syscall(SYS_membarrier, 0x4000, 1, 0);

    // File systems and timestamps.
    struct statfs { char bytes[120]; } fs;
    syscall(SYS_statfs, "/", &fs);
    syscall(SYS_statfs, "/nonexistent", &fs);
    syscall(SYS_statfs, UNMAPPED, &fs);
    syscall(SYS_fstatfs, 0, &fs);
    syscall(SYS_fstatfs, -1, &fs);
    int file = (int)syscall(SYS_openat, AT_FDCWD, "/tmp/swtrace-family-memfs", O_RDWR | O_CREAT, 0600);
    struct timespec times[2] = {{1, 2}, {0, UTIME_NOW}};
    syscall(SYS_utimensat, AT_FDCWD, "/tmp/swtrace-family-memfs", times, 0);
    times[0].tv_nsec = UTIME_OMIT;
    syscall(SYS_utimensat, file, NULL, times, 0);
    syscall(SYS_utimensat, AT_FDCWD, "/tmp/swtrace-family-memfs", NULL, AT_SYMLINK_NOFOLLOW);
    syscall(SYS_utimensat, AT_FDCWD, "/tmp/swtrace-family-memfs", UNMAPPED, 0);
    syscall(SYS_utimensat, AT_FDCWD, "/nonexistent", times, 0x4);

    // inotify.
    int in = (int)syscall(SYS_inotify_init1, IN_CLOEXEC | IN_NONBLOCK);
    syscall(SYS_inotify_init1, 0x2);
    syscall(SYS_inotify_add_watch, in, "/tmp", IN_CREATE | IN_DELETE | IN_ONLYDIR);
    syscall(SYS_inotify_add_watch, in, "/nonexistent", IN_ALL_EVENTS);
    syscall(SYS_inotify_add_watch, in, "/tmp", 0);
    syscall(SYS_inotify_rm_watch, in, 1);
    syscall(SYS_inotify_rm_watch, in, 99);
    syscall(SYS_unlinkat, AT_FDCWD, "/tmp/swtrace-family-memfs", 0);
    syscall(SYS_exit, 0);
    return 0;
}
