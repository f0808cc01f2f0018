/// i386's socketcall(2): one syscall carrying every socket call, its arguments in an array of
/// words. strace prints the carried call under its own name, as the direct syscall prints.
extension CallDecoder {
    static let socketcall = CallDecoder(entry: { context, out in
        guard var carried = context.carriedSocketCall() else { return context.printRawSocketcall(to: &out) }
        carried.signature.printEntryArgs(&carried.context, &out)
        context.slot = carried.context.slot
    }, exit: { context, out in
        guard var carried = context.carriedSocketCall() else { return }
        carried.signature.printExitArgs(&carried.context, &out)
    }, shownName: { context in
        context.carriedSocketCallName()
    })
}

extension ReturnPrinter {
    /// The carried call's result as that call prints it: the descriptor socket and accept
    /// return (`3<socket:[12345]>` under `-y`), a number otherwise.
    static let socketcallResult = ReturnPrinter("socketcallResult") { value, context, out in
        if let name = context.carriedSocketCallName(),
           sameName(name, "socket") || sameName(name, "accept") || sameName(name, "accept4") {
            return out.fd(Int32(truncatingIfNeeded: value))
        }
        out.int(value)
    }
}

/// The carried calls in SYS_* order (<linux/net.h>), with their argument counts.
private let carriedSocketCalls: [(name: StaticString, sysName: StaticString, count: Int)] = [
    ("socket", "SYS_SOCKET", 3), ("bind", "SYS_BIND", 3), ("connect", "SYS_CONNECT", 3),
    ("listen", "SYS_LISTEN", 2), ("accept", "SYS_ACCEPT", 3), ("getsockname", "SYS_GETSOCKNAME", 3),
    ("getpeername", "SYS_GETPEERNAME", 3), ("socketpair", "SYS_SOCKETPAIR", 4), ("send", "SYS_SEND", 4),
    ("recv", "SYS_RECV", 4), ("sendto", "SYS_SENDTO", 6), ("recvfrom", "SYS_RECVFROM", 6),
    ("shutdown", "SYS_SHUTDOWN", 2), ("setsockopt", "SYS_SETSOCKOPT", 5), ("getsockopt", "SYS_GETSOCKOPT", 5),
    ("sendmsg", "SYS_SENDMSG", 3), ("recvmsg", "SYS_RECVMSG", 3), ("accept4", "SYS_ACCEPT4", 4),
    ("recvmmsg", "SYS_RECVMMSG", 5), ("sendmmsg", "SYS_SENDMMSG", 4),
]

/// send and recv exist only inside socketcall (elsewhere libc uses sendto and recvfrom).
private let sendSignature = SyscallSignature(.fd, .socketBuffer(length: 2), .ulong, .messageFlags)
private let recvSignature = SyscallSignature(.fd, .receivedSocketBuffer, .ulong, .messageFlags)

extension DecodeContext {
    private func carriedEntry() -> (name: StaticString, count: Int)? {
        guard let sysName = constants.socketcallCalls.name(of: call.args[0]) else { return nil }
        for entry in carriedSocketCalls where sameName(entry.sysName, sysName) { return (entry.name, entry.count) }
        return nil
    }

    func carriedSocketCallName() -> StaticString? {
        guard let entry = carriedEntry(), readWords(word(1), count: entry.count) != nil else { return nil }
        return entry.name
    }

    /// The carried call's signature and a context whose arguments are the words it points to;
    /// nil when the call number is unknown or the words unreadable.
    func carriedSocketCall() -> (signature: SyscallSignature, context: DecodeContext)? {
        guard let entry = carriedEntry(), let words = readWords(word(1), count: entry.count) else { return nil }
        let signature: SyscallSignature
        if sameName(entry.name, "send") {
            signature = sendSignature
        } else if sameName(entry.name, "recv") {
            signature = recvSignature
        } else {
            signature = SyscallCatalog.network["\(entry.name)"] ?? .raw(entry.count)
        }
        var carried = call
        carried.args = words
        let context = DecodeContext(call: carried, result: result, abi: abi, options: options, memory: memory,
                                    arena: arena, slot: slot, interruptedCall: interruptedCall, pid: pid,
                                    abbreviates: abbreviates, dereferences: dereferences)
        return (signature, context)
    }

    private func readWords(_ address: UInt64, count: Int) -> SyscallArgs? {
        guard let bytes = readBytes(address, count: count * wordSize) else { return nil }  // as strace, whatever -e verbose= says
        var args = SyscallArgs()
        for index in 0..<count {
            args[index] = FieldLayout(offset: index * wordSize, size: wordSize).unsigned(in: bytes)
        }
        return args
    }

    /// An unknown call number or unreadable arguments: `socketcall(SYS_SOCKET, NULL)`,
    /// `socketcall(99, 0x...)`, as strace shows them.
    func printRawSocketcall(to out: inout Emitter) {
        out.constant(UInt64(UInt32(truncatingIfNeeded: call.args[0])), constants.socketcallCalls)
        out.raw(", ")
        out.pointer(word(1))
    }
}
