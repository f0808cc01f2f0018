// i386's old system calls (before the rt_ signals, stat64, getdents and the six-register mmap),
// each by number. The 64-bit build makes the calls that replaced them, so its trace still
// compares the same printers.
#include "family.h"
#include <dirent.h>
#include <sys/select.h>
#include <sys/stat.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <sys/utsname.h>

#define FILE_PATH "/tmp/swtrace-oldcalls"

static void on_signal(int signo) { (void)signo; }

// The i386 kernel's old struct sigaction: handler, a one-word mask, flags, restorer.
struct old_sigaction {
    uint32_t handler, mask, flags, restorer;
};

int main(void) {
    int fd = open(FILE_PATH, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0) return 1;
    syscall(SYS_write, fd, "old", 3);
    pid_t child = fork();
    if (child == 0) _exit(3);
    int status = 0;
#if defined(__i386__)
    syscall(SYS_waitpid, child, &status, 0);
    syscall(SYS_waitpid, -1, &status, WNOHANG | 0x40000000);
    syscall(SYS_waitpid, -1, NULL, 0);
    syscall(SYS_waitpid, -1, UNMAPPED, 0x7f);

    // Dispositions in the old struct.
    struct old_sigaction action = {(uint32_t)(uintptr_t)on_signal, 1u << (SIGUSR2 - 1), 0, 0};
    struct old_sigaction old;
    syscall(SYS_sigaction, SIGUSR1, &action, NULL);
    syscall(SYS_sigaction, SIGUSR1, NULL, &old);
    action.flags = SA_RESTART | SA_NODEFER;
    action.mask = ~0u;
    syscall(SYS_sigaction, SIGUSR2, &action, &old);
    syscall(SYS_sigaction, SIGUSR2, UNMAPPED, UNMAPPED);
    syscall(SYS_sigaction, 99, &action, NULL);
    syscall(SYS_signal, SIGHUP, SIG_IGN);
    syscall(SYS_signal, SIGHUP, SIG_DFL);
    syscall(SYS_signal, SIGTERM, on_signal);
    syscall(SYS_signal, SIGTERM, SIG_DFL);
    syscall(SYS_signal, 99, SIG_IGN);
    struct old_sigaction restorer = {(uint32_t)(uintptr_t)SIG_IGN, 0xffff, 0x04000000, 0x1234};
    syscall(SYS_sigaction, SIGINT, &restorer, NULL);

    // One-word masks.
    uint32_t usr1 = 1u << (SIGUSR1 - 1), was = 0, pending = 0;
    syscall(SYS_sigprocmask, SIG_BLOCK, &usr1, &was);
    syscall(SYS_sigprocmask, SIG_SETMASK, NULL, &was);
    syscall(SYS_sigprocmask, 7, &usr1, NULL);
    syscall(SYS_sigprocmask, SIG_BLOCK, UNMAPPED, NULL);
    syscall(SYS_kill, getpid(), SIGUSR1);
    syscall(SYS_sigpending, &pending);
    syscall(SYS_sigpending, UNMAPPED);
    syscall(SYS_sgetmask);
    syscall(SYS_ssetmask, usr1 | (1u << (SIGCHLD - 1)));
    syscall(SYS_ssetmask, usr1);
    uint32_t none = 0;
    syscall(SYS_sigsuspend, 0, 0, none);
    syscall(SYS_ssetmask, 0);
    syscall(SYS_sgetmask);

    // File status, the i386 struct stat and the older __old_kernel_stat.
    char buffer[512];
    int devnull = open("/dev/null", O_RDONLY);
    syscall(SYS_stat, FILE_PATH, buffer);
    syscall(SYS_stat, "/nonexistent", buffer);
    syscall(SYS_lstat, FILE_PATH, buffer);
    syscall(SYS_fstat, devnull, buffer);
    syscall(SYS_fstat, devnull, UNMAPPED);
    syscall(SYS_oldstat, FILE_PATH, buffer);
    syscall(SYS_oldlstat, FILE_PATH, buffer);
    syscall(SYS_oldfstat, devnull, buffer);
    syscall(SYS_oldfstat, devnull, UNMAPPED);
    syscall(SYS_olduname, buffer);
    syscall(SYS_oldolduname, buffer);
    syscall(SYS_olduname, UNMAPPED);

    // One old_linux_dirent per call.
    int directory = open("/", O_RDONLY | O_DIRECTORY);
    syscall(SYS_readdir, directory, buffer, 1);
    syscall(SYS_readdir, directory, UNMAPPED, 1);
    syscall(SYS_readdir, -1, buffer, 2);
    // The rest of / up to its end (0). Not a new directory: its inode numbers would differ
    // between the two traced runs.
    for (int i = 0; i < 64 && syscall(SYS_readdir, directory, buffer, 1) > 0; i++) {}

    // mmap's one pointer to six words.
    uint32_t mmap_args[6] = {0, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, (uint32_t)-1, 0};
    syscall(SYS_mmap, mmap_args);
    uint32_t mmap_file[6] = {0, 4096, PROT_READ, MAP_SHARED, (uint32_t)fd, 4096};
    syscall(SYS_mmap, mmap_file);
    syscall(SYS_mmap, UNMAPPED);
    uint32_t every_bit[6] = {0x1000, 4096, 0xff, 0x7ffff, 99, 0};
    syscall(SYS_mmap, every_bit);

    // select's one pointer to five words.
    int pipes[2];
    pipe(pipes);
    syscall(SYS_write, pipes[1], "x", 1);
    fd_set readable, writable;
    FD_ZERO(&readable);
    FD_ZERO(&writable);
    FD_SET(pipes[0], &readable);
    FD_SET(pipes[1], &writable);
    struct timeval timeout = {0, 0};
    uint32_t select_args[5] = {pipes[1] + 1, (uint32_t)(uintptr_t)&readable, (uint32_t)(uintptr_t)&writable, 0, (uint32_t)(uintptr_t)&timeout};
    syscall(SYS_select, select_args);
    syscall(SYS_select, UNMAPPED);
    FD_ZERO(&readable);
    uint32_t nothing_ready[5] = {1, (uint32_t)(uintptr_t)&readable, 0, 0, (uint32_t)(uintptr_t)&timeout};
    syscall(SYS_select, nothing_ready);
#else
    syscall(SYS_wait4, child, &status, 0, NULL);
    syscall(SYS_wait4, -1, NULL, WNOHANG, NULL);
    syscall(SYS_wait4, -1, UNMAPPED, 0x7f, NULL);
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = on_signal;
    sigaction(SIGUSR1, &action, NULL);
    sigset_t usr1;
    sigemptyset(&usr1);
    sigaddset(&usr1, SIGUSR1);
    syscall(SYS_rt_sigprocmask, SIG_BLOCK, &usr1, NULL, 8);
    syscall(SYS_kill, getpid(), SIGUSR1);
    uint64_t pending = 0;
    syscall(SYS_rt_sigpending, &pending, 8);
    struct stat buffer;
    syscall(SYS_stat, FILE_PATH, &buffer);
    syscall(SYS_lstat, FILE_PATH, &buffer);
    int devnull = open("/dev/null", O_RDONLY);
    syscall(SYS_fstat, devnull, &buffer);
    syscall(SYS_fstat, devnull, UNMAPPED);
    struct utsname names;
    syscall(SYS_uname, &names);
    syscall(SYS_mmap, NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    syscall(SYS_mmap, NULL, 4096, PROT_READ, MAP_SHARED, fd, 4096);
    syscall(SYS_mmap, 0x1000, 4096, 0xff, 0x7ffff, 99, 0);
    int pipes[2];
    pipe(pipes);
    syscall(SYS_write, pipes[1], "x", 1);
    fd_set readable;
    FD_ZERO(&readable);
    FD_SET(pipes[0], &readable);
    struct timeval timeout = {0, 0};
    syscall(SYS_select, pipes[0] + 1, &readable, NULL, NULL, &timeout);
    // Enough lines for the comparison to mean something.
    for (int i = 0; i < 12; i++) syscall(SYS_fstat, devnull, &buffer);
#endif
    unlink(FILE_PATH);
    return 0;
}
