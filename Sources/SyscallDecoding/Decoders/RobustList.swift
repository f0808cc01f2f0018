/// get_robust_list: the head of a thread's robust futex list and its length, both written by
/// the kernel (set_robust_list, which passes them in, is in Process.swift).
extension SyscallCatalog {
    static let robustList: [String: SyscallSignature] = [
        "get_robust_list": .init(.int, .wordOut(pointer: true), .wordOut(pointer: false)),
    ]
}

extension ArgPrinter {
    /// One word the kernel stores at exit: `[0x2a40c660]` (an address) or `[24]`.
    static func wordOut(pointer: Bool) -> ArgPrinter {
        output("wordOut(\(pointer))") { address, context, out in
            guard context.dereferences, let word = context.readWord(address) else { return out.hex(address) }
            out.beginArray()
            out.element()
            if pointer { out.pointer(word) } else { out.uint(word) }
            out.endArray()
        }
    }
}
