import Glibc

/// Writes finished trace lines to a file descriptor: every write(2) holds whole lines only, so
/// a line never tears against the traced program's own output to the same file.
final class LineWriter {
    let fd: Int32
    /// Set when the reader went away (EPIPE) or the file cannot take more (ENOSPC, EIO...).
    private(set) var failure: Int32?

    init(fd: Int32) {
        self.fd = fd
    }

    func write(_ bytes: ArraySlice<UInt8>) {
        bytes.withUnsafeBytes { write($0) }
    }

    func write(_ raw: UnsafeRawBufferPointer) {
        guard failure == nil, !raw.isEmpty else { return }
        var offset = 0
        while offset < raw.count {
            let written = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
            if written > 0 {
                offset += written
            } else if written < 0 && errno == EINTR {
                continue
            } else {
                failure = written < 0 ? errno : EIO
                return
            }
        }
    }
}
