// Files and clocks through the older or rarer calls: openat2's struct open_how, device nodes
// (a FIFO and a regular file in /tmp, removed after; a character device only where it fails:
// its directory does not exist), the old getdents, utime/utimes/futimesat, futex_waitv on a
// futex whose value differs (EAGAIN at once), and the clock-adjusting calls only where they
// change nothing: adjtimex and clock_adjtime with modes=0 read (or name an invalid clock), stime
// points at nothing (EFAULT) or, once CAP_SYS_TIME is dropped, is refused (EPERM), and
// lookup_dcookie asks for a cookie that does not exist.
#include "family.h"
#include <linux/capability.h>
#include <linux/futex.h>
#include <linux/openat2.h>
#include <linux/time_types.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/time.h>
#include <sys/timex.h>
#include <time.h>
#include <utime.h>

#define DIR_PATH "/tmp/swtrace-legacyfiles"
#define FIFO_PATH DIR_PATH "/fifo"
#define FILE_PATH DIR_PATH "/file"

#ifndef SYS_futex_waitv
#define SYS_futex_waitv 449
#endif

static void open_how_calls(void) {
    struct open_how how;
    memset(&how, 0, sizeof how);
    how.flags = O_RDONLY | O_DIRECTORY | O_CLOEXEC;
    how.resolve = RESOLVE_NO_SYMLINKS | RESOLVE_BENEATH;
    long fd = syscall(SYS_openat2, AT_FDCWD, "/tmp", &how, sizeof how);
    if (fd >= 0) close(fd);
    how.flags = O_WRONLY | O_CREAT | O_TRUNC;
    how.mode = 0640;
    how.resolve = RESOLVE_IN_ROOT | RESOLVE_CACHED | 0x100;
    syscall(SYS_openat2, AT_FDCWD, FILE_PATH, &how, sizeof how);
    how.resolve = 0;
    fd = syscall(SYS_openat2, AT_FDCWD, FILE_PATH, &how, sizeof how);
    if (fd >= 0) close(fd);
    syscall(SYS_openat2, AT_FDCWD, FILE_PATH, &how, 12);
    struct { struct open_how how; uint64_t extra[2]; } big;
    memset(&big, 0, sizeof big);
    big.how.flags = O_RDONLY;
    syscall(SYS_openat2, AT_FDCWD, "/", &big, sizeof big);
    big.extra[1] = 1;
    syscall(SYS_openat2, AT_FDCWD, "/", &big, sizeof big);
    how.flags = (1ULL << 40) | O_RDONLY;
    how.mode = 0;
    how.resolve = 1ULL << 40;
    syscall(SYS_openat2, AT_FDCWD, "/", &how, sizeof how);
    how.flags = O_RDONLY;
    how.mode = 0755;
    how.resolve = 0;
    syscall(SYS_openat2, AT_FDCWD, "/", &how, sizeof how);
    syscall(SYS_openat2, AT_FDCWD, "/", UNMAPPED, sizeof how);
    syscall(SYS_openat2, AT_FDCWD, "/", NULL, sizeof how);
}

static void device_nodes(void) {
#ifdef SYS_mknod
    syscall(SYS_mknod, FIFO_PATH, S_IFIFO | 0644, 0);
    syscall(SYS_mknod, DIR_PATH "/missing/null", S_IFCHR | 0666, makedev(1, 3));
    syscall(SYS_mknod, DIR_PATH "/missing/blk", S_IFBLK | S_ISUID | 0600, makedev(259, 65537));
    unlink(FIFO_PATH);
#endif
    syscall(SYS_mknodat, AT_FDCWD, FIFO_PATH, S_IFIFO | S_ISVTX | 0600, 0);
    syscall(SYS_mknodat, AT_FDCWD, DIR_PATH "/regular", S_IFREG | 0644, 0);
    syscall(SYS_mknodat, AT_FDCWD, DIR_PATH "/missing/null", S_IFCHR | 0666, makedev(1, 3));
    syscall(SYS_mknodat, AT_FDCWD, DIR_PATH "/missing/odd", 0170000 | 0777, 5);
    syscall(SYS_mknodat, AT_FDCWD, DIR_PATH "/missing/plain", 0644, 0);
    syscall(SYS_mknodat, AT_FDCWD, UNMAPPED, S_IFIFO | 0600, 0);
    unlink(FIFO_PATH);
    unlink(DIR_PATH "/regular");
}

static void directory_entries(void) {
    char buffer[4096];
    int fd = open(DIR_PATH, O_RDONLY | O_DIRECTORY);
#ifdef SYS_getdents
    syscall(SYS_getdents, fd, buffer, sizeof buffer);
    syscall(SYS_getdents, fd, buffer, sizeof buffer);
    syscall(SYS_getdents, fd, UNMAPPED, sizeof buffer);
    syscall(SYS_getdents, -1, buffer, sizeof buffer);
#endif
    close(fd);
}

static void timestamps(void) {
    struct utimbuf negative = { .actime = -1, .modtime = 1 };
    syscall(SYS_utime, FILE_PATH, &negative);
    struct utimbuf times = { .actime = 0, .modtime = 1700000000 };
    syscall(SYS_utime, FILE_PATH, &times);
    syscall(SYS_utime, FILE_PATH, NULL);
    syscall(SYS_utime, FILE_PATH, UNMAPPED);
    struct timeval pair[2] = { { 1, 2 }, { 1700000000, 999999 } };
    syscall(SYS_utimes, FILE_PATH, pair);
    syscall(SYS_utimes, FILE_PATH, NULL);
    pair[0].tv_usec = 1000000;
    syscall(SYS_utimes, FILE_PATH, pair);
    syscall(SYS_utimes, FILE_PATH, UNMAPPED);
    struct timeval zeros[2] = { { 0, 0 }, { -1, 0 } };
    syscall(SYS_utimes, FILE_PATH, zeros);
    pair[0].tv_usec = 5;
    syscall(SYS_futimesat, AT_FDCWD, FILE_PATH, pair);
    syscall(SYS_futimesat, -1, "relative", pair);
    syscall(SYS_futimesat, AT_FDCWD, FILE_PATH, NULL);
}

static void futex_waits(void) {
    static uint32_t word = 1;
    struct futex_waitv waiters[2];
    memset(waiters, 0, sizeof waiters);
    waiters[0].val = 0;
    waiters[0].uaddr = (uintptr_t)&word;
    waiters[0].flags = FUTEX_32 | FUTEX_PRIVATE_FLAG;
    waiters[1].val = 7;
    waiters[1].uaddr = (uintptr_t)&word;
    waiters[1].flags = FUTEX_32;
    syscall(SYS_futex_waitv, waiters, 1, 0, NULL, CLOCK_MONOTONIC);
    syscall(SYS_futex_waitv, waiters, 2, 0, NULL, CLOCK_REALTIME);
    struct __kernel_timespec timeout = { 0, 0 };
    syscall(SYS_futex_waitv, waiters, 2, 0, &timeout, CLOCK_MONOTONIC);
    syscall(SYS_futex_waitv, waiters, 2, 1, NULL, CLOCK_MONOTONIC);
    syscall(SYS_futex_waitv, UNMAPPED, 2, 0, NULL, CLOCK_MONOTONIC);
    syscall(SYS_futex_waitv, NULL, 0, 0, NULL, CLOCK_MONOTONIC);
}

static void clocks(void) {
    struct timex tx;
    memset(&tx, 0, sizeof tx);
    syscall(SYS_adjtimex, &tx);
    syscall(SYS_adjtimex, UNMAPPED);
    memset(&tx, 0, sizeof tx);
    syscall(SYS_clock_adjtime, 99, &tx);
    syscall(SYS_clock_adjtime, CLOCK_REALTIME, &tx);
    tx.modes = ADJ_OFFSET | ADJ_FREQUENCY | ADJ_NANO | 0x40000000;
    syscall(SYS_clock_adjtime, -7, &tx);
    syscall(SYS_clock_adjtime, 99, UNMAPPED);
#ifdef SYS_clock_adjtime64
    // struct __kernel_timex (208 bytes) is larger than i386's struct timex: modes=0, reads only.
    static uint64_t wide[32];
    syscall(SYS_clock_adjtime64, 99, wide);
    syscall(SYS_clock_adjtime64, CLOCK_REALTIME, wide);
#endif
#ifdef SYS_stime
    syscall(SYS_stime, UNMAPPED);
    // A real time only once the capability to set the clock is gone (EPERM): never set it.
    struct __user_cap_header_struct header = { _LINUX_CAPABILITY_VERSION_3, 0 };
    struct __user_cap_data_struct caps[2];
    if (syscall(SYS_capget, &header, caps) == 0) {
        caps[CAP_TO_INDEX(CAP_SYS_TIME)].effective &= ~CAP_TO_MASK(CAP_SYS_TIME);
        syscall(SYS_capset, &header, caps);
        if (syscall(SYS_capget, &header, caps) == 0 && !(caps[CAP_TO_INDEX(CAP_SYS_TIME)].effective & CAP_TO_MASK(CAP_SYS_TIME))) {
            long when = 1700000000;
            syscall(SYS_stime, &when);
        }
    }
#endif
#ifdef SYS_lookup_dcookie
#if defined(__i386__)
    syscall(SYS_lookup_dcookie, 0x12345678, 0x9, NULL, 0);
#else
    syscall(SYS_lookup_dcookie, 0x912345678L, NULL, 0);
#endif
#endif
}

int main(void) {
    mkdir(DIR_PATH, 0755);
    open_how_calls();
    device_nodes();
    directory_entries();
    timestamps();
    futex_waits();
    clocks();
    unlink(FILE_PATH);
    rmdir(DIR_PATH);
    return 0;
}
