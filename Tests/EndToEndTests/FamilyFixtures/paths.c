// File calls by path: creat, access family, readlink(at), chdir/fchdir/getcwd, mkdir(at), rename
// family, link and symlink families, chmod and chown families, truncate, umask; and the memory and
// vectored-I/O calls the other fixtures leave out (mprotect, madvise, mremap, pkey_mprotect,
// preadv/pwritev, getrandom, sysinfo); and flag arguments with only unknown bits, which strace
// prints with a comment of their own (`0x1 /* AT_??? */`), and mmap's `N<<MAP_HUGE_SHIFT`.
#include "family.h"
#include <sys/stat.h>
#include <sys/mman.h>
#include <sys/uio.h>
#include <linux/fs.h>
#include <linux/random.h>

#define DIR_PATH "/tmp/swtrace-family-paths"
#define FILE_PATH DIR_PATH "/file"
#define LINK_PATH DIR_PATH "/link"
#define ODD_PATH DIR_PATH "/odd\001\377\n"

int main(void) {
    syscall(SYS_mkdirat, AT_FDCWD, DIR_PATH, 0755);
    syscall(SYS_mkdirat, AT_FDCWD, DIR_PATH, 01777);  // EEXIST
    syscall(SYS_mkdirat, AT_FDCWD, UNMAPPED, 0700);
#ifdef SYS_mkdir
    syscall(SYS_mkdir, DIR_PATH "/sub", 0700);
    syscall(SYS_mkdir, NULL, 0700);
#endif
#ifdef SYS_creat
    int fd = (int)syscall(SYS_creat, FILE_PATH, 0640);
    syscall(SYS_creat, ODD_PATH, 04755);
    syscall(SYS_creat, DIR_PATH "/" LONG_STRING, 0600);
    syscall(SYS_creat, UNMAPPED, 0600);
#else
    int fd = (int)syscall(SYS_openat, AT_FDCWD, FILE_PATH, O_WRONLY | O_CREAT | O_TRUNC, 0640);
#endif

    // Access: the mode's *_OK bits, unknown bits, AT_* flags.
#ifdef SYS_access
    syscall(SYS_access, FILE_PATH, R_OK | W_OK);
    syscall(SYS_access, FILE_PATH, F_OK);
    syscall(SYS_access, "/nonexistent", X_OK | 0x10);
#endif
    syscall(SYS_faccessat, AT_FDCWD, FILE_PATH, W_OK);
    syscall(SYS_faccessat, fd, "", R_OK);
#ifdef SYS_faccessat2
    syscall(SYS_faccessat2, AT_FDCWD, FILE_PATH, R_OK, AT_EACCESS | AT_SYMLINK_NOFOLLOW);
    syscall(SYS_faccessat2, fd, "", R_OK, AT_EMPTY_PATH);
    syscall(SYS_faccessat2, AT_FDCWD, FILE_PATH, R_OK, 0x8000000);
#endif

    // Links: symlink, link, readlink with a short buffer, a zero length and unmapped buffers.
#ifdef SYS_symlink
    syscall(SYS_symlink, FILE_PATH, LINK_PATH);
    syscall(SYS_symlink, FILE_PATH, UNMAPPED);
#endif
    syscall(SYS_symlinkat, LONG_STRING, AT_FDCWD, DIR_PATH "/longlink");
    syscall(SYS_symlinkat, FILE_PATH, AT_FDCWD, LINK_PATH);  // EEXIST on 64-bit after symlink
    char target[64];
#ifdef SYS_readlink
    syscall(SYS_readlink, LINK_PATH, target, sizeof target);
    syscall(SYS_readlink, LINK_PATH, target, 5);
    syscall(SYS_readlink, FILE_PATH, target, sizeof target);  // EINVAL: not a link
#endif
    syscall(SYS_readlinkat, AT_FDCWD, DIR_PATH "/longlink", target, sizeof target);
    syscall(SYS_readlinkat, AT_FDCWD, LINK_PATH, target, 0);
    syscall(SYS_readlinkat, AT_FDCWD, LINK_PATH, UNMAPPED, sizeof target);
#ifdef SYS_link
    syscall(SYS_link, FILE_PATH, DIR_PATH "/hard");
    syscall(SYS_link, "/nonexistent", DIR_PATH "/hard2");
#endif
    syscall(SYS_linkat, AT_FDCWD, FILE_PATH, AT_FDCWD, DIR_PATH "/hard3", AT_SYMLINK_FOLLOW);
    syscall(SYS_linkat, fd, "", AT_FDCWD, DIR_PATH "/hard4", AT_EMPTY_PATH | 0x1);

    // Renames with and without flags.
#ifdef SYS_rename
    syscall(SYS_rename, DIR_PATH "/hard3", DIR_PATH "/renamed");
    syscall(SYS_rename, UNMAPPED, DIR_PATH "/renamed");
#endif
#ifdef SYS_renameat
    syscall(SYS_renameat, AT_FDCWD, DIR_PATH "/longlink", AT_FDCWD, DIR_PATH "/longlink2");
#endif
    syscall(SYS_renameat2, AT_FDCWD, LINK_PATH, AT_FDCWD, DIR_PATH "/link2", RENAME_NOREPLACE);
    syscall(SYS_renameat2, AT_FDCWD, FILE_PATH, AT_FDCWD, DIR_PATH "/link2", RENAME_EXCHANGE | RENAME_NOREPLACE);
    syscall(SYS_renameat2, AT_FDCWD, FILE_PATH, AT_FDCWD, DIR_PATH "/x", 0x80);

    // Modes and owners: -1 as "unchanged", unknown mode bits.
#ifdef SYS_chmod
    syscall(SYS_chmod, FILE_PATH, 0600);
    syscall(SYS_chmod, "/nonexistent", 07777);
#endif
    syscall(SYS_fchmod, fd, 0644);
    syscall(SYS_fchmod, -1, 0644);
    syscall(SYS_fchmodat, AT_FDCWD, FILE_PATH, S_ISUID | S_ISGID | 0711);
    syscall(SYS_fchmodat, AT_FDCWD, UNMAPPED, 0);
#ifdef SYS_chown32
    syscall(SYS_chown32, FILE_PATH, -1, -1);
    syscall(SYS_lchown32, LINK_PATH, 0, -1);
    syscall(SYS_fchown32, fd, -1, 0);
#endif
#ifdef SYS_chown
    syscall(SYS_chown, FILE_PATH, -1, -1);
    syscall(SYS_lchown, "/nonexistent", 0, -1);
#endif
    syscall(SYS_fchown, fd, -1, 0);
    syscall(SYS_fchownat, AT_FDCWD, FILE_PATH, 0, 0, AT_SYMLINK_NOFOLLOW);
    syscall(SYS_fchownat, fd, "", -1, -1, AT_EMPTY_PATH);

    // Sizes: a 64-bit length, a negative one.
#ifdef SYS_truncate64
    syscall(SYS_truncate64, FILE_PATH, LOFF(4096));
    syscall(SYS_ftruncate64, fd, LOFF(0x100000000LL));
#endif
    syscall(SYS_truncate, FILE_PATH, 100);
    syscall(SYS_truncate, FILE_PATH, -1);
    syscall(SYS_ftruncate, fd, 0);
    syscall(SYS_ftruncate, -1, 0);

    // The umask is printed in octal, argument and result.
    syscall(SYS_umask, 027);
    syscall(SYS_umask, 0777777);
    syscall(SYS_umask, 022);

    // The working directory.
    char cwd[256];
    syscall(SYS_chdir, DIR_PATH);
    syscall(SYS_getcwd, cwd, sizeof cwd);
    syscall(SYS_getcwd, cwd, 3);
    syscall(SYS_getcwd, UNMAPPED, sizeof cwd);
    syscall(SYS_chdir, "/nonexistent");
    int dir = (int)syscall(SYS_openat, AT_FDCWD, "/tmp", O_RDONLY | O_DIRECTORY);
    syscall(SYS_fchdir, dir);
    syscall(SYS_fchdir, -1);
    syscall(SYS_close, dir);

    // Vectored I/O at an offset: one buffer, an empty one, an unmapped array.
    char data[] = "vectored\001\377 data with a tail longer than thirty-two bytes";
    char back[80];
    struct iovec out[2] = {{data, sizeof data - 1}, {data, 0}};
    struct iovec in[2] = {{back, 10}, {back + 10, sizeof back - 10}};
    int rw = (int)syscall(SYS_openat, AT_FDCWD, FILE_PATH, O_RDWR);
    syscall(SYS_pwritev, rw, out, 2, LOFF(0));
    syscall(SYS_preadv, rw, in, 2, LOFF(0));
    syscall(SYS_preadv, rw, in, 0, LOFF(1));
    syscall(SYS_pwritev, rw, UNMAPPED, 2, LOFF(0));
    syscall(SYS_preadv, -1, in, 2, LOFF(0));

    // Memory: protections, advice and remapping with unknown bits.
#ifdef SYS_mmap2
#define MMAP SYS_mmap2
#else
#define MMAP SYS_mmap
#endif
    char *page = (char *)syscall(MMAP, NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    syscall(SYS_mprotect, page, 4096, PROT_READ);
    syscall(SYS_mprotect, page, 4096, PROT_READ | PROT_EXEC | 0x100);
    syscall(SYS_mprotect, page + 1, 4096, PROT_NONE);
    syscall(SYS_madvise, page, 8192, MADV_DONTNEED);
    syscall(SYS_madvise, page, 8192, MADV_HUGEPAGE);
    syscall(SYS_madvise, page, 8192, 77);
    syscall(SYS_pkey_mprotect, page, 4096, PROT_READ | PROT_WRITE, -1);
    syscall(SYS_pkey_mprotect, page, 4096, PROT_READ, 5);
    char *moved = (char *)syscall(SYS_mremap, page, 8192, 16384, MREMAP_MAYMOVE);
    syscall(SYS_mremap, moved, 16384, 4096, 0);
    syscall(SYS_mremap, moved, 4096, 8192, 0x40);
    syscall(SYS_munmap, moved, 16384);

    // getrandom's flags (the bytes differ between runs: zero length only), sysinfo's struct.
    char random[8];
    syscall(SYS_getrandom, random, 0, GRND_NONBLOCK);
    syscall(SYS_getrandom, UNMAPPED, 8, GRND_RANDOM | GRND_NONBLOCK);
    syscall(SYS_getrandom, random, 0, 0x40);
    syscall(SYS_sysinfo, UNMAPPED);
    syscall(SYS_sysinfo, NULL);

    // Flag arguments with no known bit at all: `0x1 /* AT_??? */`, `0x10 /* ?_OK */`, ...
    struct stat st;
#ifdef SYS_newfstatat
    syscall(SYS_newfstatat, AT_FDCWD, "/", &st, 0x1);
#else
    syscall(SYS_fstatat64, AT_FDCWD, "/", &st, 0x1);
#endif
    syscall(SYS_fchownat, AT_FDCWD, "/nonexistent", 0, 0, 0x1);
    syscall(SYS_linkat, AT_FDCWD, "/nonexistent", AT_FDCWD, "/x", 0x1);
    char *none[] = {NULL};
    syscall(SYS_execveat, AT_FDCWD, "/nonexistent", none, none, 0x1);
    syscall(SYS_faccessat, AT_FDCWD, "/", 0x10);
    int pipes[2];
    syscall(SYS_pipe2, pipes, 0x1);
    syscall(SYS_flock, -1, 0x100);
    syscall(SYS_fcntl, rw, F_SETFD, 0x2);
    syscall(SYS_fcntl, -1, F_ADD_SEALS, 0x100);
    syscall(SYS_fcntl, -1, F_NOTIFY, 0x100000);
    syscall(SYS_wait4, -1, NULL, 0x100, NULL);
    syscall(SYS_msync, NULL, 0, 0x100);
    syscall(SYS_mlockall, 0x100);
    syscall(SYS_membarrier, 0, 0x100, 0);
    syscall(SYS_statx, AT_FDCWD, "/nonexistent", 0, 0x80000000, &st);
    syscall(SYS_open_tree, -1, "/", 0x4);
    syscall(SYS_io_uring_enter, -1, 0, 0, 0x100, NULL, 0);
    // mmap: the mapping type 0 (MAP_FILE), huge page sizes with and without MAP_HUGETLB.
    syscall(MMAP, NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_HUGETLB | (21 << MAP_HUGE_SHIFT), -1, 0);
    syscall(MMAP, NULL, 4096, PROT_READ, 0x40000000, -1, 0);
    syscall(MMAP, NULL, 4096, PROT_READ, 0, -1, 0);
    syscall(MMAP, NULL, 4096, PROT_READ, 0xf, -1, 0);

    // Clean up.
    syscall(SYS_close, rw);
    syscall(SYS_close, fd);
    const char *names[] = {"file", "link", "link2", "longlink", "longlink2", "hard", "hard3", "hard4", "renamed",
                           "odd\001\377\n", LONG_STRING, "x"};
    int root = (int)syscall(SYS_openat, AT_FDCWD, DIR_PATH, O_RDONLY | O_DIRECTORY);
    for (unsigned i = 0; i < sizeof names / sizeof names[0]; i++) syscall(SYS_unlinkat, root, names[i], 0);
    syscall(SYS_unlinkat, root, "sub", AT_REMOVEDIR);
    syscall(SYS_unlinkat, root, "nothing", 0x1);
    syscall(SYS_close, root);
    syscall(SYS_unlinkat, AT_FDCWD, DIR_PATH, AT_REMOVEDIR);
    return 0;
}
