/// i386's calls whose 64-bit offsets and lengths take two registers, printed as strace prints
/// them: the two halves joined into one number, the later arguments shifted left (so the line
/// has fewer arguments than the call has registers). _llseek passes its offset high half first.
extension SyscallCatalog {
    static let i386SplitOffsets: [String: SyscallSignature] = [
        "_llseek": .init(count: 5, decoder: .llseek),
        "truncate64": .init(count: 3, decoder: CallDecoder(entry: { context, out in
            context.printCString(at: context.word(0), limit: pathLimit, to: &out)
            out.raw(", ")
            out.uint(UInt64(bitPattern: context.splitOffset(low: 1)))
        })),
        "ftruncate64": .init(count: 3, decoder: CallDecoder(entry: { context, out in
            out.fd(context.int32(0))
            out.raw(", ")
            out.uint(UInt64(bitPattern: context.splitOffset(low: 1)))
        })),
        "pread64": .init(count: 5, decoder: CallDecoder(entry: { context, out in
            out.fd(context.int32(0))
            out.raw(", ")
        }, exit: { context, out in
            if let count = context.returned, count >= 0 {
                context.printBuffer(at: context.word(1), length: UInt64(count), to: &out)
            } else {
                out.pointer(context.word(1))
            }
            out.raw(", ")
            out.uint(context.word(2))
            out.raw(", ")
            out.int(context.splitOffset(low: 3))
        })),
        "pwrite64": .init(count: 5, decoder: CallDecoder(entry: { context, out in
            out.fd(context.int32(0))
            out.raw(", ")
            context.printBuffer(at: context.word(1), length: context.word(2), to: &out)
            out.raw(", ")
            out.uint(context.word(2))
            out.raw(", ")
            out.int(context.splitOffset(low: 3))
        })),
        "readahead": .init(count: 4, decoder: CallDecoder(entry: { context, out in
            out.fd(context.int32(0))
            out.raw(", ")
            out.int(context.splitOffset(low: 1))
            out.raw(", ")
            out.uint(context.word(3))
        })),
        "fadvise64": .init(count: 5, decoder: CallDecoder(entry: { context, out in
            out.fd(context.int32(0))
            out.raw(", ")
            out.int(context.splitOffset(low: 1))
            out.raw(", ")
            out.uint(context.word(3))
            out.raw(", ")
            out.constant(context.word(4), context.constants.fadviseAdvice, unknown: "POSIX_FADV_???")
        })),
        "fadvise64_64": .init(count: 6, decoder: CallDecoder(entry: { context, out in
            out.fd(context.int32(0))
            out.raw(", ")
            out.int(context.splitOffset(low: 1))
            out.raw(", ")
            out.int(context.splitOffset(low: 3))
            out.raw(", ")
            out.constant(context.word(5), context.constants.fadviseAdvice, unknown: "POSIX_FADV_???")
        })),
    ]
}

extension CallDecoder {
    /// `_llseek(3, 1024, [1024], SEEK_SET)`: the offset (high register first), the position the
    /// kernel stores at exit, whence.
    static let llseek = CallDecoder(entry: { context, out in
        out.fd(context.int32(0))
        out.raw(", ")
        out.int(Int64(bitPattern: context.word(1) << 32 | context.word(2)))
        out.raw(", ")
    }, exit: { context, out in
        let address = context.word(3)
        if context.returned != nil, address != 0, let bytes = context.read(address, count: 8) {
            out.beginArray()
            out.element()
            out.int(Int64(bitPattern: bytes.u64(0)))
            out.endArray()
        } else {
            out.pointer(address)
        }
        out.raw(", ")
        out.constant(context.word(4), context.constants.seekWhence, unknown: "SEEK_???")
    })
}
