/// The random device's RNDADDENTROPY as strace prints it: `{entropy_count=16, buf_size=8,
/// buf="abcdefg\0"}`, the buffer cut to `-s`. RNDGETENTCNT and RNDADDTOENTCNT pass one int
/// (Ioctl.swift's table).
extension DecodeContext {
    func printRandomPool(at address: UInt64, to out: inout Emitter) {
        let layout = layouts.randPoolInfo
        withStruct(at: address, size: layout.size, to: &out) { bytes, out in
            let size = layout.bufSize.signed(in: bytes)
            out.beginStruct()
            out.field("entropy_count")
            out.int(layout.entropyCount.signed(in: bytes))
            out.field("buf_size")
            out.int(size)
            out.field("buf")
            // The size as the kernel reads it: unsigned, so -1 is a long buffer cut to `-s`.
            printBuffer(at: address &+ UInt64(layout.size), length: UInt64(UInt32(truncatingIfNeeded: size)), to: &out)
            out.endStruct()
        }
    }
}
