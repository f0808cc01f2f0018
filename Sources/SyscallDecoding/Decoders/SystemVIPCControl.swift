import Glibc

/// msgctl, semctl and shmctl, direct or carried by i386's `ipc`, as strace prints them: the
/// command (`IPC_64|IPC_STAT`, `0x7f /* MSG_??? */`), then its last argument as that command
/// uses it: IPC_SET's settable fields at entry (`{msg_perm={uid=0, gid=0, mode=0640},
/// msg_qbytes=8192}`), the state the *_STAT commands and the limits or usage the *_INFO commands
/// write back at exit, or for every other command the pointer (semctl: the union's value).

/// Which family of System V objects a `*ctl` call works on: its commands and its structs.
enum IPCObjectKind: Sendable { case messages, semaphores, sharedMemory }

/// What a `*ctl` command does with its last argument, which decides how and when it prints.
enum IPCControlArgument {
    /// IPC_SET: the fields the caller sets, read at entry.
    case settings
    /// IPC_STAT, MSG_STAT(_ANY), SHM_STAT(_ANY), SEM_STAT(_ANY): the object's state, at exit.
    case state
    /// IPC_INFO, MSG_INFO, SHM_INFO (struct shm_info), SEM_INFO: limits or usage, at exit.
    case info
    /// Any other command: the pointer (semctl: the union's value), at entry.
    case value
}

/// The slot value i386's `ipc` leaves for the call it carries (see `ipcArgumentIsIndirect`).
let ipcIndirectMarker: UInt64 = 0x1bc

/// The IPC_64 bit glibc (and the kernel's compat layer) sets in a command on 32-bit ABIs.
private let ipc64Flag: UInt32 = 0x100

extension CallDecoder {
    /// msgctl(id, cmd, buf), shmctl(id, cmd, buf), semctl(id, num, cmd, arg).
    static func ipcControl(_ kind: IPCObjectKind) -> CallDecoder {
        CallDecoder(entry: { context, out in
            out.int(Int64(context.int32(0)))
            out.raw(", ")
            if kind == .semaphores {
                out.int(Int64(context.int32(1)))
                out.raw(", ")
            }
            let command = context.ipcControlCommand(kind)
            context.printIPCCommand(command, kind: kind, to: &out)
            out.raw(", ")
            switch context.ipcControlArgument(command, kind: kind) {
            case .settings:
                // Unreadable: the argument as a command without a struct shows it (`[NULL]` via ipc).
                guard let address = context.ipcControlAddress(kind), context.printIPCSettings(at: address, kind: kind, to: &out) else {
                    return context.printIPCControlValue(kind, to: &out)
                }
            case .state, .info:
                return
            case .value:
                context.printIPCControlValue(kind, to: &out)
            }
        }, exit: { context, out in
            let command = context.ipcControlCommand(kind)
            let argument = context.ipcControlArgument(command, kind: kind)
            guard argument == .state || argument == .info else { return }
            // On failure the argument as a command without a struct shows it (`[0xffd0]` via ipc).
            guard context.returned != nil, let address = context.ipcControlAddress(kind) else {
                return context.printIPCControlValue(kind, to: &out)
            }
            if argument == .state {
                context.printIPCState(at: address, kind: kind, to: &out)
            } else {
                context.printIPCInfo(at: address, command: command, kind: kind, to: &out)
            }
        })
    }
}

extension DecodeContext {
    /// i386's `ipc` sets this for the calls it carries: semctl's fourth argument is then the
    /// address of the union, not the union.
    var ipcArgumentIsIndirect: Bool { slot.values.0 == ipcIndirectMarker && call.arch == .i386 }

    /// The command argument of a `*ctl` call (semctl's third, the others' second).
    func ipcControlCommand(_ kind: IPCObjectKind) -> UInt32 {
        UInt32(truncatingIfNeeded: call.args[kind == .semaphores ? 2 : 1])
    }

    /// The address of the struct the last argument points to: msgctl's and shmctl's `buf`,
    /// semctl's union member (read from the union's address when `ipc` carries it); nil when that
    /// union cannot be read.
    func ipcControlAddress(_ kind: IPCObjectKind) -> UInt64? {
        guard kind == .semaphores else { return word(2) }
        return ipcArgumentIsIndirect ? readWord(word(3)) : word(3)
    }

    /// The command's name among those of `kind` (IPC_64 aside), nil for an unknown command.
    func ipcCommandName(_ command: UInt32, kind: IPCObjectKind) -> StaticString? {
        let value = UInt64(command & ~ipc64Flag)
        for entry in constants.ipcCommands.entries where entry.value == value && commandBelongs(entry.name, to: kind) {
            return entry.name
        }
        return nil
    }

    func ipcControlArgument(_ command: UInt32, kind: IPCObjectKind) -> IPCControlArgument {
        guard let name = ipcCommandName(command, kind: kind) else { return .value }
        if sameName(name, "IPC_SET") { return .settings }
        if hasSuffix(name, "_STAT") || hasSuffix(name, "_STAT_ANY") { return .state }
        if hasSuffix(name, "_INFO") { return .info }
        return .value
    }

    /// `IPC_64|IPC_STAT`, `GETVAL`, or the number with a comment naming the family
    /// (`0x7f /* SEM_??? */`); with `-X raw` `0x100|0x2`, with `-X verbose` `0x2 /* IPC_STAT */`.
    func printIPCCommand(_ command: UInt32, kind: IPCObjectKind, to out: inout Emitter) {
        out.beginOperation(.or)
        defer { out.endOperation() }
        if command & ipc64Flag != 0 {
            out.operand()
            out.styled(number: { $0.hex(UInt64(ipc64Flag)) }, decoded: { $0.name("IPC_64") })
        }
        out.operand()
        let value = UInt64(command & ~ipc64Flag)
        if let name = ipcCommandName(command, kind: kind) {
            return out.styled(number: { $0.hex(value) }, decoded: { $0.name(name) })
        }
        out.hex(value)
        if out.constantStyle != .raw {
            out.beginComment()
            switch kind {
            case .messages: out.raw("MSG_???")
            case .sharedMemory: out.raw("SHM_???")
            case .semaphores: out.raw("SEM_???")
            }
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

    /// A command that passes no struct: msgctl's and shmctl's pointer; semctl's union as a
    /// word (`0x7`, `NULL`), or through `ipc` the union's contents in brackets (`[0x7]`).
    func printIPCControlValue(_ kind: IPCObjectKind, to out: inout Emitter) {
        guard kind == .semaphores else { return out.pointer(word(2)) }
        guard ipcArgumentIsIndirect else { return out.pointer(word(3)) }
        guard let value = readWord(word(3)) else { return out.pointer(word(3)) }
        out.beginArray()
        out.element()
        out.pointer(value)
        out.endArray()
    }

    /// IPC_SET's struct: the permissions' uid, gid and mode (and msg_qbytes), which is all the
    /// kernel takes from it. False, and nothing printed, when it cannot be read.
    func printIPCSettings(at address: UInt64, kind: IPCObjectKind, to out: inout Emitter) -> Bool {
        let size: Int, permissions: Int
        switch kind {
        case .messages: (size, permissions) = (layouts.msqidDs.size, layouts.msqidDs.msgPerm.offset)
        case .sharedMemory: (size, permissions) = (layouts.shmidDs.size, layouts.shmidDs.shmPerm.offset)
        case .semaphores: (size, permissions) = (layouts.semidDs.size, layouts.semidDs.semPerm.offset)
        }
        guard let bytes = read(address, count: size) else { return false }
        out.beginStruct()
        switch kind {
        case .messages: out.field("msg_perm")
        case .sharedMemory: out.field("shm_perm")
        case .semaphores: out.field("sem_perm")
        }
        printPermissions(UnsafeRawBufferPointer(rebasing: bytes[permissions...]), settable: true, to: &out)
        if kind == .messages {
            out.field("msg_qbytes")
            out.uint(layouts.msqidDs.msgQbytes.unsigned(in: bytes))
        }
        out.endStruct()
        return true
    }

    /// The state IPC_STAT and the *_STAT commands fill in.
    func printIPCState(at address: UInt64, kind: IPCObjectKind, to out: inout Emitter) {
        switch kind {
        case .messages: printMessageQueueState(at: address, to: &out)
        case .sharedMemory: printSharedMemoryState(at: address, to: &out)
        case .semaphores: printSemaphoreSetState(at: address, to: &out)
        }
    }

    /// What IPC_INFO and the *_INFO commands fill in: struct msginfo, shminfo (IPC_INFO) or
    /// shm_info (SHM_INFO), seminfo.
    func printIPCInfo(at address: UInt64, command: UInt32, kind: IPCObjectKind, to out: inout Emitter) {
        switch kind {
        case .messages: printMessageLimits(at: address, to: &out)
        case .semaphores: printSemaphoreLimits(at: address, to: &out)
        case .sharedMemory:
            if let name = ipcCommandName(command, kind: kind), sameName(name, "SHM_INFO") {
                printSharedMemoryUsage(at: address, to: &out)
            } else {
                printSharedMemoryLimits(at: address, to: &out)
            }
        }
    }

    /// `{uid=0, gid=0, mode=0600, key=0, cuid=0, cgid=0}`; for IPC_SET (`settable`) the first
    /// three only.
    private func printPermissions(_ bytes: UnsafeRawBufferPointer, settable: Bool, to out: inout Emitter) {
        let layout = layouts.ipc64Perm
        out.beginStruct()
        out.field("uid")
        out.uint(layout.uid.unsigned(in: bytes))
        out.field("gid")
        out.uint(layout.gid.unsigned(in: bytes))
        out.field("mode")
        // Every bit: SHM_LOCKED and SHM_DEST show beside the permissions (`02640`).
        printPermissionBits(layout.mode.unsigned(in: bytes), to: &out)
        if !settable {
            out.field("key")
            out.hex(layout.key.unsigned(in: bytes))
            out.field("cuid")
            out.uint(layout.cuid.unsigned(in: bytes))
            out.field("cgid")
            out.uint(layout.cgid.unsigned(in: bytes))
        }
        out.endStruct()
    }

    func printMessageQueueState(at address: UInt64, to out: inout Emitter) {
        let layout = layouts.msqidDs
        guard let bytes = read(address, count: layout.size) else { return out.pointer(address) }
        out.beginStruct()
        out.field("msg_perm")
        printPermissions(UnsafeRawBufferPointer(rebasing: bytes[layout.msgPerm.offset...]), settable: false, to: &out)
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
        printPermissions(UnsafeRawBufferPointer(rebasing: bytes[layout.shmPerm.offset...]), settable: false, to: &out)
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

    /// `{sem_perm={...}, sem_otime=0, sem_ctime=1700000000, sem_nsems=3}`.
    func printSemaphoreSetState(at address: UInt64, to out: inout Emitter) {
        let layout = layouts.semidDs
        guard let bytes = read(address, count: layout.size) else { return out.pointer(address) }
        out.beginStruct()
        out.field("sem_perm")
        printPermissions(UnsafeRawBufferPointer(rebasing: bytes[layout.semPerm.offset...]), settable: false, to: &out)
        out.field("sem_otime")
        out.int(layout.semOtime.signed(in: bytes))
        out.field("sem_ctime")
        out.int(layout.semCtime.signed(in: bytes))
        out.field("sem_nsems")
        out.uint(layout.semNsems.unsigned(in: bytes))
        out.endStruct()
    }

    /// struct msginfo: `{msgpool=512000, msgmap=16384, ..., msgseg=65535}`.
    func printMessageLimits(at address: UInt64, to out: inout Emitter) {
        let layout = layouts.msginfo
        guard let bytes = read(address, count: layout.size) else { return out.pointer(address) }
        out.beginStruct()
        let fields: [(StaticString, FieldLayout)] = [
            ("msgpool", layout.msgpool), ("msgmap", layout.msgmap), ("msgmax", layout.msgmax), ("msgmnb", layout.msgmnb),
            ("msgmni", layout.msgmni), ("msgssz", layout.msgssz), ("msgtql", layout.msgtql),
        ]
        for (name, field) in fields {
            out.field(name)
            out.int(field.signed(in: bytes))
        }
        out.field("msgseg")
        out.uint(layout.msgseg.unsigned(in: bytes))
        out.endStruct()
    }

    /// struct shminfo (IPC_INFO): `{shmmax=..., shmmin=1, shmmni=4096, shmseg=4096, shmall=...}`.
    func printSharedMemoryLimits(at address: UInt64, to out: inout Emitter) {
        let layout = layouts.shminfo
        guard let bytes = read(address, count: layout.size) else { return out.pointer(address) }
        out.beginStruct()
        let fields: [(StaticString, FieldLayout)] = [
            ("shmmax", layout.shmmax), ("shmmin", layout.shmmin), ("shmmni", layout.shmmni),
            ("shmseg", layout.shmseg), ("shmall", layout.shmall),
        ]
        for (name, field) in fields {
            out.field(name)
            out.uint(field.unsigned(in: bytes))
        }
        out.endStruct()
    }

    /// struct shm_info (SHM_INFO): `{used_ids=1, shm_tot=2, shm_rss=0, ...}`.
    func printSharedMemoryUsage(at address: UInt64, to out: inout Emitter) {
        let layout = layouts.shmInfo
        guard let bytes = read(address, count: layout.size) else { return out.pointer(address) }
        out.beginStruct()
        out.field("used_ids")
        out.int(layout.usedIds.signed(in: bytes))
        let fields: [(StaticString, FieldLayout)] = [
            ("shm_tot", layout.shmTot), ("shm_rss", layout.shmRss), ("shm_swp", layout.shmSwp),
            ("swap_attempts", layout.swapAttempts), ("swap_successes", layout.swapSuccesses),
        ]
        for (name, field) in fields {
            out.field(name)
            out.uint(field.unsigned(in: bytes))
        }
        out.endStruct()
    }

    /// struct seminfo: `{semmap=..., semmni=32000, ..., semaem=32767}`.
    func printSemaphoreLimits(at address: UInt64, to out: inout Emitter) {
        let layout = layouts.seminfo
        guard let bytes = read(address, count: layout.size) else { return out.pointer(address) }
        out.beginStruct()
        let fields: [(StaticString, FieldLayout)] = [
            ("semmap", layout.semmap), ("semmni", layout.semmni), ("semmns", layout.semmns), ("semmnu", layout.semmnu),
            ("semmsl", layout.semmsl), ("semopm", layout.semopm), ("semume", layout.semume), ("semusz", layout.semusz),
            ("semvmx", layout.semvmx), ("semaem", layout.semaem),
        ]
        for (name, field) in fields {
            out.field(name)
            out.int(field.signed(in: bytes))
        }
        out.endStruct()
    }
}

/// Whether `name` ends with `suffix`.
private func hasSuffix(_ name: StaticString, _ suffix: StaticString) -> Bool {
    let count = name.utf8CodeUnitCount, suffixCount = suffix.utf8CodeUnitCount
    return count >= suffixCount && memcmp(name.utf8Start + (count - suffixCount), suffix.utf8Start, suffixCount) == 0
}
