/// The shape check that the random decoder fuzz test and the libFuzzer target (`scripts/fuzz`,
/// which compiles this file into its harness) both apply to every line they print.

/// What a well formed trace line is: valid UTF-8, no raw control character, quotes closed, and
/// ( [ { closed in order outside quoted strings and comments, except that ` <unfinished ...>`
/// leaves open what the call's exit would have closed (strace's `io_uring_setup(4, {flags=0,
/// sq_thread_cpu=0, sq_thread_idle=0 <unfinished ...>) = ?`).
enum LineShape {
    static let unfinished = Array(" <unfinished ...>".utf8)

    static func problem(in line: [UInt8]) -> String? {
        guard String(validating: line, as: UTF8.self) != nil else { return "not valid UTF-8" }
        if let control = line.first(where: { $0 < 0x20 || $0 == 0x7f }) { return "raw control byte \(control)" }
        var stack: [UInt8] = []
        var index = 0
        let closing: [UInt8: UInt8] = [UInt8(ascii: ")"): UInt8(ascii: "("), UInt8(ascii: "]"): UInt8(ascii: "["), UInt8(ascii: "}"): UInt8(ascii: "{")]
        while index < line.count {
            let byte = line[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                while index < line.count && line[index] != UInt8(ascii: "\"") {
                    index += line[index] == UInt8(ascii: "\\") ? 2 : 1
                }
                if index >= line.count { return "a quote is not closed" }
            case UInt8(ascii: "/") where index + 1 < line.count && line[index + 1] == UInt8(ascii: "*"):
                guard let end = (index..<(line.count - 1)).first(where: { line[$0] == UInt8(ascii: "*") && line[$0 + 1] == UInt8(ascii: "/") && $0 > index + 1 })
                else { return "a comment is not closed" }
                index = end + 1
            case UInt8(ascii: " ") where line[index...].starts(with: unfinished):
                // Only the call's own parenthesis stays open.
                stack.removeLast(max(0, stack.count - 1))
                index += unfinished.count - 1
            case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"):
                stack.append(byte)
            case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"):
                guard stack.last == closing[byte] else { return "'\(Character(Unicode.Scalar(byte)))' closes nothing open" }
                stack.removeLast()
            default:
                break
            }
            index += 1
        }
        return stack.isEmpty ? nil : "\(stack.count) bracket(s) left open"
    }
}
