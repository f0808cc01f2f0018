import SyscallTables
// TEMPORARY: replaced by the summary helper's recorder at merge.
final class SyscallSummary {
    init(options: SummaryOptions) {}
    func record(arch: SyscallArch, number: UInt64, name: String, failed: Bool, nanoseconds: UInt64) {}
    func render() -> [UInt8] { [] }
}
