import Glibc

extension Emitter {
    /// Flags as strace prints them when none of the bits has a name: `0x4 /* TFD_??? */`;
    /// otherwise as `flags` (`NAME|0x10`).
    mutating func flags(_ value: UInt64, _ table: FlagTable, unknown: StaticString) {
        var named: UInt64 = 0
        for entry in table.entries where entry.bits != 0 && value & entry.bits == entry.bits { named |= entry.bits }
        if value != 0 && named == 0 {
            hex(value)
            raw(" /* ")
            raw(unknown)
            raw(" */")
        } else {
            flags(value, table)
        }
    }

    /// ` (NAME)` or ` (flags ...)`: the decoration strace adds after some return values.
    mutating func returnComment(_ body: (inout Emitter) -> Void) {
        raw(" (")
        body(&self)
        raw(")")
    }
}

extension ArgPrinter {
    /// Flags (low 32 bits) named from a generated table, all-unknown bits as `0x4 /* PREFIX_??? */`.
    static func flags(_ id: String, _ table: KeyPath<ABIConstants, FlagTable> & Sendable,
                      unknown: StaticString) -> ArgPrinter {
        ArgPrinter(id) { value, context, out in
            out.flags(UInt64(UInt32(truncatingIfNeeded: value)), context.constants[keyPath: table], unknown: unknown)
        }
    }

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
