import Glibc

extension Emitter {
    /// ` (NAME)` or ` (flags ...)`: the decoration strace adds after some return values.
    mutating func returnComment(_ body: (inout Emitter) -> Void) {
        beginNote()
        element()
        body(&self)
        endNote()
    }
}

extension ArgPrinter {
    /// Something the kernel fills in at exit: printed by `body` when the call succeeded, as its
    /// address (or `NULL`) when it failed.
    static func output(_ id: String, isDecoded: Bool = true,
                       _ body: @escaping @Sendable (UInt64, inout DecodeContext, inout Emitter) -> Void) -> ArgPrinter {
        ArgPrinter(id, phase: .exit, isDecoded: isDecoded) { value, context, out in
            let address = context.truncate(value)
            guard context.returned != nil, address != 0 else { return out.pointer(address) }
            body(address, &context, &out)
        }
    }

    /// One C `int` the kernel stores at the address: `[0]`.
    static let intOut = output("intOut") { address, context, out in context.printIntArray(at: address, count: 1, to: &out) }
    /// One C `int` the tracee passes by address: `[0]`.
    static let intIn = ArgPrinter("intIn") { value, context, out in
        context.printIntArray(at: context.truncate(value), count: 1, to: &out)
    }
    /// A 64-bit offset the tracee passes by address (copy_file_range, splice): `[2]`.
    static let offsetIn = ArgPrinter("offsetIn") { value, context, out in
        let address = context.truncate(value)
        guard address != 0 else { return out.name("NULL") }
        guard let bytes = context.read(address, count: 8) else { return out.hex(address) }
        out.beginArray()
        out.element()
        out.int(FieldLayout(offset: 0, size: 8).signed(in: bytes))
        out.endArray()
    }
}

extension DecodeContext {
    /// `[1, 2]`: C ints at `address`; the address when unreadable.
    func printIntArray(at address: UInt64, count: Int, to out: inout Emitter) {
        guard address != 0 else { return out.name("NULL") }
        guard let bytes = read(address, count: 4 * count) else { return out.hex(address) }
        out.beginArray()
        for index in 0..<count {
            out.element()
            out.int(FieldLayout(offset: 4 * index, size: 4).signed(in: bytes))
        }
        out.endArray()
    }

    /// A struct of `size` bytes at `address` handed to `body`, or its address when unreadable.
    func withStruct(at address: UInt64, size: Int, to out: inout Emitter,
                    _ body: (UnsafeRawBufferPointer, inout Emitter) -> Void) {
        guard address != 0 else { return out.name("NULL") }
        guard let bytes = read(address, count: size) else { return out.hex(address) }
        body(bytes, &out)
    }
}
