/// btrfs' ioctls: named (Ioctl.swift's table has every request of <linux/btrfs.h>); the ones
/// strace prints without an argument are listed here. Not decoded yet, as in strace's raw
/// output: their structs (volume and subvolume arguments, searches, balance, quotas, ...).
let btrfsRequestArguments: [(name: StaticString, argument: IoctlArgument)] = [
    ("BTRFS_IOC_SYNC", .none), ("BTRFS_IOC_TRANS_START", .none), ("BTRFS_IOC_TRANS_END", .none),
    ("BTRFS_IOC_DEFRAG", .none), ("BTRFS_IOC_BALANCE", .none), ("BTRFS_IOC_SCRUB_CANCEL", .none),
    ("BTRFS_IOC_QUOTA_RESCAN_WAIT", .none),
]
