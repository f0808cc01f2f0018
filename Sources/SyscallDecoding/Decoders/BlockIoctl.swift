/// Block device ioctls' arguments as strace prints them: BLKDISCARD's range (`[4096, 8192]`),
/// BLKPG's request with its partition, BLKTRACESETUP's buffer settings. The requests that pass
/// or return one number are in Ioctl.swift's table.
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

    /// BLKTRACESETUP at entry: `{act_mask=3, buf_size=4, buf_nr=5, start_lba=6, end_lba=7, pid=8}`.
    func printBlockTraceSetup(at address: UInt64, to out: inout Emitter) {
        let layout = layouts.blkUserTraceSetup
        withStruct(at: address, size: layout.size, to: &out) { bytes, out in
            out.beginStruct()
            out.field("act_mask")
            out.uint(layout.actMask.unsigned(in: bytes))
            out.field("buf_size")
            out.uint(layout.bufSize.unsigned(in: bytes))
            out.field("buf_nr")
            out.uint(layout.bufNr.unsigned(in: bytes))
            out.field("start_lba")
            out.uint(layout.startLba.unsigned(in: bytes))
            out.field("end_lba")
            out.uint(layout.endLba.unsigned(in: bytes))
            out.field("pid")
            out.uint(layout.pid.unsigned(in: bytes))
            out.endStruct()
        }
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
