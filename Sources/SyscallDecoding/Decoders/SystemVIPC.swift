import Glibc

/// System V IPC (msg*, sem*, shm*) and POSIX message queue arguments as strace prints them:
/// keys (`IPC_PRIVATE`), creation flags with their mode (`IPC_CREAT|IPC_EXCL|0600`),
/// `{mtype=1, mtext="..."}`, `[{sem_num=0, sem_op=1, sem_flg=SEM_UNDO}]`. The `*ctl` calls are
/// in `SystemVIPCControl.swift`.
extension ArgPrinter {
    /// `IPC_PRIVATE` or the key in hex.
    static let ipcKey = ArgPrinter("ipcKey") { value, _, out in
        let key = UInt32(truncatingIfNeeded: value)
        if key == 0 {
            out.styled(number: { $0.hex(0) }, decoded: { $0.name("IPC_PRIVATE") })
        } else {
            out.hex(UInt64(key))
        }
    }

    /// `IPC_CREAT|IPC_EXCL|0600`: the flags named from `table`, then the permission bits.
    static func ipcCreateFlags(_ table: KeyPath<ABIConstants, FlagTable> & Sendable) -> ArgPrinter {
        ArgPrinter("ipcCreateFlags") { value, context, out in
            let flags = UInt64(UInt32(truncatingIfNeeded: value))
            out.beginOperation(.or)
            if flags & ~0o777 != 0 {
                out.operand()
                out.flags(flags & ~0o777, context.constants(table))
            }
            out.operand()
            context.printPermissionBits(flags & 0o777, to: &out)
            out.endOperation()
        }
    }

    /// semop's `[{sem_num=0, sem_op=1, sem_flg=SEM_UNDO}, ...]`, the count in argument `count`.
    static func semaphoreOperations(count: Int) -> ArgPrinter {
        ArgPrinter("semaphoreOperations(\(count))", refersTo: count) { value, context, out in
            context.printSemaphoreOperations(at: context.truncate(value), count: Int(UInt32(truncatingIfNeeded: context.call.args[count])), to: &out)
        }
    }

    /// A `struct timespec` passed in: `{tv_sec=0, tv_nsec=1000}` or `NULL`.
    static func timespec(time64: Bool) -> ArgPrinter {
        ArgPrinter("timespec(\(time64))") { value, context, out in
            context.printTimespec(at: context.truncate(value), time64: time64, to: &out)
        }
    }

    /// The same, printed at exit (after an argument the kernel fills in).
    static func timespecAtExit(time64: Bool) -> ArgPrinter {
        ArgPrinter("timespecAtExit(\(time64))", phase: .exit) { value, context, out in
            context.printTimespec(at: context.truncate(value), time64: time64, to: &out)
        }
    }

    /// mq_timedreceive's priority: `[3]` once received, NULL, or the address on failure.
    static let priorityOut = ArgPrinter("priorityOut", phase: .exit) { value, context, out in
        let address = context.truncate(value)
        guard context.returned != nil else { return out.pointer(address) }
        guard address != 0, let bytes = context.read(address, count: 4) else { return out.pointer(address) }
        out.beginArray()
        out.element()
        out.uint(UInt64(bytes.u32(0)))
        out.endArray()
    }

    /// `{mq_flags=0, mq_maxmsg=4, mq_msgsize=16, mq_curmsgs=0}` passed in.
    static let queueAttributes = ArgPrinter("queueAttributes") { value, context, out in
        context.printQueueAttributes(at: context.truncate(value), to: &out)
    }

    /// The same, filled in by the kernel.
    static let queueAttributesOut = ArgPrinter("queueAttributesOut", phase: .exit) { value, context, out in
        let address = context.truncate(value)
        if context.returned == nil { return out.pointer(address) }
        context.printQueueAttributes(at: address, to: &out)
    }
}

extension CallDecoder {
    /// mq_open(name, flags[, mode, attr]): the last two only with O_CREAT.
    static let mqOpen = CallDecoder(entry: { context, out in
        context.printCString(at: context.word(0), limit: pathLimit, to: &out)
        out.raw(", ")
        let flags = UInt32(truncatingIfNeeded: context.call.args[1])
        out.openFlags(flags, arch: context.call.arch)
        guard OpenFlagBits.takesMode(flags) else { return }
        out.raw(", ")
        out.octal(context.call.args[2] & 0o177777)
        out.raw(", ")
        context.printQueueAttributes(at: context.word(3), to: &out)
    })

    /// msgsnd(id, {mtype=1, mtext="..."}, size, flags).
    static let msgsnd = CallDecoder(entry: { context, out in
        out.int(Int64(context.int32(0)))
        out.raw(", ")
        context.printMessageBuffer(at: context.word(1), size: context.word(2), to: &out)
        out.raw(", ")
        out.uint(context.word(2))
        out.raw(", ")
        out.flags(UInt64(UInt32(truncatingIfNeeded: context.call.args[3])), context.constants.ipcFlags)
    })

    /// msgrcv(id, {mtype=1, mtext="..."}, size, type, flags): the message at exit, its text as
    /// long as the size asked for (strace's way), not as long as what arrived.
    static let msgrcv = CallDecoder(entry: { context, out in
        out.int(Int64(context.int32(0)))
        out.raw(", ")
    }, exit: { context, out in
        if context.returned != nil {
            context.printMessageBuffer(at: context.word(1), size: context.word(2), to: &out)
        } else {
            out.pointer(context.word(1))
        }
        out.raw(", ")
        out.uint(context.word(2))
        out.raw(", ")
        out.int(context.long(3))
        out.raw(", ")
        out.flags(UInt64(UInt32(truncatingIfNeeded: context.call.args[4])), context.constants.msgrcvFlags)
    })
}

extension DecodeContext {
    /// `0600`; `000` for none.
    func printPermissionBits(_ mode: UInt64, to out: inout Emitter) {
        out.octal(mode)
    }

    /// `{mtype=1, mtext="hello\0"}`: a long, then `size` bytes cut to `-s`.
    func printMessageBuffer(at address: UInt64, size: UInt64, to out: inout Emitter) {
        guard dereferences, let type = readWord(address) else { return out.pointer(address) }
        out.beginStruct()
        out.field("mtype")
        out.int(wordSize == 4 ? Int64(Int32(truncatingIfNeeded: type)) : Int64(bitPattern: type))
        out.field("mtext")
        printBuffer(at: address &+ UInt64(wordSize), length: size, to: &out)
        out.endStruct()
    }

    /// `[{sem_num=0, sem_op=-1, sem_flg=SEM_UNDO|IPC_NOWAIT}]`, at most `-s` elements.
    func printSemaphoreOperations(at address: UInt64, count: Int, to out: inout Emitter) {
        let size = 6
        guard address != 0 else { return out.name("NULL") }
        guard count > 0, let bytes = read(address, count: min(count, options.stringLimit) * size) else { return out.hex(address) }
        out.beginArray()
        for index in 0..<count {
            if index >= options.stringLimit {
                out.abbreviated()
                break
            }
            out.element()
            out.beginStruct()
            out.field("sem_num")
            out.uint(UInt64(bytes.u16(index * size)))
            out.field("sem_op")
            out.int(Int64(Int16(bitPattern: bytes.u16(index * size + 2))))
            out.field("sem_flg")
            out.flags(UInt64(bytes.u16(index * size + 4)), constants.semopFlags)
            out.endStruct()
        }
        out.endArray()
    }

    func printQueueAttributes(at address: UInt64, to out: inout Emitter) {
        let layout = layouts.mqAttr
        guard address != 0 else { return out.name("NULL") }
        guard let bytes = read(address, count: layout.size) else { return out.hex(address) }
        out.beginStruct()
        out.field("mq_flags")
        let flags = layout.mqFlags.unsigned(in: bytes)
        if flags == 0 {
            out.uint(0)
        } else {
            let arch = call.arch
            out.styled(number: { $0.hex(flags) },
                       decoded: { $0.text.appendOpenFlags(UInt32(truncatingIfNeeded: flags), arch: arch) })
        }
        out.field("mq_maxmsg")
        out.int(layout.mqMaxmsg.signed(in: bytes))
        out.field("mq_msgsize")
        out.int(layout.mqMsgsize.signed(in: bytes))
        out.field("mq_curmsgs")
        out.int(layout.mqCurmsgs.signed(in: bytes))
        out.endStruct()
    }
}

/// Whether `name` starts with `prefix`.
func hasPrefix(_ name: StaticString, _ prefix: StaticString) -> Bool {
    name.utf8CodeUnitCount >= prefix.utf8CodeUnitCount
        && memcmp(name.utf8Start, prefix.utf8Start, prefix.utf8CodeUnitCount) == 0
}
