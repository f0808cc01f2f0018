/// The network block device's ioctls (`/dev/nbd*`) as strace prints them: the socket's
/// descriptor, sizes and the timeout by value, NBD_SET_FLAGS' `NBD_FLAG_*` flags; the requests
/// that start, clear and stop the device take no argument.
let nbdRequestArguments: [(name: StaticString, argument: IoctlArgument)] = [
    ("NBD_DO_IT", .none), ("NBD_CLEAR_SOCK", .none), ("NBD_CLEAR_QUE", .none), ("NBD_PRINT_DEBUG", .none),
    ("NBD_DISCONNECT", .none), ("NBD_SET_SOCK", .descriptor),
    ("NBD_SET_BLKSIZE", .unsignedLong), ("NBD_SET_SIZE", .unsignedLong), ("NBD_SET_SIZE_BLOCKS", .unsignedLong),
    ("NBD_SET_TIMEOUT", .unsignedLong),
    ("NBD_SET_FLAGS", .decoded(.init(entry: { context, _, out in
        out.flags(UInt64(UInt32(truncatingIfNeeded: context.call.args[2])), context.constants(\.nbdFlags),
                  unknown: "NBD_IOC_FLAG_???")
    }))),
]
