/// Inter-process communication: System V message queues, semaphores and shared memory, POSIX
/// message queues and futexes. i386's multiplexed `ipc` is in `IPCMultiplexer.swift`; the
/// System V printers are in `SystemVIPC.swift`.
extension SyscallCatalog {
    static let ipc: [String: SyscallSignature] = [
        // System V.
        "msgget": .init(.ipcKey, .ipcCreateFlags(\.ipcFlags)),
        "msgsnd": .init(count: 4, decoder: .msgsnd),
        "msgrcv": .init(count: 5, decoder: .msgrcv),
        "msgctl": .init(count: 3, decoder: .ipcControl(.messages)),
        "semget": .init(.ipcKey, .int, .ipcCreateFlags(\.ipcFlags)),
        "semop": .init(.int, .semaphoreOperations(count: 2), .uint),
        "semtimedop": .init(.int, .semaphoreOperations(count: 2), .uint, .timespec(time64: false)),
        "semtimedop_time64": .init(.int, .semaphoreOperations(count: 2), .uint, .timespec(time64: true)),
        "semctl": .init(count: 4, decoder: .ipcControl(.semaphores)),
        "shmget": .init(.ipcKey, .ulong, .ipcCreateFlags(\.shmgetFlags)),
        "shmat": .init(.int, .pointer, .flags("shmatFlags", \.shmatFlags, unknown: "SHM_???"), returns: .address),
        "shmdt": .init(.pointer),
        "shmctl": .init(count: 3, decoder: .ipcControl(.sharedMemory)),

        // POSIX message queues. mq_open prints its mode and attributes only with O_CREAT. A queue
        // is a descriptor (`-y`: `3</swtrace-mq>`).
        "mq_open": .init(count: 4, decoder: .mqOpen),
        "mq_unlink": .init(.path),
        "mq_timedsend": .init(.fd, .inBuffer(length: 2), .ulong, .uint, .timespec(time64: false)),
        "mq_timedsend_time64": .init(.fd, .inBuffer(length: 2), .ulong, .uint, .timespec(time64: true)),
        "mq_timedreceive": .init(.fd, .outBuffer, .ulong, .priorityOut, .timespecAtExit(time64: false)),
        "mq_timedreceive_time64": .init(.fd, .outBuffer, .ulong, .priorityOut, .timespecAtExit(time64: true)),
        "mq_notify": .init(.fd, .sigevent),
        "mq_getsetattr": .init(.fd, .queueAttributes, .queueAttributesOut),

        // Futexes: which arguments print, and how, depends on the operation.
        "futex": .init(count: 6, decoder: .futex(time64: false)),
        "futex_time64": .init(count: 6, decoder: .futex(time64: true)),
    ]
}

extension CallDecoder {
    /// futex(2): the operation by name (`FUTEX_WAIT_BITSET_PRIVATE|FUTEX_CLOCK_REALTIME`), then the
    /// arguments that operation reads. `time64`: the timeout is a 64-bit timespec on every ABI.
    static func futex(time64: Bool) -> CallDecoder {
        CallDecoder(entry: { context, out in
            let constants = context.constants
            out.pointer(context.word(0))
            out.raw(", ")
            let op = UInt64(UInt32(truncatingIfNeeded: context.call.args[1]))
            let privateFlag = constants.futexPrivateFlag ?? 0, realtime = constants.futexClockRealtime ?? 0
            let command = op & ~(privateFlag | realtime)
            guard let name = constants.futexCommands.name(of: command) else {
                out.hex(op)
                for index in 2..<6 {
                    out.raw(", ")
                    out.hex(context.word(index))
                }
                return
            }
            out.styled(number: { $0.hex(op) }, decoded: { out in
                out.beginOperation(.or)
                out.operand()
                if op & privateFlag != 0 { out.name(name, suffix: "_PRIVATE") } else { out.name(name) }
                if op & realtime != 0 {
                    out.operand()
                    out.name("FUTEX_CLOCK_REALTIME")
                }
                out.endOperation()
            })
            out.raw(", ")
            out.uint(UInt64(UInt32(truncatingIfNeeded: context.call.args[2])))
            if sameName(name, "FUTEX_WAIT") {
                out.raw(", ")
                context.printTimespec(at: context.word(3), time64: time64, to: &out)
            } else if sameName(name, "FUTEX_WAIT_BITSET") {
                out.raw(", ")
                context.printTimespec(at: context.word(3), time64: time64, to: &out)
                out.raw(", ")
                context.printFutexBitset(context.call.args[5], to: &out)
            } else if sameName(name, "FUTEX_WAKE_BITSET") {
                out.raw(", ")
                context.printFutexBitset(context.call.args[5], to: &out)
            } else if sameName(name, "FUTEX_REQUEUE") || sameName(name, "FUTEX_CMP_REQUEUE") {
                out.raw(", ")
                out.uint(UInt64(UInt32(truncatingIfNeeded: context.call.args[3])))
                out.raw(", ")
                out.pointer(context.word(4))
                if sameName(name, "FUTEX_CMP_REQUEUE") {
                    out.raw(", ")
                    out.uint(UInt64(UInt32(truncatingIfNeeded: context.call.args[5])))
                }
            } else if !sameName(name, "FUTEX_WAKE") {
                for index in 3..<6 {
                    out.raw(", ")
                    out.hex(context.word(index))
                }
            }
        })
    }
}

extension DecodeContext {
    /// `FUTEX_BITSET_MATCH_ANY` (all ones) or the bits in hex.
    func printFutexBitset(_ value: UInt64, to out: inout Emitter) {
        let bits = UInt32(truncatingIfNeeded: value)
        if bits == UInt32.max {
            out.styled(number: { $0.hex(UInt64(bits)) }, decoded: { $0.name("FUTEX_BITSET_MATCH_ANY") })
        } else {
            out.hex(UInt64(bits))
        }
    }

    /// `{tv_sec=1, tv_nsec=500}`: two words, or two 64-bit values for the *_time64 calls.
    func printTimespec(at address: UInt64, time64: Bool, to out: inout Emitter) {
        guard address != 0 else { return out.name("NULL") }
        let size = time64 ? 8 : wordSize
        guard let bytes = read(address, count: 2 * size) else { return out.hex(address) }
        out.beginStruct()
        out.field("tv_sec")
        out.int(FieldLayout(offset: 0, size: size).signed(in: bytes))
        out.field("tv_nsec")
        out.int(FieldLayout(offset: size, size: size).signed(in: bytes))
        out.endStruct()
    }
}
