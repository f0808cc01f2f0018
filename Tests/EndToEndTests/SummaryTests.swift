import Foundation
import Testing

/// `swtrace -c` against Debian's `strace -c` on the same fixture: the same rows (syscall, calls,
/// errors) in the same layout; the times differ between any two runs and are not compared.
@Suite struct SummaryTests {
    /// A summary table's lines with the time columns blanked: `% time`, `seconds`, `usecs/call`
    /// (the first 30 bytes of each row; the header and dashes stay whole).
    static func withoutTimes(_ lines: [String]) -> [String] {
        lines.map { text in
            guard text.range(of: #"^ *[0-9.]+ +[0-9.]+ +[0-9]+ "#, options: .regularExpression) != nil else { return text }
            return "TIMES" + text.dropFirst(30)
        }
    }

    /// The rows as (name, calls, errors), in the order printed.
    static func rows(_ lines: [String]) -> [[String]] {
        lines.compactMap { text in
            let fields = text.split(separator: " ").map(String.init)
            guard fields.count >= 5, Double(fields[0]) != nil else { return nil }
            return fields.count == 6 ? [fields[5], fields[3], fields[4]] : [fields[4], fields[3], "0"]
        }
    }

    @Test(arguments: [false, true])
    func sameRowsAsStrace(i386: Bool) throws {
        let program = i386 ? Products.fixture32 : Products.fixture
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("swtrace-c-\(UUID())").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        _ = try run("/usr/bin/strace", ["-c", "-o", "\(directory)/strace", "-S", "name", "--", program, "counts"])
        let ours = try swtrace(["-c", "-S", "name", "--", program, "counts"])
        #expect(ours.exitStatus == 0)
        let theirs = splitLines(try String(contentsOfFile: "\(directory)/strace", encoding: .utf8))
            .filter { !$0.hasPrefix("[ Process PID=") }
        // As strace -c without -o: a notice when the program runs in 32 bit mode, before the table.
        #expect(ours.lines.first?.hasPrefix("[ Process PID=") == i386, "\(ours.lines.first ?? "")")
        if i386 { #expect(ours.lines.first?.hasSuffix(" runs in 32 bit mode. ]") == true) }
        let table = i386 ? Array(ours.lines.dropFirst()) : ours.lines
        #expect(Self.rows(table) == Self.rows(theirs), "\(table.joined(separator: "\n"))\n--- strace:\n\(theirs.joined(separator: "\n"))")
        #expect(Self.withoutTimes(table) == Self.withoutTimes(theirs), "the same layout")
        #expect(table.first == "% time     seconds  usecs/call     calls    errors syscall")
        let getppid = try #require(Self.rows(table).first { $0[0] == "getppid" })
        #expect(getppid == ["getppid", "7", "0"])
        let openat = try #require(Self.rows(table).first { $0[0] == "openat" })
        #expect(openat == ["openat", "5", "3"])
        if i386 { #expect(table.contains("System call usage summary for 32 bit mode:")) }
    }

    /// With `-f`, one table for all processes; with columns that hold no time, the whole table,
    /// byte for byte, is strace's (`-w`, a filter, `-Z` alike).
    @Test(arguments: [["-c", "-f"], ["-c", "-f", "-w"], ["-c", "-f", "-e", "trace=%process"], ["-c", "-f", "-Z"]])
    func oneTableForAllProcesses(options: [String]) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("swtrace-cf-\(UUID())").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let columns = ["-U", "calls,errors,name", "-S", "name"] + options
        let ours = try swtrace(columns + ["-o", "\(directory)/ours", "--", Products.fixture, "fork"])
        _ = try run("/usr/bin/strace", columns + ["-o", "\(directory)/theirs", "--", Products.fixture, "fork"])
        #expect(ours.exitStatus == 0)
        let read = { (name: String) in splitLines(try String(contentsOfFile: "\(directory)/\(name)", encoding: .utf8)) }
        let table = try read("ours")
        #expect(table.filter { $0.hasSuffix(" total") }.count == 1, "one table")
        #expect(table == (try read("theirs")))
    }

    /// `-C`: the trace, then the table.
    @Test func traceAndSummary() throws {
        let result = try traceFixture(["counts"], options: ["-C"])
        let exit = try #require(result.lines.firstIndex(of: "+++ exited with 0 +++"))
        #expect(result.lines[exit + 1] == "% time     seconds  usecs/call     calls    errors syscall")
        #expect(result.lines.filter { $0.hasPrefix("getppid()") }.count == 7)
        #expect(Self.rows(Array(result.lines[(exit + 1)...])).contains(["getppid", "7", "0"]))
    }
}
