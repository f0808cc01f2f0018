import Foundation
import Testing

/// swtrace batches its lines unless the traced program writes where the trace goes: then the
/// trace and the program's own output must still come out in the order things happened.
@Suite struct OutputOrderTests {
    /// The default: trace and program share standard output (a pipe here).
    @Test func sharedStandardOutputKeepsTheProgramsOutputInOrder() throws {
        let result = try swtrace(["--", "/bin/sh", "-c", "echo one; echo two; echo three"])
        #expect(result.exitStatus == 0)
        let lines = result.lines
        var previousTraceLine = -1
        for word in ["one", "two", "three"] {
            let output = try #require(lines.firstIndex(of: word), "\(word) missing")
            let traced = try #require(lines.firstIndex(of: line("write(1, \"\(word)\\n\", \(word.count + 1)", "\(word.count + 1)")))
            // The program writes the word while its write is in progress, so the word comes after
            // the previous write's line (written before the call ran) and before this one's.
            #expect(previousTraceLine < output && output < traced, "\(word): \(output) vs \(traced)")
            previousTraceLine = traced
        }
    }

    /// `-o FILE`: lines are batched, yet a program that blocks shows what it did and what it
    /// waits in within a few ticks, while it still runs.
    @Test func aBatchedFileShowsItsLinesWhileTheProgramBlocks() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("swtrace-batch-\(getpid()).txt").path
        defer { unlink(path) }
        let process = try RunningProcess(Products.swtrace, ["-o", path, "--", "/bin/sh", "-c", "echo one; sleep 4"],
                                         environment: fixtureEnvironment)
        usleep(2_000_000)
        let early = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        let result = process.finish()
        #expect(early.contains(line("write(1, \"one\\n\", 4", "4")))
        #expect(early.contains(" <unfinished ...>\n"))
        #expect(!early.contains("+++ exited"))
        let whole = try String(contentsOfFile: path, encoding: .utf8)
        #expect(whole.hasSuffix("+++ exited with 0 +++\n"))
        #expect(result.stdout == "one\n")
        #expect(result.exitStatus == 0)
    }
}
