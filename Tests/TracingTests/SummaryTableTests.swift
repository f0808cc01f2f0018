import Foundation
import SyscallDecoding
import SyscallTables
import Testing
@testable import Tracing

/// The summary table against tables strace 6.1 printed for known times (`SummaryFixture/expected`,
/// recorded with a clock shim, see its README): the recorder is fed the very durations strace
/// measured, and the whole table must come out byte for byte.
@Suite struct SummaryTableTests {
    /// The syscalls of `getpid-getppid.c` in the order it makes them (exit_group never returns).
    static let sequence = [
        "execve", "brk", "brk", "arch_prctl", "set_tid_address", "set_robust_list", "rseq", "prlimit64",
        "readlink", "getrandom", "brk", "brk", "brk", "mprotect", "getpid", "getppid",
    ]
    /// The durations of the `mix_*` tables, by position in `sequence`.
    static let mixed: [Int: UInt64] = [0: 2500, 1: 9000, 2: 1000, 10: 1000, 11: 1000, 12: 1000, 13: 4000, 14: 3000, 15: 5000]
    static let allColumns = "avg-time,min-time,max-time,total-time,calls,errors,name,time-percent"

    static func summary(_ options: SummaryOptions, duration: (Int) -> UInt64) -> SyscallSummary {
        var summary = SyscallSummary(options: options)
        for (index, name) in sequence.enumerated() {
            let number = UInt64(SyscallTable.x86_64.number(of: name)!)
            summary.record(arch: .x86_64, number: number, name: name, failed: false, nanoseconds: duration(index))
        }
        return summary
    }

    static func options(sort: String = "time", columns: String? = nil, overhead: String? = nil) throws -> SummaryOptions {
        var options = SummaryOptions()
        options.wallClock = true
        options.sortBy = try SummaryOptions.parseSortKey(sort)
        options.columns = try columns.map { columns throws(FilterError) in try SummaryOptions.parseColumns(columns) }
        options.overheadMicroseconds = try overhead.map { text throws(FilterError) in try SummaryOptions.parseOverhead(text) }
        return options
    }

    @Test("constant durations: seconds rounded, usecs/call truncated", arguments: [
        ("const1234567", UInt64(1_234_567), nil as String?),
        ("const1234567_O1ms", 1_234_567, "1ms"),
        ("const1234567_O2ms", 1_234_567, "2ms"),
        ("wide12345", 12_345_678_901_234, nil),
    ])
    func constant(file: String, nanoseconds: UInt64, overhead: String?) throws {
        let summary = Self.summary(try Self.options(overhead: overhead)) { _ in nanoseconds }
        #expect(try text(summary.render()) == expected(file))
    }

    @Test func widthFromWholeSecondsLetsARoundedValueStickOut() throws {
        let summary = Self.summary(try Self.options(columns: "max-time,total-time,name")) { _ in 9_999_999_600 }
        #expect(try text(summary.render()) == expected("stickout"))
    }

    @Test func everyColumnGrowsWithItsValues() throws {
        let options = try Self.options(columns: "max-time,min-time,avg-time,total-time,time-percent,calls,errors,name")
        let summary = Self.summary(options) { _ in 100_000_000_000_000_000 }
        #expect(try text(summary.render()) == expected("huge"))
    }

    @Test func percentIsRoundedFromTheExactShare() throws {
        let durations: [Int: UInt64] = [14: 33825, 15: 466_175]
        let summary = Self.summary(try Self.options(columns: "time-percent,total-time,name")) { durations[$0] ?? 0 }
        #expect(try text(summary.render()) == expected("percent"))
    }

    @Test("-S orders rows, ties in syscall-number order",
          arguments: ["avg-time", "max-time", "min-time", "time", "calls", "name", "nothing", "errors"])
    func sorted(key: String) throws {
        let summary = Self.summary(try Self.options(sort: key, columns: Self.allColumns)) { Self.mixed[$0] ?? 0 }
        #expect(try text(summary.render()) == expected("mix_\(key)"))
    }

    @Test func defaultColumns() throws {
        let summary = Self.summary(try Self.options()) { Self.mixed[$0] ?? 0 }
        #expect(try text(summary.render()) == expected("mixdefault"))
    }

    /// strace -c on a program making i386 calls through int $0x80 (times all zero there).
    @Test func thirtyTwoBitCallsGetTheirOwnTable() {
        var summary = SyscallSummary(options: SummaryOptions())
        let native: [(String, Int)] = [
            ("mprotect", 1), ("brk", 5), ("getpid", 2), ("execve", 1), ("readlink", 1), ("sched_get_priority_max", 1),
            ("arch_prctl", 1), ("sched_getaffinity", 1), ("set_tid_address", 1), ("set_robust_list", 1),
            ("prlimit64", 1), ("getrandom", 1), ("rseq", 1),
        ]
        for (name, calls) in native {
            for _ in 0..<calls {
                summary.record(arch: .x86_64, number: UInt64(SyscallTable.x86_64.number(of: name)!), name: name,
                               failed: false, nanoseconds: 0)
            }
        }
        for _ in 0..<4 { summary.record(arch: .i386, number: 20, name: "getpid", failed: false, nanoseconds: 0) }
        summary.record(arch: .i386, number: 6, name: "close", failed: true, nanoseconds: 0)
        #expect(text(summary.render()) == """
            % time     seconds  usecs/call     calls    errors syscall
            ------ ----------- ----------- --------- --------- -----------------------
              0.00    0.000000           0         1           mprotect
              0.00    0.000000           0         5           brk
              0.00    0.000000           0         2           getpid
              0.00    0.000000           0         1           execve
              0.00    0.000000           0         1           readlink
              0.00    0.000000           0         1           sched_get_priority_max
              0.00    0.000000           0         1           arch_prctl
              0.00    0.000000           0         1           sched_getaffinity
              0.00    0.000000           0         1           set_tid_address
              0.00    0.000000           0         1           set_robust_list
              0.00    0.000000           0         1           prlimit64
              0.00    0.000000           0         1           getrandom
              0.00    0.000000           0         1           rseq
            ------ ----------- ----------- --------- --------- -----------------------
            100.00    0.000000           0        18           total
            System call usage summary for 32 bit mode:
            % time     seconds  usecs/call     calls    errors syscall
            ------ ----------- ----------- --------- --------- ----------------
              0.00    0.000000           0         1         1 close
              0.00    0.000000           0         4           getpid
            ------ ----------- ----------- --------- --------- ----------------
            100.00    0.000000           0         5         1 total

            """)
    }

    /// A blank error count still fills its column, also at the end of a line (strace's trailing blanks).
    @Test func blankErrorsKeepTheirWidth() throws {
        var summary = SyscallSummary(options: try Self.options(columns: "name,calls,errors"))
        summary.record(arch: .x86_64, number: 1, name: "write", failed: false, nanoseconds: 0)
        summary.record(arch: .x86_64, number: 3, name: "close", failed: true, nanoseconds: 0)
        summary.record(arch: .x86_64, number: 3, name: "close", failed: true, nanoseconds: 0)
        #expect(text(summary.render()) == """
            syscall              calls    errors
            ---------------- --------- ---------
            write                    1          
            close                    2         2
            ---------------- --------- ---------
            total                    3         2

            """)
    }

    /// With nothing recorded strace prints no table at all (an attach that saw no call finish).
    @Test func nothingRecordedPrintsNothing() {
        let summary = SyscallSummary(options: SummaryOptions())
        #expect(summary.isEmpty)
        #expect(summary.render().isEmpty)
    }

    @Test func overheadNeverMakesATimeNegative() throws {
        var summary = SyscallSummary(options: try Self.options(columns: "min-time,max-time,total-time,calls", overhead: "5"))
        summary.record(arch: .x86_64, number: 39, name: "getpid", failed: false, nanoseconds: 3000)
        summary.record(arch: .x86_64, number: 39, name: "getpid", failed: false, nanoseconds: 12000)
        #expect(text(summary.render()) == """
            shortest  longest     seconds     calls syscall
            -------- -------- ----------- --------- ----------------
            0.000000 0.000007    0.000007         2 getpid
            -------- -------- ----------- --------- ----------------
            0.000000 0.000007    0.000007         2 total

            """)
    }
}

func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

/// The directory of the summary and timestamp fixtures.
let summaryFixtureDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("SummaryFixture")

private func expected(_ name: String) throws -> String {
    try String(contentsOf: summaryFixtureDirectory.appendingPathComponent("expected/\(name).txt"), encoding: .utf8)
}
