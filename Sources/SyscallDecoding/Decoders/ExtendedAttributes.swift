/// Extended attribute values and name lists (setxattr, getxattr, listxattr and their l/f forms).
extension ArgPrinter {
    /// setxattr's value, its length in argument 3.
    static let xattrValueIn = ArgPrinter("xattrValueIn", refersTo: 3) { value, context, out in
        context.printXattrValue(at: context.truncate(value), length: context.word(3), to: &out)
    }

    /// getxattr's value: the returned length of it, or its address when the call failed.
    static let xattrValueOut = ArgPrinter("xattrValueOut", phase: .exit) { value, context, out in
        guard let count = context.returned, count >= 0 else { return out.pointer(context.truncate(value)) }
        context.printXattrValue(at: context.truncate(value), length: UInt64(count), to: &out)
    }

    /// listxattr's NUL-separated names (`"user.a\0user.b\0"`): only when the caller gave room for
    /// them (argument 2) and the call succeeded; its address otherwise.
    static let xattrNames = ArgPrinter("xattrNames", phase: .exit, refersTo: 2) { value, context, out in
        guard context.word(2) != 0, let count = context.returned, count >= 0 else {
            return out.pointer(context.truncate(value))
        }
        context.printBuffer(at: context.truncate(value), length: UInt64(count), to: &out)
    }

    /// XATTR_CREATE|XATTR_REPLACE.
    static let xattrFlags = flags("xattrFlags", \.xattrFlags, unknown: "XATTR_???")
}

/// The largest value the kernel takes (XATTR_SIZE_MAX in <linux/limits.h>): longer ones print
/// as their address, as strace prints them.
private let xattrSizeMax: UInt64 = 65536

extension DecodeContext {
    /// An attribute value: cut to `-s` bytes, but a NUL ending the shown bytes is left out and
    /// then no `...` follows (values are often C strings with their NUL).
    func printXattrValue(at address: UInt64, length: UInt64, to out: inout Emitter) {
        guard length <= xattrSizeMax else { return out.pointer(address) }
        guard address != 0 else { return out.name("NULL") }
        let shown = Int(min(length, UInt64(options.stringLimit)))
        guard let bytes = readBytes(address, count: shown) else { return out.hex(address) }
        if shown > 0, bytes[shown - 1] == 0 {
            out.bytes(bytes.prefix(shown - 1))
        } else {
            out.bytes(bytes, truncated: UInt64(shown) < length)
        }
    }
}
