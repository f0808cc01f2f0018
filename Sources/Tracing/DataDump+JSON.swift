import SyscallDecoding

extension DataTransfer {
    /// `-e read=`, `-e write=` in JSON: `,"dump":{"fd":3,"read":true,"buffers":[{"bytes":"..."}]}`,
    /// the same bytes the text's hex dump shows (one character per byte, as strings are), and for
    /// readv/writev each buffer with its `"index"` (strace's ` * N bytes in buffer I`).
    func appendJSONDump(returned: Int64, memory: some TraceeMemory, to text: inout TextBuffer) {
        text.append(",\"dump\":{\"fd\":")
        text.appendDecimal(Int64(fd))
        text.append(isRead ? ",\"read\":true,\"buffers\":[" : ",\"read\":false,\"buffers\":[")
        defer { text.append("]}") }
        guard isVector else {
            let count = isRead ? UInt64(max(returned, 0)) : length
            appendJSONBuffer(memory.readPrefix(at: address, count: Int(min(count, 1 << 30))), index: nil, to: &text)
            return
        }
        var budget = isRead ? UInt64(max(returned, 0)) : UInt64.max
        for index in 0..<Int(min(length, 1024)) {
            let element = address &+ UInt64(index * 2 * wordSize)
            guard let base = memory.readWord(at: element, wordSize: wordSize),
                  let size = memory.readWord(at: element &+ UInt64(wordSize), wordSize: wordSize) else { return }
            let count = min(size, budget)
            if count == 0 { return }
            if index > 0 { text.append(byte: UInt8(ascii: ",")) }
            appendJSONBuffer(memory.readPrefix(at: base, count: Int(min(count, 1 << 30))), index: index, to: &text)
            budget -= count
        }
    }

    private func appendJSONBuffer(_ bytes: [UInt8], index: Int?, to text: inout TextBuffer) {
        text.append("{")
        if let index {
            text.append("\"index\":")
            text.appendDecimal(Int64(index))
            text.append(",")
        }
        text.append("\"bytes\":")
        text.appendJSONString(bytes)
        text.append("}")
    }
}
