import SyscallTables

/// x86 segment descriptors (`struct user_desc`, `<asm/ldt.h>`): set_thread_area, which every
/// i386 program calls at start-up, get_thread_area and modify_ldt. The struct is three u32 and
/// a word of bit fields on both x86 ABIs; the 64-bit one adds `lm`.
extension SyscallCatalog {
    static let segmentDescriptors: [String: SyscallSignature] = [
        "set_thread_area": .init(.userDesc, returns: .threadAreaEntry),
        "get_thread_area": .init(.userDescOut),
        "modify_ldt": .init(.int, .ldtEntry, .ulong, returns: .ldtResult),
    ]
}

private let userDescSize = 16

extension ArgPrinter {
    static let userDesc = ArgPrinter("userDesc") { value, context, out in
        context.printUserDesc(at: context.truncate(value), whole: true, to: &out)
    }

    /// get_thread_area's descriptor, filled in by the kernel; only the entry asked for when the
    /// call failed.
    static let userDescOut = ArgPrinter("userDescOut", phase: .exit) { value, context, out in
        context.printUserDesc(at: context.truncate(value), whole: context.returned != nil, to: &out)
    }

    /// modify_ldt's pointer: a descriptor for the writing functions (1 and 0x11) when the byte
    /// count is one descriptor's size, an address otherwise.
    static let ldtEntry = ArgPrinter("ldtEntry", refersTo: 0) { value, context, out in
        let function = context.int32(0)
        let address = context.truncate(value)
        guard function == 1 || function == 0x11, context.word(2) == UInt64(userDescSize) else {
            return out.pointer(address)
        }
        context.printUserDesc(at: address, whole: true, to: &out)
    }
}

extension ReturnPrinter {
    /// `0 (entry_number=12)`: the entry the kernel chose or confirmed.
    static let threadAreaEntry = ReturnPrinter("threadAreaEntry") { value, context, out in
        out.int(value)
        let address = context.word(0)
        guard address != 0, let bytes = context.read(address, count: 4) else { return }
        out.beginNote()
        out.element()
        out.assignedLabel("entry_number=")
        out.int(Int64(Int32(bitPattern: bytes.u32(0))))
        out.endNote()
    }

    /// modify_ldt returns an int that the 64-bit kernel does not sign-extend, so a failure
    /// arrives as a large number; strace names its error after it: `4294967274 EINVAL (...)`.
    static let ldtResult = ReturnPrinter("ldtResult") { value, context, out in
        let unsigned = UInt64(bitPattern: value)
        guard context.wordSize == 8, unsigned > 0xffff_f000, unsigned <= 0xffff_ffff else { return out.int(value) }
        let errno = Int(0x1_0000_0000 - unsigned)
        out.uint(unsigned)
        if let name = ErrnoNames.name(errno) {
            out.raw(" ")
            out.text.append(name)
            out.raw(" (")
            out.text.append(ErrnoText.message(errno))
            out.raw(")")
        }
    }
}

extension DecodeContext {
    /// `{entry_number=-1, base_addr=0x92c2380, limit=0x0fffff, seg_32bit=1, ...}`, with `lm` on
    /// x86_64; `{entry_number=12, ...}` when only the entry is known.
    func printUserDesc(at address: UInt64, whole: Bool, to out: inout Emitter) {
        guard address != 0 else { return out.name("NULL") }
        guard let bytes = read(address, count: userDescSize) else { return out.hex(address) }
        out.beginStruct()
        out.field("entry_number")
        out.int(Int64(Int32(bitPattern: bytes.u32(0))))
        guard whole else {
            out.abbreviated()
            return out.endStruct()
        }
        out.field("base_addr")
        out.paddedHex(UInt64(bytes.u32(4)), width: 8)
        out.field("limit")
        out.paddedHex(UInt64(bytes.u32(8)), width: 8)
        let bits = bytes.u32(12)
        let fields: [(StaticString, UInt32, UInt32)] = [
            ("seg_32bit", 0, 1), ("contents", 1, 3), ("read_exec_only", 3, 1), ("limit_in_pages", 4, 1),
            ("seg_not_present", 5, 1), ("useable", 6, 1),
        ]
        for (name, shift, mask) in fields {
            out.field(name)
            out.uint(UInt64(bits >> shift & mask))
        }
        if call.arch == .x86_64 {
            out.field("lm")
            out.uint(UInt64(bits >> 7 & 1))
        }
        out.endStruct()
    }
}
