import SyscallTables

/// The kernel's key management (add_key, request_key, keyctl) as strace prints it: key ids by
/// their special names (`KEY_SPEC_SESSION_KEYRING`) or in decimal, keyctl's command by name and
/// the arguments of every command strace 6.1 decodes (KEYCTL_WATCH_KEY and unknown commands print
/// their arguments in hex, as strace does).
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
    case none                           // SESSION_TO_PARENT
    case key                            // REVOKE, CLEAR, INVALIDATE, ASSUME_AUTHORITY
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
    case instantiate                    // INSTANTIATE: the payload, its length, the keyring
    case instantiateIov                 // INSTANTIATE_IOV: the payload as an iovec array
    case negate                         // NEGATE: a timeout and the keyring
    case reject                         // REJECT: a timeout, an errno and the keyring
    case persistent                     // GET_PERSISTENT: a uid and the keyring
    case diffieHellman                  // DH_COMPUTE: struct keyctl_dh_params, the result at exit, kdf params
    case publicKeyQuery                 // PKEY_QUERY: struct keyctl_pkey_query at exit
    case publicKeyOperation(verify: Bool) // PKEY_ENCRYPT/DECRYPT/SIGN (output at exit), PKEY_VERIFY
    case restrict                       // RESTRICT_KEYRING: the key type and restriction strings
    case move                           // MOVE: a key, two keyrings, KEYCTL_MOVE_* flags
    case capabilities                   // CAPABILITIES: the capability bytes at exit
    case raw
}

private func keyctlArguments(_ command: String) -> KeyctlArguments {
    switch command {
    case "KEYCTL_SESSION_TO_PARENT": .none
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
    case "KEYCTL_INSTANTIATE": .instantiate
    case "KEYCTL_INSTANTIATE_IOV": .instantiateIov
    case "KEYCTL_NEGATE": .negate
    case "KEYCTL_REJECT": .reject
    case "KEYCTL_GET_PERSISTENT": .persistent
    case "KEYCTL_DH_COMPUTE": .diffieHellman
    case "KEYCTL_PKEY_QUERY": .publicKeyQuery
    case "KEYCTL_PKEY_ENCRYPT", "KEYCTL_PKEY_DECRYPT", "KEYCTL_PKEY_SIGN": .publicKeyOperation(verify: false)
    case "KEYCTL_PKEY_VERIFY": .publicKeyOperation(verify: true)
    case "KEYCTL_RESTRICT_KEYRING": .restrict
    case "KEYCTL_MOVE": .move
    case "KEYCTL_CAPABILITIES": .capabilities
    default: .raw
    }
}

extension DecodeContext {
    /// The command's arguments as `keyctlArguments` sorts them.
    fileprivate var keyctlCommandArguments: KeyctlArguments {
        let command = UInt64(UInt32(truncatingIfNeeded: call.args[0]))
        return keyctlArguments(constants.keyctlCommands.name(of: command).map { "\($0)" } ?? "")
    }
}

extension CallDecoder {
    static let keyctl = CallDecoder(entry: { context, out in
        let command = UInt64(UInt32(truncatingIfNeeded: context.call.args[0]))
        out.constant(command, context.constants.keyctlCommands, unknown: "KEYCTL_???")
        func key(_ index: Int) {
            out.raw(", ")
            context.printKeySerial(context.int32(index), to: &out)
        }
        func string(_ index: Int) {
            out.raw(", ")
            context.printCString(at: context.word(index), limit: context.options.stringLimit, to: &out)
        }
        func unsigned32(_ index: Int) {
            out.raw(", ")
            out.uint(context.word(index) & 0xffff_ffff)
        }
        switch context.keyctlCommandArguments {
        case .none:
            break
        case .key:
            key(1)
        case .keyAndCreate:
            key(1)
            out.raw(", ")
            out.int(Int64(context.int32(2)))
        case .name:
            string(1)
        case .keyBufferLength:
            key(1)
            out.raw(", ")
            context.printBuffer(at: context.word(2), length: context.word(3), to: &out)
            out.raw(", ")
            out.uint(context.word(3))
        case .keyReadBuffer:
            key(1)
            out.raw(", ")  // the buffer prints at exit
        case .diffieHellman:
            out.raw(", ")
            context.printDiffieHellmanParameters(at: context.word(1), to: &out)
            out.raw(", ")  // the result prints at exit
        case .capabilities:
            break  // the capabilities print at exit
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
            string(2)
            string(3)
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
            unsigned32(2)
        case .instantiate:
            key(1)
            out.raw(", ")
            context.printBuffer(at: context.word(2), length: context.word(3), to: &out)
            out.raw(", ")
            out.uint(context.word(3))
            key(4)
        case .instantiateIov:
            key(1)
            out.raw(", ")
            context.printIovecArray(at: context.word(2), count: context.word(3), data: .all, to: &out)
            out.raw(", ")
            out.uint(context.word(3))
            key(4)
        case .negate:
            key(1)
            unsigned32(2)
            key(3)
        case .reject:
            key(1)
            unsigned32(2)
            out.raw(", ")
            context.printErrorNumber(context.word(3) & 0xffff_ffff, to: &out)
            key(4)
        case .persistent:
            out.raw(", ")
            out.int(Int64(context.int32(1)))
            key(2)
        case .publicKeyQuery:
            key(1)
            out.raw(", ")
            out.hex(context.word(2))
            string(3)
            out.raw(", ")  // the query prints at exit
        case .publicKeyOperation(let verify):
            out.raw(", ")
            let parameters = context.read(context.word(1), count: publicKeyParametersSize)
            context.slot.values = (parameters == nil ? 0 : 1, 0)  // the exit shows the output only if 1
            if let parameters {
                context.printPublicKeyParameters(parameters, verify: verify, to: &out)
            } else {
                out.pointer(context.word(1))
            }
            string(2)
            out.raw(", ")
            // The input (and for PKEY_VERIFY the signature) as long as the parameters say.
            if let parameters {
                context.printBuffer(at: context.word(3), length: UInt64(parameters.u32(4)), to: &out)
            } else {
                out.pointer(context.word(3))
            }
            out.raw(", ")
            if verify {
                if let parameters {
                    context.printBuffer(at: context.word(4), length: UInt64(parameters.u32(8)), to: &out)
                } else {
                    out.pointer(context.word(4))
                }
            }
        case .restrict:
            key(1)
            string(2)
            string(3)
        case .move:
            key(1)
            key(2)
            key(3)
            out.raw(", ")
            out.flags(context.word(4) & 0xffff_ffff, context.constants.keyctlMoveFlags, unknown: "KEYCTL_MOVE_???")
        case .raw:
            for index in 1..<5 {
                out.raw(", ")
                out.hex(context.word(index))
            }
        }
    }, exit: { context, out in
        let returned = context.returned.flatMap { $0 >= 0 ? UInt64($0) : nil }
        switch context.keyctlCommandArguments {
        case .keyReadBuffer(let cString):
            let address = context.word(2), length = context.word(3)
            if let returned, address != 0 {
                let count = min(returned, length)
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
        case .diffieHellman:
            let address = context.word(2), length = context.word(3)
            if let returned {
                context.printBuffer(at: address, length: min(returned, length), to: &out)
            } else {
                out.pointer(address)
            }
            out.raw(", ")
            out.uint(length)
            out.raw(", ")
            context.printKeyDerivationParameters(at: context.word(4), to: &out)
        case .publicKeyQuery:
            context.printPublicKeyQuery(at: context.word(4), to: &out)
        case .publicKeyOperation(verify: false):
            // The output, as long as the call returned; only its address when the parameters
            // could not be read at entry either.
            let address = context.word(4)
            if let returned, context.slot.values.0 == 1 {
                context.printBuffer(at: address, length: returned, to: &out)
            } else {
                out.pointer(address)
            }
        case .capabilities:
            out.raw(", ")
            let address = context.word(1), length = context.word(2)
            if let returned {
                context.printKeyringCapabilities(at: address, count: Int(min(returned, length, 64)), to: &out)
            } else {
                out.pointer(address)
            }
            out.raw(", ")
            out.uint(length)
        default:
            break
        }
    })
}

/// sizeof(struct keyctl_pkey_params): s32 key_id, u32 in_len, u32 out_len (in2_len), u32 __spare[7].
private let publicKeyParametersSize = 40
/// sizeof(struct keyctl_pkey_query): u32 supported_ops, u32 key_size, four u16 sizes, u32 __spare[10].
private let publicKeyQuerySize = 56

extension DecodeContext {
    /// An errno by name (`EKEYREVOKED`), or in decimal when it has none. strace 6.1's names end
    /// at ERECALLCONFLICT (530): ENOGRACE, added later, prints as a number.
    func printErrorNumber(_ value: UInt64, to out: inout Emitter) {
        guard value <= 530, let name = ErrnoNames.name(Int(value)) else { return out.uint(value) }
        out.styled(number: { $0.uint(value) }, decoded: { $0.errorName(Int64(value), name) })
    }

    /// struct keyctl_dh_params: `{private=KEY_SPEC_..., prime=123, base=456}`.
    fileprivate func printDiffieHellmanParameters(at address: UInt64, to out: inout Emitter) {
        guard address != 0, let bytes = read(address, count: 12) else { return out.pointer(address) }
        out.beginStruct()
        out.field("private")
        printKeySerial(Int32(bitPattern: bytes.u32(0)), to: &out)
        out.field("prime")
        printKeySerial(Int32(bitPattern: bytes.u32(4)), to: &out)
        out.field("base")
        printKeySerial(Int32(bitPattern: bytes.u32(8)), to: &out)
        out.endStruct()
    }

    /// struct keyctl_kdf_params: `{hashname="sha256", otherinfo="...", otherinfolen=5}`, then
    /// `__spare` when any of it is set.
    fileprivate func printKeyDerivationParameters(at address: UInt64, to out: inout Emitter) {
        let layout = layouts.keyctlKdfParams
        guard address != 0, let bytes = read(address, count: layout.size) else { return out.pointer(address) }
        let hashName = layout.hashname.unsigned(in: bytes), otherInfo = layout.otherinfo.unsigned(in: bytes)
        let otherInfoLength = layout.otherinfolen.unsigned(in: bytes)
        out.beginStruct()
        out.field("hashname")
        printCString(at: hashName, limit: options.stringLimit, to: &out)
        out.field("otherinfo")
        printBuffer(at: otherInfo, length: otherInfoLength, to: &out)
        out.field("otherinfolen")
        out.uint(otherInfoLength)
        printSpare(bytes, at: layout.spare.offset, count: layout.spare.size / 4, to: &out)
        out.endStruct()
    }

    /// struct keyctl_pkey_params: `{key_id=123, in_len=4, out_len=128}` (`in2_len` for
    /// PKEY_VERIFY), then `__spare` when any of it is set.
    fileprivate func printPublicKeyParameters(_ bytes: UnsafeRawBufferPointer, verify: Bool, to out: inout Emitter) {
        out.beginStruct()
        out.field("key_id")
        printKeySerial(Int32(bitPattern: bytes.u32(0)), to: &out)
        out.field("in_len")
        out.uint(UInt64(bytes.u32(4)))
        out.field(verify ? "in2_len" : "out_len")
        out.uint(UInt64(bytes.u32(8)))
        printSpare(bytes, at: 12, count: 7, to: &out)
        out.endStruct()
    }

    /// struct keyctl_pkey_query, filled at exit: `{supported_ops=KEYCTL_SUPPORTS_ENCRYPT|...,
    /// key_size=1024, max_data_size=128, ...}`; its address when the call failed.
    fileprivate func printPublicKeyQuery(at address: UInt64, to out: inout Emitter) {
        guard returned != nil, address != 0, let bytes = read(address, count: publicKeyQuerySize) else {
            return out.pointer(address)
        }
        out.beginStruct()
        out.field("supported_ops")
        out.flags(UInt64(bytes.u32(0)), constants.keyctlPkeyOperations, unknown: "KEYCTL_SUPPORTS_???")
        out.field("key_size")
        out.uint(UInt64(bytes.u32(4)))
        out.field("max_data_size")
        out.uint(UInt64(bytes.u16(8)))
        out.field("max_sig_size")
        out.uint(UInt64(bytes.u16(10)))
        out.field("max_enc_size")
        out.uint(UInt64(bytes.u16(12)))
        out.field("max_dec_size")
        out.uint(UInt64(bytes.u16(14)))
        printSpare(bytes, at: 16, count: 10, to: &out)
        out.endStruct()
    }

    /// `__spare=[0, 0x3, ...]`: reserved words, shown only when one of them is not 0.
    private func printSpare(_ bytes: UnsafeRawBufferPointer, at offset: Int, count: Int, to out: inout Emitter) {
        guard (0..<count).contains(where: { bytes.u32(offset + 4 * $0) != 0 }) else { return }
        out.field("__spare")
        out.beginArray()
        for index in 0..<count {
            guard out.element(index) else { break }
            out.hex(UInt64(bytes.u32(offset + 4 * index)))
        }
        out.endArray()
    }

    /// KEYCTL_CAPABILITIES' bytes: `[KEYCTL_CAPS0_CAPABILITIES|..., KEYCTL_CAPS1_NS_KEYRING_NAME|...]`,
    /// bytes past the two the kernel defines in hex.
    fileprivate func printKeyringCapabilities(at address: UInt64, count: Int, to out: inout Emitter) {
        guard address != 0, let bytes = read(address, count: count) else { return out.pointer(address) }
        out.beginArray()
        for (index, byte) in bytes.enumerated() {
            out.element()
            switch index {
            case 0: out.flags(UInt64(byte), constants.keyctlCapabilities0, unknown: "KEYCTL_CAPS0_???")
            case 1: out.flags(UInt64(byte), constants.keyctlCapabilities1, unknown: "KEYCTL_CAPS1_???")
            default: out.hex(UInt64(byte))
            }
        }
        out.endArray()
    }
}
