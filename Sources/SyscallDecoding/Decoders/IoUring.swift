/// io_uring as strace prints it: io_uring_setup's params (what the caller sets at entry, what
/// the kernel fills in at exit: sizes, features and the ring offsets), io_uring_enter's flags and
/// signal mask, io_uring_register's operation and its argument as strace 6.1 decodes it
/// (operations it does not name, SYNC_CANCEL and FILE_ALLOC_RANGE among them, print the address).
/// The io_uring structs have no pointer or long: one layout for every ABI, written here.
extension SyscallCatalog {
    static let ioUring: [String: SyscallSignature] = [
        "io_uring_setup": .init(count: 2, decoder: .ioUringSetup),
        "io_uring_enter": .init(.fd, .uint, .uint, .flags("ioringEnterFlags", \.ioringEnterFlags, unknown: "IORING_ENTER_???"),
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
        // What the caller sets, at entry; the exit goes on with what the kernel fills in.
        out.beginStruct()
        out.field("flags")
        out.flags(UInt64(bytes.u32(8)), context.constants.ioringSetupFlags, unknown: "IORING_SETUP_???")
        out.field("sq_thread_cpu")
        out.uint(UInt64(bytes.u32(12)))
        out.field("sq_thread_idle")
        out.uint(UInt64(bytes.u32(16)))
        out.suspendStruct()
    }, exit: { context, out in
        let address = context.word(1)
        guard address != 0, let bytes = context.read(address, count: 120) else { return }
        out.resumeStruct()
        defer { out.endStruct() }
        guard context.returned != nil else { return }
        out.field("sq_entries")
        out.uint(UInt64(bytes.u32(0)))
        out.field("cq_entries")
        out.uint(UInt64(bytes.u32(4)))
        out.field("features")
        out.flags(UInt64(bytes.u32(20)), context.constants.ioringFeatures)
        out.field("sq_off")
        printOffsets(bytes, at: 40, ["head", "tail", "ring_mask", "ring_entries", "flags", "dropped", "array"], to: &out)
        out.field("cq_off")
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

    /// io_uring_register: the ring, the operation, its argument as the operation's struct or
    /// array, and the count. PROBE and IOWQ_MAX_WORKERS print their argument at exit: what the
    /// kernel wrote is what they are for.
    static let ioUringRegister = CallDecoder(entry: { context, out in
        out.fd(context.int32(0))
        out.raw(", ")
        let code = UInt64(UInt32(truncatingIfNeeded: context.call.args[1]))
        out.constant(code, context.constants.ioringRegisterOperations, unknown: "IORING_REGISTER_???")
        out.raw(", ")
        let operation = IoUringRegisterOperation(context)
        switch operation {
        case .probe:
            return
        case .maxWorkers:
            // The caller's limits, kept for the exit's `[...] => [...]` (the kernel overwrites them).
            context.slot.values = context.ioWorkerLimits(at: context.word(2))
            return
        default:
            context.printIoUringRegisterArgument(operation, to: &out)
            out.raw(", ")
            out.uint(context.word(3) & 0xffff_ffff)
        }
    }, exit: { context, out in
        let operation = IoUringRegisterOperation(context)
        switch operation {
        case .probe, .maxWorkers:
            context.printIoUringRegisterArgument(operation, to: &out)
            out.raw(", ")
            out.uint(context.word(3) & 0xffff_ffff)
        default:
            return
        }
    })
}

/// The io_uring_register operations whose argument strace 6.1 decodes; `.address` for the rest.
enum IoUringRegisterOperation {
    case buffers, descriptors, filesUpdate, probe, restrictions, rsrcRegister(files: Bool)
    case rsrcUpdate(files: Bool), iowqAffinity, maxWorkers, registerRingFds, unregisterRingFds, bufferRing
    case address

    init(_ context: DecodeContext) {
        let code = UInt64(UInt32(truncatingIfNeeded: context.call.args[1]))
        guard let name = context.constants.ioringRegisterOperations.name(of: code) else {
            self = .address
            return
        }
        for (known, operation) in Self.byName where sameName(known, name) {
            self = operation
            return
        }
        self = .address
    }

    private static let byName: [(StaticString, IoUringRegisterOperation)] = [
        ("IORING_REGISTER_BUFFERS", .buffers), ("IORING_REGISTER_FILES", .descriptors),
        ("IORING_REGISTER_EVENTFD", .descriptors), ("IORING_REGISTER_EVENTFD_ASYNC", .descriptors),
        ("IORING_REGISTER_FILES_UPDATE", .filesUpdate), ("IORING_REGISTER_PROBE", .probe),
        ("IORING_REGISTER_RESTRICTIONS", .restrictions), ("IORING_REGISTER_FILES2", .rsrcRegister(files: true)),
        ("IORING_REGISTER_BUFFERS2", .rsrcRegister(files: false)),
        ("IORING_REGISTER_FILES_UPDATE2", .rsrcUpdate(files: true)),
        ("IORING_REGISTER_BUFFERS_UPDATE", .rsrcUpdate(files: false)), ("IORING_REGISTER_IOWQ_AFF", .iowqAffinity),
        ("IORING_REGISTER_IOWQ_MAX_WORKERS", .maxWorkers), ("IORING_REGISTER_RING_FDS", .registerRingFds),
        ("IORING_UNREGISTER_RING_FDS", .unregisterRingFds), ("IORING_REGISTER_PBUF_RING", .bufferRing),
        ("IORING_UNREGISTER_PBUF_RING", .bufferRing),
    ]
}

// The io_uring structs are made of fixed-size fields (`__aligned_u64` for pointers): one layout
// for every ABI, their offsets written below.
private let filesUpdateSize = 16, rsrcRegisterSize = 32, rsrcUpdate2Size = 32, rsrcUpdateSize = 16
private let probeMaxOperations = 256
private let probeHeaderSize = 16, probeOpSize = 8, restrictionSize = 16, bufferRegSize = 40

extension DecodeContext {
    fileprivate func printIoUringRegisterArgument(_ operation: IoUringRegisterOperation, to out: inout Emitter) {
        let address = word(2), count = word(3) & 0xffff_ffff
        switch operation {
        case .address:
            out.pointer(address)
        case .buffers:
            printIovecArray(at: address, count: count, data: .addresses, to: &out)
        case .descriptors:
            guard address != 0 else { return out.name("NULL") }
            printDescriptorArray(at: address, count: Int(count), to: &out)
        case .filesUpdate:
            printFilesUpdate(at: address, count: Int(count), to: &out)
        case .probe:
            printProbe(at: address, count: Int(count), to: &out)
        case .restrictions:
            printRecords(at: address, count: Int(count), size: restrictionSize, to: &out) { record, out in
                printRestriction(record, to: &out)
            }
        case .rsrcRegister(let files):
            printSizedStruct(at: address, size: Int(count), structSize: rsrcRegisterSize, to: &out) { bytes, out in
                out.field("nr")
                out.uint(UInt64(bytes.u32(0)))
                out.field("flags")
                out.flags(UInt64(bytes.u32(4)), constants.ioringRsrcRegisterFlags, unknown: "IORING_RSRC_REGISTER_???")
                printReserved("resv2", bytes.u64(8), to: &out)
                printResources(data: bytes.u64(16), tags: bytes.u64(24), count: Int(bytes.u32(0)), files: files, to: &out)
            }
        case .rsrcUpdate(let files):
            printSizedStruct(at: address, size: Int(count), structSize: rsrcUpdate2Size, to: &out) { bytes, out in
                out.field("offset")
                out.uint(UInt64(bytes.u32(0)))
                printReserved("resv", UInt64(bytes.u32(4)), to: &out)
                printResources(data: bytes.u64(8), tags: bytes.u64(16), count: Int(bytes.u32(24)), files: files, to: &out)
                out.field("nr")
                out.uint(UInt64(bytes.u32(24)))
                printReserved("resv2", UInt64(bytes.u32(28)), to: &out)
            }
        case .iowqAffinity:
            guard address != 0 else { return out.name("NULL") }
            printCPUMask(at: address, bytes: Int(count), to: &out)
        case .maxWorkers:
            printWorkerLimits(at: address, count: Int(count), to: &out)
        case .registerRingFds, .unregisterRingFds:
            let registers = if case .registerRingFds = operation { true } else { false }
            printRecords(at: address, count: Int(count), size: rsrcUpdateSize, to: &out) { record, out in
                out.beginStruct()
                out.field("offset")
                let offset = record.u32(0)
                // Registering, -1 asks the kernel for any free slot.
                if registers && offset == UInt32.max { out.int(-1) } else { out.uint(UInt64(offset)) }
                printReserved("resv", UInt64(record.u32(4)), to: &out)
                let data = record.u64(8)
                if registers {
                    out.field("data")
                    out.fd(Int32(truncatingIfNeeded: data))
                } else if data != 0 {
                    out.field("data")
                    out.hex(data)
                }
                out.endStruct()
            }
        case .bufferRing:
            guard address != 0 else { return out.name("NULL") }
            guard let bytes = read(address, count: bufferRegSize) else { return out.hex(address) }
            out.beginStruct()
            out.field("ring_addr")
            out.hex(bytes.u64(0))
            out.field("ring_entries")
            out.uint(UInt64(bytes.u32(8)))
            out.field("bgid")
            out.uint(UInt64(bytes.u16(12)))
            printReserved("pad", UInt64(bytes.u16(14)), to: &out)
            printReservedArray("resv", bytes, at: 16, count: 3, size: 8, to: &out)
            out.endStruct()
        }
    }

    /// `{offset=1, fds=[0, 1]}`: struct io_uring_files_update and `count` descriptors.
    private func printFilesUpdate(at address: UInt64, count: Int, to out: inout Emitter) {
        guard address != 0 else { return out.name("NULL") }
        guard let bytes = read(address, count: filesUpdateSize) else { return out.hex(address) }
        out.beginStruct()
        out.field("offset")
        out.uint(UInt64(bytes.u32(0)))
        printReserved("resv", UInt64(bytes.u32(4)), to: &out)
        out.field("fds")
        let fds = truncate(bytes.u64(8))
        if fds == 0 { out.name("NULL") } else { printDescriptorArray(at: fds, count: count, to: &out) }
        out.endStruct()
    }

    /// struct io_uring_probe at exit: the last operation the kernel knows, how many it described,
    /// and each (`{op=IORING_OP_READV, flags=IO_URING_OP_SUPPORTED}`): as many as it described
    /// after a success, all `count` the caller passed after a failure.
    private func printProbe(at address: UInt64, count: Int, to out: inout Emitter) {
        guard address != 0 else { return out.name("NULL") }
        // More operations than ops_len (a byte) can count: the kernel refuses them unread.
        guard count <= probeMaxOperations, let header = read(address, count: probeHeaderSize) else {
            return out.hex(address)
        }
        let operations = constants.ioringOperations
        out.beginStruct()
        out.field("last_op")
        printDecimalConstant(UInt64(header[0]), operations, unknown: "IORING_OP_???", to: &out)
        out.field("ops_len")
        out.uint(UInt64(header[1]))
        printReserved("resv", UInt64(header.u16(2)), to: &out)
        printReservedArray("resv2", header, at: 4, count: 3, size: 4, to: &out)
        out.field("ops")
        let shown = returned != nil ? min(count, Int(header[1])) : count
        printRecords(at: address &+ UInt64(probeHeaderSize), count: shown, size: probeOpSize, to: &out) { op, out in
            out.beginStruct()
            out.field("op")
            printDecimalConstant(UInt64(op[0]), operations, unknown: "IORING_OP_???", to: &out)
            printReserved("resv", UInt64(op[1]), to: &out)
            out.field("flags")
            out.flags(UInt64(op.u16(2)), constants.ioringProbeOpFlags, unknown: "IO_URING_OP_???")
            printReserved("resv2", UInt64(op.u32(4)), to: &out)
            out.endStruct()
        }
        out.endStruct()
    }

    /// struct io_uring_restriction: the opcode, then the member it selects.
    private func printRestriction(_ record: UnsafeRawBufferPointer, to out: inout Emitter) {
        let opcode = UInt64(record.u16(0)), value = UInt64(record[2])
        let opcodes = constants.ioringRestrictionOpcodes
        out.beginStruct()
        out.field("opcode")
        out.constant(opcode, opcodes, unknown: "IORING_RESTRICTION_???")
        let name = opcodes.name(of: opcode)
        if let name, sameName(name, "IORING_RESTRICTION_REGISTER_OP") {
            out.field("register_op")
            out.constant(value, constants.ioringRegisterOperations, unknown: "IORING_REGISTER_???")
        } else if let name, sameName(name, "IORING_RESTRICTION_SQE_OP") {
            out.field("sqe_op")
            out.constant(value, constants.ioringOperations, unknown: "IORING_OP_???")
        } else if name != nil {
            out.field("sqe_flags")
            out.flags(value, constants.ioringSqeFlags, unknown: "IOSQE_???")
        } else {
            // An opcode the kernel does not know: the byte it would select, in a comment.
            out.beginComment()
            out.raw("op: ")
            out.hex(value)
            out.endComment()
        }
        printReserved("resv", UInt64(record[3]), to: &out)
        printReservedArray("resv2", record, at: 4, count: 3, size: 4, to: &out)
        out.endStruct()
    }

    /// `data=[...], tags=[0x1, 0x2]`: descriptors or buffers, and their tags; NULL for 0.
    private func printResources(data: UInt64, tags: UInt64, count: Int, files: Bool, to out: inout Emitter) {
        out.field("data")
        let data = truncate(data), tags = truncate(tags)
        if data == 0 {
            out.name("NULL")
        } else if files {
            printDescriptorArray(at: data, count: count, to: &out)
        } else {
            printIovecArray(at: data, count: UInt64(count), data: .addresses, to: &out)
        }
        out.field("tags")
        if tags == 0 { return out.name("NULL") }
        printRecords(at: tags, count: count, size: 8, to: &out) { tag, out in out.hex(tag.u64(0)) }
    }

    /// A struct whose size the caller passes: its address when smaller than the struct; when
    /// larger, the struct then the bytes beyond it if any is set (`/* bytes 32..39 */ "\x01..."`).
    private func printSizedStruct(at address: UInt64, size: Int, structSize: Int, to out: inout Emitter,
                                  _ fields: (UnsafeRawBufferPointer, inout Emitter) -> Void) {
        guard address != 0 else { return out.name("NULL") }
        guard size >= structSize, let bytes = read(address, count: structSize) else { return out.hex(address) }
        out.beginStruct()
        fields(bytes, &out)
        if size > structSize {
            let extra = readPrefix(address &+ UInt64(structSize), count: min(size, ioUringExtraLimit) - structSize)
            if extra.contains(where: { $0 != 0 }) {
                out.element()
                let shown = min(extra.count, options.stringLimit)
                out.bytesBeyondStruct(from: structSize, through: size - 1, UnsafeRawBufferPointer(rebasing: extra[0..<shown]),
                                      truncated: shown < size - structSize)
            }
        }
        out.endStruct()
    }

    /// `[{...}, {...}]`: `count` records of `size` bytes, at most `-s` of them; the address when
    /// the first is unreadable.
    private func printRecords(at address: UInt64, count: Int, size: Int, to out: inout Emitter,
                              _ record: (UnsafeRawBufferPointer, inout Emitter) -> Void) {
        guard address != 0 else { return out.name("NULL") }
        let shown = min(count, out.arrayLimit, DecodeArena.capacity / 2 / size)
        guard let bytes = read(address, count: size * max(shown, count > 0 ? 1 : 0)) else { return out.hex(address) }
        out.beginArray()
        for index in 0..<count {
            guard out.element(index) else { break }
            record(UnsafeRawBufferPointer(rebasing: bytes[index * size..<(index + 1) * size]), &out)
        }
        out.endArray()
    }

    /// A name, or an unknown value in decimal with its comment (`62 /* IORING_OP_??? */`).
    private func printDecimalConstant(_ value: UInt64, _ table: ConstantTable, unknown: StaticString,
                                      to out: inout Emitter) {
        guard table.name(of: value) == nil else { return out.constant(value, table) }
        out.uint(value)
        guard out.constantStyle != .raw else { return }
        out.beginComment()
        out.name(unknown)
        out.endComment()
    }

    /// A reserved field, shown only when set: `resv=0x5`.
    private func printReserved(_ name: StaticString, _ value: UInt64, to out: inout Emitter) {
        guard value != 0 else { return }
        out.field(name)
        out.hex(value)
    }

    /// A reserved array, shown only when any of it is set: `resv2=[0, 0x2, 0]`.
    private func printReservedArray(_ name: StaticString, _ bytes: UnsafeRawBufferPointer, at offset: Int, count: Int,
                                    size: Int, to out: inout Emitter) {
        let field = { (index: Int) in FieldLayout(offset: offset + index * size, size: size).unsigned(in: bytes) }
        guard (0..<count).contains(where: { field($0) != 0 }) else { return }
        out.field(name)
        out.beginArray()
        for index in 0..<count {
            out.element()
            out.hex(field(index))
        }
        out.endArray()
    }

    /// IOWQ_MAX_WORKERS' two limits as the caller passed them (and 1 when they were readable).
    fileprivate func ioWorkerLimits(at address: UInt64) -> (UInt64, UInt64) {
        guard let bytes = read(address, count: 8) else { return (0, 0) }
        return (bytes.u64(0), 1)
    }

    /// `[[IO_WQ_BOUND]=4, [IO_WQ_UNBOUND]=96365] => [...]`: the limits the caller passed, then
    /// after a success the ones the kernel had (it writes them back), after a failure the address.
    private func printWorkerLimits(at address: UInt64, count: Int, to out: inout Emitter) {
        guard address != 0 else { return out.name("NULL") }
        let shown = min(count, out.arrayLimit)
        guard let now = read(address, count: 4 * max(shown, count > 0 ? 1 : 0)) else { return out.hex(address) }
        if let _ = returned, count == 2, slot.values.1 == 1 {
            var before = slot.values.0
            withUnsafeBytes(of: &before) { printLimits($0, count: 2, to: &out) }
            out.changed()
            printLimits(now, count: count, to: &out)
        } else {
            // Failed: the kernel wrote nothing, so the memory still holds what the caller passed.
            printLimits(now, count: count, to: &out)
            out.changed()
            out.hex(address)
        }
    }

    private func printLimits(_ bytes: UnsafeRawBufferPointer, count: Int, to out: inout Emitter) {
        out.beginArray()
        for index in 0..<count {
            guard out.element(index) else { break }
            out.beginIndexedElement()
            printDecimalConstant(UInt64(index), constants.ioWqCategories, unknown: "IO_WQ_???", to: &out)
            out.indexedValue()
            out.uint(UInt64(bytes.u32(4 * index)))
            out.endIndexedElement()
        }
        out.endArray()
    }
}

/// The most bytes beyond a sized struct read to tell whether any is set.
private let ioUringExtraLimit = 4096

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
