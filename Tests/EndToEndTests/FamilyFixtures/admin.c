// x86 segment descriptors (set_thread_area: a new thread-local storage slot of this process's
// own, ENOSYS on the 64-bit ABI; get_thread_area; modify_ldt: this process's own local
// descriptor table, and the result x86_64 returns unsigned, which strace names as an error),
// scheduler attributes, memory controlled through descriptors or other processes, kcmp,
// close_range, swap areas, host names and ustat. Nothing here changes the machine: swapon and
// swapoff name a file that does not exist, the names are set only inside a UTS namespace of this
// process's own (unshare), and the scheduling attributes set are the process's own, unchanged.
#include "family.h"
#include <asm/ldt.h>
#include <linux/ioprio.h>
#include <linux/kcmp.h>
#include <linux/sched.h>
#include <linux/sched/types.h>
#include <linux/userfaultfd.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/swap.h>
#include <sys/sysmacros.h>
#include <sys/uio.h>

static void segments(void) {
    struct user_desc asked;
    memset(&asked, 0, sizeof asked);
    asked.entry_number = 12;
    syscall(SYS_get_thread_area, &asked);
    syscall(SYS_get_thread_area, UNMAPPED);
    syscall(SYS_get_thread_area, NULL);

    struct user_desc slot;
    memset(&slot, 0, sizeof slot);
    slot.entry_number = -1;
    slot.base_addr = 0x1234;
    slot.limit = 0xfff;
    slot.seg_32bit = 1;
    slot.limit_in_pages = 1;
    slot.useable = 1;
    syscall(SYS_set_thread_area, &slot);
    syscall(SYS_set_thread_area, &slot);
    slot.entry_number = 99;
    syscall(SYS_set_thread_area, &slot);
    syscall(SYS_set_thread_area, UNMAPPED);

    char table[64];
    syscall(SYS_modify_ldt, 0, table, sizeof table);
    syscall(SYS_modify_ldt, 1, &slot, sizeof slot);
    slot.entry_number = 0;
    slot.base_addr = 0;
    slot.contents = 2;
    slot.read_exec_only = 1;
    slot.seg_not_present = 1;
    syscall(SYS_modify_ldt, 0x11, &slot, sizeof slot);
    syscall(SYS_modify_ldt, 1, &slot, 5);
    syscall(SYS_modify_ldt, 2, table, sizeof table);
    syscall(SYS_modify_ldt, 7, table, sizeof table);
    syscall(SYS_modify_ldt, 1, UNMAPPED, sizeof slot);
}

int main(void) {
    // sched_attr: every size the kernel or strace treats apart.
    struct { struct sched_attr attr; char extra[16]; } big;
    memset(&big, 0, sizeof big);
    struct sched_attr attr;
    memset(&attr, 0, sizeof attr);
    syscall(SYS_sched_getattr, 0, &attr, sizeof attr, 0);
    syscall(SYS_sched_getattr, 0, &attr, 48, 0);
    syscall(SYS_sched_getattr, 0, &big, sizeof big, 0);
    syscall(SYS_sched_getattr, 0, &attr, 20, 0);
    syscall(SYS_sched_getattr, 0, UNMAPPED, sizeof attr, 0);
    syscall(SYS_sched_getattr, 0, NULL, 48, 0);
    syscall(SYS_sched_setattr, 0, &attr, 0);
    attr.size = 0;
    syscall(SYS_sched_setattr, 0, &attr, 0);
    attr.size = 20;
    syscall(SYS_sched_setattr, 0, &attr, 0);
    attr.size = 52;
    attr.sched_flags = 0x1000;
    syscall(SYS_sched_setattr, 0, &attr, 0);
    attr.size = sizeof attr;
    attr.sched_policy = 77;
    attr.sched_flags = SCHED_FLAG_KEEP_POLICY;
    syscall(SYS_sched_setattr, 0, &attr, 0);
    attr.sched_flags = SCHED_FLAG_KEEP_PARAMS | SCHED_FLAG_RESET_ON_FORK | 0x180;
    syscall(SYS_sched_setattr, 0, &attr, 0);
    attr.sched_policy = SCHED_FIFO;
    attr.sched_priority = 1;
    attr.sched_flags = 0;
    syscall(SYS_sched_setattr, -1, &attr, 0);
    big.attr.size = sizeof big;
    syscall(SYS_sched_setattr, 0, &big, 0);
    big.extra[3] = 1;
    syscall(SYS_sched_setattr, 0, &big, 0);
    syscall(SYS_sched_setattr, 0, UNMAPPED, 0);
    syscall(SYS_sched_setattr, 0, NULL, 1);

    // Memory through descriptors and other processes.
    int uffd = (int)syscall(SYS_userfaultfd, O_CLOEXEC | O_NONBLOCK | UFFD_USER_MODE_ONLY);
    syscall(SYS_userfaultfd, 0x10);
    int secret = (int)syscall(SYS_memfd_secret, O_CLOEXEC);
    syscall(SYS_memfd_secret, 0x10);
    int pidfd = (int)syscall(SYS_pidfd_open, getpid(), 0);
    char *page = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    struct iovec range = {page, 4096};
    syscall(SYS_process_madvise, pidfd, &range, 1, MADV_COLD, 0);
    syscall(SYS_process_madvise, pidfd, UNMAPPED, 1, 99, 1);
    syscall(SYS_process_mrelease, pidfd, 0);
    syscall(SYS_process_mrelease, -1, 7);
    syscall(SYS_remap_file_pages, page, 4096, PROT_READ, 3, MAP_SHARED | MAP_NONBLOCK);
    syscall(SYS_remap_file_pages, page, 4096, 0, 3, 0);
    syscall(SYS_remap_file_pages, NULL, 4096, 0, 3, 0x10);

    // kcmp by type.
    struct kcmp_epoll_slot slot = {3, 4, 5};
    syscall(SYS_kcmp, getpid(), getpid(), KCMP_FILE, 0, 0);  // the same file: 0 in every run
    syscall(SYS_kcmp, getpid(), getpid(), KCMP_VM, 0, 1);
    syscall(SYS_kcmp, getpid(), getpid(), KCMP_EPOLL_TFD, 0, &slot);
    syscall(SYS_kcmp, getpid(), getpid(), KCMP_EPOLL_TFD, 0, UNMAPPED);
    syscall(SYS_kcmp, getpid(), getpid(), 77, 1, 2);

    syscall(SYS_close_range, 100, 200, CLOSE_RANGE_CLOEXEC | CLOSE_RANGE_UNSHARE);
    syscall(SYS_close_range, 3, ~0U, 8);

    // This thread's robust futex list.
    void *head;
    size_t length;
    syscall(SYS_get_robust_list, 0, &head, &length);
    syscall(SYS_get_robust_list, 0, NULL, &length);
    syscall(SYS_get_robust_list, 0, UNMAPPED, UNMAPPED);
    syscall(SYS_get_robust_list, 999999, &head, &length);

    // I/O priorities: this process's own, set to what it was.
    long priority = syscall(SYS_ioprio_get, IOPRIO_WHO_PROCESS, 0);
    syscall(SYS_ioprio_get, IOPRIO_WHO_PGRP, 0);
    syscall(SYS_ioprio_get, 9, 0);
    syscall(SYS_ioprio_set, IOPRIO_WHO_USER, 0, IOPRIO_PRIO_VALUE(7, 4));
    syscall(SYS_ioprio_set, -1, 0, 0x12345678);
    syscall(SYS_ioprio_set, IOPRIO_WHO_PROCESS, 0, priority);

    // Swap areas that do not exist.
    syscall(SYS_swapon, "/nonexistent-swap", SWAP_FLAG_PREFER | 5 | SWAP_FLAG_DISCARD);
    syscall(SYS_swapon, "/nonexistent-swap", 0);
    syscall(SYS_swapon, "/nonexistent-swap", 5);
    syscall(SYS_swapon, "/nonexistent-swap", SWAP_FLAG_DISCARD | 0x20000 | 0x40000 | 0x100000);
    syscall(SYS_swapoff, "/nonexistent-swap");

    // Names, only in a UTS namespace of our own; the failing forms need none.
    syscall(SYS_sethostname, LONG_STRING, 65);
    syscall(SYS_sethostname, NULL, 4);
    syscall(SYS_setdomainname, UNMAPPED, 4);
    syscall(SYS_setdomainname, "x", -1);
    if (syscall(SYS_unshare, CLONE_NEWUTS) == 0) {
        syscall(SYS_sethostname, "family", 6);
        syscall(SYS_sethostname, LONG_STRING, 46);
        syscall(SYS_setdomainname, "domain\0tail", 11);
    }

    // 64-bit offsets (two registers on i386, printed joined).
    int file = (int)syscall(SYS_openat, AT_FDCWD, "/tmp/swtrace-family-admin", O_RDWR | O_CREAT | O_TRUNC, 0600);
    char bytes[16] = "abcdef";
    syscall(SYS_pwrite64, file, bytes, 6, LOFF(2));
    syscall(SYS_pread64, file, bytes, 16, LOFF(0));
    syscall(SYS_pread64, file, bytes, 16, LOFF(0x200000000LL));
    syscall(SYS_pread64, file, UNMAPPED, 16, LOFF(0));
    syscall(SYS_readahead, file, LOFF(10), 100);
    syscall(SYS_fadvise64, file, LOFF(10), 100, POSIX_FADV_DONTNEED);
#if defined(__i386__)
    long long position;
    syscall(SYS__llseek, file, 0, 1024, &position, SEEK_SET);
    syscall(SYS__llseek, file, 1, 5, &position, SEEK_CUR);
    syscall(SYS__llseek, file, 0xffffffff, 0xfffffff0, &position, SEEK_CUR);
    syscall(SYS__llseek, file, 0, 0, UNMAPPED, SEEK_END);
    syscall(SYS__llseek, file, 0, 0, &position, 9);
    syscall(SYS_truncate64, "/tmp/swtrace-family-admin", LOFF(4096));
    syscall(SYS_ftruncate64, file, LOFF(0x100000000LL));
    syscall(SYS_ftruncate64, file, LOFF(-1LL));
    syscall(SYS_fadvise64_64, file, LOFF(10), LOFF(100), POSIX_FADV_WILLNEED);
    syscall(SYS_fadvise64_64, file, LOFF(-10), LOFF(100), 77);
#endif
    syscall(SYS_close, file);
    syscall(SYS_unlinkat, AT_FDCWD, "/tmp/swtrace-family-admin", 0);

    syscall(SYS_ustat, makedev(259, 70000), NULL);
    syscall(SYS_ustat, makedev(8, 1), UNMAPPED);
    segments();

    // Resource limits, word-sized (prlimit64's are 64-bit everywhere).
    unsigned long limit[2];
    syscall(SYS_getrlimit, RLIMIT_STACK, limit);
    syscall(SYS_getrlimit, 99, limit);
    syscall(SYS_getrlimit, RLIMIT_CORE, UNMAPPED);
    syscall(SYS_setrlimit, RLIMIT_CORE, limit);
    syscall(SYS_setrlimit, RLIMIT_CORE, UNMAPPED);
    syscall(SYS_setrlimit, RLIMIT_CORE, NULL);
    limit[0] = 1025;
    limit[1] = 2048;
    syscall(SYS_setrlimit, RLIMIT_CORE, limit);
#if defined(__i386__)
    syscall(SYS_ugetrlimit, RLIMIT_STACK, limit);
    syscall(SYS_ugetrlimit, RLIMIT_NOFILE, limit);
#endif
    syscall(SYS_close, uffd);
    syscall(SYS_close, secret);
    return 0;
}
