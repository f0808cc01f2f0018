// Attributes of files and processes: extended attributes, capabilities, the execution domain,
// file descriptor owners, and memfd's huge page sizes.
#include "family.h"
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/xattr.h>
#include <linux/capability.h>
#include <linux/memfd.h>
#include <linux/personality.h>

#define FILE_PATH "/tmp/swtrace-family-attrs"

int main(void) {
    // Extended attributes (tmpfs or ext4 take user.*; where they do not, the calls fail alike).
    int file = (int)syscall(SYS_openat, AT_FDCWD, FILE_PATH, O_RDWR | O_CREAT | O_TRUNC, 0600);
    syscall(SYS_setxattr, FILE_PATH, "user.one", "value\1", 6, XATTR_CREATE);
    syscall(SYS_setxattr, FILE_PATH, "user.one", "value", 5, XATTR_CREATE);
    syscall(SYS_lsetxattr, FILE_PATH, "user.two", LONG_STRING, sizeof LONG_STRING - 1, XATTR_REPLACE);
    syscall(SYS_fsetxattr, file, "user.two", "", 0, 0);
    syscall(SYS_fsetxattr, file, "user.three", UNMAPPED, 4, 0x4);
    syscall(SYS_setxattr, FILE_PATH, "user.four", "x", 1, XATTR_CREATE | XATTR_REPLACE);
    // A NUL ending the shown bytes is left out, and with it the "...".
    syscall(SYS_setxattr, "/nonexistent", "user.five", "abc\0", 4, 0);
    syscall(SYS_setxattr, "/nonexistent", "user.five", "abc\0\0", 5, 0);
    syscall(SYS_setxattr, "/nonexistent", "user.five", "0123456789abcdefghijklmnopqrstu\0xyz", 35, 0);
    syscall(SYS_setxattr, "/nonexistent", "user.five", NULL, 1, 0);
    syscall(SYS_setxattr, "/nonexistent", "user.five", LONG_STRING, 70000, 0);
    char value[64], names[256];
    syscall(SYS_getxattr, FILE_PATH, "user.one", value, sizeof value);
    syscall(SYS_lgetxattr, FILE_PATH, "user.one", NULL, 0);
    syscall(SYS_fgetxattr, file, "user.one", value, 2);
    syscall(SYS_fgetxattr, file, "user.none", value, sizeof value);
    syscall(SYS_getxattr, FILE_PATH, "user.one", UNMAPPED, sizeof value);
    syscall(SYS_listxattr, FILE_PATH, names, sizeof names);
    syscall(SYS_llistxattr, FILE_PATH, NULL, 0);
    syscall(SYS_flistxattr, file, names, 3);
    syscall(SYS_flistxattr, file, UNMAPPED, sizeof names);
    syscall(SYS_removexattr, FILE_PATH, "user.one");
    syscall(SYS_lremovexattr, FILE_PATH, "user.one");
    syscall(SYS_fremovexattr, file, "user.two");
    syscall(SYS_unlinkat, AT_FDCWD, FILE_PATH, 0);

    // Capabilities.
    struct __user_cap_header_struct header = {_LINUX_CAPABILITY_VERSION_3, 0};
    struct __user_cap_data_struct data[2];
    syscall(SYS_capget, &header, data);
    syscall(SYS_capset, &header, data);
    syscall(SYS_capget, &header, NULL);
    header.version = _LINUX_CAPABILITY_VERSION_1;
    syscall(SYS_capget, &header, data);
    header.version = 0x12345678;
    syscall(SYS_capget, &header, data);
    syscall(SYS_capget, UNMAPPED, data);
    header.version = _LINUX_CAPABILITY_VERSION_3;
    data[0].effective = 0;
    data[1].permitted = 0x1ff;
    syscall(SYS_capset, &header, data);
    syscall(SYS_capset, &header, UNMAPPED);

    // The execution domain.
    long domain = syscall(SYS_personality, 0xffffffff);
    syscall(SYS_personality, PER_LINUX | ADDR_NO_RANDOMIZE);
    syscall(SYS_personality, PER_LINUX32 | 0x10000000);
    syscall(SYS_personality, 0x42);
    syscall(SYS_personality, domain);

    // A terminal request without its argument.
    syscall(SYS_ioctl, 0, TCGETS, NULL);
    syscall(SYS_ioctl, -1, TCSETA, NULL);
    syscall(SYS_ioctl, -1, TCGETS, UNMAPPED);

    // A descriptor's owner.
    struct f_owner_ex owner = {F_OWNER_PGRP, 0};
    syscall(SYS_fcntl, file, F_GETOWN_EX, &owner);
    owner.type = F_OWNER_TID;
    owner.pid = (int)syscall(SYS_gettid);
    syscall(SYS_fcntl, file, F_SETOWN_EX, &owner);
    syscall(SYS_fcntl, file, F_GETOWN_EX, &owner);
    owner.type = 7;
    syscall(SYS_fcntl, file, F_SETOWN_EX, &owner);
    syscall(SYS_fcntl, file, F_SETOWN_EX, UNMAPPED);
    syscall(SYS_fcntl, file, F_GETOWN_EX, UNMAPPED);

    // memfd's huge page sizes.
    syscall(SYS_memfd_create, "huge", MFD_HUGETLB | MFD_HUGE_2MB);
    syscall(SYS_memfd_create, "huge", MFD_CLOEXEC | MFD_HUGETLB | MFD_HUGE_1GB);
    syscall(SYS_memfd_create, "huge", MFD_HUGETLB | (13 << MFD_HUGE_SHIFT));
    syscall(SYS_memfd_create, "huge", MFD_ALLOW_SEALING | MFD_HUGE_64KB);
    syscall(SYS_exit, 0);
    return 0;
}
