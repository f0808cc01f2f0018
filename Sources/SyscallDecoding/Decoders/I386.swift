/// i386 (and x86_64's int 0x80): calls that multiplex a family, and calls whose 64-bit values
/// take two registers. Counts are registers, as
/// `strace -e raw=` prints them; everything from the first split value on stays raw, since
/// strace's default output joins the two halves and its later arguments shift left.
extension SyscallCatalog {
    static let i386Specific: [String: SyscallSignature] = [
        // Multiplexers: strace prints the sub-call instead.
        "socketcall": .init(count: 2, returns: .socketcallResult, decoder: .socketcall),
        "ipc": .init(count: 6, returns: .ipcResult, decoder: .ipc),

        // 64-bit values in two registers: SplitOffsets.swift and the family files' i386 decoders.
        "preadv": .init(.fd, .hex, .ulong, .hex, .hex),
        "pwritev": .init(.fd, .hex, .ulong, .hex, .hex),
        "fallocate": .init(.fd, .hex, .hex, .hex, .hex, .hex),
        "sync_file_range": .init(.fd, .hex, .hex, .hex, .hex, .hex),
        "fanotify_mark": .init(.fd, .hex, .hex, .hex, .hex, .hex),

        // The decoded old calls (signals with one-word masks, stat, readdir, one-block mmap and
        // select) are in OldCalls.swift, sigreturn in Signal.swift; these print as strace's do.
        "ulimit": .printedRaw(2),
        "bdflush": .printedRaw(2),
        "vm86old": .printedRaw(1),
        "vm86": .printedRaw(5),
    ]
}
