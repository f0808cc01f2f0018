import Glibc
import SyscallDecoding
import Tracing

/// The readers of option values: each checks one kind of value and names the option in its error.
enum OptionValues {
    /// A count from 0 to INT_MAX (`-s`, `-a`).
    static func count(_ option: String, _ text: String, minimum: Int = 0) throws(CommandLineError) -> Int {
        guard let value = Int(text), value >= minimum, value <= Int(Int32.max) else {
            throw .invalidValue(option, text)
        }
        return value
    }

    /// `-p`: one or more pids, separated by commas or white space (`-p "12 34"`, `-p 12,34`).
    static func processIDs(_ text: String) throws(CommandLineError) -> [Int32] {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" || $0 == "\n" })
        if words.isEmpty { throw CommandLineError("invalid process id: '\(text)'") }
        var pids: [Int32] = []
        for word in words {
            guard let pid = Int32(word), pid > 0 else { throw CommandLineError("invalid process id: '\(word)'") }
            pids.append(pid)
        }
        return pids
    }

    /// `s`, `ms`, `us` or `ns`.
    static func precision(_ option: String, _ text: String) throws(CommandLineError) -> TimePrecision {
        guard let precision = precisionNamed(text) else { throw .invalidValue(option, text) }
        return precision
    }

    private static func precisionNamed(_ text: String) -> TimePrecision? {
        switch text {
        case "s": .seconds
        case "ms": .milliseconds
        case "us": .microseconds
        case "ns": .nanoseconds
        default: nil
        }
    }

    /// `--absolute-timestamps=[[format:]none|time|unix][,[precision:]s|ms|us|ns]`; nil for `none`.
    /// Without a value: the time of day in seconds, as `-t`.
    static func absoluteTimestamps(_ text: String?) throws(CommandLineError) -> TimestampStyle? {
        var format: TimestampStyle.Format? = .timeOfDay
        var precision = TimePrecision.seconds
        guard let text else { return TimestampStyle(format: .timeOfDay, precision: precision) }
        for item in text.split(separator: ",", omittingEmptySubsequences: false) {
            var key: Substring?
            var value = item
            if let colon = item.firstIndex(of: ":") {
                key = item[..<colon]
                value = item[item.index(after: colon)...]
            }
            let formatValue: TimestampStyle.Format?? = switch value {
            case "none": .some(nil)
            case "time": .some(.timeOfDay)
            case "unix": .some(.unix)
            default: nil
            }
            if key == nil || key == "format", let formatValue {
                format = formatValue
            } else if key == nil || key == "precision", let named = precisionNamed(String(value)) {
                precision = named
            } else {
                throw .invalidValue("--absolute-timestamps", text)
            }
        }
        return format.map { TimestampStyle(format: $0, precision: precision) }
    }

    /// `-I`: 1..4 or strace's names for them.
    static func interruptibility(_ text: String) throws(CommandLineError) -> Int {
        switch text {
        case "1", "anywhere": 1
        case "2", "waiting": 2
        case "3", "never": 3
        case "4", "never_tstp": 4
        default: throw .invalidValue("-I", text)
        }
    }

    /// `--daemonize[=grandchild|pgroup|session]`: strace's -D count.
    static func daemonize(_ text: String?) throws(CommandLineError) -> Int {
        switch text {
        case nil, "grandchild": 1
        case "pgroup", "process-group": 2
        case "session": 3
        default: throw .invalidValue("--daemonize", text ?? "")
        }
    }

    /// `-o`: a file, or `|command` / `!command` for a pipe.
    static func output(_ text: String) throws(CommandLineError) -> OutputDestination {
        guard let first = text.first, first == "|" || first == "!" else { return .file(text) }
        let command = String(text.dropFirst())
        if command.isEmpty { throw .invalidValue("-o", text) }
        return .pipe(command: command)
    }

    /// `-E VAR=VAL` or `-E VAR`.
    static func environment(_ text: String) throws(CommandLineError) -> EnvironmentChange {
        guard let equals = text.firstIndex(of: "=") else {
            if text.isEmpty { throw .invalidValue("-E", text) }
            return .remove(name: text)
        }
        let name = String(text[..<equals])
        if name.isEmpty { throw .invalidValue("-E", text) }
        return .set(name: name, value: String(text[text.index(after: equals)...]))
    }

    /// `-u USER`: the user's uid, gid and supplementary groups, looked up now so that an unknown
    /// user is an error before anything runs.
    static func user(_ name: String) throws(CommandLineError) -> UserIdentity {
        guard let entry = getpwnam(name) else { throw CommandLineError("unknown user '\(name)'") }
        let uid = entry.pointee.pw_uid
        let gid = entry.pointee.pw_gid
        var count: Int32 = 32
        var groups = [gid_t](repeating: 0, count: Int(count))
        while getgrouplist(name, gid, &groups, &count) < 0 {
            groups = [gid_t](repeating: 0, count: Int(count) + 16)
            count = Int32(groups.count)
        }
        return UserIdentity(name: name, uid: uid, gid: gid, groups: Array(groups.prefix(Int(count))))
    }

    /// `--strings-in-hex[=...]`; no value means all (as -xx).
    static func stringEscapes(_ text: String?) throws(CommandLineError) -> StringEscapes {
        switch text {
        case nil, "all": .hexAll
        case "non-ascii": .hexWhenNonASCII
        case "non-ascii-chars": .hexForNonPrintable
        case "none": .octal
        default: throw .invalidValue("--strings-in-hex", text ?? "")
        }
    }

    /// `-X raw|abbrev|verbose`.
    static func constantStyle(_ text: String) throws(CommandLineError) -> ConstantStyle {
        switch text {
        case "raw": .raw
        case "abbrev": .abbrev
        case "verbose": .verbose
        default: throw .invalidValue("-X", text)
        }
    }

    static func outputFormat(_ text: String) throws(CommandLineError) -> OutputFormat {
        switch text {
        case "text": .text
        case "json", "jsonl": .json
        default: throw .invalidValue("--output-format", text)
        }
    }

    /// `--color` alone means auto.
    static func colorMode(_ text: String?) throws(CommandLineError) -> ColorMode {
        switch text {
        case nil, "auto": .auto
        case "always": .always
        case "never": .never
        default: throw .invalidValue("--color", text!)
        }
    }

    /// `-e abbrev=`, `-e verbose=`, `-e raw=`: a syscall set written as `-e trace=` takes it.
    static func callSelection(_ qualifier: String, _ text: String) throws(CommandLineError) -> CallSelection {
        var set = SyscallFilter.all
        do {
            try set.apply(text)
        } catch {
            throw CommandLineError(renamed(error.description, from: "-e trace:", to: "-e \(qualifier):"))
        }
        if set.tracesEverything { return .all }
        let chosen = set
        return CallSelection { arch, number in chosen.traces(arch, number) }
    }

    /// `-e read=`, `-e write=`: descriptor numbers as `-e trace-fds=` takes them.
    static func descriptorSet(_ qualifier: String, _ text: String) throws(CommandLineError) -> DescriptorFilter {
        do {
            return try DescriptorFilter.parse(text)
        } catch {
            throw CommandLineError(renamed(error.description, from: "-e trace-fds:", to: "-e \(qualifier):"))
        }
    }

    /// A filter's message about another qualifier that reads the same syntax, naming this one.
    private static func renamed(_ message: String, from prefix: String, to replacement: String) -> String {
        message.hasPrefix(prefix) ? replacement + message.dropFirst(prefix.count) : message
    }

    /// `--decode-fds=`: the kinds of what a descriptor is open on to print after it
    /// (`path,socket,dev,pidfd`, `all`, `none`).
    static func decodeFds(_ text: String) throws(CommandLineError) -> DescriptorDecoding {
        var decoding: DescriptorDecoding = []
        for item in text.split(separator: ",", omittingEmptySubsequences: false) {
            switch item {
            case "path": decoding.insert(.paths)
            case "socket": decoding.insert(.sockets)
            case "dev": decoding.insert(.devices)
            case "pidfd": decoding.insert(.pidfds)
            case "all": decoding = .all
            case "none": decoding = []
            default: throw .invalidValue("--decode-fds", text)
            }
        }
        return decoding
    }

    /// `--decode-pids=`: only `comm` exists yet (true: names on).
    static func decodePids(_ text: String) throws(CommandLineError) -> Bool {
        var names = false
        for item in text.split(separator: ",", omittingEmptySubsequences: false) {
            switch item {
            case "comm": names = true
            case "none": names = false
            case "pidns", "all": throw .notSupported("--decode-pids=\(item)")
            default: throw .invalidValue("--decode-pids", text)
            }
        }
        return names
    }

    /// A filter's own error, as swtrace's.
    static func filter<T>(_ body: () throws(FilterError) -> T) throws(CommandLineError) -> T {
        do {
            return try body()
        } catch {
            throw CommandLineError(error.description)
        }
    }
}
