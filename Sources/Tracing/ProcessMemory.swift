import CPtrace
import Glibc
import SyscallDecoding

/// A stopped tracee's memory, read with process_vm_readv(2): one syscall for a whole buffer instead
/// of a PTRACE_PEEKDATA per word. The remote range is split at page boundaries, because the kernel
/// reports a partial read only at whole iovec elements: so a read that runs into an unmapped page
/// still returns the bytes before it. Falls back to PTRACE_PEEKDATA where process_vm_readv is not
/// allowed (ENOSYS, EPERM under some sandboxes).
struct ProcessMemory: TraceeMemory {
    let tid: pid_t

    private static let pageSize = 4096
    private static let maxSegments = 64

    func read(from address: UInt64, into buffer: UnsafeMutableRawBufferPointer) -> Int {
        guard buffer.count > 0, let base = buffer.baseAddress else { return 0 }
        var done = 0
        while done < buffer.count {
            guard let (copied, planned) = readSegments(from: address &+ UInt64(done), into: base + done,
                                                       count: buffer.count - done) else {
                return done > 0 ? done : peekFallback(from: address, into: buffer)
            }
            done += copied
            if copied < planned { break }
        }
        return done
    }

    /// One process_vm_readv over up to `maxSegments` page-bounded pieces: the bytes copied (fewer
    /// than planned at an unreadable page) and planned; nil when the call itself is not available.
    private func readSegments(from address: UInt64, into destination: UnsafeMutableRawPointer,
                              count: Int) -> (copied: Int, planned: Int)? {
        withUnsafeTemporaryAllocation(of: iovec.self, capacity: Self.maxSegments) { remote in
            var segments = 0
            var planned = 0
            var cursor = address
            while planned < count && segments < Self.maxSegments {
                let toPageEnd = Self.pageSize - Int(cursor % UInt64(Self.pageSize))
                let length = min(toPageEnd, count - planned)
                remote[segments] = iovec(iov_base: UnsafeMutableRawPointer(bitPattern: UInt(cursor)), iov_len: length)
                segments += 1
                planned += length
                cursor &+= UInt64(length)
            }
            var local = iovec(iov_base: destination, iov_len: planned)
            let copied = swt_process_vm_readv(tid, &local, 1, remote.baseAddress, UInt(segments))
            if copied >= 0 { return (Int(copied), planned) }
            return errno == ENOSYS || errno == EPERM ? nil : (0, planned)
        }
    }

    private func peekFallback(from address: UInt64, into buffer: UnsafeMutableRawBufferPointer) -> Int {
        var done = 0
        while done < buffer.count {
            let wordAddress = (address &+ UInt64(done)) & ~7
            let skip = Int((address &+ UInt64(done)) - wordAddress)
            guard let word = Ptrace.peekData(tid, at: wordAddress) else { break }
            withUnsafeBytes(of: word.littleEndian) { bytes in
                let take = min(8 - skip, buffer.count - done)
                buffer.baseAddress!.advanced(by: done).copyMemory(from: bytes.baseAddress! + skip, byteCount: take)
                done += take
            }
        }
        return done
    }
}
