/// The old ATA disks' HDIO ioctls as strace prints them, for the settings passed by value: a
/// number (`HDIO_SET_DMA, 1`). strace decodes HDIO for a 64-bit tracee only: an i386 one's
/// argument is left in hex (measured on x86_64 with `-m32`). Not
/// decoded yet, as in strace's raw output: HDIO_GETGEO's struct hd_geometry, HDIO_DRIVE_CMD's
/// command, HDIO_SET_NICE's and HDIO_SET_BUSSTATE's names.
let hdioRequestArguments: [(name: StaticString, argument: IoctlArgument)] = [
    ("HDIO_SET_32BIT", hdioSetting), ("HDIO_SET_DMA", hdioSetting), ("HDIO_SET_MULTCOUNT", hdioSetting),
    ("HDIO_SET_WCACHE", hdioSetting), ("HDIO_SET_ACOUSTIC", hdioSetting), ("HDIO_SET_ADDRESS", hdioSetting),
    ("HDIO_SET_PIO_MODE", hdioSetting), ("HDIO_SET_NOWERR", hdioSetting), ("HDIO_SET_UNMASKINTR", hdioSetting),
    ("HDIO_SET_KEEPSETTINGS", hdioSetting),
]

/// A C `unsigned long` setting: decimal for a 64-bit tracee, hex (undecoded) for a 32-bit one.
private let hdioSetting = IoctlArgument.decoded(.init(entry: { context, value, out in
    if context.wordSize == 8 { out.uint(value) } else { out.hex(value) }
}))
