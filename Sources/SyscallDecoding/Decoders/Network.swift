/// Sockets. Address families, types, levels, option names and socket addresses are decoded by
/// strace and stay raw; i386's multiplexed `socketcall` is in `i386Specific`.
extension SyscallCatalog {
    static let network: [String: SyscallSignature] = [
        "socket": .init(.hex, .hex, .hex),
        "socketpair": .init(.hex, .hex, .hex, .hex),
        "bind": .init(.fd, .hex, .int),
        "connect": .init(.fd, .hex, .int),
        "listen": .init(.fd, .int),
        "accept": .init(.fd, .hex, .hex),
        "accept4": .init(.fd, .hex, .hex, .hex),
        "shutdown": .init(.fd, .hex),
        "getsockname": .init(.fd, .hex, .hex),
        "getpeername": .init(.fd, .hex, .hex),
        "setsockopt": .init(.fd, .hex, .hex, .hex, .int),
        "getsockopt": .init(.fd, .hex, .hex, .hex, .hex),
        "sendto": .init(.fd, .inBuffer(length: 2), .ulong, .hex, .hex, .int),
        "recvfrom": .init(.fd, .outBuffer, .ulong, .hex, .hex, .hex),
        "sendmsg": .init(.fd, .hex, .hex),
        "recvmsg": .init(.fd, .hex, .hex),
        "sendmmsg": .init(.fd, .hex, .uint, .hex),
        "recvmmsg": .init(.fd, .hex, .uint, .hex, .hex),
        "recvmmsg_time64": .init(.fd, .hex, .uint, .hex, .hex),
    ]
}
