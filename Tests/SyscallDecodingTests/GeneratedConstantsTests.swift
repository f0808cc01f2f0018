import Foundation
import Testing

/// The committed constant tables and struct layouts are what `scripts/gen-constants` makes from
/// this machine's kernel and libc headers (x86_64 with gcc, i386 with gcc -m32, aarch64 with
/// aarch64-linux-gnu-gcc: `scripts/setup --test` installs all three).
@Test func committedConstantsMatchTheGenerator() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let process = Process()
    process.executableURL = root.appendingPathComponent("scripts/gen-constants")
    process.arguments = ["--check"]
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "scripts/gen-constants --check: \(text)")
}
