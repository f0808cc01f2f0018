// TEMPORARY: replaced by the filters helper's program builder at merge.
enum SeccompProgram {
    static func build(for filter: SyscallFilter) throws(FilterError) -> [UInt8] { throw FilterError("not built yet") }
}
