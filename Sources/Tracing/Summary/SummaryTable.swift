import Glibc
import SyscallDecoding

/// One ABI's summary table, laid out as strace 6.1 prints it:
///
/// ```
/// % time     seconds  usecs/call     calls    errors syscall
/// ------ ----------- ----------- --------- --------- ----------------
///  28.87    0.000119         119         1           execve
/// ------ ----------- ----------- --------- --------- ----------------
/// 100.00    0.000413          11        35         7 total
/// ```
///
/// Columns are separated by one space; numbers are right-aligned, the name left-aligned and not
/// padded when it is the last column; a zero error count is blank. Each column is as wide as its
/// heading's minimum and grows with the widest value (for times, strace counts the digits of the
/// whole seconds, so a value that rounds up to one more digit sticks out, as in strace). Seconds are
/// rounded to microseconds, `usecs/call` is truncated, percentages are rounded to hundredths.
struct SummaryTable {
    let rows: [SummaryRow]
    let columns: [SummaryColumn]
    let totals: SyscallTally

    init(rows: [SummaryRow], options: SummaryOptions) {
        self.rows = SummaryTable.sorted(rows, by: options.sortBy)
        columns = options.effectiveColumns
        var totals = SyscallTally(name: "total")
        for row in rows {
            totals.calls += row.tally.calls
            totals.errors += row.tally.errors
            totals.total &+= row.tally.total
            totals.shortest = min(totals.shortest, row.tally.shortest)
            totals.longest = max(totals.longest, row.tally.longest)
        }
        self.totals = totals
    }

    /// Rows in `-S` order; rows that compare equal stay in syscall-number order (strace's sort is
    /// glibc's stable merge sort over rows in number order).
    static func sorted(_ rows: [SummaryRow], by key: SummarySortKey) -> [SummaryRow] {
        func before(_ a: SummaryRow, _ b: SummaryRow) -> Bool? {
            let x = a.tally, y = b.tally
            switch key {
            case .time: return x.total == y.total ? nil : x.total > y.total
            case .minTime: return x.shortest == y.shortest ? nil : x.shortest > y.shortest
            case .maxTime: return x.longest == y.longest ? nil : x.longest > y.longest
            case .averageTime:
                let (p, q) = (x.total / x.calls, y.total / y.calls)
                return p == q ? nil : p > q
            case .calls: return x.calls == y.calls ? nil : x.calls > y.calls
            case .errors: return x.errors == y.errors ? nil : x.errors > y.errors
            case .name:
                if x.name == y.name { return nil }
                return x.name.utf8.lexicographicallyPrecedes(y.name.utf8)
            case .nothing: return nil
            }
        }
        return rows.sorted { a, b in before(a, b) ?? (a.number < b.number) }
    }

    func render(into buffer: inout TextBuffer) {
        let widths = columns.map(width)
        appendLine(into: &buffer, widths: widths) { column in column.heading }
        appendDashes(into: &buffer, widths: widths)
        for row in rows {
            appendLine(into: &buffer, widths: widths) { column in cell(column, row.tally, isTotal: false) }
        }
        appendDashes(into: &buffer, widths: widths)
        appendLine(into: &buffer, widths: widths) { column in cell(column, totals, isTotal: true) }
    }

    private func appendLine(into buffer: inout TextBuffer, widths: [Int], cellOf: (SummaryColumn) -> [UInt8]) {
        for (index, column) in columns.enumerated() {
            if index > 0 { buffer.append(byte: UInt8(ascii: " ")) }
            let text = cellOf(column)
            let padding = UInt8(ascii: " ")
            let missing = max(0, widths[index] - text.count)
            if column == .name {
                buffer.append(contentsOf: text)
                if index < columns.count - 1 { buffer.append(contentsOf: repeatElement(padding, count: missing)) }
            } else {
                buffer.append(contentsOf: repeatElement(padding, count: missing))
                buffer.append(contentsOf: text)
            }
        }
        buffer.endLine()
    }

    private func appendDashes(into buffer: inout TextBuffer, widths: [Int]) {
        for (index, width) in widths.enumerated() {
            if index > 0 { buffer.append(byte: UInt8(ascii: " ")) }
            buffer.append(contentsOf: repeatElement(UInt8(ascii: "-"), count: width))
        }
        buffer.endLine()
    }

    /// The column's width: its minimum, or more for wide values.
    private func width(_ column: SummaryColumn) -> Int {
        let all = rows.map(\.tally) + [totals]
        switch column {
        case .timePercent: return 6
        case .totalTime: return max(11, secondsWidth(totals.total))
        case .minTime: return max(8, secondsWidth(all.map(\.shortest).max() ?? 0))
        case .maxTime: return max(8, secondsWidth(totals.longest))
        case .averageTime: return max(11, decimalDigits(all.map(averageMicroseconds).max() ?? 0))
        case .calls: return max(9, decimalDigits(totals.calls))
        case .errors: return max(9, decimalDigits(totals.errors))
        case .name: return max(16, (rows.map(\.tally.name.utf8.count).max() ?? 0) + 1)
        }
    }

    private func cell(_ column: SummaryColumn, _ tally: SyscallTally, isTotal: Bool) -> [UInt8] {
        switch column {
        case .timePercent:
            if isTotal { return Array("100.00".utf8) }
            let share = totals.total == 0 ? 0 : 100.0 * seconds(tally.total) / seconds(totals.total)
            return formatted(share, fractionDigits: 2)
        case .totalTime: return formatted(seconds(tally.total), fractionDigits: 6)
        case .minTime: return formatted(seconds(tally.shortest), fractionDigits: 6)
        case .maxTime: return formatted(seconds(tally.longest), fractionDigits: 6)
        case .averageTime: return Array(String(averageMicroseconds(tally)).utf8)
        case .calls: return Array(String(tally.calls).utf8)
        case .errors: return tally.errors == 0 ? [] : Array(String(tally.errors).utf8)
        case .name: return Array(tally.name.utf8)
        }
    }
}

extension SummaryColumn {
    /// The column's heading in the table.
    var heading: [UInt8] {
        switch self {
        case .timePercent: Array("% time".utf8)
        case .totalTime: Array("seconds".utf8)
        case .minTime: Array("shortest".utf8)
        case .maxTime: Array("longest".utf8)
        case .averageTime: Array("usecs/call".utf8)
        case .calls: Array("calls".utf8)
        case .errors: Array("errors".utf8)
        case .name: Array("syscall".utf8)
        }
    }
}

/// Nanoseconds as a double number of seconds, whole seconds and the fraction converted apart, as
/// strace converts a timespec.
private func seconds(_ nanoseconds: UInt64) -> Double {
    Double(nanoseconds / 1_000_000_000) + Double(nanoseconds % 1_000_000_000) / 1e9
}

/// Width of a time printed with six decimals, from its whole seconds (`9.9999996` prints as
/// `10.000000` but counts as 8 wide, as in strace).
private func secondsWidth(_ nanoseconds: UInt64) -> Int {
    decimalDigits(nanoseconds / 1_000_000_000) + 7
}

private func averageMicroseconds(_ tally: SyscallTally) -> UInt64 {
    tally.calls == 0 ? 0 : tally.total / tally.calls / 1000
}

private func decimalDigits(_ value: UInt64) -> Int {
    var digits = 1
    var rest = value / 10
    while rest > 0 { digits += 1; rest /= 10 }
    return digits
}

/// `value` as C's `%.Nf` prints it (round half to even on the exact binary value).
private func formatted(_ value: Double, fractionDigits: Int32) -> [UInt8] {
    withUnsafeTemporaryAllocation(of: CChar.self, capacity: 400) { buffer in
        let count = withVaList([fractionDigits, value]) { vsnprintf(buffer.baseAddress!, 400, "%.*f", $0) }
        return (0..<Int(min(count, 399))).map { UInt8(bitPattern: buffer[$0]) }
    }
}
