import Foundation
import SwtraceCommandLine
import Testing

/// A sample of the fuzz test's command lines through the built swtrace binary: what the parser
/// refuses ends the program with exit status 1 and exactly one line on stderr; what it accepts
/// (help, version, or tracing /bin/true) runs to the end without a crash. Lines that attach (-p)
/// are left out: a random pid could be any process on the machine.
@Suite struct CommandLineFuzzBinaryTests {
    static let sample = 300
    static let swtrace = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        .deletingLastPathComponent().appendingPathComponent("swtrace").path

    @Test func aSampleThroughTheRealBinary() throws {
        var random = SeededRandom(seed: CommandLineFuzzTests.seed)
        let scratch = NSTemporaryDirectory() + "swtrace-cli-fuzz-\(getpid())"
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        var ran = 0
        for index in 0..<Self.sample {
            let words = CommandLineWords.make(&random)
            let expected: Result<ParsedCommandLine, CommandLineError> = Result { () throws(CommandLineError) in
                try CommandLineParser.parse(words)
            }
            if case .success(let parsed) = expected, !parsed.processes.isEmpty || parsed.options.launch.daemonize > 0 { continue }
            let result = try runSwtrace(words, in: scratch)
            ran += 1
            #expect(result.signal == 0, "case \(index): \(words) died of signal \(result.signal)")
            switch expected {
            case .failure(let error):
                #expect(result.status == 1, "case \(index): \(words) -> \(result.status)")
                #expect(result.stderrLines.count == 1 && result.stderrLines.first?.hasPrefix("swtrace: \(error.message)") == true,
                        "case \(index): \(words) -> \(result.stderrLines)")
            case .success:
                // Traced /bin/true, or a command that is not there, or an option refused later
                // (an output that cannot be opened): every refusal is still one line.
                let refusals = result.stderrLines.filter { !$0.contains("Process ") && !$0.contains(" has no effect") && !$0.contains("ignored") }
                #expect(refusals.count <= 1, "case \(index): \(words) -> \(result.stderrLines)")
                #expect(refusals.isEmpty || result.status != 0, "case \(index): \(words) said \(refusals) but exited 0")
            }
        }
        #expect(ran > Self.sample / 2)
    }

    private func runSwtrace(_ words: [String], in directory: String) throws -> (status: Int32, signal: Int32, stderrLines: [String]) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.swtrace)
        process.arguments = words
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = ["PATH": "/usr/bin:/bin", "LC_ALL": "C"]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        let stderr = Pipe()
        process.standardError = stderr
        try process.run()
        let timer = DispatchWorkItem { process.terminate() }
        DispatchQueue.global().asyncAfter(deadline: .now() + 20, execute: timer)
        let data = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        timer.cancel()
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
        let killed = process.terminationReason == .uncaughtSignal
        return (killed ? 0 : process.terminationStatus, killed ? process.terminationStatus : 0, lines)
    }
}
