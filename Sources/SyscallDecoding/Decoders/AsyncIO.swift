/// Linux native AIO (`<linux/aio_abi.h>`): io_setup's context at exit, io_submit's control
/// blocks (by command: the buffer as a string or iovec array, poll events, nothing for fsync),
/// io_cancel's block and the event it returns, io_getevents' events and timeout.
/// struct iocb and struct io_event are the same on every ABI (only __u64/__u32/__u16 fields,
/// padded by the kernel for that purpose), so their offsets are written here, as the kernel
/// fixes them for little-endian machines.
extension SyscallCatalog {
    static let asyncIO: [String: SyscallSignature] = [
        "io_setup": .init(.uint, .aioContextOut),
        "io_destroy": .init(.pointer),
        "io_submit": .init(.pointer, .long, .iocbPointers),
        "io_cancel": .init(.pointer, .iocbHeader, .ioEventOut),
        "io_getevents": .init(.pointer, .long, .long, .ioEventsOut, .timeoutAtExit(time64: false)),
        "io_pgetevents": .init(.pointer, .long, .long, .ioEventsOut, .timeoutAtExit(time64: false), .aioSigset),
        "io_pgetevents_time64": .init(.pointer, .long, .long, .ioEventsOut, .timeoutAtExit(time64: true), .aioSigset),
    ]
}

/// Offsets in struct iocb (64 bytes on every ABI).
private enum IocbField {
    static let data = 0, key = 8, rwFlags = 12, opcode = 16, reqprio = 18, fildes = 20
    static let buf = 24, nbytes = 32, offset = 40, flags = 56, resfd = 60
    static let size = 64
}

/// struct io_event: data, obj, res, res2, each 8 bytes.
private let ioEventSize = 32

extension ArgPrinter {
    /// io_setup's context, which the kernel writes: `[0x7f9b11d6d000]`.
    static let aioContextOut = ArgPrinter("aioContextOut", phase: .exit) { value, context, out in
        let address = context.truncate(value)
        guard context.returned == 0, address != 0, let bytes = context.read(address, count: 8) else {
            return out.pointer(address)
        }
        out.beginArray()
        out.element()
        out.hex(context.truncate(bytes.u64(0)))
        out.endArray()
    }

    /// io_submit's array of `nr` pointers to control blocks, each printed whole (NULL, or the
    /// address of one that cannot be read).
    static let iocbPointers = ArgPrinter("iocbPointers", refersTo: 1) { value, context, out in
        let address = context.truncate(value)
        let count = context.long(1)
        guard address != 0 else { return out.name("NULL") }
        guard count > 0 else {
            guard count == 0 else { return out.hex(address) }
            out.beginArray()
            return out.endArray()
        }
        let wordSize = UInt64(context.wordSize)
        guard context.dereferences, context.readWord(address) != nil else { return out.hex(address) }
        out.beginArray()
        for index in 0..<Int(min(count, Int64(Int32.max))) {
            guard let pointer = context.readWord(address &+ UInt64(index) &* wordSize) else { break }
            guard out.element(index) else { break }
            context.printIocb(at: pointer, headerOnly: false, to: &out)
        }
        out.endArray()
    }

    /// io_cancel's control block: only what identifies it.
    static let iocbHeader = ArgPrinter("iocbHeader") { value, context, out in
        context.printIocb(at: context.truncate(value), headerOnly: true, to: &out)
    }

    /// io_cancel's result: the event of the cancelled block when the call succeeded.
    static let ioEventOut = ArgPrinter("ioEventOut", phase: .exit) { value, context, out in
        let address = context.truncate(value)
        guard context.returned == 0, address != 0, let bytes = context.read(address, count: ioEventSize) else {
            return out.pointer(address)
        }
        DecodeContext.printIoEvent(bytes, to: &out)
    }

    /// io_getevents' events: as many as it returned.
    static let ioEventsOut = ArgPrinter("ioEventsOut", phase: .exit) { value, context, out in
        let address = context.truncate(value)
        guard let count = context.returned, count >= 0, address != 0 else { return out.pointer(address) }
        let shown = Int(min(count, Int64(out.arrayLimit)))
        guard let bytes = context.read(address, count: max(shown, 1) * ioEventSize) else {
            if count == 0 {
                out.beginArray()
                return out.endArray()
            }
            return out.hex(address)
        }
        out.beginArray()
        for index in 0..<Int(count) {
            guard out.element(index) else { break }
            DecodeContext.printIoEvent(UnsafeRawBufferPointer(rebasing: bytes[index * ioEventSize..<(index + 1) * ioEventSize]), to: &out)
        }
        out.endArray()
    }

    /// A timeout printed after arguments that print at exit (io_getevents' events).
    static func timeoutAtExit(time64: Bool) -> ArgPrinter {
        ArgPrinter("timeoutAtExit(\(time64))", phase: .exit) { value, context, out in
            context.printTimespec(at: context.truncate(value), time64: time64, to: &out)
        }
    }

    /// io_pgetevents' struct __aio_sigset: `{sigmask=[USR1], sigsetsize=8}`.
    static let aioSigset = ArgPrinter("aioSigset", phase: .exit) { value, context, out in
        let address = context.truncate(value)
        let size = context.wordSize
        guard address != 0 else { return out.name("NULL") }
        guard let bytes = context.read(address, count: 2 * size) else { return out.hex(address) }
        let mask = FieldLayout(offset: 0, size: size).unsigned(in: bytes)
        let maskSize = FieldLayout(offset: size, size: size).unsigned(in: bytes)
        out.beginStruct()
        out.field("sigmask")
        if maskSize >= UInt64(size), maskSize <= 8 {
            context.printSigset(at: mask, size: Int(maskSize), to: &out)
        } else {
            out.pointer(mask)
        }
        out.field("sigsetsize")
        out.uint(maskSize)
        out.endStruct()
    }
}

extension DecodeContext {
    /// `{aio_data=0x1234, aio_lio_opcode=IOCB_CMD_PWRITE, aio_fildes=1, aio_buf="hi\n", ...}`:
    /// the members every block has (key, read/write flags and priority only when set), then with
    /// `headerOnly` false those of its command.
    func printIocb(at address: UInt64, headerOnly: Bool, to out: inout Emitter) {
        guard address != 0 else { return out.name("NULL") }
        guard let block = read(address, count: IocbField.size) else { return out.hex(address) }
        out.beginStruct()
        out.field("aio_data")
        out.hex(block.u64(IocbField.data))
        if block.u32(IocbField.key) != 0 {
            out.field("aio_key")
            out.uint(UInt64(block.u32(IocbField.key)))
        }
        if block.u32(IocbField.rwFlags) != 0 {
            out.field("aio_rw_flags")
            out.flags(UInt64(block.u32(IocbField.rwFlags)), constants.rwfFlags, unknown: "RWF_???")
        }
        let opcode = UInt64(block.u16(IocbField.opcode))
        out.field("aio_lio_opcode")
        out.decimalConstant(opcode, constants.aioCommands, unknown: "IOCB_CMD_???")
        let priority = Int16(bitPattern: block.u16(IocbField.reqprio))
        if priority != 0 {
            out.field("aio_reqprio")
            out.int(Int64(priority))
        }
        out.field("aio_fildes")
        out.fd(Int32(bitPattern: block.u32(IocbField.fildes)))
        if !headerOnly { printIocbCommand(block, opcode: opcode, to: &out) }
        out.endStruct()
    }

    /// What a command reads: a buffer (pread/pwrite), an iovec array (preadv/pwritev), poll
    /// events; fsync and unknown commands have nothing more.
    private func printIocbCommand(_ block: UnsafeRawBufferPointer, opcode: UInt64, to out: inout Emitter) {
        let buffer = block.u64(IocbField.buf), length = block.u64(IocbField.nbytes)
        // The buffer and length are 64-bit fields: on i386 they must fit the ABI's address and ssize_t.
        let fits = truncate(buffer) == buffer && truncate(length) == length
            && (wordSize == 4 ? Int32(truncatingIfNeeded: length) >= 0 : Int64(bitPattern: length) >= 0)
        let name = constants.aioCommands.name(of: opcode)
        func named(_ candidate: StaticString) -> Bool { name.map { sameName($0, candidate) } ?? false }
        if named("IOCB_CMD_PREAD") || named("IOCB_CMD_PWRITE") {
            out.field("aio_buf")
            if named("IOCB_CMD_PWRITE") && fits {
                printBuffer(at: buffer, length: length, to: &out)
            } else {
                out.hex(buffer)
            }
            out.field("aio_nbytes")
            out.uint(length)
        } else if named("IOCB_CMD_PREADV") || named("IOCB_CMD_PWRITEV") {
            out.field("aio_buf")
            if fits {
                printIovecArray(at: buffer, count: length, data: named("IOCB_CMD_PWRITEV") ? .all : .addresses, to: &out)
            } else {
                out.hex(buffer)
                out.field("aio_nbytes")
                out.uint(length)
            }
        } else if named("IOCB_CMD_POLL") {
            out.field("aio_buf")
            out.flags(buffer, constants.pollEvents, unknown: "POLL???")
            printIocbFlags(block, to: &out)
            return
        } else {
            return
        }
        out.field("aio_offset")
        out.int(Int64(bitPattern: block.u64(IocbField.offset)))
        printIocbFlags(block, to: &out)
    }

    /// aio_flags when set, and the eventfd IOCB_FLAG_RESFD names.
    private func printIocbFlags(_ block: UnsafeRawBufferPointer, to out: inout Emitter) {
        let flags = UInt64(block.u32(IocbField.flags))
        guard flags != 0 else { return }
        out.field("aio_flags")
        out.flags(flags, constants.aioFlags, unknown: "IOCB_FLAG_???")
        if flags & constants.aioFlags.bits(named: "IOCB_FLAG_RESFD") != 0 {
            out.field("aio_resfd")
            out.fd(Int32(bitPattern: block.u32(IocbField.resfd)))
        }
    }

    /// `{data=0x1234, obj=0x7ffc..., res=3, res2=0}`.
    static func printIoEvent(_ event: UnsafeRawBufferPointer, to out: inout Emitter) {
        out.beginStruct()
        out.field("data")
        out.hex(event.u64(0))
        out.field("obj")
        out.hex(event.u64(8))
        out.field("res")
        out.int(Int64(bitPattern: event.u64(16)))
        out.field("res2")
        out.int(Int64(bitPattern: event.u64(24)))
        out.endStruct()
    }
}

extension Emitter {
    /// A value by name; an unknown one in decimal with its `/* PREFIX_??? */` comment (`77 /*
    /// IOCB_CMD_??? */`), where `constant` would print it in hex; `-X raw`: the number alone.
    mutating func decimalConstant(_ value: UInt64, _ table: ConstantTable, unknown: StaticString) {
        guard table.name(of: value) == nil else { return constant(value, table) }
        uint(value)
        guard constantStyle != .raw else { return }
        beginComment()
        raw(unknown)
        endComment()
    }
}
