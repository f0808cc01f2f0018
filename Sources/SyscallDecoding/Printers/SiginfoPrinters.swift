/// siginfo_t in syscall arguments (rt_sigtimedwait, rt_sigqueueinfo, waitid, pidfd_send_signal).
/// `SignalInfo` reads the 64-bit layout; an i386 siginfo is widened to it first.
extension ArgPrinter {
    static let siginfoIn = ArgPrinter("siginfoIn") { value, context, out in
        context.printSiginfo(at: context.truncate(value), to: &out)
    }
    static let siginfoOut = output("siginfoOut") { address, context, out in
        context.printSiginfo(at: address, to: &out)
    }
}

extension DecodeContext {
    func printSiginfo(at address: UInt64, to out: inout Emitter) {
        withStruct(at: address, size: SignalInfo.size, to: &out) { bytes, out in
            let info = SignalInfo(bytes: wordSize == 4 ? widenedSiginfo(bytes) : Array(bytes))
            // A queued value prints as two fields in syscall arguments.
            if info.code == -1 || info.code == -3 {
                out.beginStruct()
                out.field("si_signo")
                out.signal(info.signal)
                out.field("si_code")
                let code = UInt64(UInt32(bitPattern: info.code))
                if info.code == -1 {
                    out.styled(number: { $0.hex(code) }, decoded: { $0.name("SI_QUEUE") })
                } else {
                    out.styled(number: { $0.hex(code) }, decoded: { $0.name("SI_MESGQ") })
                }
                out.field("si_pid")
                out.int(Int64(info.int32(at: 16)))
                out.field("si_uid")
                out.uint(UInt64(info.uint32(at: 20)))
                out.field("si_int")
                out.int(Int64(info.int32(at: 24)))
                out.field("si_ptr")
                out.pointer(info.uint64(at: 24))
                out.endStruct()
            } else {
                out.signalInfo(info)
            }
        }
    }

    /// An i386 siginfo in the 64-bit layout: the union moves from offset 12 to 16, and its
    /// pointer-sized and clock_t members widen from 4 to 8 bytes.
    private func widenedSiginfo(_ bytes: UnsafeRawBufferPointer) -> [UInt8] {
        var wide = [UInt8](repeating: 0, count: SignalInfo.size)
        for index in 0..<12 { wide[index] = bytes[index] }
        func copy(_ from: Int, _ to: Int, _ count: Int) {
            for index in 0..<count { wide[to + index] = bytes[from + index] }
        }
        let signal = FieldLayout(offset: 0, size: 4).signed(in: bytes)
        let code = FieldLayout(offset: 8, size: 4).signed(in: bytes)
        if code > 0 && code != 0x80 && (signal == 4 || signal == 7 || signal == 8 || signal == 11) {
            copy(12, 16, 4)  // si_addr
        } else if code > 0 && signal == 17 {
            copy(12, 16, 12)  // pid, uid, status
            copy(24, 32, 4)  // utime
            copy(28, 40, 4)  // stime
        } else if code > 0 && signal == 29 {
            copy(12, 16, 4)  // band
            copy(16, 24, 4)  // fd
        } else if code > 0 && signal == 31 {
            copy(12, 16, 4)  // call address
            copy(16, 24, 8)  // syscall, arch
        } else {
            copy(12, 16, 12)  // pid or timer id, uid or overrun, value
        }
        return wide
    }
}
