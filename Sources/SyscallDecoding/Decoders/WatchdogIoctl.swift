/// The watchdog device's ioctls (`/dev/watchdog`) as strace 6.1 prints them: the timeouts the
/// tracee sets, at entry (`[30]`), and the numbers the kernel reports, at exit (the address when
/// the call failed). WDIOC_KEEPALIVE takes no argument; strace leaves WDIOC_GETSUPPORT's struct
/// and WDIOC_SETOPTIONS' flags as addresses, and so does this table.
let watchdogRequestArguments: [(name: StaticString, argument: IoctlArgument)] = [
    ("WDIOC_KEEPALIVE", .none),
    ("WDIOC_SETTIMEOUT", .valueIn(.int)), ("WDIOC_SETPRETIMEOUT", .valueIn(.int)),
    ("WDIOC_GETSTATUS", .valueOut(.int)), ("WDIOC_GETBOOTSTATUS", .valueOut(.int)),
    ("WDIOC_GETTEMP", .valueOut(.int)), ("WDIOC_GETTIMEOUT", .valueOut(.int)),
    ("WDIOC_GETPRETIMEOUT", .valueOut(.int)), ("WDIOC_GETTIMELEFT", .valueOut(.int)),
]
