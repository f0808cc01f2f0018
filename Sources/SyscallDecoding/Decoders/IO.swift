/// Reading, writing and managing file descriptors: data transfer, offsets, descriptor tables,
/// pipes, fcntl/ioctl, syncing, readiness (poll, select, epoll), eventfd/signalfd, AIO and io_uring.
///
/// Offsets split over two registers on 32-bit ABIs are in `i386Specific`.
extension SyscallCatalog {
    static let io: [String: SyscallSignature] = [
        // Data transfer.
        "read": .init(.fd, .outBuffer, .ulong),
        "write": .init(.fd, .inBuffer(length: 2), .ulong),
        "pread64": .init(.fd, .outBuffer, .ulong, .long),
        "pwrite64": .init(.fd, .inBuffer(length: 2), .ulong, .long),
        "readv": .init(.fd, .hex, .ulong),
        "writev": .init(.fd, .hex, .ulong),
        "preadv": .init(.fd, .hex, .ulong, .long),
        "pwritev": .init(.fd, .hex, .ulong, .long),
        // The offset always takes two registers (strace prints it as one), then the flags.
        "preadv2": .init(.fd, .hex, .ulong, .hex, .hex, .hex),
        "pwritev2": .init(.fd, .hex, .ulong, .hex, .hex, .hex),
        "sendfile": .init(.fd, .fd, .hex, .ulong),
        "sendfile64": .init(.fd, .fd, .hex, .ulong),
        "splice": .init(.fd, .hex, .fd, .hex, .ulong, .hex),
        "tee": .init(.fd, .fd, .ulong, .hex),
        "vmsplice": .init(.fd, .hex, .ulong, .hex),
        "copy_file_range": .init(.fd, .hex, .fd, .hex, .ulong, .hex),

        // Offsets and file space.
        "lseek": .init(.fd, .long, .hex),
        "readahead": .init(.fd, .long, .ulong),
        "fadvise64": .init(.fd, .long, .ulong, .hex),
        "fallocate": .init(.fd, .hex, .long, .long),
        "sync_file_range": .init(.fd, .long, .long, .hex),

        // Syncing.
        "sync": .init(),
        "syncfs": .init(.fd),
        "fsync": .init(.fd),
        "fdatasync": .init(.fd),

        // The descriptor table.
        "close": .init(.fd),
        "close_range": .init(.uint, .uint, .hex),
        "dup": .init(.fd),
        "dup2": .init(.fd, .fd),
        "dup3": .init(.fd, .fd, .hex),
        "pipe": .init(.hex),
        "pipe2": .init(.hex, .hex),
        "flock": .init(.fd, .hex),
        // Some commands return flags, which strace decodes.
        "fcntl": .init(.fd, .hex, .hex, returns: .hex),
        "fcntl64": .init(.fd, .hex, .hex, returns: .hex),
        "ioctl": .init(.fd, .hex, .hex),

        // Readiness. poll and select also print the ready set after the return value.
        "poll": .init(.hex, .uint, .int, returns: .hex),
        "ppoll": .init(.hex, .uint, .hex, .hex, .ulong, returns: .hex),
        "ppoll_time64": .init(.hex, .uint, .hex, .hex, .ulong, returns: .hex),
        "select": .init(.int, .hex, .hex, .hex, .hex, returns: .hex),
        "_newselect": .init(.int, .hex, .hex, .hex, .hex, returns: .hex),
        "pselect6": .init(.int, .hex, .hex, .hex, .hex, .hex, returns: .hex),
        "pselect6_time64": .init(.int, .hex, .hex, .hex, .hex, .hex, returns: .hex),
        "epoll_create": .init(.int),
        "epoll_create1": .init(.hex),
        "epoll_ctl": .init(.fd, .hex, .fd, .hex),
        "epoll_wait": .init(.fd, .hex, .int, .int),
        "epoll_pwait": .init(.fd, .hex, .int, .int, .hex, .ulong),
        "epoll_pwait2": .init(.fd, .hex, .int, .hex, .hex, .ulong),
        "epoll_ctl_old": .init(.hex, .hex, .hex, .hex),
        "epoll_wait_old": .init(.hex, .hex, .hex, .hex),

        // Descriptors that deliver events.
        "eventfd": .init(.uint),
        "eventfd2": .init(.uint, .hex),
        "signalfd": .init(.fd, .hex, .ulong),
        "signalfd4": .init(.fd, .hex, .ulong, .hex),

        // Asynchronous I/O.
        "io_setup": .init(.uint, .hex),
        "io_destroy": .init(.pointer),
        "io_submit": .init(.pointer, .long, .hex),
        "io_cancel": .init(.pointer, .hex, .hex),
        "io_getevents": .init(.pointer, .long, .long, .hex, .hex),
        "io_pgetevents": .init(.pointer, .long, .long, .hex, .hex, .hex),
        "io_pgetevents_time64": .init(.pointer, .long, .long, .hex, .hex, .hex),
        "io_uring_setup": .init(.uint, .hex),
        "io_uring_enter": .init(.fd, .uint, .uint, .hex, .hex, .ulong),
        "io_uring_register": .init(.fd, .hex, .hex, .uint),
    ]
}
