/// The kernel's key management (add_key, request_key, keyctl) as strace prints it: key ids by
/// their special names (`KEY_SPEC_SESSION_KEYRING`) or in decimal, keyctl's command by name and
/// the arguments each common command takes; other commands print their arguments in hex.
extension SyscallCatalog {
    static let keys: [String: SyscallSignature] = [
        "add_key": .init(.string, .string, .keyPayload, .ulong, .keySerial),
        "request_key": .init(.string, .string, .string, .keySerial),
        "keyctl": .init(count: 5, decoder: .keyctl),
    ]
}

extension ArgPrinter {
    /// A key or keyring id: `KEY_SPEC_PROCESS_KEYRING`, or the serial number in decimal.
    static let keySerial = ArgPrinter("keySerial") { value, context, out in
        context.printKeySerial(Int32(truncatingIfNeeded: value), to: &out)
    }

    /// add_key's payload, its length in argument 3: a string cut at `-s`, or NULL.
    static let keyPayload = ArgPrinter("keyPayload", refersTo: 3) { value, context, out in
        context.printBuffer(at: context.truncate(value), length: context.word(3), to: &out)
    }
}

extension DecodeContext {
    func printKeySerial(_ id: Int32, to out: inout Emitter) {
        if let name = constants.specialKeys.name(of: UInt64(bitPattern: Int64(id))) {
            out.named(Int64(id), name)
        } else {
            out.int(Int64(id))
        }
    }
}

/// What keyctl's arguments after the command are, for the commands strace decodes.
private enum KeyctlArguments {
    case key                            // REVOKE, CLEAR, INVALIDATE, ...
    case keyAndCreate                   // GET_KEYRING_ID
    case name                           // JOIN_SESSION_KEYRING
    case keyBufferLength                // UPDATE
    case keyReadBuffer(cString: Bool)   // READ (bytes), DESCRIBE and GET_SECURITY (a C string), at exit
    case keyOwner                       // CHOWN
    case keyPermissions                 // SETPERM
    case keyKeyring                     // LINK, UNLINK
    case search                         // SEARCH
    case requestKeyDefault              // SET_REQKEY_KEYRING
    case keyTimeout                     // SET_TIMEOUT
    case raw
}

private func keyctlArguments(_ command: String) -> KeyctlArguments {
    switch command {
    case "KEYCTL_REVOKE", "KEYCTL_CLEAR", "KEYCTL_INVALIDATE", "KEYCTL_ASSUME_AUTHORITY": .key
    case "KEYCTL_GET_KEYRING_ID": .keyAndCreate
    case "KEYCTL_JOIN_SESSION_KEYRING": .name
    case "KEYCTL_UPDATE": .keyBufferLength
    case "KEYCTL_READ": .keyReadBuffer(cString: false)
    case "KEYCTL_DESCRIBE", "KEYCTL_GET_SECURITY": .keyReadBuffer(cString: true)
    case "KEYCTL_CHOWN": .keyOwner
    case "KEYCTL_SETPERM": .keyPermissions
    case "KEYCTL_LINK", "KEYCTL_UNLINK": .keyKeyring
    case "KEYCTL_SEARCH": .search
    case "KEYCTL_SET_REQKEY_KEYRING": .requestKeyDefault
    case "KEYCTL_SET_TIMEOUT": .keyTimeout
    default: .raw
    }
}

extension CallDecoder {
    static let keyctl = CallDecoder(entry: { context, out in
        let command = UInt64(UInt32(truncatingIfNeeded: context.call.args[0]))
        out.constant(command, context.constants.keyctlCommands, unknown: "KEYCTL_???")
        let name = context.constants.keyctlCommands.name(of: command).map { "\($0)" } ?? ""
        func key(_ index: Int) {
            out.raw(", ")
            context.printKeySerial(context.int32(index), to: &out)
        }
        switch keyctlArguments(name) {
        case .key:
            key(1)
        case .keyAndCreate:
            key(1)
            out.raw(", ")
            out.int(Int64(context.int32(2)))
        case .name:
            out.raw(", ")
            context.printCString(at: context.word(1), limit: context.options.stringLimit, to: &out)
        case .keyBufferLength:
            key(1)
            out.raw(", ")
            context.printBuffer(at: context.word(2), length: context.word(3), to: &out)
            out.raw(", ")
            out.uint(context.word(3))
        case .keyReadBuffer:
            key(1)
            out.raw(", ")  // the buffer prints at exit
        case .keyOwner:
            key(1)
            out.raw(", ")
            out.int(Int64(context.int32(2)))
            out.raw(", ")
            out.int(Int64(context.int32(3)))
        case .keyPermissions:
            key(1)
            out.raw(", ")
            out.flags(context.word(2) & 0xffff_ffff, context.constants.keyPermissions)
        case .keyKeyring:
            key(1)
            key(2)
        case .search:
            key(1)
            out.raw(", ")
            context.printCString(at: context.word(2), limit: context.options.stringLimit, to: &out)
            out.raw(", ")
            context.printCString(at: context.word(3), limit: context.options.stringLimit, to: &out)
            key(4)
        case .requestKeyDefault:
            out.raw(", ")
            let value = context.int32(1)
            if let name = context.constants.requestKeyDefaults.name(of: UInt64(bitPattern: Int64(value))) {
                out.named(Int64(value), name)
            } else {
                out.int(Int64(value))
            }
        case .keyTimeout:
            key(1)
            out.raw(", ")
            out.uint(context.word(2) & 0xffff_ffff)
        case .raw:
            for index in 1..<5 {
                out.raw(", ")
                out.hex(context.word(index))
            }
        }
    }, exit: { context, out in
        let command = UInt64(UInt32(truncatingIfNeeded: context.call.args[0]))
        let name = context.constants.keyctlCommands.name(of: command).map { "\($0)" } ?? ""
        guard case .keyReadBuffer(let cString) = keyctlArguments(name) else { return }
        let address = context.word(2), length = context.word(3)
        if let returned = context.returned, returned >= 0, address != 0 {
            let count = min(UInt64(returned), length)
            if cString {
                context.printCString(at: address, limit: Int(min(count, UInt64(context.options.stringLimit))), to: &out)
            } else {
                context.printBuffer(at: address, length: count, to: &out)
            }
        } else {
            out.pointer(address)
        }
        out.raw(", ")
        out.uint(length)
    })
}
