/// Files and paths: open, stat, access, links, directories.
extension SyscallCatalog {
    static let file: [String: SyscallSignature] = [
        "open": .init(.path, .openFlags, .createMode(flags: 1)),
        "openat": .init(.dirfd, .path, .openFlags, .createMode(flags: 2)),
        "creat": .init(.path, .mode),
    ]
}
