import Glibc
import SyscallTables

// How `-e trace=` values read, measured on strace 6.1:
// - leading `!`s each invert the whole set; `none` and `all` as the whole rest; items split on
//   commas, empty items skipped, no item at all is an error;
// - per item: optional `?`s (an item that selects nothing is then no error), an optional
//   `@64`/`@32`/`@x32` after the last `@` (any other suffix is an error even with `?`), then
//   `all`, `/regex` (POSIX extended, against names), a class (`%file`, `file`), a syscall number,
//   or a name. Regex errors are errors even with `?`.
extension SyscallFilter {
    init(parsing expression: String) throws(FilterError) {
        self.init(empty: ())
        let list = QualifierList(expression)
        if list.body == "none" {
            // nothing selected
        } else if list.body == "all" {
            forEachSet { $1.insertAll() }
        } else {
            guard !list.items.isEmpty else { throw FilterError("-e trace: no system call in '\(expression)'") }
            for item in list.items { try select(item) }
        }
        if list.inverted { forEachSet { $1.invert() } }
    }

    private mutating func select(_ item: Substring) throws(FilterError) {
        var text = item
        let optional = text.first == "?"
        while text.first == "?" { text = text.dropFirst() }

        var personalities = SyscallPersonality.allCases
        if let at = text.lastIndex(of: "@") {
            let designator = text[text.index(after: at)...]
            guard let selected = SyscallPersonality.selected(by: designator) else {
                throw FilterError("-e trace: unknown personality '\(designator)' in '\(text)' (use @64, @32 or @x32)")
            }
            personalities = selected
            text = text[..<at]
        }

        let matched: Bool
        if text == "all" {
            forEachSet { personality, set in if personalities.contains(personality) { set.insertAll() } }
            matched = true
        } else if text.first == "/" {
            let pattern = try SyscallNamePattern(String(text.dropFirst()))
            matched = insertNames(in: personalities) { pattern.matches($0) }
        } else if let traceClass = TraceClass(filterName: String(text)) {
            _ = insertNames(in: personalities) { SyscallClasses.classes(of: $0).contains(traceClass) }
            matched = true
        } else if !text.isEmpty, text.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int(text) {
            matched = insertNumber(number, in: personalities)
        } else {
            let name = String(text)
            matched = insertNames(in: personalities) { $0 == name }
        }
        if !matched && !optional {
            if text.first == "/" {
                throw FilterError("-e trace: no system call matches '\(item)'")
            }
            if text.first == "%" {
                throw FilterError("-e trace: unknown class '\(item)'")
            }
            throw FilterError("-e trace: unknown system call '\(item)'")
        }
    }

    /// Inserts every named number whose name passes `test`; says whether there was one.
    private mutating func insertNames(in personalities: [SyscallPersonality], where test: (String) -> Bool) -> Bool {
        var found = false
        forEachSet { personality, set in
            guard personalities.contains(personality) else { return }
            for (number, name) in personality.names.enumerated() {
                if let name, test(name) {
                    set.insert(number)
                    found = true
                }
            }
        }
        return found
    }

    private mutating func insertNumber(_ number: Int, in personalities: [SyscallPersonality]) -> Bool {
        var found = false
        forEachSet { personality, set in
            let names = personality.names
            guard personalities.contains(personality), number < names.count, names[number] != nil else { return }
            set.insert(number)
            found = true
        }
        return found
    }
}

/// A `/regex` of `-e trace=`: POSIX extended, compiled by the C library as strace's is, matched
/// anywhere in a syscall's name.
final class SyscallNamePattern {
    private var regex = regex_t()

    init(_ pattern: String) throws(FilterError) {
        let status = regcomp(&regex, pattern, REG_EXTENDED | REG_NOSUB)
        guard status == 0 else {
            var message = [CChar](repeating: 0, count: 256)
            regerror(status, &regex, &message, message.count)
            throw FilterError("-e trace: bad regular expression '\(pattern)': \(String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))")
        }
    }

    func matches(_ name: String) -> Bool {
        regexec(&regex, name, 0, nil, 0) == 0
    }

    deinit { regfree(&regex) }
}
