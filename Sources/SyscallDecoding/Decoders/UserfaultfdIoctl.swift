/// userfaultfd(2)'s ioctls as strace prints them. UFFDIO_API, UFFDIO_REGISTER, UFFDIO_COPY and
/// UFFDIO_ZEROPAGE pass a struct that the kernel completes: strace opens it at entry
/// (`{api=0xaa, features=0`) and closes it at exit, with what the kernel wrote when the call
/// succeeded (` => features=..., ioctls=1<<_UFFDIO_REGISTER|...}`, `, copy=0x1000}`) and bare `}`
/// when it failed. UFFDIO_WAKE and UFFDIO_UNREGISTER pass a range. strace 6.1 leaves
/// UFFDIO_WRITEPROTECT's and UFFDIO_CONTINUE's structs as addresses: so does this table.
let userfaultfdRequestArguments: [(name: StaticString, argument: IoctlArgument)] = [
    ("UFFDIO_API", .decoded(.init(entry: { $0.printUffdApiEntry(at: $1, to: &$2) },
                                  exit: { $0.printUffdApiExit(at: $1, to: &$2) }))),
    ("UFFDIO_REGISTER", .decoded(.init(entry: { $0.printUffdRegisterEntry(at: $1, to: &$2) },
                                       exit: { $0.printUffdRegisterExit(at: $1, to: &$2) }))),
    ("UFFDIO_COPY", .decoded(.init(entry: { $0.printUffdCopyEntry(at: $1, to: &$2) },
                                   exit: { $0.printUffdCopyExit(at: $1, to: &$2) }))),
    ("UFFDIO_ZEROPAGE", .decoded(.init(entry: { $0.printUffdZeropageEntry(at: $1, to: &$2) },
                                       exit: { $0.printUffdZeropageExit(at: $1, to: &$2) }))),
    ("UFFDIO_WAKE", .decoded(.init(entry: { $0.printUffdRange(at: $1, to: &$2) }))),
    ("UFFDIO_UNREGISTER", .decoded(.init(entry: { $0.printUffdRange(at: $1, to: &$2) }))),
]

extension DecodeContext {
    /// The struct at `address` when the entry opened it (the slot says so), for the exit half.
    private func uffdStructAtExit(_ address: UInt64, size: Int) -> UnsafeRawBufferPointer? {
        guard slot.isUsed, slot.values.1 == 1 else { return nil }
        return read(address, count: size)
    }

    /// The bytes of the struct at `address`, having marked it open for the exit half; NULL or
    /// the address (nothing for the exit to add) when it cannot be read.
    private mutating func uffdStructAtEntry(_ address: UInt64, size: Int,
                                            to out: inout Emitter) -> UnsafeRawBufferPointer? {
        guard address != 0 else {
            out.name("NULL")
            return nil
        }
        guard let bytes = read(address, count: size) else {
            out.hex(address)
            return nil
        }
        slot.values.1 = 1
        return bytes
    }

    /// `{api=0xaa, features=UFFD_FEATURE_EVENT_FORK` (kept: the exit shows it again if changed).
    mutating func printUffdApiEntry(at address: UInt64, to out: inout Emitter) {
        let layout = layouts.uffdioApi
        guard let bytes = uffdStructAtEntry(address, size: layout.size, to: &out) else { return }
        let features = layout.features.unsigned(in: bytes)
        slot.values.0 = features
        out.raw("{api=")
        out.hex(layout.api.unsigned(in: bytes))
        out.raw(", features=")
        out.flags(features, constants(\.uffdFeatures), unknown: "UFFD_FEATURE_???")
    }

    /// ` => features=...` when the kernel changed them, `, ioctls=1<<_UFFDIO_REGISTER|...}`; `}`
    /// after a failure.
    func printUffdApiExit(at address: UInt64, to out: inout Emitter) {
        let layout = layouts.uffdioApi
        guard let bytes = uffdStructAtExit(address, size: layout.size) else { return }
        if returned != nil {
            let features = layout.features.unsigned(in: bytes)
            if features != slot.values.0 {
                out.raw(" => features=")
                out.flags(features, constants(\.uffdFeatures), unknown: "UFFD_FEATURE_???")
            }
            out.raw(", ioctls=")
            out.flags(layout.ioctls.unsigned(in: bytes), constants(\.uffdIoctlBits), unknown: "1<<_UFFDIO_???")
        }
        out.raw("}")
    }

    /// `{range={start=0x7f0000000000, len=0x4000}, mode=UFFDIO_REGISTER_MODE_MISSING`.
    mutating func printUffdRegisterEntry(at address: UInt64, to out: inout Emitter) {
        let layout = layouts.uffdioRegister
        guard let bytes = uffdStructAtEntry(address, size: layout.size, to: &out) else { return }
        out.raw("{range=")
        printUffdRangeFields(bytes, at: layout.range.offset, to: &out)
        out.raw(", mode=")
        out.flags(layout.mode.unsigned(in: bytes), constants(\.uffdRegisterModes), unknown: "UFFDIO_REGISTER_MODE_???")
    }

    /// `, ioctls=1<<_UFFDIO_WAKE|...}` (the requests the range now takes); `}` after a failure.
    func printUffdRegisterExit(at address: UInt64, to out: inout Emitter) {
        let layout = layouts.uffdioRegister
        guard let bytes = uffdStructAtExit(address, size: layout.size) else { return }
        if returned != nil {
            out.raw(", ioctls=")
            out.flags(layout.ioctls.unsigned(in: bytes), constants(\.uffdIoctlBits), unknown: "1<<_UFFDIO_???")
        }
        out.raw("}")
    }

    /// `{dst=0x7f0000001000, src=0x7f0000000000, len=0x1000, mode=0`.
    mutating func printUffdCopyEntry(at address: UInt64, to out: inout Emitter) {
        let layout = layouts.uffdioCopy
        guard let bytes = uffdStructAtEntry(address, size: layout.size, to: &out) else { return }
        out.raw("{dst=")
        out.hex(layout.dst.unsigned(in: bytes))
        out.raw(", src=")
        out.hex(layout.src.unsigned(in: bytes))
        out.raw(", len=")
        out.hex(layout.len.unsigned(in: bytes))
        out.raw(", mode=")
        out.flags(layout.mode.unsigned(in: bytes), constants(\.uffdCopyModes), unknown: "UFFDIO_COPY_???")
    }

    /// `, copy=0x1000}` (the bytes copied); `}` after a failure.
    func printUffdCopyExit(at address: UInt64, to out: inout Emitter) {
        let layout = layouts.uffdioCopy
        guard let bytes = uffdStructAtExit(address, size: layout.size) else { return }
        if returned != nil {
            out.raw(", copy=")
            out.hex(layout.copy.unsigned(in: bytes))
        }
        out.raw("}")
    }

    /// `{range={start=0x7f0000000000, len=0x1000}, mode=UFFDIO_ZEROPAGE_MODE_DONTWAKE`.
    mutating func printUffdZeropageEntry(at address: UInt64, to out: inout Emitter) {
        let layout = layouts.uffdioZeropage
        guard let bytes = uffdStructAtEntry(address, size: layout.size, to: &out) else { return }
        out.raw("{range=")
        printUffdRangeFields(bytes, at: layout.range.offset, to: &out)
        out.raw(", mode=")
        out.flags(layout.mode.unsigned(in: bytes), constants(\.uffdZeropageModes), unknown: "UFFDIO_ZEROPAGE_???")
    }

    /// `, zeropage=0x1000}` (the bytes zeroed); `}` after a failure.
    func printUffdZeropageExit(at address: UInt64, to out: inout Emitter) {
        let layout = layouts.uffdioZeropage
        guard let bytes = uffdStructAtExit(address, size: layout.size) else { return }
        if returned != nil {
            out.raw(", zeropage=")
            out.hex(layout.zeropage.unsigned(in: bytes))
        }
        out.raw("}")
    }

    /// struct uffdio_range whole: `{start=0x7f0000000000, len=0x1000}`.
    func printUffdRange(at address: UInt64, to out: inout Emitter) {
        withStruct(at: address, size: layouts.uffdioRange.size, to: &out) { bytes, out in
            printUffdRangeFields(bytes, at: 0, to: &out)
        }
    }

    /// The struct uffdio_range at `offset` of `bytes`.
    private func printUffdRangeFields(_ bytes: UnsafeRawBufferPointer, at offset: Int, to out: inout Emitter) {
        let layout = layouts.uffdioRange
        let range = UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + layout.size])
        out.beginStruct()
        out.field("start")
        out.hex(layout.start.unsigned(in: range))
        out.field("len")
        out.hex(layout.len.unsigned(in: range))
        out.endStruct()
    }
}
