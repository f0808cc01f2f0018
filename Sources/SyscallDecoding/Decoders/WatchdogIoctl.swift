/// The watchdog device's ioctls (`/dev/watchdog`) as strace prints them: the timeouts the
/// tracee sets at entry (`[30]`), what the kernel reports at exit (the address when the call
/// failed): a number, `WDIOF_*` status flags, or the card's struct watchdog_info. strace reads
/// WDIOC_SETOPTIONS's `WDIOS_*` flags at exit too; WDIOC_KEEPALIVE takes no argument.
let watchdogRequestArguments: [(name: StaticString, argument: IoctlArgument)] = [
    ("WDIOC_KEEPALIVE", .none),
    ("WDIOC_SETTIMEOUT", .valueIn(.int)), ("WDIOC_SETPRETIMEOUT", .valueIn(.int)),
    ("WDIOC_GETTEMP", .valueOut(.int)), ("WDIOC_GETTIMEOUT", .valueOut(.int)),
    ("WDIOC_GETPRETIMEOUT", .valueOut(.int)), ("WDIOC_GETTIMELEFT", .valueOut(.int)),
    ("WDIOC_GETSTATUS", .decoded(.init(exit: { $0.printWatchdogFlags(at: $1, setting: false, to: &$2) }))),
    ("WDIOC_GETBOOTSTATUS", .decoded(.init(exit: { $0.printWatchdogFlags(at: $1, setting: false, to: &$2) }))),
    ("WDIOC_SETOPTIONS", .decoded(.init(exit: { $0.printWatchdogFlags(at: $1, setting: true, to: &$2) }))),
    ("WDIOC_GETSUPPORT", .decoded(.init(exit: { $0.printWritten(at: $1, to: &$2, $0.printWatchdogInfo) }))),
]

extension DecodeContext {
    /// `[WDIOF_SETTIMEOUT|WDIOF_MAGICCLOSE]` (a status), or `[WDIOS_DISABLECARD]` (options set);
    /// the address after a failure.
    func printWatchdogFlags(at address: UInt64, setting: Bool, to out: inout Emitter) {
        if returned == nil || address == 0 { return out.pointer(address) }
        guard let bytes = read(address, count: 4) else { return out.pointer(address) }
        let value = UInt64(bytes.u32(0))
        out.beginArray()
        out.element()
        if setting {
            out.flags(value, constants(\.watchdogSetOptions), unknown: "WDIOS_???")
        } else {
            out.flags(value, constants(\.watchdogOptions), unknown: "WDIOF_???")
        }
        out.endArray()
    }

    /// struct watchdog_info: `{options=WDIOF_SETTIMEOUT|WDIOF_MAGICCLOSE, firmware_version=0,
    /// identity="Software Watchdog"}`.
    func printWatchdogInfo(at address: UInt64, to out: inout Emitter) {
        let layout = layouts.watchdogInfo
        withStruct(at: address, size: layout.size, to: &out) { bytes, out in
            out.beginStruct()
            out.field("options")
            out.flags(layout.options.unsigned(in: bytes), constants(\.watchdogOptions), unknown: "WDIOF_???")
            out.field("firmware_version")
            out.uint(layout.firmwareVersion.unsigned(in: bytes))
            out.field("identity")
            let identity = UnsafeRawBufferPointer(rebasing: bytes[layout.identity.offset..<layout.identity.offset + layout.identity.size])
            let length = identity.firstIndex(of: 0) ?? identity.count
            out.bytes(identity.prefix(length), truncated: length == identity.count)
            out.endStruct()
        }
    }
}
