/* The new mount API, Landlock, the kernel's keys, io_uring and a pidfd, for NetworkDifferentialTests. The mounts
 * made stay detached (a tmpfs never attached, a clone of /tmp) and go with the descriptors; the
 * key lives in this process's keyring; the Landlock ruleset is never enforced. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/io_uring.h>
#include <linux/keyctl.h>
#include <linux/landlock.h>
#include <linux/mount.h>
#include <signal.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void) {
    int context = syscall(SYS_fsopen, "tmpfs", FSOPEN_CLOEXEC);
    syscall(SYS_fsopen, "nosuchfs", 0x10);
    syscall(SYS_fsconfig, context, FSCONFIG_SET_STRING, "size", "1m", 0);
    syscall(SYS_fsconfig, context, FSCONFIG_SET_FLAG, "ro", NULL, 0);
    syscall(SYS_fsconfig, context, FSCONFIG_SET_FD, "source", NULL, 0);
    syscall(SYS_fsconfig, context, FSCONFIG_SET_BINARY, "x", "abc", 3);
    syscall(SYS_fsconfig, context, FSCONFIG_SET_PATH, "source", "/tmp", AT_FDCWD);
    syscall(SYS_fsconfig, context, FSCONFIG_CMD_CREATE, NULL, NULL, 0);
    syscall(SYS_fsconfig, context, 99, NULL, NULL, 0);
    int mount = syscall(SYS_fsmount, context, FSMOUNT_CLOEXEC, MOUNT_ATTR_RDONLY | MOUNT_ATTR_NOSUID);
    syscall(SYS_fsmount, -1, 0, 0x100000);
    syscall(SYS_move_mount, mount, "", AT_FDCWD, "/nonexistent/swtrace", MOVE_MOUNT_F_EMPTY_PATH);
    syscall(SYS_move_mount, -1, "a", -1, "b", 0x1000);
    int tree = syscall(SYS_open_tree, AT_FDCWD, "/tmp", OPEN_TREE_CLONE | OPEN_TREE_CLOEXEC | AT_RECURSIVE);
    syscall(SYS_open_tree, -1, "", AT_EMPTY_PATH | 0x1000000);
    struct mount_attr attributes = {.attr_set = MOUNT_ATTR_RDONLY, .attr_clr = MOUNT_ATTR_NOEXEC, .propagation = MS_PRIVATE};
    syscall(SYS_mount_setattr, tree, "", AT_EMPTY_PATH, &attributes, sizeof attributes);
    syscall(SYS_mount_setattr, -1, "/nonexistent/swtrace", 0, NULL, 0);
    syscall(SYS_fspick, AT_FDCWD, "/nonexistent/swtrace", FSPICK_CLOEXEC | FSPICK_NO_AUTOMOUNT);

    struct landlock_ruleset_attr ruleset = {.handled_access_fs = LANDLOCK_ACCESS_FS_READ_FILE | LANDLOCK_ACCESS_FS_WRITE_FILE};
    int rules = syscall(SYS_landlock_create_ruleset, &ruleset, 8, 0);
    syscall(SYS_landlock_create_ruleset, NULL, 0, 0x80);
    struct landlock_path_beneath_attr beneath = {.allowed_access = LANDLOCK_ACCESS_FS_READ_FILE, .parent_fd = 0};
    syscall(SYS_landlock_add_rule, rules, LANDLOCK_RULE_PATH_BENEATH, &beneath, 0);
    syscall(SYS_landlock_add_rule, rules, 99, NULL, 0);
    syscall(SYS_landlock_restrict_self, -1, 0);

    long key = syscall(SYS_add_key, "user", "swtrace", "payload", 7, KEY_SPEC_PROCESS_KEYRING);
    syscall(SYS_add_key, "user", "swtrace-bad", "p", 1, 12345);
    syscall(SYS_request_key, "user", "swtrace", "callout", 0);
    syscall(SYS_request_key, "user", "swtrace-missing", NULL, KEY_SPEC_PROCESS_KEYRING);
    char buffer[64];
    syscall(SYS_keyctl, KEYCTL_READ, key, buffer, sizeof buffer);
    syscall(SYS_keyctl, KEYCTL_DESCRIBE, key, NULL, 0);
    syscall(SYS_keyctl, KEYCTL_UPDATE, key, "new", 3);
    syscall(SYS_keyctl, KEYCTL_SETPERM, key, 0x3f010000);
    syscall(SYS_keyctl, KEYCTL_CHOWN, key, -1, -1);
    syscall(SYS_keyctl, KEYCTL_SET_TIMEOUT, key, 100);
    syscall(SYS_keyctl, KEYCTL_SEARCH, KEY_SPEC_PROCESS_KEYRING, "user", "swtrace", 0);
    syscall(SYS_keyctl, KEYCTL_LINK, key, KEY_SPEC_THREAD_KEYRING);
    syscall(SYS_keyctl, KEYCTL_UNLINK, key, KEY_SPEC_THREAD_KEYRING);
    syscall(SYS_keyctl, KEYCTL_SET_REQKEY_KEYRING, KEY_REQKEY_DEFL_NO_CHANGE);
    syscall(SYS_keyctl, KEYCTL_INVALIDATE, key);
    syscall(SYS_keyctl, KEYCTL_REVOKE, 999999);
    syscall(SYS_keyctl, KEYCTL_CLEAR, KEY_SPEC_THREAD_KEYRING);
    syscall(SYS_keyctl, 999, 1, 2, 3, 4);

    struct io_uring_params parameters;
    memset(&parameters, 0, sizeof parameters);
    int ring = syscall(SYS_io_uring_setup, 4, &parameters);
    memset(&parameters, 0, sizeof parameters);
    parameters.flags = IORING_SETUP_CQSIZE | IORING_SETUP_CLAMP;
    parameters.cq_entries = 16;
    int second = syscall(SYS_io_uring_setup, 2, &parameters);
    memset(&parameters, 0, sizeof parameters);
    parameters.flags = 0x80000000;
    syscall(SYS_io_uring_setup, 2, &parameters);
    syscall(SYS_io_uring_setup, 2, NULL);
    sigset_t none;
    sigemptyset(&none);
    syscall(SYS_io_uring_enter, ring, 0, 0, IORING_ENTER_GETEVENTS, NULL, 8);
    syscall(SYS_io_uring_enter, ring, 1, 1, IORING_ENTER_GETEVENTS | 0x100, &none, 8);
    syscall(SYS_io_uring_register, ring, IORING_REGISTER_PROBE, NULL, 0);
    int files[2] = {0, 1};
    syscall(SYS_io_uring_register, ring, IORING_REGISTER_FILES, files, 2);
    syscall(SYS_io_uring_register, ring, IORING_UNREGISTER_FILES, NULL, 0);
    syscall(SYS_io_uring_register, ring, 999, NULL, 0);
    close(second);
    close(ring);

    /* A pidfd: -yy shows the process it refers to. */
    int pidfd = syscall(SYS_pidfd_open, getpid(), 0);
    close(pidfd);
    return 0;
}
