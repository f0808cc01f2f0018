/// io_uring as strace prints it: io_uring_setup's params (what the caller sets at entry, what
/// the kernel fills in at exit: sizes, features and the ring offsets), io_uring_enter's flags and
/// signal mask, io_uring_register's operation (and the descriptors IORING_REGISTER_FILES takes).
/// struct io_uring_params has no pointer or long: one layout for every ABI, written here.
extension SyscallCatalog {
    static let ioUring: [String: SyscallSignature] = [
        "io_uring_setup": .init(count: 2, decoder: .ioUringSetup),
        "io_uring_enter": .init(.fd, .uint, .uint, .flags("ioringEnterFlags", \.ioringEnterFlags),
                                .kernelSigset(sizeArg: 5), .ulong),
        "io_uring_register": .init(count: 4, decoder: .ioUringRegister),
    ]
}

extension CallDecoder {
    static let ioUringSetup = CallDecoder(entry: { context, out in
        out.uint(context.word(0) & 0xffff_ffff)
        out.raw(", ")
        let address = context.word(1)
        guard address != 0 else { return out.name("NULL") }
        guard let bytes = context.read(address, count: 120) else { return out.hex(address) }
        out.raw("{flags=")
        out.flags(UInt64(bytes.u32(8)), context.constants.ioringSetupFlags, unknown: "IORING_SETUP_???")
        out.raw(", sq_thread_cpu=")
        out.uint(UInt64(bytes.u32(12)))
        out.raw(", sq_thread_idle=")
        out.uint(UInt64(bytes.u32(16)))
    }, exit: { context, out in
        let address = context.word(1)
        guard address != 0, let bytes = context.read(address, count: 120) else { return }
        defer { out.raw("}") }
        guard context.returned != nil else { return }
        out.raw(", sq_entries=")
        out.uint(UInt64(bytes.u32(0)))
        out.raw(", cq_entries=")
        out.uint(UInt64(bytes.u32(4)))
        out.raw(", features=")
        out.flags(UInt64(bytes.u32(20)), context.constants.ioringFeatures)
        out.raw(", sq_off=")
        printOffsets(bytes, at: 40, ["head", "tail", "ring_mask", "ring_entries", "flags", "dropped", "array"], to: &out)
        out.raw(", cq_off=")
        printOffsets(bytes, at: 80, ["head", "tail", "ring_mask", "ring_entries", "overflow", "cqes", "flags"], to: &out)
    })

    /// `{head=0, tail=4, ...}`: consecutive u32 offsets into a ring.
    private static func printOffsets(_ bytes: UnsafeRawBufferPointer, at offset: Int, _ names: [StaticString],
                                     to out: inout Emitter) {
        out.beginStruct()
        for (index, name) in names.enumerated() {
            out.field(name)
            out.uint(UInt64(bytes.u32(offset + 4 * index)))
        }
        out.endStruct()
    }

    static let ioUringRegister = CallDecoder(entry: { context, out in
        out.fd(context.int32(0))
        out.raw(", ")
        let operation = UInt64(UInt32(truncatingIfNeeded: context.call.args[1]))
        let operations = context.constants.ioringRegisterOperations
        out.constant(operation, operations, unknown: "IORING_REGISTER_???")
        out.raw(", ")
        let address = context.word(2), count = context.word(3) & 0xffff_ffff
        if let name = operations.name(of: operation), sameName(name, "IORING_REGISTER_FILES"), address != 0 {
            context.printDescriptorArray(at: address, count: Int(count), to: &out)
        } else {
            out.pointer(address)
        }
        out.raw(", ")
        out.uint(count)
    })
}

extension DecodeContext {
    /// `[0</dev/null>, 1<pipe:[12345]>]`: `count` descriptors, at most `-s` of them.
    func printDescriptorArray(at address: UInt64, count: Int, to out: inout Emitter) {
        guard let bytes = read(address, count: 4 * min(count, options.stringLimit)) else { return out.hex(address) }
        out.beginArray()
        for index in 0..<count {
            guard out.element(index) else { break }
            out.fd(Int32(bitPattern: bytes.u32(4 * index)))
        }
        out.endArray()
    }
}
