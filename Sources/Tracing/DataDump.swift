import SyscallDecoding
import SyscallTables

/// A call that moves data through a descriptor, as `-e read=` and `-e write=` dump it: which
/// descriptor, which way, and where the data is (one buffer, or an iovec array).
struct DataTransfer {
    let fd: Int32
    let isRead: Bool
    let address: UInt64
    /// The buffer's length (write) or the iovec count (readv, writev).
    let length: UInt64
    let isVector: Bool
    let wordSize: Int

    /// nil for a call that moves no data through one descriptor.
    init?(_ name: String, _ call: SyscallCall) {
        switch name {
        case "read", "pread64", "recv", "recvfrom": (isRead, isVector) = (true, false)
        case "write", "pwrite64", "send", "sendto": (isRead, isVector) = (false, false)
        case "readv", "preadv", "preadv2": (isRead, isVector) = (true, true)
        case "writev", "pwritev", "pwritev2": (isRead, isVector) = (false, true)
        default: return nil
        }
        wordSize = call.arch.wordSize
        let mask: UInt64 = wordSize == 4 ? 0xffff_ffff : ~0
        fd = Int32(truncatingIfNeeded: call.args[0])
        address = call.args[1] & mask
        length = call.args[2] & mask
    }

    /// The dump lines: a read shows the `returned` bytes the kernel filled, a write every byte it
    /// was given (as strace 6.1 does). An iovec array shows each buffer after ` * N bytes in
    /// buffer I`, and stops at the first empty one (strace's quirk: later buffers are not shown).
    func appendDump(returned: Int64, memory: some TraceeMemory, to text: inout TextBuffer) {
        guard isVector else {
            let count = isRead ? UInt64(max(returned, 0)) : length
            appendHexDump(memory.readPrefix(at: address, count: Int(min(count, 1 << 30))), to: &text)
            return
        }
        var budget = isRead ? UInt64(max(returned, 0)) : UInt64.max
        for index in 0..<Int(min(length, 1024)) {
            let element = address &+ UInt64(index * 2 * wordSize)
            guard let base = memory.readWord(at: element, wordSize: wordSize),
                  let size = memory.readWord(at: element &+ UInt64(wordSize), wordSize: wordSize) else { return }
            let count = min(size, budget)
            if count == 0 { return }
            text.append(" * ")
            text.appendDecimal(count)
            text.append(" bytes in buffer ")
            text.appendDecimal(UInt64(index))
            text.endLine()
            appendHexDump(memory.readPrefix(at: base, count: Int(min(count, 1 << 30))), to: &text)
            budget -= count
        }
    }
}

extension DataTransfer {
    /// strace's dump: ` | 00010  68 65 6c 6c 6f 20 77 6f  72 6c 64 0a 00 00 00 00  hello world..... |`,
    /// sixteen bytes a line (two groups of eight in hex, then as ASCII with `.` for the rest).
    func appendHexDump(_ bytes: [UInt8], to text: inout TextBuffer) {
        var offset = 0
        while offset < bytes.count {
            let line = bytes[offset..<min(offset + 16, bytes.count)]
            text.append(" | ")
            text.appendDigits(UInt64(offset), radix: 16, minimumDigits: 5)
            text.append("  ")
            for column in 0..<16 {
                if column < line.count {
                    text.appendDigits(UInt64(line[offset + column]), radix: 16, minimumDigits: 2)
                    text.append(" ")
                } else {
                    text.append("   ")
                }
                if column == 7 { text.append(" ") }
            }
            text.append(" ")
            for column in 0..<16 {
                if column < line.count {
                    let byte = line[offset + column]
                    text.append(byte: (0x20..<0x7f).contains(byte) ? byte : UInt8(ascii: "."))
                } else {
                    text.append(" ")
                }
            }
            text.append(" |")
            text.endLine()
            offset += 16
        }
    }
}
