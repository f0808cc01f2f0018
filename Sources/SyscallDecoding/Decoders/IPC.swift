/// Inter-process communication: System V message queues, semaphores and shared memory, POSIX
/// message queues and futexes. i386's multiplexed `ipc` is in `i386Specific`.
extension SyscallCatalog {
    static let ipc: [String: SyscallSignature] = [
        // System V. Keys, commands and permission flags are decoded by strace.
        "msgget": .init(.hex, .hex),
        "msgsnd": .init(.int, .hex, .ulong, .hex),
        "msgrcv": .init(.int, .hex, .ulong, .long, .hex),
        "msgctl": .init(.int, .hex, .hex),
        "semget": .init(.hex, .int, .hex),
        "semop": .init(.int, .hex, .uint),
        "semtimedop": .init(.int, .hex, .uint, .hex),
        "semtimedop_time64": .init(.int, .hex, .uint, .hex),
        "semctl": .init(.int, .int, .hex, .hex),
        "shmget": .init(.hex, .ulong, .hex),
        "shmat": .init(.int, .pointer, .hex, returns: .address),
        "shmdt": .init(.pointer),
        "shmctl": .init(.int, .hex, .hex),

        // POSIX message queues. mq_open prints its mode and attributes only with O_CREAT.
        "mq_open": .init(.path, .openFlags, .hex, .hex),
        "mq_unlink": .init(.path),
        "mq_timedsend": .init(.int, .inBuffer(length: 2), .ulong, .uint, .hex),
        "mq_timedsend_time64": .init(.int, .inBuffer(length: 2), .ulong, .uint, .hex),
        "mq_timedreceive": .init(.int, .outBuffer, .ulong, .hex, .hex),
        "mq_timedreceive_time64": .init(.int, .outBuffer, .ulong, .hex, .hex),
        "mq_notify": .init(.int, .hex),
        "mq_getsetattr": .init(.int, .hex, .hex),

        // Futexes: which arguments print, and how, depends on the operation.
        "futex": .init(.pointer, .hex, .hex, .hex, .hex, .hex),
        "futex_time64": .init(.pointer, .hex, .hex, .hex, .hex, .hex),
        "futex_waitv": .init(.hex, .uint, .hex, .hex, .hex),
    ]
}
