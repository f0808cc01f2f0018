import Glibc

/// Whether a traced program may write to the file or pipe the trace goes to: then a batched trace
/// must be written before the program can write (see `TextSink.sharedWithTracees`), or the two
/// would come out of order. Decided once, at the start, by comparing the trace output's device
/// and inode with those of the programs' standard output and error (the usual way to share it:
/// `swtrace cmd` on a terminal or into a pipe). /dev/null is never shared: no one can see the
/// order there. What a program opens later (`-o log` and a command that appends to `log`) is not
/// seen: its lines can come a batch late.
enum OutputSharing {
    /// The command swtrace starts inherits swtrace's own descriptors 1 and 2.
    static func commandShares(outputFD: Int32) -> Bool {
        guard let output = identity(fd: outputFD) else { return true }
        if output.isNullDevice { return false }
        return [Int32(1), 2].contains { identity(fd: $0) == output }
    }

    /// A process attached with -p: its descriptors 1 and 2 as /proc shows them.
    static func processShares(_ pid: pid_t, outputFD: Int32) -> Bool {
        guard let output = identity(fd: outputFD) else { return true }
        if output.isNullDevice { return false }
        return [1, 2].contains { (identity(path: "/proc/\(pid)/fd/\($0)") ?? output) == output }
    }

    private struct Identity: Equatable {
        let device: UInt64
        let inode: UInt64
        let isNullDevice: Bool

        init(_ status: stat) {
            device = UInt64(status.st_dev)
            inode = UInt64(status.st_ino)
            // /dev/null is character device 1:3 (makedev(1, 3) with glibc's encoding).
            isNullDevice = status.st_mode & S_IFMT == S_IFCHR && status.st_rdev == 0x103
        }
    }

    private static func identity(fd: Int32) -> Identity? {
        var status = stat()
        return fstat(fd, &status) == 0 ? Identity(status) : nil
    }

    private static func identity(path: String) -> Identity? {
        var status = stat()
        return stat(path, &status) == 0 ? Identity(status) : nil
    }
}
