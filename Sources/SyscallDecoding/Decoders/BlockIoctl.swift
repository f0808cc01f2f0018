/// Block device ioctls' arguments as strace prints them: BLKDISCARD's range (`[4096, 8192]`),
/// BLKPG's request with its partition, BLKTRACESETUP's buffer settings and the name the kernel
/// gives the trace. The requests that pass or return one number are in Ioctl.swift's table.
extension DecodeContext {
    /// `[start, length]`: two 64-bit numbers (BLKDISCARD, BLKSECDISCARD, BLKZEROOUT).
    func printDiscardRange(at address: UInt64, to out: inout Emitter) {
        withStruct(at: address, size: 16, to: &out) { bytes, out in
            out.beginArray()
            out.element()
            out.uint(bytes.u64(0))
            out.element()
            out.uint(bytes.u64(8))
            out.endArray()
        }
    }

    /// `{op=BLKPG_ADD_PARTITION, flags=0, datalen=152, data={start=1, length=2, pno=3,
    /// devname="sda1", volname=""}}`.
    func printBlockPartitionRequest(at address: UInt64, to out: inout Emitter) {
        let layout = layouts.blkpgIoctlArg
        withStruct(at: address, size: layout.size, to: &out) { bytes, out in
            let operation = layout.op.unsigned(in: bytes)
            out.beginStruct()
            out.field("op")
            out.constant(operation, constants.blockPartitionOperations, unknown: "BLKPG_???")
            out.field("flags")
            out.int(layout.flags.signed(in: bytes))
            out.field("datalen")
            out.int(layout.datalen.signed(in: bytes))
            out.field("data")
            printBlockPartition(at: layout.data.unsigned(in: bytes), to: &out)
            out.endStruct()
        }
    }

    private func printBlockPartition(at address: UInt64, to out: inout Emitter) {
        let layout = layouts.blkpgPartition
        withStruct(at: address, size: layout.size, to: &out) { bytes, out in
            out.beginStruct()
            out.field("start")
            out.int(layout.start.signed(in: bytes))
            out.field("length")
            out.int(layout.length.signed(in: bytes))
            out.field("pno")
            out.int(layout.pno.signed(in: bytes))
            out.field("devname")
            printCharArray(bytes, layout.devname, to: &out)
            out.field("volname")
            printCharArray(bytes, layout.volname, to: &out)
            out.endStruct()
        }
    }

    /// BLKTRACESETUP at entry: `{act_mask=3, buf_size=4, buf_nr=5, start_lba=6, end_lba=7, pid=8`,
    /// the struct left open for the exit half (as strace splits it: the kernel writes back the
    /// name it gave the trace). NULL, or the address when unreadable.
    func printBlockTraceSetupEntry(at address: UInt64, to out: inout Emitter) {
        let layout = layouts.blkUserTraceSetup
        guard address != 0 else { return out.name("NULL") }
        guard let bytes = read(address, count: layout.size) else { return out.hex(address) }
        out.raw("{act_mask=")
        out.uint(layout.actMask.unsigned(in: bytes))
        out.raw(", buf_size=")
        out.uint(layout.bufSize.unsigned(in: bytes))
        out.raw(", buf_nr=")
        out.uint(layout.bufNr.unsigned(in: bytes))
        out.raw(", start_lba=")
        out.uint(layout.startLba.unsigned(in: bytes))
        out.raw(", end_lba=")
        out.uint(layout.endLba.unsigned(in: bytes))
        out.raw(", pid=")
        out.uint(layout.pid.unsigned(in: bytes))
    }

    /// BLKTRACESETUP at exit: `, name="loop0"}` after success (the trace's name, the device's),
    /// `}` after a failure; nothing when the entry half printed no struct.
    func printBlockTraceSetupExit(at address: UInt64, to out: inout Emitter) {
        let layout = layouts.blkUserTraceSetup
        guard address != 0, let bytes = read(address, count: layout.size) else { return }
        // The struct was opened by the entry half: its fields go on with plain separators.
        if returned != nil {
            out.raw(", name=")
            printCharArray(bytes, layout.name, to: &out)
        }
        out.raw("}")
    }

    /// A fixed-size char array as strace prints one: up to its NUL, or all but its last byte
    /// and `...` when it has none.
    func printCharArray(_ bytes: UnsafeRawBufferPointer, _ field: FieldLayout, to out: inout Emitter) {
        let array = bytes[field.offset..<field.offset + field.size]
        if let nul = array.firstIndex(of: 0) {
            out.bytes(array[field.offset..<nul])
        } else {
            out.bytes(array.dropLast(), truncated: true)
        }
    }
}
