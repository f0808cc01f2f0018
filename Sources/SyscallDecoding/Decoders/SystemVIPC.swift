import Glibc

/// System V IPC (msg*, sem*, shm*) and POSIX message queue arguments as strace prints them:
/// keys (`IPC_PRIVATE`), creation flags with their mode (`IPC_CREAT|IPC_EXCL|0600`), commands
/// (`IPC_64|IPC_STAT` where the caller asks for the 64-bit structs), `{mtype=1, mtext="..."}`,
/// `[{sem_num=0, sem_op=1, sem_flg=SEM_UNDO}]` and the IPC_STAT structs.
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

/// Which family of System V objects a `*ctl` call works on: its commands and its struct.
enum IPCObjectKind: Sendable { case messages, semaphores, sharedMemory }

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

    /// msgctl, semctl, shmctl: the id (semctl: and the semaphore number), the command, then its
    /// argument: the struct IPC_STAT fills in, or the pointer (semctl: the union's value).
    static func ipcControl(_ kind: IPCObjectKind) -> CallDecoder {
        CallDecoder(entry: { context, out in
            out.int(Int64(context.int32(0)))
            out.raw(", ")
            let commandIndex = kind == .semaphores ? 2 : 1
            if kind == .semaphores {
                out.int(Int64(context.int32(1)))
                out.raw(", ")
            }
            let command = UInt32(truncatingIfNeeded: context.call.args[commandIndex])
            context.printIPCCommand(command, kind: kind, to: &out)
            out.raw(", ")
            if kind == .semaphores {
                // The union semun goes by value; the multiplexed form passes its address.
                if context.ipcArgumentIsIndirect {
                    out.beginArray()
                    out.element()
                    if let word = context.readWord(context.word(3)) { out.pointer(word) } else { out.pointer(context.word(3)) }
                    out.endArray()
                } else {
                    out.pointer(context.word(3))
                }
                return
            }
            if !context.ipcCommandFillsStruct(command, kind: kind) { out.pointer(context.word(commandIndex + 1)) }
        }, exit: { context, out in
            guard kind != .semaphores else { return }
            let commandIndex = 1
            let command = UInt32(truncatingIfNeeded: context.call.args[commandIndex])
            guard context.ipcCommandFillsStruct(command, kind: kind) else { return }
            let address = context.word(commandIndex + 1)
            if context.returned == nil { return out.pointer(address) }
            if kind == .messages { context.printMessageQueueState(at: address, to: &out) } else { context.printSharedMemoryState(at: address, to: &out) }
        })
    }
}

extension DecodeContext {
    /// i386's `ipc` sets this for the calls it carries: semctl's fourth argument is then an address.
    var ipcArgumentIsIndirect: Bool { slot.values.0 == ipcIndirectMarker && call.arch == .i386 }

    /// `0600`; `000` for none.
    func printPermissionBits(_ mode: UInt64, to out: inout Emitter) {
        out.octal(mode)
    }

    /// `IPC_64|IPC_STAT`, `GETVAL`, or the number; with `-X raw` `0x2`, with `-X verbose`
    /// `0x2 /* IPC_STAT */`.
    func printIPCCommand(_ command: UInt32, kind: IPCObjectKind, to out: inout Emitter) {
        let ipc64: UInt32 = 0x100
        out.beginOperation(.or)
        defer { out.endOperation() }
        if command & ipc64 != 0 {
            out.operand()
            out.styled(number: { $0.hex(UInt64(ipc64)) }, decoded: { $0.name("IPC_64") })
        }
        out.operand()
        let value = UInt64(command & ~ipc64)
        for entry in constants.ipcCommands.entries where entry.value == value && commandBelongs(entry.name, to: kind) {
            return out.styled(number: { $0.hex(value) }, decoded: { $0.name(entry.name) })
        }
        out.hex(value)
        if out.constantStyle != .raw {
            out.beginComment()
            out.raw("IPC_???")
            out.endComment()
        }
    }

    private func commandBelongs(_ name: StaticString, to kind: IPCObjectKind) -> Bool {
        let isMessage = hasPrefix(name, "MSG_"), isShared = hasPrefix(name, "SHM_")
        if hasPrefix(name, "IPC_") { return true }
        switch kind {
        case .messages: return isMessage
        case .sharedMemory: return isShared
        case .semaphores: return !isMessage && !isShared
        }
    }

    /// Whether the command has the kernel fill in the object's state struct (printed at exit).
    func ipcCommandFillsStruct(_ command: UInt32, kind: IPCObjectKind) -> Bool {
        let value = UInt64(command & ~0x100)
        guard let name = constants.ipcCommands.entries.first(where: { $0.value == value && commandBelongs($0.name, to: kind) })?.name else {
            return false
        }
        return sameName(name, "IPC_STAT") || sameName(name, "MSG_STAT") || sameName(name, "MSG_STAT_ANY")
            || sameName(name, "SHM_STAT") || sameName(name, "SHM_STAT_ANY")
    }

    /// `{mtype=1, mtext="hello\0"}`: a long, then `size` bytes cut to `-s`.
    func printMessageBuffer(at address: UInt64, size: UInt64, to out: inout Emitter) {
        guard let type = readWord(address) else { return out.pointer(address) }
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

    /// `msg_perm={uid=0, gid=0, mode=0600, key=0, cuid=0, cgid=0}`.
    private func printPermissions(_ bytes: UnsafeRawBufferPointer, to out: inout Emitter) {
        let layout = layouts.ipcPerm
        out.beginStruct()
        out.field("uid")
        out.uint(layout.uid.unsigned(in: bytes))
        out.field("gid")
        out.uint(layout.gid.unsigned(in: bytes))
        out.field("mode")
        printPermissionBits(layout.mode.unsigned(in: bytes) & 0o777, to: &out)
        out.field("key")
        out.hex(layout.key.unsigned(in: bytes))
        out.field("cuid")
        out.uint(layout.cuid.unsigned(in: bytes))
        out.field("cgid")
        out.uint(layout.cgid.unsigned(in: bytes))
        out.endStruct()
    }

    func printMessageQueueState(at address: UInt64, to out: inout Emitter) {
        let layout = layouts.msqidDs
        guard let bytes = read(address, count: layout.size) else { return out.pointer(address) }
        out.beginStruct()
        out.field("msg_perm")
        printPermissions(UnsafeRawBufferPointer(rebasing: bytes[layout.msgPerm.offset...]), to: &out)
        out.field("msg_stime")
        out.int(layout.msgStime.signed(in: bytes))
        out.field("msg_rtime")
        out.int(layout.msgRtime.signed(in: bytes))
        out.field("msg_ctime")
        out.int(layout.msgCtime.signed(in: bytes))
        out.field("msg_qnum")
        out.uint(layout.msgQnum.unsigned(in: bytes))
        out.field("msg_qbytes")
        out.uint(layout.msgQbytes.unsigned(in: bytes))
        out.field("msg_lspid")
        out.int(layout.msgLspid.signed(in: bytes))
        out.field("msg_lrpid")
        out.int(layout.msgLrpid.signed(in: bytes))
        out.endStruct()
    }

    func printSharedMemoryState(at address: UInt64, to out: inout Emitter) {
        let layout = layouts.shmidDs
        guard let bytes = read(address, count: layout.size) else { return out.pointer(address) }
        out.beginStruct()
        out.field("shm_perm")
        printPermissions(UnsafeRawBufferPointer(rebasing: bytes[layout.shmPerm.offset...]), to: &out)
        out.field("shm_segsz")
        out.uint(layout.shmSegsz.unsigned(in: bytes))
        out.field("shm_cpid")
        out.int(layout.shmCpid.signed(in: bytes))
        out.field("shm_lpid")
        out.int(layout.shmLpid.signed(in: bytes))
        out.field("shm_nattch")
        out.uint(layout.shmNattch.unsigned(in: bytes))
        out.field("shm_atime")
        out.int(layout.shmAtime.signed(in: bytes))
        out.field("shm_dtime")
        out.int(layout.shmDtime.signed(in: bytes))
        out.field("shm_ctime")
        out.int(layout.shmCtime.signed(in: bytes))
        out.endStruct()
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

/// The slot value i386's `ipc` leaves for the call it carries (see `ipcArgumentIsIndirect`).
let ipcIndirectMarker: UInt64 = 0x1bc

/// Whether `name` starts with `prefix`.
func hasPrefix(_ name: StaticString, _ prefix: StaticString) -> Bool {
    name.utf8CodeUnitCount >= prefix.utf8CodeUnitCount
        && memcmp(name.utf8Start, prefix.utf8Start, prefix.utf8CodeUnitCount) == 0
}
