import Foundation
import Testing

/// Every value in the JSON of the family and network fixtures (64-bit and `-m32`) is typed: a decoder that writes
/// free text into a line (a `{"type":"text"}` value in JSON) fails this test, unless the text is
/// one of the few shapes listed below, each with the reason it stays text.
@Suite struct JsonTypedValueTests {
    /// Text values allowed: (syscall, a pattern the text matches, why).
    static let allowedText: [(syscall: String, pattern: String, reason: String)] = [
        // A struct that strace opens at the call's entry and closes at its exit, written as two
        // text halves (json-check joins them); Emitter.suspendStruct/resumeStruct type the others.
        ("ioctl", #"^\{(api|range|dst)=.*[^}]$|^( => features=.*)?(, (ioctls|copy|zeropage)=.*)?\}$"#,
         "a userfaultfd struct split between entry and exit (UFFDIO_API, _REGISTER, _COPY, _ZEROPAGE)"),
        ("ioctl", #"^\{act_mask=\d+, buf_size=\d+, buf_nr=\d+, start_lba=\d+, end_lba=\d+, pid=\d+$|^(, name=".*")?\}$"#,
         "BLKTRACESETUP's blk_user_trace_setup split between entry and exit"),
        // Not typed yet (issue 17's note): the one result that is printed unsigned before its errno.
        ("modify_ldt", #"^\d+ E[A-Z]+ \(.*\)$"#, "modify_ldt's failure, an unsigned int on x86_64"),
    ]

    static let fixtures: [(kind: String, name: String)] =
        FamilyDifferentialTests.fixtures.map { ("family", $0) } + NetworkDifferentialTests.fixtures.map { ("network", $0) }

    @Test(arguments: fixtures.map { "\($0.kind)/\($0.name)" }, [false, true])
    func everyValueIsTyped(fixture: String, i386: Bool) throws {
        let (kind, name) = (String(fixture.split(separator: "/")[0]), String(fixture.split(separator: "/")[1]))
        try Self.checkTyped(kind: kind, name: name, i386: i386, options: [])
    }

    /// `-v` prints what strace otherwise abbreviates: termios' `c_cc` indexed by its constants
    /// (`[VINTR]=0x3`, an `indexed` value). (kernelmore under `-v` still has BPF instructions as text.)
    @Test func termiosUnderVerboseIsTyped() throws {
        let values = try Self.checkTyped(kind: "network", name: "terminal", i386: false, options: ["-v"])
        #expect(values["indexed", default: 0] >= 19, "\(values)")
    }

    /// stat's times under `-v` (`st_atime=1796040417 /* 2026-11-30T12:06:57.000000002+0000 */`, the
    /// loader's fstat of a dynamically linked program): `commented` values, which
    /// scripts/json-check renders back into the text trace's lines.
    @Test func statDatesUnderVerboseAreTypedAndRenderBack() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("swtrace-typed-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let text = directory.appendingPathComponent("text").path, json = directory.appendingPathComponent("json").path
        for (output, options) in [(text, ["-v"]), (json, ["-v", "-j"])] {
            let traced = try run(StraceDifferentialTests.setarch, ["-R", Products.swtrace, "-o", output] + options + ["--", "/bin/true"])
            #expect(traced.exitStatus == 0, "\(traced.stderr)")
        }
        var texts: [String] = [], types: [String: Int] = [:]
        for line in splitLines(try String(contentsOfFile: json, encoding: .utf8)) {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "\(line)")
            guard object["syscall"] as? String == "newfstatat" else { continue }
            for value in object["args"] as? [Any] ?? [] { Self.collectText(value, into: &texts, types: &types) }
        }
        #expect(texts.isEmpty, "\(texts)")
        #expect(types["commented", default: 0] >= 3, "\(types)")
        let result = try run("/usr/bin/python3", [JsonOutputTests.checker, JsonOutputTests.schema, json, text],
                             environment: ["PATH": "/usr/bin:/bin", "LC_ALL": "C.UTF-8"])
        #expect(result.exitStatus == 0 && result.stdout.hasPrefix("ok: "), "\(result.stdout)\(result.stderr)")
    }

    /// Traces the fixture in JSON and records an issue for every untyped text not allowed; returns
    /// how many values of each type the calls hold.
    @discardableResult
    static func checkTyped(kind: String, name: String, i386: Bool, options: [String]) throws -> [String: Int] {
        let fixture = "\(kind)/\(name)" + (options.isEmpty ? "" : " " + options.joined(separator: " "))
        let variant = NetworkDifferentialTests.variants[i386 ? 1 : 0]
        let program = kind == "family" ? try FamilyFixture.compile(name, i386: i386)
                                       : try NetworkFixtures.compiled(name, variant: variant.name, flags: variant.flags)
        // Fixtures use fixed names (in /tmp, unix sockets, IPC keys): one run of each at a time.
        let lock = kind == "family" ? FamilyFixture.runLocks[name]! : NetworkDifferentialTests.fixtureLocks[name]!
        lock.lock()
        defer { lock.unlock() }
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("swtrace-typed-\(UUID()).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        let traced = try run(StraceDifferentialTests.setarch, ["-R", Products.swtrace, "-f", "-j", "-o", output] + options + ["--", program])
        #expect(traced.exitStatus == 0, "\(fixture): \(traced.stderr)")
        var calls = 0
        var types: [String: Int] = [:]
        for line in splitLines(try String(contentsOfFile: output, encoding: .utf8)) {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "\(line)")
            guard object["type"] as? String == "syscall", let syscall = object["syscall"] as? String else { continue }
            calls += 1
            var texts: [String] = []
            for value in (object["args"] as? [Any] ?? []) + [object["retval"] as Any] { collectText(value, into: &texts, types: &types) }
            for text in texts where !isAllowed(syscall: syscall, text: text) {
                Issue.record("\(fixture): \(syscall): untyped text \(text.debugDescription) in\n\(line)")
            }
        }
        #expect(calls >= 20, "\(fixture): only \(calls) calls")
        return types
    }

    static func isAllowed(syscall: String, text: String) -> Bool {
        allowedText.contains { $0.syscall == syscall && text.range(of: $0.pattern, options: .regularExpression) != nil }
    }

    /// The `text` of every `{"type":"text"}` value inside `value`; `types` counts the values of each type.
    static func collectText(_ value: Any, into texts: inout [String], types: inout [String: Int]) {
        if let object = value as? [String: Any] {
            if let type = object["type"] as? String { types[type, default: 0] += 1 }
            if object["type"] as? String == "text", let text = object["text"] as? String { texts.append(text) }
            for member in object.values { collectText(member, into: &texts, types: &types) }
        } else if let array = value as? [Any] {
            for item in array { collectText(item, into: &texts, types: &types) }
        }
    }

    /// The allowed list is not a blanket: a wait status, a socket address and IPC flags written as
    /// free text would fail.
    @Test func theAllowedListRefusesWhatDecodersMustType() {
        for (syscall, text) in [("wait4", "{WIFEXITED(s) && WEXITSTATUS(s) == 0}"), ("connect", "htons(80)"),
                                ("msgget", "IPC_CREAT|0600"), ("sendto", "NLM_F_REQUEST|NLM_F_DUMP"), ("ioctl", "{ifr_name=\"lo\"}")] {
            #expect(!Self.isAllowed(syscall: syscall, text: text), "\(syscall): \(text)")
        }
    }
}
