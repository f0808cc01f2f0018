// The rest of the descriptor, memory and process calls: fanotify, file handles, file ranges,
// protection keys, other processes' memory, clone3 and execveat.
#include "family.h"
#include <linux/sched.h>
#include <sys/fanotify.h>
#include <sys/mman.h>
#include <sys/uio.h>
#include <sys/wait.h>

int main(int argc, char **argv) {
    if (argc > 1) return 0;  // the execveat below runs this program again
    syscall(SYS_fanotify_init, FAN_CLASS_NOTIF | FAN_CLOEXEC | FAN_NONBLOCK, O_RDONLY | O_LARGEFILE);
    syscall(SYS_fanotify_init, FAN_CLASS_CONTENT | 0x80000000, O_RDWR);
#if defined(__i386__)
    syscall(SYS_fanotify_mark, -1, FAN_MARK_ADD | FAN_MARK_ONLYDIR, FAN_OPEN | FAN_ONDIR, 0, AT_FDCWD, "/tmp");
    syscall(SYS_fanotify_mark, -1, FAN_MARK_REMOVE, FAN_CLOSE_WRITE, 0, -1, NULL);
#else
    syscall(SYS_fanotify_mark, -1, FAN_MARK_ADD | FAN_MARK_ONLYDIR, FAN_OPEN | FAN_ONDIR, AT_FDCWD, "/tmp");
    syscall(SYS_fanotify_mark, -1, FAN_MARK_REMOVE, FAN_CLOSE_WRITE, -1, NULL);
#endif

    // File handles and file ranges.
    struct { unsigned int bytes; int type; unsigned char handle[128]; } handle = {.bytes = 128};
    int mount;
    syscall(SYS_name_to_handle_at, AT_FDCWD, "/tmp", &handle, &mount, 0);
    handle.bytes = 0;
    syscall(SYS_name_to_handle_at, AT_FDCWD, "/tmp", &handle, &mount, AT_SYMLINK_FOLLOW);
    syscall(SYS_name_to_handle_at, AT_FDCWD, "/nonexistent", UNMAPPED, &mount, 0);
    int file = (int)syscall(SYS_openat, AT_FDCWD, "/tmp/swtrace-family-more", O_RDWR | O_CREAT | O_TRUNC, 0600);
    syscall(SYS_sync_file_range, file, LOFF(0), LOFF(4096), SYNC_FILE_RANGE_WRITE | SYNC_FILE_RANGE_WAIT_AFTER);
    syscall(SYS_sync_file_range, file, LOFF(-1LL), LOFF(0), 0x10);
    syscall(SYS_unlinkat, AT_FDCWD, "/tmp/swtrace-family-more", 0);

    // Protection keys (the CPU may have none: then they fail, which prints the same).
    int key = (int)syscall(SYS_pkey_alloc, 0, PKEY_DISABLE_WRITE);
    syscall(SYS_pkey_alloc, 0, 0x8);
    syscall(SYS_pkey_free, key);

    // Another process's memory (our own).
    char source[] = "remote bytes", target[16];
    struct iovec local = {target, sizeof target}, remote = {source, sizeof source};
    syscall(SYS_process_vm_readv, getpid(), &local, 1, &remote, 1, 0);
    syscall(SYS_process_vm_writev, getpid(), &remote, 1, &local, 1, 0);
    syscall(SYS_process_vm_readv, getpid(), &local, 1, UNMAPPED, 1, 0);

    // clone3: a child that exits at once, then bad arguments.
    int child_tid = 0;
    struct clone_args args = {.flags = CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID, .exit_signal = SIGCHLD,
                              .parent_tid = (uintptr_t)&child_tid, .child_tid = (uintptr_t)&child_tid};
    long pid = syscall(SYS_clone3, &args, sizeof args);
    if (pid == 0) syscall(SYS_exit, 0);
    syscall(SYS_wait4, pid, NULL, 0, NULL);
    syscall(SYS_clone3, UNMAPPED, sizeof args);
    syscall(SYS_clone3, &args, 8);

    // execveat: failing forms, then this program again by descriptor.
    char *again[] = {argv[0], "again", NULL};
    char *environment[] = {"A=1", NULL};
    syscall(SYS_execveat, AT_FDCWD, "/nonexistent", again, environment, 0);
    syscall(SYS_execveat, AT_FDCWD, "", again, environment, AT_EMPTY_PATH | AT_SYMLINK_NOFOLLOW | 0x10000);
    int self = (int)syscall(SYS_openat, AT_FDCWD, "/proc/self/exe", O_RDONLY | O_CLOEXEC);
    syscall(SYS_execveat, self, "", again, environment, AT_EMPTY_PATH);
    return 1;
}
