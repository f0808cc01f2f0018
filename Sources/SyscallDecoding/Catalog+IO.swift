/// Reading, writing and managing file descriptors.
extension SyscallCatalog {
    static let io: [String: SyscallSignature] = [
        "read": .init(.fd, .outBuffer, .ulong),
        "write": .init(.fd, .inBuffer(length: 2), .ulong),
        "close": .init(.fd),
    ]
}
