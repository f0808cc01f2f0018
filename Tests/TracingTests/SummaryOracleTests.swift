import Foundation
import SyscallDecoding
import SyscallTables
import Testing
@testable import Tracing

/// Debian's `strace -c` on `SummaryFixture/summary-fixture.c` is the oracle of the table's layout:
/// the counts, errors and times strace printed are fed to `SyscallSummary`, which must print the
/// same bytes (sorting, column choice, widths, the 32-bit table). strace's default times are
/// system CPU time from wait4's rusage, whole microseconds, so what it printed is exact.
@Suite struct SummaryOracleTests {
    @Test("strace -c tables reproduced", arguments: [
        [],
        ["-U", "min-time,max-time,total-time,avg-time,calls,errors,name,time-percent", "-S", "min-time"],
        ["-U", "max-time,calls,name", "-S", "max-time"],
        ["-U", "time,shortest,longest,time-total,time-avg,count,error,syscall", "-S", "time-max"],
        ["-S", "calls"],
        ["-S", "errors"],
        ["-S", "name"],
        ["-S", "nothing"],
        ["-S", "avg-time"],
        ["-U", "name,errors,calls", "-S", "nothing"],
        ["-U", "errors,calls", "-S", "errors"],
    ])
    func reproduced(options: [String]) throws {
        let printed = try straceSummary(options)
        var summaryOptions = SummaryOptions()
        for (flag, value) in zip(options, options.dropFirst()) {
            if flag == "-S" { summaryOptions.sortBy = try SummaryOptions.parseSortKey(value) }
            if flag == "-U" { summaryOptions.columns = try SummaryOptions.parseColumns(value) }
        }
        var summary = SyscallSummary(options: summaryOptions)
        for table in try parseTables(printed) {
            for row in table.rows {
                let number = try #require(SyscallTable.forArch(table.arch).number(of: row.name), "\(row.name)")
                for (index, nanoseconds) in row.durations().enumerated() {
                    summary.record(arch: table.arch, number: UInt64(number), name: row.name,
                                   failed: index < row.errors, nanoseconds: nanoseconds)
                }
            }
        }
        #expect(Self.sameTables(text(summary.render()), printed), "\(text(summary.render()))\n--- strace:\n\(printed)")
    }

    /// Equal, except that a `usecs/call` cell may be off by one: the recorder is fed the times
    /// strace printed (whole microseconds), while strace divided its exact total, so an average
    /// on a boundary (5819.6 us / 97 calls) can truncate either way. Every other byte must match;
    /// exact averages are held by SummaryTableTests, which know the times to the nanosecond.
    static func sameTables(_ ours: String, _ theirs: String) -> Bool {
        let mine = ours.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let oracle = theirs.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard mine.count == oracle.count else { return false }
        var averageColumn: Range<Int>?
        for (line, straceLine) in zip(mine, oracle) {
            if line.hasPrefix("% time") {
                averageColumn = line.range(of: "usecs/call").map {
                    let end = line.distance(from: line.startIndex, to: $0.upperBound)
                    return (end - 11)..<end
                }
            }
            if line == straceLine { continue }
            guard let column = averageColumn, line.utf8.count == straceLine.utf8.count,
                  line.utf8.count >= column.upperBound else { return false }
            let a = Array(line.utf8), b = Array(straceLine.utf8)
            let outside = (0..<a.count).filter { !column.contains($0) }
            guard outside.allSatisfy({ a[$0] == b[$0] }),
                  let x = Int(String(decoding: a[column], as: UTF8.self).trimmingCharacters(in: .whitespaces)),
                  let y = Int(String(decoding: b[column], as: UTF8.self).trimmingCharacters(in: .whitespaces)),
                  abs(x - y) == 1
            else { return false }
        }
        return true
    }

    /// The fixture makes the calls its comments promise (so that swtrace -c can be held to them).
    @Test func countsAreTheFixturesCalls() throws {
        let tables = try parseTables(try straceSummary([]))
        let native = try #require(tables.first { $0.arch == hostArch })
        func counts(_ name: String, in table: ParsedTable) -> (calls: Int, errors: Int)? {
            table.rows.first { $0.name == name }.map { ($0.calls, $0.errors) }
        }
        #expect(counts("getpid", in: native)! == (10, 0))
        #expect(counts("openat", in: native)!.errors == 7)
        #expect(counts("openat", in: native)!.calls >= 9)
        #expect(counts("write", in: native)! == (5, 0))
        #expect(counts("close", in: native)! == (4, 3))
        #expect(counts("read", in: native)! == (50, 0))
        #expect(counts("getppid", in: native)! == (4, 0))
        #expect(counts("sched_get_priority_max", in: native)! == (1, 0))
        #if arch(x86_64)
        let compat = try #require(tables.first { $0.arch == .i386 })
        #expect(compat.rows.count == 2)
        #expect(counts("getpid", in: compat)! == (6, 0))
        #expect(counts("close", in: compat)! == (2, 2))
        #endif
    }
}

#if arch(x86_64)
let hostArch = SyscallArch.x86_64
#else
let hostArch = SyscallArch.aarch64
#endif

/// The fixture, compiled once per test run (static: its calls are its own, not the loader's).
let summaryFixture: String = {
    let binary = FileManager.default.temporaryDirectory
        .appendingPathComponent("swtrace-summary-fixture-\(getpid())").path
    let source = summaryFixtureDirectory.appendingPathComponent("summary-fixture.c").path
    let compile = try! runProgram("/usr/bin/cc", ["-O2", "-static", "-Wall", "-o", binary, source])
    precondition(compile.status == 0, "cannot compile the summary fixture: \(compile.output)")
    return binary
}()

/// What `strace -c OPTIONS fixture` wrote to its -o file, without its personality notices.
func straceSummary(_ options: [String]) throws -> String {
    let output = FileManager.default.temporaryDirectory
        .appendingPathComponent("swtrace-summary-\(getpid())-\(UUID().uuidString)").path
    defer { unlink(output) }
    let run = try runProgram("/usr/bin/strace", ["-o", output, "-c"] + options + [summaryFixture])
    #expect(run.status == 0, "strace: \(run.output)")
    let printed = try String(contentsOfFile: output, encoding: .utf8)
    return printed.split(separator: "\n", omittingEmptySubsequences: false)
        .filter { !$0.hasPrefix("[ Process PID=") }
        .joined(separator: "\n")
}

/// Runs a program to its end; its output goes through a file, not a pipe (reading a pipe in the
/// test process can be interrupted by the signals other tests cause).
func runProgram(_ path: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
    let log = FileManager.default.temporaryDirectory.appendingPathComponent("swtrace-run-\(UUID().uuidString)").path
    guard FileManager.default.createFile(atPath: log, contents: nil) else { throw CocoaError(.fileWriteUnknown) }
    defer { unlink(log) }
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    process.standardOutput = handle
    process.standardError = handle
    try process.run()
    process.waitUntilExit()
    try handle.close()
    return (process.terminationStatus, try String(contentsOfFile: log, encoding: .utf8))
}

struct ParsedTable {
    var arch: SyscallArch
    var rows: [ParsedRow] = []
}

/// One row as strace printed it; times in nanoseconds (whole microseconds).
struct ParsedRow {
    var name = ""
    var calls = 0
    var errors = 0
    var total: UInt64?
    var shortest: UInt64?
    var longest: UInt64?

    /// Per-call times that give back what strace printed: the total, the shortest and the longest
    /// call, as far as the columns showed them.
    func durations() -> [UInt64] {
        let shortest = self.shortest ?? 0
        guard let total else {
            return [longest ?? shortest] + Array(repeating: shortest, count: calls - 1)
        }
        guard calls > 1 else { return [total] }
        let longest = self.longest ?? (total - shortest * UInt64(calls - 1))
        var times = [longest] + Array(repeating: shortest, count: calls - 1)
        var rest = total - shortest * UInt64(calls - 1) - longest
        for index in 1..<times.count where rest > 0 {
            let extra = min(rest, longest - shortest)
            times[index] += extra
            rest -= extra
        }
        return times
    }
}

/// Reads strace's tables back: columns are cut at the widths of the dashes line.
func parseTables(_ printed: String) throws -> [ParsedTable] {
    var tables: [ParsedTable] = []
    var lines = printed.split(separator: "\n").map(String.init)[...]
    while let first = lines.first {
        var table = ParsedTable(arch: hostArch)
        if first == "System call usage summary for 32 bit mode:" {
            table.arch = .i386
            lines.removeFirst()
        }
        let header = lines.removeFirst()
        let dashes = lines.removeFirst()
        var ranges: [Range<Int>] = []
        var start = 0
        for width in dashes.split(separator: " ").map(\.count) {
            ranges.append(start..<(start + width))
            start += width + 1
        }
        func cells(_ line: String) -> [String] {
            let bytes = Array(line.utf8)
            return ranges.enumerated().map { index, range in
                let end = index == ranges.count - 1 ? bytes.count : min(range.upperBound, bytes.count)
                let slice = range.lowerBound < end ? bytes[range.lowerBound..<end] : []
                return String(decoding: slice, as: UTF8.self).trimmingCharacters(in: .whitespaces)
            }
        }
        let headings = cells(header)
        while let line = lines.first, line != dashes {
            lines.removeFirst()
            var row = ParsedRow()
            for (heading, cell) in zip(headings, cells(line)) {
                switch heading {
                case "syscall": row.name = cell
                case "calls": row.calls = Int(cell)!
                case "errors": row.errors = Int(cell) ?? 0
                case "seconds": row.total = microsecondsText(cell)
                case "shortest": row.shortest = microsecondsText(cell)
                case "longest": row.longest = microsecondsText(cell)
                default: break
                }
            }
            table.rows.append(row)
        }
        lines.removeFirst(2)  // dashes, total
        tables.append(table)
    }
    return tables
}

/// `0.003854` (seconds, six decimals) in nanoseconds.
private func microsecondsText(_ text: String) -> UInt64 {
    let parts = text.split(separator: ".")
    return (UInt64(parts[0])! * 1_000_000 + UInt64(parts[1])!) * 1000
}
