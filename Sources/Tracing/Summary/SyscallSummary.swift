import SyscallDecoding
import SyscallTables

/// `-c` / `-C`: counts, errors and times of every finished syscall, per ABI, for the table printed
/// at the end (`SummaryTable`). One recorder serves all the traced processes (strace keeps one
/// table for all of them with `-f`).
///
/// The session calls `record` once per finished syscall; a call is a few additions into a slot
/// indexed by ABI and syscall number, allocated once per ABI.
public struct SyscallSummary: Sendable {
    public let options: SummaryOptions
    private let overhead: UInt64
    /// `tallies[abi][number]`, ABIs in the order their tables print (see `SummaryABI`).
    private var tallies: [[SyscallTally]] = Array(repeating: [], count: SummaryABI.allCases.count)

    public init(options: SummaryOptions = SummaryOptions()) {
        self.options = options
        overhead = options.overheadNanoseconds
    }

    /// Counts one finished syscall. `nanoseconds` is what it cost: the tracee's system CPU time
    /// between its entry and exit stops, or with `-w` the monotonic time between them; `-O` is
    /// subtracted here (never below zero). `failed`: the call returned an error (-4095...-1).
    public mutating func record(arch: SyscallArch, number: UInt64, name: String, failed: Bool, nanoseconds: UInt64) {
        let abi = SummaryABI(arch).rawValue
        let slot = Int(truncatingIfNeeded: number)
        guard number <= UInt64(Int32.max) else { return }  // no real table reaches this; keeps the index sane
        if slot >= tallies[abi].count { grow(abi: abi, arch: arch, toInclude: slot) }
        let time = nanoseconds > overhead ? nanoseconds - overhead : 0
        tallies[abi][slot].add(time: time, failed: failed, name: name)
    }

    /// True until a syscall is recorded: strace prints nothing at all then.
    public var isEmpty: Bool { tallies.allSatisfy { $0.allSatisfy { $0.calls == 0 } } }

    /// The syscalls counted for one ABI, in number order (the rows before sorting).
    func rows(of abi: SummaryABI) -> [SummaryRow] {
        tallies[abi.rawValue].enumerated().compactMap { number, tally in
            tally.calls == 0 ? nil : SummaryRow(number: number, tally: tally)
        }
    }

    /// strace's summary: one table per ABI that made calls, 64-bit first.
    public func render(into buffer: inout TextBuffer) {
        for abi in SummaryABI.allCases {
            let rows = rows(of: abi)
            if rows.isEmpty { continue }
            if let heading = abi.heading {
                buffer.append(heading)
                buffer.endLine()
            }
            SummaryTable(rows: rows, options: options).render(into: &buffer)
        }
    }

    /// The summary's bytes; empty when nothing was recorded.
    public func render() -> [UInt8] {
        var buffer = TextBuffer(capacity: 4096)
        render(into: &buffer)
        return buffer.bytes
    }

    /// Makes room for syscall `slot` of `abi`: the whole table of the ABI at once, so that this
    /// happens once per ABI (numbers past the table, which strace does not count, grow it again).
    private mutating func grow(abi: Int, arch: SyscallArch, toInclude slot: Int) {
        let tableSize = SyscallTable.forArch(arch).names.count
        let size = max(slot + 1, tableSize)
        tallies[abi].append(contentsOf: repeatElement(SyscallTally(), count: size - tallies[abi].count))
    }
}

/// The ABIs strace keeps apart in its summary ("personalities"), in the order it prints them.
enum SummaryABI: Int, CaseIterable {
    case native = 0
    case compat32 = 1

    init(_ arch: SyscallArch) {
        switch arch {
        case .x86_64, .aarch64: self = .native
        case .i386: self = .compat32
        }
    }

    /// The line strace prints above this ABI's table (none for the native one).
    var heading: StaticString? {
        switch self {
        case .native: nil
        case .compat32: "System call usage summary for 32 bit mode:"
        }
    }
}

/// One syscall's totals.
struct SyscallTally: Sendable, Equatable {
    var calls: UInt64 = 0
    var errors: UInt64 = 0
    /// Nanoseconds, summed.
    var total: UInt64 = 0
    var shortest: UInt64 = .max
    var longest: UInt64 = 0
    var name = ""

    mutating func add(time: UInt64, failed: Bool, name: String) {
        if calls == 0 { self.name = name }
        calls += 1
        if failed { errors += 1 }
        total &+= time
        shortest = min(shortest, time)
        longest = max(longest, time)
    }
}

/// A syscall with calls, as the table shows it.
struct SummaryRow: Sendable, Equatable {
    var number: Int
    var tally: SyscallTally
}
