/// Files and paths: open, stat, access, permissions, owners, links, directories, extended
/// attributes, timestamps, file system statistics and change notifications.
///
/// Owners (uid/gid) stay `.hex`: strace prints `(uid_t)-1` as `-1` and any other value unsigned,
/// which no kind does. Stat buffers, `AT_*` and `*_OK` flags are decoded by strace and stay raw.
extension SyscallCatalog {
    static let file: [String: SyscallSignature] = [
        // Opening.
        "open": .init(.path, .openFlags, .createMode(flags: 1)),
        "openat": .init(.dirfd, .path, .openFlags, .createMode(flags: 2)),
        "openat2": .init(.dirfd, .path, .hex, .ulong),
        "creat": .init(.path, .mode),
        "open_by_handle_at": .init(.fd, .hex, .openFlags),
        "name_to_handle_at": .init(.dirfd, .path, .hex, .hex, .hex),

        // Status.
        "stat": .init(.path, .hex),
        "lstat": .init(.path, .hex),
        "fstat": .init(.fd, .hex),
        "newfstatat": .init(.dirfd, .path, .hex, .hex),
        "stat64": .init(.path, .hex),
        "lstat64": .init(.path, .hex),
        "fstat64": .init(.fd, .hex),
        "fstatat64": .init(.dirfd, .path, .hex, .hex),
        "oldstat": .init(.path, .hex),
        "oldlstat": .init(.path, .hex),
        "oldfstat": .init(.fd, .hex),
        "statx": .init(.dirfd, .path, .hex, .hex, .hex),
        "access": .init(.path, .hex),
        "faccessat": .init(.dirfd, .path, .hex),
        "faccessat2": .init(.dirfd, .path, .hex, .hex),

        // Permissions and owners.
        "chmod": .init(.path, .mode),
        "fchmod": .init(.fd, .mode),
        "fchmodat": .init(.dirfd, .path, .mode),
        "umask": .init(.mode, returns: .hex),  // strace prints the old mask in octal
        "chown": .init(.path, .hex, .hex),
        "lchown": .init(.path, .hex, .hex),
        "fchown": .init(.fd, .hex, .hex),
        "chown32": .init(.path, .hex, .hex),
        "lchown32": .init(.path, .hex, .hex),
        "fchown32": .init(.fd, .hex, .hex),
        "fchownat": .init(.dirfd, .path, .hex, .hex, .hex),

        // Names: links, renames, directories, device nodes.
        "link": .init(.path, .path),
        "linkat": .init(.dirfd, .path, .dirfd, .path, .hex),
        "unlink": .init(.path),
        "unlinkat": .init(.dirfd, .path, .hex),
        "symlink": .init(.path, .path),
        "symlinkat": .init(.path, .dirfd, .path),
        "readlink": .init(.path, .outBuffer, .ulong),
        "readlinkat": .init(.dirfd, .path, .outBuffer, .ulong),
        "rename": .init(.path, .path),
        "renameat": .init(.dirfd, .path, .dirfd, .path),
        "renameat2": .init(.dirfd, .path, .dirfd, .path, .hex),
        "mkdir": .init(.path, .mode),
        "mkdirat": .init(.dirfd, .path, .mode),
        "rmdir": .init(.path),
        "mknod": .init(.path, .hex, .hex),
        "mknodat": .init(.dirfd, .path, .hex, .hex),

        // The working directory and the root.
        "getcwd": .init(.hex, .ulong),  // strace prints the buffer at exit as a path of rval bytes
        "chdir": .init(.path),
        "fchdir": .init(.fd),
        "chroot": .init(.path),
        "pivot_root": .init(.path, .path),

        // Sizes.
        "truncate": .init(.path, .ulong),
        "ftruncate": .init(.fd, .ulong),

        // Directory entries.
        "getdents": .init(.fd, .hex, .uint),
        "getdents64": .init(.fd, .hex, .uint),

        // Extended attributes: the value prints as a string only when its size is sane, so raw.
        "setxattr": .init(.path, .string, .hex, .ulong, .hex),
        "lsetxattr": .init(.path, .string, .hex, .ulong, .hex),
        "fsetxattr": .init(.fd, .string, .hex, .ulong, .hex),
        "getxattr": .init(.path, .string, .hex, .ulong),
        "lgetxattr": .init(.path, .string, .hex, .ulong),
        "fgetxattr": .init(.fd, .string, .hex, .ulong),
        "listxattr": .init(.path, .hex, .ulong),
        "llistxattr": .init(.path, .hex, .ulong),
        "flistxattr": .init(.fd, .hex, .ulong),
        "removexattr": .init(.path, .string),
        "lremovexattr": .init(.path, .string),
        "fremovexattr": .init(.fd, .string),

        // Timestamps.
        "utime": .init(.path, .hex),
        "utimes": .init(.path, .hex),
        "futimesat": .init(.dirfd, .path, .hex),
        "utimensat": .init(.dirfd, .path, .hex, .hex),
        "utimensat_time64": .init(.dirfd, .path, .hex, .hex),

        // File system statistics.
        "statfs": .init(.path, .hex),
        "fstatfs": .init(.fd, .hex),
        "statfs64": .init(.path, .ulong, .hex),
        "fstatfs64": .init(.fd, .ulong, .hex),
        "ustat": .init(.hex, .hex),

        // Change notifications.
        "inotify_init": .init(),
        "inotify_init1": .init(.hex),
        "inotify_add_watch": .init(.fd, .path, .hex),
        "inotify_rm_watch": .init(.fd, .int),
        "fanotify_init": .init(.hex, .hex),
        "fanotify_mark": .init(.fd, .hex, .hex, .hex, .path),  // dirfd -1 prints as FAN_NOFD
    ]
}
