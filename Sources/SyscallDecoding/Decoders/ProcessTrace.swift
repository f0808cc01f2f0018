/// ptrace(2) as strace prints it: the request by name, then what that request takes. Requests
/// that take a pid alone print it alone (`ptrace(PTRACE_ATTACH, 1234)`), PTRACE_TRACEME nothing
/// more; the address is a register set's type for PTRACE_GETREGSET/SETREGSET and a pointer
/// otherwise; the data is a signal for the resuming requests, options for PTRACE_SEIZE and
/// PTRACE_SETOPTIONS, the word read back for PTRACE_PEEK* and the event message for
/// PTRACE_GETEVENTMSG (at exit), the word written for PTRACE_POKE*, a pointer otherwise.
/// Not decoded yet (pointers): PTRACE_PEEKUSER's offset names, register sets' contents,
/// siginfo and sigmask requests.
extension SyscallCatalog {
    static let processTrace: [String: SyscallSignature] = [
        "ptrace": .init(count: 4, decoder: .ptrace),
    ]
}

private enum PtraceData {
    case none, signal, options, peekedWord, eventMessage, word, pointer
}

extension CallDecoder {
    static let ptrace = CallDecoder(entry: { context, out in
        let request = context.long(0)
        let requests = context.constants.ptraceRequests
        out.constant(UInt64(bitPattern: request), requests, unknown: "PTRACE_???")
        let name = requests.name(of: UInt64(bitPattern: request)).map { "\($0)" } ?? ""
        if name == "PTRACE_TRACEME" { return }
        out.raw(", ")
        out.pid(Int64(context.int32(1)))
        if ["PTRACE_ATTACH", "PTRACE_INTERRUPT", "PTRACE_KILL", "PTRACE_LISTEN"].contains(name) { return }
        out.raw(", ")
        let address = context.word(2)
        if name == "PTRACE_GETREGSET" || name == "PTRACE_SETREGSET" {
            out.constant(address, context.constants.registerSetTypes, unknown: "NT_???")
        } else {
            out.pointer(address)
        }
        switch ptraceData(name) {
        case .signal:
            out.raw(", ")
            out.signal(Int32(truncatingIfNeeded: context.word(3)))
        case .options:
            out.raw(", ")
            out.flags(context.word(3), context.constants.ptraceOptions, unknown: "PTRACE_O_???")
        case .word:
            out.raw(", ")
            out.hex(context.word(3))
        case .pointer:
            out.raw(", ")
            out.pointer(context.word(3))
        case .peekedWord, .eventMessage:
            out.raw(", ")  // what the kernel stores there prints at exit
        case .none:
            return
        }
    }, exit: { context, out in
        let request = UInt64(bitPattern: context.long(0))
        let name = context.constants.ptraceRequests.name(of: request).map { "\($0)" } ?? ""
        switch ptraceData(name) {
        case .peekedWord, .eventMessage:
            let address = context.word(3)
            guard context.returned != nil, let value = context.readWord(address) else { return out.pointer(address) }
            out.beginArray()
            out.element()
            out.hex(value)
            out.endArray()
        default:
            return
        }
    })
}

private func ptraceData(_ request: String) -> PtraceData {
    switch request {
    case "PTRACE_TRACEME", "PTRACE_ATTACH", "PTRACE_INTERRUPT", "PTRACE_KILL", "PTRACE_LISTEN": .none
    case "PTRACE_CONT", "PTRACE_DETACH", "PTRACE_SYSCALL", "PTRACE_SINGLESTEP", "PTRACE_SINGLEBLOCK",
         "PTRACE_SYSEMU", "PTRACE_SYSEMU_SINGLESTEP": .signal
    case "PTRACE_SEIZE", "PTRACE_SETOPTIONS", "PTRACE_OLDSETOPTIONS": .options
    case "PTRACE_PEEKTEXT", "PTRACE_PEEKDATA", "PTRACE_PEEKUSER": .peekedWord
    case "PTRACE_GETEVENTMSG": .eventMessage
    case "PTRACE_POKETEXT", "PTRACE_POKEDATA", "PTRACE_POKEUSER": .word
    default: .pointer
    }
}
