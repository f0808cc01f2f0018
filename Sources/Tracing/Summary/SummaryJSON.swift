import SyscallDecoding

extension SyscallSummary {
    /// `-c` with `--output-format=json`: one object, `{"type":"summary","v":1,"syscalls":[...]}`,
    /// a row per syscall and ABI with its calls, errors and seconds (total, shortest, longest).
    public func renderJSON() -> [UInt8] {
        var text = TextBuffer(capacity: 4096)
        text.append("{\"type\":\"summary\",\"v\":")
        text.appendDecimal(Int64(JsonSink.version))
        text.append(",\"syscalls\":[")
        var first = true
        for abi in SummaryABI.allCases {
            for row in rows(of: abi) {
                if !first { text.append(byte: UInt8(ascii: ",")) }
                first = false
                text.append("{\"syscall\":")
                text.appendJSONString(row.tally.name)
                text.append(",\"nr\":")
                text.appendDecimal(Int64(row.number))
                text.append(abi == .native ? ",\"personality\":\"native\"" : ",\"personality\":\"compat32\"")
                text.append(",\"calls\":")
                text.appendDecimal(row.tally.calls)
                text.append(",\"errors\":")
                text.appendDecimal(row.tally.errors)
                for (key, value) in [("seconds", row.tally.total), ("shortest", row.tally.shortest),
                                     ("longest", row.tally.longest)] {
                    text.append(",\"\(key)\":")
                    text.appendDecimal(value / 1_000_000_000)
                    text.append(byte: UInt8(ascii: "."))
                    text.appendDigits(value % 1_000_000_000, radix: 10, minimumDigits: 9)
                }
                text.append(byte: UInt8(ascii: "}"))
            }
        }
        text.append("]}")
        text.endLine()
        return text.bytes
    }
}
