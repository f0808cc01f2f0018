/// kcmp: whether two processes share a kernel resource. What the last two arguments are depends
/// on the type: descriptors (KCMP_FILE), a descriptor and an epoll slot (KCMP_EPOLL_TFD), nothing
/// for the rest; an unknown type shows them in hex.
extension SyscallCatalog {
    static let processComparison: [String: SyscallSignature] = [
        "kcmp": .init(count: 5, decoder: .kcmp),
    ]
}

extension CallDecoder {
    static let kcmp = CallDecoder(entry: { context, out in
        out.pid(Int64(context.int32(0)))
        out.raw(", ")
        out.pid(Int64(context.int32(1)))
        out.raw(", ")
        let type = UInt64(UInt32(truncatingIfNeeded: context.call.args[2]))
        let types = context.constants.kcmpTypes
        out.constant(type, types, unknown: "KCMP_???")
        guard let name = types.name(of: type) else {
            out.raw(", ")
            out.hex(context.word(3))
            out.raw(", ")
            return out.hex(context.word(4))
        }
        if sameName(name, "KCMP_FILE") {
            out.raw(", ")
            out.fd(context.int32(3))
            out.raw(", ")
            out.fd(context.int32(4))
        } else if sameName(name, "KCMP_EPOLL_TFD") {
            out.raw(", ")
            out.fd(context.int32(3))
            out.raw(", ")
            context.printEpollSlot(at: context.word(4), to: &out)
        }
    })
}

extension DecodeContext {
    /// struct kcmp_epoll_slot, three __u32: `{efd=3, tfd=4, toff=5}`.
    func printEpollSlot(at address: UInt64, to out: inout Emitter) {
        guard address != 0 else { return out.name("NULL") }
        guard let bytes = read(address, count: 12) else { return out.hex(address) }
        out.beginStruct()
        out.field("efd")
        out.fd(Int32(bitPattern: bytes.u32(0)))
        out.field("tfd")
        out.fd(Int32(bitPattern: bytes.u32(4)))
        out.field("toff")
        out.uint(UInt64(bytes.u32(8)))
        out.endStruct()
    }
}
