import Testing
@testable import Tracing

/// `-S`, `-U`, `-O` values and messages as strace 6.1 takes and words them (`strace -c -S bogus`...).
@Suite struct SummaryOptionsTests {
    @Test("every -S spelling", arguments: [
        ("time", SummarySortKey.time), ("time-percent", .time), ("time-total", .time), ("total-time", .time),
        ("min-time", .minTime), ("shortest", .minTime), ("time-min", .minTime),
        ("max-time", .maxTime), ("longest", .maxTime), ("time-max", .maxTime),
        ("avg-time", .averageTime), ("time-avg", .averageTime),
        ("calls", .calls), ("count", .calls), ("errors", .errors), ("error", .errors),
        ("name", .name), ("syscall", .name), ("syscall-name", .name), ("nothing", .nothing), ("none", .nothing),
    ])
    func sortKey(text: String, key: SummarySortKey) throws {
        #expect(try SummaryOptions.parseSortKey(text) == key)
    }

    @Test("-S refused", arguments: ["bogus", "TIME", "Calls", ""])
    func badSortKey(text: String) {
        #expect(message { () throws(FilterError) in _ = try SummaryOptions.parseSortKey(text) } == "invalid sortby: '\(text)'")
    }

    @Test func columnsWithAliasesAndNameLast() throws {
        #expect(try SummaryOptions.parseColumns("time,time-total,shortest,longest,time-avg,count,error")
            == [.timePercent, .totalTime, .minTime, .maxTime, .averageTime, .calls, .errors, .name])
        #expect(try SummaryOptions.parseColumns("syscall-name,calls") == [.name, .calls])
        #expect(try SummaryOptions.parseColumns("min-time,max-time") == [.minTime, .maxTime, .name])
        #expect(SummaryOptions().effectiveColumns == [.timePercent, .totalTime, .averageTime, .calls, .errors, .name])
    }

    @Test("-U refused", arguments: [
        ("bogus", "unknown column name: 'bogus'"),
        ("", "unknown column name: ''"),
        ("calls,", "unknown column name: ''"),
        (",calls", "unknown column name: ''"),
        ("CALLS", "unknown column name: 'CALLS'"),
        ("time,time-percent", "call summary column has been provided more than once: 'time-percent' (-U option residual: 'time-percent')"),
        ("calls,errors,count,name", "call summary column has been provided more than once: 'count' (-U option residual: 'count,name')"),
    ])
    func badColumns(text: String, expected: String) {
        #expect(message { () throws(FilterError) in _ = try SummaryOptions.parseColumns(text) } == expected)
    }

    @Test("-O values strace takes, in microseconds", arguments: [
        ("0", 0.0), ("1", 1), ("1.5", 1.5), ("15us", 15), ("2ms", 2000), ("1s", 1_000_000), ("3ns", 0.003),
        ("1e2", 100), ("1E2", 100), ("010", 10), (" +5", 5), ("\t5", 5), ("5.", 5), (".5", 0.5), ("-0", 0),
        ("1e2s", 100_000_000),
    ])
    func overhead(text: String, microseconds: Double) throws {
        #expect(try SummaryOptions.parseOverhead(text) == microseconds)
    }

    @Test("-O refused", arguments: [
        "bogus", "-5", "1.5xs", "0x10", "0X10", "inf", "nan", "INF", "1e400", "1e-400", "2e-308", "5 ", "5m", "5S",
        "5Us", "", "5e", "5e+", "1.2.3", "5 s",
    ])
    func badOverhead(text: String) {
        #expect(message { () throws(FilterError) in _ = try SummaryOptions.parseOverhead(text) } == "invalid -O argument: '\(text)'")
    }

    @Test func overheadInNanoseconds() {
        var options = SummaryOptions()
        #expect(options.overheadNanoseconds == 0)
        options.overheadMicroseconds = 1.5
        #expect(options.overheadNanoseconds == 1500)
        options.overheadMicroseconds = 1e300
        #expect(options.overheadNanoseconds == UInt64.max)
    }
}

private func message(_ body: () throws(FilterError) -> Void) -> String? {
    do {
        try body()
        return nil
    } catch {
        return error.description
    }
}
