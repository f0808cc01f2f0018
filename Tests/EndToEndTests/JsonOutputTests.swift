import Foundation
import Testing

/// `--output-format=json` and `--color`: real runs, checked against the schema in docs/ and
/// against the text trace of the same command (scripts/json-check renders each object back).
@Suite struct JsonOutputTests {
    static let schema = Products.packageRoot.appendingPathComponent("docs/swtrace-json.schema.json").path
    static let checker = Products.packageRoot.appendingPathComponent("scripts/json-check").path

    /// Traces `command` as text and as JSON (each into its own file), checks that jq parses the
    /// JSON, and runs the checker (schema, then rendered back and compared with the text).
    private func checkAgreement(_ command: [String], options: [String] = [], unordered: Bool = false) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("swtrace-json-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let text = directory.appendingPathComponent("text").path
        let json = directory.appendingPathComponent("json").path
        let textRun = try swtrace(options + ["-o", text, "--"] + command)
        let jsonRun = try swtrace(options + ["-j", "-o", json, "--"] + command)
        #expect(textRun.exitStatus == jsonRun.exitStatus, "\(textRun.stderr)\(jsonRun.stderr)")
        let jq = try run("/usr/bin/jq", ["-e", "-s", "length > 1 and .[0].type == \"header\" and .[0].v == 1", json])
        #expect(jq.exitStatus == 0, "jq: \(jq.stdout)\(jq.stderr)")
        // The checker is Python (jsonschema): it needs PATH and nothing of the fixture's environment.
        let result = try run("/usr/bin/python3", [Self.checker, Self.schema, json, text] + (unordered ? ["--unordered"] : []),
                             environment: ["PATH": "/usr/bin:/bin", "LC_ALL": "C.UTF-8"])
        #expect(result.exitStatus == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.hasPrefix("ok: "), "\(result.stdout)")
    }

    @Test func lsLaValidatesAndAgreesWithTheText() throws {
        try checkAgreement(["/bin/ls", "-la", "/"])
    }

    @Test func signalsValidateAndAgreeWithTheText() throws {
        try checkAgreement([Products.fixture, "signal"])
    }

    /// Threads (clone3 with its `=> {parent_tid=[N]}` across the halves) and their exits.
    @Test func threadsValidateAndAgreeWithTheText() throws {
        // How often the threads meet on a futex changes from run to run: futex is left out.
        try checkAgreement([Products.fixture, "threads"], options: ["-f", "-e", "trace=!futex"], unordered: true)
    }

    /// Forks (clone with its named arguments), execs and a pipe between two children.
    @Test func shellPipelineWithForksValidatesAndAgreesWithTheText() throws {
        // How many SIGCHLDs the shell gets (children that end together coalesce), and so its
        // handler's returns and its waits, changes from run to run: those are left out.
        try checkAgreement(["/bin/sh", "-c", "echo one two | /bin/cat | /usr/bin/wc -w"],
                           options: ["-f", "-e", "signal=!SIGCHLD", "-e", "trace=!rt_sigreturn,wait4"], unordered: true)
    }

    /// A TCP client and server on the loopback, socketpairs and unix sockets (NetworkFixtures).
    @Test func networkClientValidatesAndAgreesWithTheText() throws {
        let program = try NetworkFixtures.compile("sockets", variant: "json", flags: [])
        // It binds fixed unix names: one run of it at a time (NetworkDifferentialTests too).
        let lock = NetworkDifferentialTests.fixtureLocks["sockets"]!
        lock.lock()
        defer { lock.unlock() }
        try checkAgreement([program])
    }

    /// `-e read=`/`-e write=` dumps become `"dump"` and `-i` `"ip"`; rendered back they are the
    /// text's dump lines and `[ip]` prefixes.
    @Test func dumpsAndInstructionPointersAgreeWithTheText() throws {
        try checkAgreement([Products.fixture, "printing"], options: ["-i", "-e", "read=3", "-e", "write=3,4"])
    }

    // MARK: Filters and options

    /// What changes what is traced, or how a value is shown, works the same in JSON: each option
    /// set's JSON, checked against the schema and rendered back, is its text run line by line
    /// (`checkAgreement` writes both with `-o`).
    static let optionCases: [[String]] = [
        ["-e", "trace=openat,close"], ["-e", "trace=%desc"], ["-e", "trace=!write"], ["-P", "/dev/null"],
        ["-z"], ["-Z"], ["-T"], ["-y"], ["-yy"], ["-e", "status=failed"], ["-s", "4"], ["-x"], ["-xx"],
    ]
    // Not here: `-X raw`/`-X verbose`, which change how a constant's text looks but not its typed
    // value (`{"type":"constant","raw":3,"name":"RLIMIT_STACK"}` either way), so its text cannot
    // be rendered back from the JSON alone.

    @Test(arguments: optionCases)
    func optionsWorkTheSameInJson(options: [String]) throws {
        try checkAgreement([Products.fixture, "files"], options: options)
        try checkAgreement([Products.fixture, "strings"], options: options)
    }

    /// `-y` and `-yy` on a network client: socket endpoints in each descriptor's `path`.
    @Test(arguments: [["-y"], ["-yy"]])
    func descriptorDecodingOfSocketsAgrees(options: [String]) throws {
        let program = try NetworkFixtures.compile("sockets", variant: "json-fds-\(options[0])", flags: [])
        let lock = NetworkDifferentialTests.fixtureLocks["sockets"]!
        lock.lock()
        defer { lock.unlock() }
        try checkAgreement([program], options: options)
    }

    /// `-ff -o PREFIX`: one JSON Lines file per process, each the JSON of its text file.
    @Test func oneFilePerProcessAgrees() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("swtrace-json-ff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let textRun = try swtrace(["-ff", "-o", directory.appendingPathComponent("text").path, "--", Products.fixture, "fork"])
        let jsonRun = try swtrace(["-ff", "-j", "-o", directory.appendingPathComponent("json").path, "--", Products.fixture, "fork"])
        #expect(textRun.exitStatus == 0 && jsonRun.exitStatus == 0, "\(textRun.stderr)\(jsonRun.stderr)")
        // Each run's files in the order of their pids (the parent first): the same processes.
        func files(_ prefix: String) throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasPrefix(prefix + ".") }
                .sorted { Int($0.split(separator: ".").last!)! < Int($1.split(separator: ".").last!)! }
                .map { directory.appendingPathComponent($0).path }
        }
        let (texts, jsons) = (try files("text"), try files("json"))
        #expect(texts.count == 2 && jsons.count == 2, "\(texts) \(jsons)")
        for (text, json) in zip(texts, jsons) {
            let result = try run("/usr/bin/python3", [Self.checker, Self.schema, json, text],
                                 environment: ["PATH": "/usr/bin:/bin", "LC_ALL": "C.UTF-8"])
            #expect(result.exitStatus == 0 && result.stdout.hasPrefix("ok: "), "\(json): \(result.stdout)\(result.stderr)")
        }
    }

    /// `-c -j`: one summary object, valid against the schema, with the text table's rows (calls
    /// and errors per syscall; times differ between runs).
    @Test func summaryObjectHasTheTableRows() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("swtrace-json-c-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let json = directory.appendingPathComponent("json").path
        let table = try swtrace(["-c", "-S", "name", "--", Products.fixture, "counts"])
        let jsonRun = try swtrace(["-c", "-j", "-o", json, "--", Products.fixture, "counts"])
        #expect(table.exitStatus == 0 && jsonRun.exitStatus == 0, "\(jsonRun.stderr)")
        let check = try run("/usr/bin/python3", [Self.checker, Self.schema, json, "-"],
                            environment: ["PATH": "/usr/bin:/bin", "LC_ALL": "C.UTF-8"])
        #expect(check.exitStatus == 0, "\(check.stdout)\(check.stderr)")
        let objects = try splitLines(String(contentsOfFile: json, encoding: .utf8)).map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        let summaries = objects.filter { $0["type"] as? String == "summary" }
        #expect(summaries.count == 1)
        #expect(!objects.contains { $0["type"] as? String == "syscall" }, "-c shows no calls")
        let rows = try #require(summaries.first?["syscalls"] as? [[String: Any]]).map {
            ["\($0["syscall"]!)", "\($0["calls"]!)", "\($0["errors"]!)"]
        }.sorted { $0[0] < $1[0] }
        #expect(rows == SummaryTests.rows(table.lines).filter { $0[0] != "total" }, "\(rows)\n--- table:\n\(table.stdout)")
        #expect(rows.contains(["getppid", "7", "0"]))
    }

    // MARK: Color

    /// The printing scenario: strings, a failed call, a signal and an exit, each in its color.
    private static let colorScenario = ["printing"]

    @Test func colorOnATerminalShowsEscapesAndOtherwiseTheSameText() throws {
        let terminal = try runOnPseudoTerminal(Products.swtrace, ["--color=auto", "--", Products.fixture] + Self.colorScenario)
        let plain = try traceFixture(Self.colorScenario)
        for color in ["\u{1b}[1;34mwrite\u{1b}[0m(", "\u{1b}[32m\"plain ascii\\n\"\u{1b}[0m",
                      "\u{1b}[31m-1 EINVAL (Invalid argument)\u{1b}[0m", "\u{1b}[33m--- SIGCONT {",
                      "\u{1b}[35m+++ exited with 0 +++\u{1b}[0m"] {
            #expect(terminal.contains(color), "no \(color.debugDescription) in \(terminal.debugDescription)")
        }
        let stripped = terminal.replacingOccurrences(of: "\u{1b}\\[[0-9;]*m", with: "", options: .regularExpression)
        #expect(stripped.count < terminal.count)
        #expect(splitLines(stripped).map(Self.withoutRunValues) == plain.lines.map(Self.withoutRunValues))
    }

    @Test func noColorTurnsColorOffOnATerminal() throws {
        var environment = fixtureEnvironment
        environment["NO_COLOR"] = "1"
        let terminal = try runOnPseudoTerminal(Products.swtrace, ["--color", "--", Products.fixture, "write"], environment: environment)
        #expect(terminal.contains("+++ exited with 0 +++"))
        #expect(!terminal.contains("\u{1b}["))
    }

    @Test func colorAlwaysColorsAFile() throws {
        let colored = try traceFixture(["files"], options: ["--color=always", "-o", "/dev/stdout"])
        #expect(colored.stdout.contains("\u{1b}[1;34mopenat\u{1b}[0m("))
    }

    @Test func colorAutoIsOffOnAPipe() throws {
        let result = try traceFixture(["write"], options: ["--color=auto"])
        #expect(result.stdout.contains("+++ exited with 0 +++"))
        #expect(!result.stdout.contains("\u{1b}["))
    }

    /// What differs between two runs of one program: addresses, pids, random bytes, and the
    /// padding to column 40 that follows from their lengths.
    static func withoutRunValues(_ line: String) -> String {
        line.replacingOccurrences(of: "0x[0-9a-f]+", with: "ADDR", options: .regularExpression)
            .replacingOccurrences(of: "\"(\\\\x[0-9a-f]{2})+\"", with: "RANDOM", options: .regularExpression)
            .replacingOccurrences(of: "\\b[0-9]{3,}\\b", with: "N", options: .regularExpression)
            .replacingOccurrences(of: " +=", with: " =", options: .regularExpression)
    }
}

/// Runs `executable` with its standard output on a new pseudo-terminal and returns what the
/// terminal received (its `\r\n` line ends made `\n` again).
func runOnPseudoTerminal(_ executable: String, _ arguments: [String],
                         environment: [String: String] = fixtureEnvironment) throws -> String {
    let master = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC)
    guard master >= 0, grantpt(master) == 0, unlockpt(master) == 0, let name = ptsname(master) else {
        throw POSIXError(.ENOTTY)
    }
    defer { close(master) }
    // Opened here (close-on-exec: tests run in parallel) and handed to the child as its stdout.
    let terminal = open(name, O_RDWR | O_NOCTTY | O_CLOEXEC)
    guard terminal >= 0 else { throw POSIXError(.ENOTTY) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_adddup2(&actions, terminal, 1)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var none = sigset_t(), all = sigset_t()
    sigemptyset(&none)
    sigfillset(&all)
    posix_spawnattr_setsigmask(&attributes, &none)
    posix_spawnattr_setsigdefault(&attributes, &all)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { (argv + envp).forEach { free($0) } }
    var child: pid_t = 0
    let failure = posix_spawn(&child, executable, &actions, &attributes, argv, envp)
    close(terminal)
    guard failure == 0 else { throw POSIXError(POSIXErrorCode(rawValue: failure) ?? .EINVAL) }
    // Read until the last holder of the terminal closes it (then read fails with EIO).
    var received = [UInt8]()
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
        let count = read(master, &buffer, buffer.count)
        if count > 0 { received += buffer[0..<count]; continue }
        if count < 0 && errno == EINTR { continue }
        break
    }
    var status: Int32 = 0
    while waitpid(child, &status, 0) < 0 && errno == EINTR {}
    return String(decoding: received, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
}

// The pseudo-terminal calls, which Glibc's module map leaves out (X/Open declarations).
@_silgen_name("posix_openpt")
private func posix_openpt(_ flags: Int32) -> Int32
@_silgen_name("grantpt")
private func grantpt(_ fd: Int32) -> Int32
@_silgen_name("unlockpt")
private func unlockpt(_ fd: Int32) -> Int32
@_silgen_name("ptsname")
private func ptsname(_ fd: Int32) -> UnsafeMutablePointer<CChar>?
