import Foundation
import Testing

/// scripts/strace-diff on its two corpora with the built swtrace: the share of lines identical to
/// Debian's strace must not fall below the thresholds in each corpus file.
///
/// - `strace-diff.corpus`: everyday commands (ls, cp, tar, sh pipelines, python3, perl, ...) in
///   every variant, about 15 s on the 2-core machine.
/// - `strace-diff.network-corpus`: Python programs on loopback TCP, UDP, UNIX stream and datagram
///   sockets, SCM_RIGHTS, socket options and a pseudo-terminal, and iproute2's netlink dumps,
///   under plain, `-y`, `-yy`, `-v` and `-X verbose`, about a minute.
///
/// The thresholds are a ratchet, not the goal: they are the shares measured when they were last
/// raised, rounded down. Issues 13 and 14 aim at 98% overall and no program below 95%; whoever
/// makes more lines identical raises them in the corpus file. The corpora run one after the other:
/// each already traces two programs at once, which is what the 2-core machine holds.
@Suite(.serialized) struct DifferentialCorpusTests {
    static let script = Products.packageRoot.appendingPathComponent("scripts/strace-diff").path
    static let python = "/usr/bin/python3"

    @Test(arguments: ["strace-diff.corpus", "strace-diff.network-corpus"])
    func sharesOfIdenticalLinesHoldTheRatchet(corpusName: String) throws {
        try #require(FileManager.default.isExecutableFile(atPath: "/usr/bin/strace"), "Debian's strace is needed: ./scripts/test installs it")
        try #require(FileManager.default.isExecutableFile(atPath: Self.python), "python3 is needed: ./scripts/test installs it")
        let corpus = Products.packageRoot.appendingPathComponent("scripts/\(corpusName)").path
        let thresholds = try Thresholds(corpus: corpus)

        let result = try run(Self.python, [Self.script, "--test", "--json", "--corpus", corpus, "--swtrace", Products.swtrace],
                                        environment: ["PATH": "/usr/bin:/bin", "LC_ALL": "C"], timeout: 240)
        try #require(result.exitStatus == 0, "strace-diff failed: \(result.stderr)")
        let summary = try JSONDecoder().decode(Summary.self, from: Data(result.stdout.utf8))

        // Every program traced: plain is an option set swtrace cannot refuse.
        let plain = summary.runs.filter { $0.variant == "plain" }
        #expect(!plain.isEmpty && plain.allSatisfy { $0.status == "compared" && $0.total > 0 },
                "\(corpusName): plain runs not compared: \(plain.filter { $0.status != "compared" || $0.total == 0 }.map(\.program))")

        let overall = summary.overall.share * 100
        #expect(overall >= thresholds.overall,
                "\(corpusName): overall \(percent(overall)) of identical lines, below the ratchet's \(thresholds.overall)%")
        for (name, program) in summary.programs.sorted(by: { $0.key < $1.key }) where program.total > 0 {
            #expect(program.share * 100 >= thresholds.program,
                    "\(corpusName): \(name): \(percent(program.share * 100)) of identical lines, below the ratchet's \(thresholds.program)%")
        }
        print("strace-diff \(corpusName): \(percent(overall)) of \(summary.overall.total) lines identical; lowest \(summary.lowestProgram?.name ?? "-") "
              + "\(percent((summary.lowestProgram?.share ?? 0) * 100)); \(summary.refused) runs refused")
    }

    private func percent(_ value: Double) -> String { String(format: "%.1f%%", value) }
}

/// The `threshold-overall:` and `threshold-program:` lines of the corpus file, in percent.
private struct Thresholds {
    var overall: Double
    var program: Double

    init(corpus path: String) throws {
        var values: [String: Double] = [:]
        for line in try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n") {
            let parts = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.count == 2, parts[0].hasPrefix("threshold-"), let value = Double(parts[1]) { values[parts[0]] = value }
        }
        overall = try #require(values["threshold-overall"], "no threshold-overall line in \(path)")
        program = try #require(values["threshold-program"], "no threshold-program line in \(path)")
    }
}

/// What `strace-diff --json` prints (the parts the test reads).
private struct Summary: Decodable {
    struct Counts: Decodable {
        var identical: Int
        var total: Int
        var share: Double
    }
    struct Lowest: Decodable {
        var name: String
        var share: Double
    }
    struct Run: Decodable {
        var program: String
        var variant: String
        var status: String
        var total: Int
    }
    var overall: Counts
    var lowestProgram: Lowest?
    var refused: Int
    var programs: [String: Counts]
    var runs: [Run]
}
