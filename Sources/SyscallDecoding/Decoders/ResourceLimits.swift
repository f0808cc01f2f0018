/// getrlimit, setrlimit and i386's ugetrlimit: `struct rlimit` of two words (prlimit64's is in
/// Process.swift). The largest word is RLIM64_INFINITY on 64-bit ABIs and RLIM_INFINITY on
/// i386, as strace names them; i386's old getrlimit gets 0x7fffffff for it from the kernel, a
/// plain number.
extension SyscallCatalog {
    static let resourceLimits: [String: SyscallSignature] = [
        "getrlimit": .init(.rlimitResource, .rlimitOut),
        "ugetrlimit": .init(.rlimitResource, .rlimitOut),
        "setrlimit": .init(.rlimitResource, .rlimit),
    ]
}

extension ArgPrinter {
    static let rlimit = ArgPrinter("rlimit") { value, context, out in
        context.printRlimit(at: context.truncate(value), to: &out)
    }
    static let rlimitOut = output("rlimitOut") { address, context, out in
        context.printRlimit(at: address, to: &out)
    }
}

extension DecodeContext {
    /// `{rlim_cur=8192*1024, rlim_max=RLIM_INFINITY}`.
    func printRlimit(at address: UInt64, to out: inout Emitter) {
        guard address != 0 else { return out.name("NULL") }
        guard let bytes = read(address, count: 2 * wordSize) else { return out.hex(address) }
        out.beginStruct()
        out.field("rlim_cur")
        printLimit(FieldLayout(offset: 0, size: wordSize).unsigned(in: bytes), to: &out)
        out.field("rlim_max")
        printLimit(FieldLayout(offset: wordSize, size: wordSize).unsigned(in: bytes), to: &out)
        out.endStruct()
    }

    /// A limit: the infinity by name, a multiple of 1024 as `N*1024`, otherwise the number; with
    /// `-X raw` always the number. `wide`: a 64-bit limit whatever the ABI (prlimit64's).
    func printLimit(_ value: UInt64, wide: Bool = false, to out: inout Emitter) {
        let infinity = wide ? UInt64.max : truncate(UInt64.max)
        guard value == infinity || (value > 1024 && value % 1024 == 0) else { return out.uint(value) }
        out.styled(number: { $0.uint(value) }, decoded: { out in
            if value == infinity {
                out.name(wide || wordSize == 8 ? "RLIM64_INFINITY" : "RLIM_INFINITY")
            } else {
                out.beginOperation(.times)
                out.operand()
                out.uint(value / 1024)
                out.operand()
                out.uint(1024)
                out.endOperation()
            }
        })
    }
}
