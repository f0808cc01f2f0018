import Foundation
import Testing

/// `--output-format=json` and `--color`: real runs, checked against the schema in docs/ and
/// against the text trace of the same command (scripts/json-check renders each object back).
@Suite struct JsonOutputTests {
    static let schema = Products.packageRoot.appendingPathComponent("docs/swtrace-json.schema.json").path
    static let checker = Products.packageRoot.appendingPathComponent("scripts/json-check").path

    /// Traces `command` as text and as JSON (each into its own file) and runs the checker.
    private func checkAgreement(_ command: [String], options: [String] = [], unordered: Bool = false) throws -> RunResult {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("swtrace-json-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let text = directory.appendingPathComponent("text").path
        let json = directory.appendingPathComponent("json").path
        _ = try swtrace(options + ["-o", text, "--"] + command)
        _ = try swtrace(options + ["-j", "-o", json, "--"] + command)
        let jq = try run("/usr/bin/jq", ["-c", ".", json])
        #expect(jq.exitStatus == 0, "jq: \(jq.stderr)")
        return try run("/usr/bin/python3", [Self.checker, Self.schema, json, text] + (unordered ? ["--unordered"] : []),
                       environment: ProcessInfo.processInfo.environment)
    }

    @Test func lsLaValidatesAndAgreesWithTheText() throws {
        let result = try checkAgreement(["/bin/ls", "-la", "/"])
        #expect(result.exitStatus == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.hasPrefix("ok: "))
    }

    @Test func signalsValidateAndAgreeWithTheText() throws {
        let result = try checkAgreement([Products.fixture, "signal"])
        #expect(result.exitStatus == 0, "\(result.stdout)\(result.stderr)")
    }

    @Test func threadsValidateAndAgreeWithTheText() throws {
        let result = try checkAgreement([Products.fixture, "threads"], options: ["-f"], unordered: true)
        #expect(result.exitStatus == 0, "\(result.stdout)\(result.stderr)")
    }

    @Test func colorAlwaysShowsEscapesAndOtherwiseTheSameText() throws {
        let plain = try traceFixture(["files"], options: ["-o", "/dev/stdout"])
        let colored = try traceFixture(["files"], options: ["--color=always", "-o", "/dev/stdout"])
        #expect(colored.stdout.contains("\u{1b}[1;34m"))
        let stripped = colored.stdout.replacingOccurrences(of: "\u{1b}\\[[0-9;]*m", with: "", options: .regularExpression)
        #expect(withoutAddresses(stripped) == withoutAddresses(plain.stdout))
    }

    @Test func colorAutoIsOffOnAPipe() throws {
        let result = try traceFixture(["write"], options: ["--color=auto"])
        #expect(!result.stdout.contains("\u{1b}["))
    }
}
