/// recvmmsg(2) as strace prints it: `recvmmsg(3, [{msg_hdr={...}, msg_len=3}, ...], 2,
/// MSG_DONTWAIT, {tv_sec=1, tv_nsec=0}) = 1 (left {tv_sec=0, tv_nsec=999998648})`: the messages
/// received (each message's data cut at its msg_len), the timeout as it was at entry (kept in
/// the call's slot: the kernel writes the time left over it) and that time left after the result.
extension CallDecoder {
    static func recvmmsg(time64: Bool) -> CallDecoder {
        CallDecoder(entry: { context, out in
            out.fd(context.int32(0))
            out.raw(", ")
            let timeout = context.word(4)
            if timeout != 0, let bytes = context.read(timeout, count: 2 * context.timespecFieldSize(time64: time64)) {
                let size = context.timespecFieldSize(time64: time64)
                context.slot.values = (UInt64(bitPattern: FieldLayout(offset: 0, size: size).signed(in: bytes)),
                                       UInt64(bitPattern: FieldLayout(offset: size, size: size).signed(in: bytes)))
            }
        }, exit: { context, out in
            let address = context.word(1)
            if let count = context.returned, count > 0, context.dereferences {
                context.printMessageVector(at: address, count: Int(count), received: true, to: &out)
            } else {
                out.pointer(address)
            }
            out.raw(", ")
            out.uint(UInt64(UInt32(truncatingIfNeeded: context.call.args[2])))
            out.raw(", ")
            out.flags(UInt64(UInt32(truncatingIfNeeded: context.call.args[3])), context.constants.messageFlags)
            out.raw(", ")
            let timeout = context.word(4)
            if timeout == 0 {
                out.name("NULL")
            } else if context.slot.isUsed {
                out.beginStruct()
                out.field("tv_sec")
                out.int(Int64(bitPattern: context.slot.values.0))
                out.field("tv_nsec")
                out.int(Int64(bitPattern: context.slot.values.1))
                out.endStruct()
            } else {
                out.hex(timeout)
            }
        })
    }
}

extension ReturnPrinter {
    /// The number of messages, and with a timeout the time left: `1 (left {tv_sec=0, ...})`.
    static func recvmmsgResult(time64: Bool) -> ReturnPrinter {
        ReturnPrinter("recvmmsgResult(\(time64))") { value, context, out in
            out.int(value)
            let timeout = context.word(4)
            guard timeout != 0, context.dereferences else { return }
            out.beginNote()
            out.element()
            out.label("left")
            context.printTimespec(at: timeout, time64: time64, to: &out)
            out.endNote()
        }
    }
}

extension DecodeContext {
    /// A timespec field's size: 8 for the time64 calls, else the word.
    func timespecFieldSize(time64: Bool) -> Int { time64 ? 8 : wordSize }

    /// `[{msg_hdr={...}, msg_len=3}, ...]`: `count` struct mmsghdr, at most `-s` of them; a
    /// received message shows only the msg_len bytes it got.
    func printMessageVector(at address: UInt64, count: Int, received: Bool, to out: inout Emitter) {
        let layout = layouts.mmsghdr
        out.beginArray()
        for index in 0..<count {
            if index >= options.stringLimit {
                out.abbreviated()
                break
            }
            let element = address &+ UInt64(index * layout.size)
            let length = read(element &+ UInt64(layout.msgLen.offset), count: 4).map { UInt64($0.u32(0)) }
            out.element()
            out.beginStruct()
            out.field("msg_hdr")
            printMessageHeader(at: element, dataLimit: received ? length : nil, offeredNameLength: nil, to: &out)
            out.field("msg_len")
            if let length { out.uint(length) }
            out.endStruct()
        }
        out.endArray()
    }
}
