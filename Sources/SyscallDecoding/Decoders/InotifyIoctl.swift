/// inotify's one ioctl: INOTIFY_IOC_SETNEXTWD passes the next watch descriptor by value, a C
/// `int` (`ioctl(3, INOTIFY_IOC_SETNEXTWD, 5)`), as strace prints it.
let inotifyRequestArguments: [(name: StaticString, argument: IoctlArgument)] = [
    ("INOTIFY_IOC_SETNEXTWD", .integer),
]
