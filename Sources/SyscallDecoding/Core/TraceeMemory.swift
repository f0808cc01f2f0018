/// The address space of a stopped tracee, as decoders see it. The real implementation reads with
/// process_vm_readv(2); tests use a byte array.
public protocol TraceeMemory {
    /// Copies up to `buffer.count` bytes from `address` into `buffer` and returns how many bytes it
    /// copied: fewer when the range runs into an unreadable page, 0 when `address` is unreadable.
    func read(from address: UInt64, into buffer: UnsafeMutableRawBufferPointer) -> Int
    /// The thread whose memory this is, where the implementation knows it (the tracer's
    /// `ProcessMemory.tid` is the witness), for decoders that must look in /proc (a netlink
    /// socket's protocol) and for the formatter's per-thread entry slots; 0 when unknown.
    var tid: Int32 { get }
}

extension TraceeMemory {
    public var tid: Int32 { 0 }
}

/// Memory reads never cross into a page that the previous read did not reach, so a string that ends
/// just before an unmapped page is still read whole (as the kernel would).
let memoryPageSize: UInt64 = 4096

extension TraceeMemory {
    /// `count` bytes at `address`, or nil if not all of them are readable.
    public func readBytes(at address: UInt64, count: Int) -> [UInt8]? {
        guard count > 0 else { return [] }
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            initialized = read(from: address, into: UnsafeMutableRawBufferPointer(buffer))
        }
        return bytes.count == count ? bytes : nil
    }

    /// Up to `count` bytes at `address`: fewer if the range runs into an unreadable page.
    public func readPrefix(at address: UInt64, count: Int) -> [UInt8] {
        guard count > 0 else { return [] }
        return [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            initialized = read(from: address, into: UnsafeMutableRawBufferPointer(buffer))
        }
    }

    /// A NUL-terminated string of at most `limit` bytes (without the NUL), read a page at a time so
    /// that a string near the end of a mapping does not make the whole read fail. `terminated` is
    /// false when no NUL came within `limit` bytes. Returns nil when the memory ends (an unreadable
    /// page) before the NUL or the limit: the tracer cannot show that string, only its address.
    public func readCString(at address: UInt64, limit: Int) -> (bytes: [UInt8], terminated: Bool)? {
        var result: [UInt8] = []
        var cursor = address
        // One byte past the limit tells "exactly `limit` bytes" from "cut at the limit".
        while result.count <= limit {
            let toPageEnd = Int(memoryPageSize - cursor % memoryPageSize)
            let chunkSize = min(toPageEnd, limit - result.count + 1)
            let chunk = readPrefix(at: cursor, count: chunkSize)
            if let nul = chunk.firstIndex(of: 0) {
                result.append(contentsOf: chunk[..<nul])
                return (result, true)
            }
            if chunk.count < chunkSize { return nil }
            result.append(contentsOf: chunk)
            cursor &+= UInt64(chunk.count)
        }
        result.removeLast(result.count - limit)
        return (result, false)
    }

    /// A pointer-sized word (`wordSize` 4 or 8, little-endian), or nil if unreadable.
    public func readWord(at address: UInt64, wordSize: Int) -> UInt64? {
        var word: UInt64 = 0
        let copied = withUnsafeMutableBytes(of: &word) { raw in
            read(from: address, into: UnsafeMutableRawBufferPointer(rebasing: raw[0..<wordSize]))
        }
        return copied == wordSize ? UInt64(littleEndian: word) : nil
    }
}
