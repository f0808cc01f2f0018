/// `struct iovec` arrays of readv/writev, vmsplice and process_vm_readv/writev:
/// `[{iov_base="abc", iov_len=3}, {iov_base=0x1000, iov_len=4}]`.
enum IovecData {
    /// Every buffer's contents, each cut to `-s` (what a writer passes in).
    case all
    /// The first `n` bytes over all the buffers (what a reader got back).
    case upTo(UInt64)
    /// Only the buffers' addresses (a failed read: nothing was filled).
    case addresses
}

extension ArgPrinter {
    /// Buffers the tracee passes in, their count in argument `count`.
    static func iovecsIn(count: Int) -> ArgPrinter {
        ArgPrinter("iovecsIn(\(count))", refersTo: count) { value, context, out in
            context.printIovecArray(at: context.truncate(value), count: context.word(count), data: .all, to: &out)
        }
    }

    /// readv's buffers, filled at exit with as many bytes as it returned (count in argument 2).
    static let iovecsOut = ArgPrinter("iovecsOut", phase: .exit, refersTo: 2) { value, context, out in
        context.printIovecArray(at: context.truncate(value), count: context.word(2), data: context.readData, to: &out)
    }
}

extension DecodeContext {
    /// What a reading call's buffers show at exit: the bytes it returned, or only addresses.
    var readData: IovecData {
        if let count = returned, count >= 0 { return .upTo(UInt64(count)) }
        return .addresses
    }

    /// At most `-s` elements when abbreviating (the emitter's array limit), then `...`; the
    /// array's address when its first element is unreadable, even when none is shown.
    func printIovecArray(at address: UInt64, count: UInt64, data: IovecData, to out: inout Emitter) {
        guard address != 0 else { return out.name("NULL") }
        let layout = layouts.iovec
        let shown = Int(min(count, UInt64(out.arrayLimit), UInt64(DecodeArena.capacity / 2 / layout.size)))
        guard let vector = read(address, count: layout.size * max(shown, count > 0 ? 1 : 0)) else { return out.hex(address) }
        var remaining: UInt64
        switch data {
        case .all, .addresses: remaining = UInt64.max
        case .upTo(let limit): remaining = limit
        }
        out.beginArray()
        for index in 0..<shown {
            let element = UnsafeRawBufferPointer(rebasing: vector[index * layout.size..<(index + 1) * layout.size])
            let base = layout.iovBase.unsigned(in: element)
            let length = layout.iovLen.unsigned(in: element)
            out.element()
            out.beginStruct()
            out.field("iov_base")
            if case .addresses = data {
                out.pointer(base)
            } else {
                let filled = min(length, remaining)
                printBuffer(at: base, length: filled, to: &out)
                remaining -= filled
            }
            out.field("iov_len")
            out.uint(length)
            out.endStruct()
        }
        if UInt64(shown) < count { out.abbreviated() }
        out.endArray()
    }
}
