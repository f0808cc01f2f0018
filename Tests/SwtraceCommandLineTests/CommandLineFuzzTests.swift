import Foundation
import SwtraceCommandLine
import Testing

/// A small, seeded, reproducible generator (SplitMix64): the same seed gives the same inputs on
/// every machine, so a failure names the seed and the case that reproduces it.
struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// 10,000 random command lines through the parser in-process (options, bundles, numbers,
/// qualifier expressions, paths, `--`, junk): none crashes or hangs, and every refusal is one
/// clear line. A sample goes through the real binary too (CommandLineFuzzBinaryTests, end to end).
@Suite struct CommandLineFuzzTests {
    static let seed: UInt64 = 0x5357_5452_4143_4531  // "SWTRACE1"
    static let count = 10_000

    @Test func randomCommandLinesParseOrAreRefusedInOneLine() throws {
        var random = SeededRandom(seed: Self.seed)
        var refused = 0, accepted = 0
        for index in 0..<Self.count {
            let words = CommandLineWords.make(&random)
            let start = DispatchTime.now().uptimeNanoseconds
            do {
                _ = try CommandLineParser.parse(words)
                accepted += 1
            } catch {
                refused += 1
                #expect(CommandLineWords.isOneClearLine(error.message), "case \(index): \(words) -> \(error.message.debugDescription)")
            }
            let milliseconds = (DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
            #expect(milliseconds < 1000, "case \(index): \(words) took \(milliseconds) ms")
        }
        // Both sides are exercised: a generator that only made junk would prove little.
        #expect(refused > Self.count / 10 && accepted > Self.count / 10, "refused \(refused), accepted \(accepted)")
    }

    /// Values that once printed a message of several lines: the value is echoed escaped.
    @Test func aValueWithANewlineIsRefusedInOneLine() {
        for words in [["-s", "1\n2"], ["-e", "trace=open\nclose"], ["--nonexistent\nword"], ["-e", "\u{1b}[31m=x"]] {
            #expect(throws: CommandLineError.self) { try CommandLineParser.parse(words) }
            do {
                _ = try CommandLineParser.parse(words)
            } catch {
                #expect(CommandLineWords.isOneClearLine(error.message), "\(words) -> \(error.message.debugDescription)")
            }
        }
    }
}

/// Random command lines built from swtrace's (and strace's) vocabulary.
enum CommandLineWords {
    static let shortFlags = Array("fFcCqQrtTvVwxXyYzZAbdDeEhiIkLnOopPsSuUa")
    static let longNames = [
        "help", "version", "follow-forks", "output", "output-separately", "output-append-mode", "summary-only",
        "summary", "summary-wall-clock", "summary-columns", "summary-sort-by", "summary-syscall-overhead",
        "trace", "trace-path", "trace-fds", "signal", "status", "quiet", "successful-only", "failed-only",
        "string-limit", "absolute-timestamps", "relative-timestamps", "syscall-times", "timestamps",
        "syscall-limit", "seccomp-bpf", "kill-on-exit", "attach", "user", "env", "argv0", "daemonize",
        "interruptible", "detach-on", "columns", "no-abbrev", "const-print-style", "decode-fds", "stack-trace",
        "instruction-pointer", "strings-in-hex", "tips", "debug", "summ", "s", "f", "",
    ]
    static let qualifiers = ["trace", "t", "abbrev", "a", "verbose", "v", "raw", "x", "signal", "signals", "s",
                             "read", "r", "write", "w", "fault", "inject", "status", "quiet", "q", "silent",
                             "silence", "trace-fds", "fd", "decode-fds", "kvm", "bogus", ""]
    static let setWords = ["open", "openat", "close", "read", "write", "all", "none", "%file", "%process", "%net",
                           "%desc", "%memory", "%signal", "%ipc", "%creds", "%clock", "%stat", "%lstat", "%fstat",
                           "%%stat", "%statfs", "/open.*", "/[", "/(", "?open", "?nosuch", "nosuch", "SIGINT",
                           "USR1", "9", "0", "-1", "64", "successful", "failed", "unfinished", "unavailable",
                           "detached", "attach", "exit", "personality", "thread-execve", "superseded", "1", "2",
                           "3", "execve", "x86_64", "@64", "open@32", "!", "", "\u{e9}t\u{e9}", "\u{1F600}"]
    static let numbers = ["0", "1", "-1", "32", "4096", "2147483647", "2147483648", "-2147483649",
                          "9223372036854775807", "9223372036854775808", "18446744073709551616", "0x10", "010",
                          "1e3", "1.5", "+5", " 5", "5 ", "", "ms", "us", "ns", "s", "1ms", "10us", "2s", "abc",
                          "\u{0663}", "99999999999999999999999999999999"]
    static let paths = ["/tmp/swtrace-fuzz-unused", "", "/", "/dev/null", "|cat", "!cat", "|", "!", "-",
                        "relative/path", String(repeating: "a", count: 5000), "/nonexistent/dir/file",
                        "\u{e9}\u{1F600}", "with space", "new\nline", "tab\there", "\u{1b}[31mred"]

    static func make(_ random: inout SeededRandom) -> [String] {
        var words: [String] = []
        for _ in 0..<Int.random(in: 0...8, using: &random) {
            words.append(word(&random))
        }
        if Bool.random(using: &random) { words.append(contentsOf: ["--", "/bin/true"].prefix(Int.random(in: 1...2, using: &random))) }
        return words
    }

    static func word(_ random: inout SeededRandom) -> String {
        switch Int.random(in: 0..<12, using: &random) {
        case 0, 1:
            let letters = (0..<Int.random(in: 1...3, using: &random)).map { _ in shortFlags.randomElement(using: &random)! }
            return "-" + String(letters) + (Bool.random(using: &random) ? value(&random) : "")
        case 2, 3:
            let name = longNames.randomElement(using: &random)!
            let prefix = String(name.prefix(Int.random(in: 1...max(1, name.count), using: &random)))
            return "--" + (Bool.random(using: &random) ? name : prefix) + (Bool.random(using: &random) ? "=" + value(&random) : "")
        case 4, 5:
            return expression(&random)
        case 6:
            return numbers.randomElement(using: &random)!
        case 7:
            return paths.randomElement(using: &random)!
        case 8:
            return ["-e", "-o", "-s", "-p", "-u", "-E", "-P", "-I", "-a", "-S", "-O", "-X", "-b", "-U"].randomElement(using: &random)!
        case 9:
            return String((0..<Int.random(in: 0...6, using: &random)).map { _ in Character(Unicode.Scalar(UInt8.random(in: 1...127, using: &random))) })
        case 10:
            return "-"
        default:
            return "--"
        }
    }

    static func value(_ random: inout SeededRandom) -> String {
        switch Int.random(in: 0..<3, using: &random) {
        case 0: return numbers.randomElement(using: &random)!
        case 1: return expression(&random)
        default: return paths.randomElement(using: &random)!
        }
    }

    static func expression(_ random: inout SeededRandom) -> String {
        let set = (0..<Int.random(in: 1...4, using: &random)).map { _ in setWords.randomElement(using: &random)! }
            .joined(separator: [",", ",", ",", "|", " "].randomElement(using: &random)!)
        let negated = Int.random(in: 0..<4, using: &random) == 0 ? "!" : ""
        switch Int.random(in: 0..<3, using: &random) {
        case 0: return set
        case 1: return qualifiers.randomElement(using: &random)! + "=" + negated + set
        default: return qualifiers.randomElement(using: &random)! + "=" + negated
        }
    }

    /// Not empty, no line break or other control character, no stray replacement characters.
    static func isOneClearLine(_ message: String) -> Bool {
        !message.isEmpty && !message.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7f }
    }
}
