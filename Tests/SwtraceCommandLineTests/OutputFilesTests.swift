import Foundation
import Testing
import Tracing

/// `-ff -o FILE`: the opener the session calls for each new process's `FILE.PID`.
@Suite struct OutputFilesTests {
    @Test func opensFilePerProcessTruncatingOrAppending() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("swtrace-ff-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: base + ".42") }
        func write(_ files: OutputFiles, _ text: String) throws {
            let fd = try files.open(forProcess: 42)
            #expect(fcntl(fd, F_GETFD) & FD_CLOEXEC != 0)
            #expect(text.utf8CString.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count - 1) } == text.utf8.count)
            close(fd)
        }
        try write(OutputFiles(basePath: base, append: false), "one\n")
        try write(OutputFiles(basePath: base, append: true), "two\n")
        #expect(try String(contentsOfFile: base + ".42", encoding: .utf8) == "one\ntwo\n")
        try write(OutputFiles(basePath: base, append: false), "three\n")
        #expect(try String(contentsOfFile: base + ".42", encoding: .utf8) == "three\n")
    }

    @Test func fromOptionsOnlyWithSeparateFiles() throws {
        var options = TraceOptions()
        options.output = .file("/tmp/trace")
        #expect(OutputFiles(options: options) == nil)
        options.outputSeparately = true
        options.appendToOutput = true
        let files = try #require(OutputFiles(options: options))
        #expect(files.path(forProcess: 7) == "/tmp/trace.7" && files.append)
    }

    @Test func unopenableFileIsOneLine() throws {
        let files = OutputFiles(basePath: "/nonexistent/trace", append: false)
        #expect(throws: TraceError.self) { try files.open(forProcess: 9) }
        do {
            _ = try files.open(forProcess: 9)
        } catch let error as TraceError {
            #expect(error.description == "cannot open '/nonexistent/trace.9': No such file or directory")
        }
    }
}
