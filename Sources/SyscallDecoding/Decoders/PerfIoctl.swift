/// perf event ioctls as strace prints them. Most pass a number, a descriptor or a flag
/// (Ioctl.swift's table); PERF_EVENT_IOC_QUERY_BPF passes struct perf_event_query_bpf, whose
/// length the caller gives (`{ids_len=16`) and whose program ids the kernel fills in;
/// PERF_EVENT_IOC_MODIFY_ATTRIBUTES passes struct perf_event_attr, printed as perf_event_open
/// prints it (PerfEvent.swift).
extension DecodeContext {
    /// The new attributes, at entry: the caller's size read first, as perf_event_open's entry
    /// keeps it for its printer.
    func printPerfModifiedAttributes(at address: UInt64, to out: inout Emitter) {
        guard address != 0 else { return out.name("NULL") }
        var context = self
        if let size = read(address &+ UInt64(layouts.perfEventAttr.attrSize.offset), count: 4) {
            context.slot.values = (UInt64(size.u32(0)), 1)
        } else {
            context.slot.values = (0, 0)
        }
        context.printPerfEventAttr(at: address, to: &out)
    }

    /// `{ids_len=16` at entry (the rest comes at exit).
    func printPerfQueryBpfEntry(at address: UInt64, to out: inout Emitter) {
        let layout = layouts.perfEventQueryBpf
        guard address != 0 else { return out.name("NULL") }
        guard let bytes = read(address, count: layout.size) else { return out.hex(address) }
        out.beginStruct()
        out.field("ids_len")
        out.uint(layout.idsLen.unsigned(in: bytes))
        out.suspendStruct()
    }

    /// `, ...}` after a failure; after success `, prog_cnt=1, ids=[42]}` (the ids the kernel wrote,
    /// at most ids_len of them).
    func printPerfQueryBpfExit(at address: UInt64, to out: inout Emitter) {
        let layout = layouts.perfEventQueryBpf
        guard address != 0, let bytes = read(address, count: layout.size) else { return }
        // The struct was opened by the entry half.
        out.resumeStruct()
        defer { out.endStruct() }
        guard returned != nil else { return out.abbreviated() }
        let count = min(layout.progCnt.unsigned(in: bytes), layout.idsLen.unsigned(in: bytes))
        out.field("prog_cnt")
        out.uint(layout.progCnt.unsigned(in: bytes))
        out.field("ids")
        out.beginArray()
        for index in 0..<Int(count) {
            guard out.element(index) else { break }
            let id = address &+ UInt64(layout.size + 4 * index)
            guard let value = read(id, count: 4) else {
                out.hex(id)
                break
            }
            out.uint(UInt64(value.u32(0)))
        }
        out.endArray()
    }
}
