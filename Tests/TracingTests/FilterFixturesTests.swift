import Foundation
import Testing

// The C programs in FilterFixtures/, compiled by the tests with the system compiler (static, for
// x86_64 and with -m32 for i386: gcc-multilib), and a way to run them and Debian's strace.

enum FilterFixtures {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let directory = packageRoot.appendingPathComponent("Tests/TracingTests/FilterFixtures")
    static let buildDirectory: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("swtrace-filter-fixtures-\(getpid())")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    enum Bits: String { case x86_64 = "64", i386 = "32" }

    /// Compiles `sources` (relative to FilterFixtures/ or to the package) into one static program.
    static func compile(_ name: String, _ sources: [String], bits: Bits) throws -> String {
        let output = buildDirectory.appendingPathComponent("\(name)-\(bits.rawValue)").path
        if FileManager.default.isExecutableFile(atPath: output) { return output }
        let paths = sources.map { $0.hasPrefix("Sources/") ? packageRoot.appendingPathComponent($0).path : directory.appendingPathComponent($0).path }
        let temporary = output + ".\(UUID().uuidString)"
        let result = try runProgram("/usr/bin/gcc", ["-m\(bits.rawValue)", "-static", "-O1", "-Wall", "-o", temporary]
            + (bits == .i386 ? ["-idirafter", try i386KernelHeaders()] : [])
            + ["-I", packageRoot.appendingPathComponent("Sources/CPtrace/include").path] + paths)
        guard result.status == 0 else {
            throw FixtureError("cannot compile \(name) -m\(bits.rawValue) (is gcc-multilib installed?): \(result.stderr)")
        }
        // rename(2) replaces atomically: two tests may compile the same program at once.
        guard rename(temporary, output) == 0 else { throw FixtureError("cannot rename \(temporary)") }
        return output
    }

    /// A directory with `asm` pointing at the x86_64 kernel headers, which serve both x86 ABIs.
    /// Debian's gcc-multilib would provide that link, but it conflicts with
    /// gcc-aarch64-linux-gnu, so the tests need only libc6-dev-i386 and lib32gcc-12-dev.
    static func i386KernelHeaders() throws -> String {
        let directory = buildDirectory.appendingPathComponent("include-i386")
        let link = directory.appendingPathComponent("asm").path
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        if (try? FileManager.default.destinationOfSymbolicLink(atPath: link)) == nil {
            try? FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "/usr/include/x86_64-linux-gnu/asm")
        }
        return directory.path
    }

    struct FixtureError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    struct Result { var status: Int32; var stdout: String; var stderr: String }

    /// Runs a program to its end with stdin from /dev/null and its output collected in files (no
    /// pipe to fill up).
    static func runProgram(_ path: String, _ arguments: [String]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.environment = ["PATH": "/usr/bin:/bin", "LC_ALL": "C"]
        let base = buildDirectory.appendingPathComponent("run-\(UUID().uuidString)")
        guard FileManager.default.createFile(atPath: base.path + ".out", contents: nil),
              FileManager.default.createFile(atPath: base.path + ".err", contents: nil)
        else { throw FixtureError("cannot create \(base.path).out") }
        defer {
            try? FileManager.default.removeItem(atPath: base.path + ".out")
            try? FileManager.default.removeItem(atPath: base.path + ".err")
        }
        process.standardInput = FileHandle(forReadingAtPath: "/dev/null")
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: base.path + ".out"))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: base.path + ".err"))
        try process.run()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      stdout: try String(contentsOfFile: base.path + ".out", encoding: .utf8),
                      stderr: try String(contentsOfFile: base.path + ".err", encoding: .utf8))
    }
}

@Suite struct FilterFixturesTests {
    @Test func fixturesCompileForBothABIs() throws {
        for bits in [FilterFixtures.Bits.x86_64, .i386] {
            let program = try FilterFixtures.compile("every-syscall", ["every-syscall.c"], bits: bits)
            let result = try FilterFixtures.runProgram(program, ["39", "20"])
            #expect(result.status == 0, "\(bits): \(result.stderr)")
        }
    }
}
