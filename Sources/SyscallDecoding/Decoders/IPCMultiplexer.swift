/// i386's ipc(2): one syscall carrying every System V IPC call, `ipc(call, first, second, third,
/// ptr, fifth)`. strace prints the carried call under its own name with its own arguments, as
/// the direct syscall prints; shmat's address, which the kernel stores at `third`, is shown as
/// the result.
extension CallDecoder {
    static let ipc = CallDecoder(entry: { context, out in
        guard var carried = context.carriedIPCCall() else { return context.printRawIPC(to: &out) }
        carried.signature.printEntryArgs(&carried.context, &out)
        context.slot = carried.context.slot
    }, exit: { context, out in
        guard var carried = context.carriedIPCCall() else { return }
        carried.signature.printExitArgs(&carried.context, &out)
    }, shownName: { context in
        context.carriedIPCCallName()
    })
}

extension ReturnPrinter {
    /// ipc's result: the carried call's, or for shmat the address the kernel stored at `third`.
    static let ipcResult = ReturnPrinter("ipcResult") { value, context, out in
        if let name = context.carriedIPCCallName(), sameName(name, "shmat"), value == 0,
           let address = context.readWord(context.word(3)) {
            return out.hex(address)
        }
        out.int(value)
    }
}

extension DecodeContext {
    /// The carried call's name and where its arguments are among ipc's (0: call, 1: first,
    /// 2: second, 3: third, 4: ptr, 5: fifth), by the names of <linux/ipc.h>.
    private func carriedIPCLayout() -> (name: StaticString, args: [Int])? {
        guard let op = constants.ipcCalls.name(of: call.args[0] & 0xffff) else { return nil }
        let version = (call.args[0] >> 16) & 0xffff
        let table: [(StaticString, StaticString, [Int])] = [
            ("SEMOP", "semop", [1, 4, 2]), ("SEMTIMEDOP", "semtimedop", [1, 4, 2, 5]), ("SEMGET", "semget", [1, 2, 3]),
            ("SEMCTL", "semctl", [1, 2, 3, 4]), ("MSGSND", "msgsnd", [1, 4, 2, 3]),
            // Version 0 passes the buffer and type in a struct at `ptr` (read in carriedIPCCall).
            ("MSGRCV", "msgrcv", version == 0 ? [1, -1, 2, -2, 3] : [1, 4, 2, 5, 3]),
            ("MSGGET", "msgget", [1, 2]), ("MSGCTL", "msgctl", [1, 2, 4]), ("SHMAT", "shmat", [1, 4, 2]),
            ("SHMDT", "shmdt", [4]), ("SHMGET", "shmget", [1, 2, 3]), ("SHMCTL", "shmctl", [1, 2, 4]),
        ]
        for (sysName, name, args) in table where sameName(sysName, op) { return (name, args) }
        return nil
    }

    func carriedIPCCallName() -> StaticString? { carriedIPCLayout()?.name }

    func carriedIPCCall() -> (signature: SyscallSignature, context: DecodeContext)? {
        guard let layout = carriedIPCLayout() else { return nil }
        var carried = call
        var args = SyscallArgs()
        for (index, source) in layout.args.enumerated() {
            if source >= 0 {
                args[index] = call.args[source]
            } else {
                // struct ipc_kludge { void *msgp; long msgtyp; } at `ptr`.
                guard let word = readWord(word(4) &+ UInt64((-source - 1) * wordSize)) else { return nil }
                args[index] = word
            }
        }
        carried.args = args
        var slot = self.slot
        if sameName(layout.name, "semctl") { slot.values = (ipcIndirectMarker, 0) }
        let context = DecodeContext(call: carried, result: result, abi: abi, options: options, memory: memory,
                                    arena: arena, slot: slot, interruptedCall: interruptedCall, pid: pid,
                                    abbreviates: abbreviates, dereferences: dereferences)
        return (SyscallCatalog.ipc["\(layout.name)"] ?? .raw(layout.args.count), context)
    }

    /// An unknown call: the six registers in hex.
    func printRawIPC(to out: inout Emitter) {
        for index in 0..<6 {
            if index > 0 { out.raw(", ") }
            out.hex(word(index))
        }
    }
}
