// libFuzzer target for the syscall decoders (built and run by scripts/fuzz, not part of CI).
// One input is one call: which ABI and syscall, the six registers, the result, the printing
// options, and the bytes of the tracee memory the registers may point into. It goes through
// `SyscallFormatter` as a real stop takes it, entry then exit (or `= ?`), and the line must pass
// `LineShape` (Tests/SyscallDecodingTests/LineShape.swift); a malformed line aborts, so libFuzzer
// keeps the input that made it.
@testable import SyscallDecoding
import SyscallTables

/// The input, read front to back; reads past its end give zeros.
struct FuzzInput {
    let bytes: UnsafeRawBufferPointer
    var offset = 0

    mutating func byte() -> UInt8 {
        defer { offset += 1 }
        return offset < bytes.count ? bytes[offset] : 0
    }

    mutating func word(_ count: Int) -> UInt64 {
        (0..<count).reduce(UInt64(0)) { value, index in value | UInt64(byte()) << (8 * UInt64(index)) }
    }

    /// A register: a small number, a pointer into the memory region (often near its end), -1 or
    /// a small negative number, or any 64-bit word. A selector byte makes pointers easy to reach.
    mutating func register() -> UInt64 {
        switch byte() % 5 {
        case 0: return UInt64(byte())
        case 1: return RegionMemory.base + word(2)
        case 2: return UInt64(bitPattern: -Int64(byte()) - 1)
        case 3: return UInt64(UInt32(truncatingIfNeeded: word(4)))
        default: return word(8)
        }
    }

    var rest: UnsafeRawBufferPointer { UnsafeRawBufferPointer(rebasing: bytes[min(offset, bytes.count)...]) }
}

/// Tracee memory: the input's remaining bytes mapped at `base`, nothing else (so every string,
/// array and struct can run off the end into an unmapped page).
struct RegionMemory: TraceeMemory {
    static let base: UInt64 = 0x7f12_3400_0000
    let bytes: UnsafeRawBufferPointer
    var tid: Int32 { 0 }

    func read(from address: UInt64, into buffer: UnsafeMutableRawBufferPointer) -> Int {
        guard address >= Self.base, address - Self.base < UInt64(bytes.count) else { return 0 }
        let start = Int(address - Self.base)
        let count = min(buffer.count, bytes.count - start)
        buffer.baseAddress!.copyMemory(from: bytes.baseAddress!.advanced(by: start), byteCount: count)
        return count
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    var input = FuzzInput(bytes: UnsafeRawBufferPointer(start: data, count: size))
    let arches = SyscallArch.allCases
    let arch = arches[Int(input.byte()) % arches.count]
    let names = SyscallTable.forArch(arch).names
    let number = UInt64(input.word(2)) % UInt64(names.count)
    guard names[Int(number)] != nil, let descriptor = DecoderTable.forArch(arch).descriptor(number) else { return 0 }
    let flags = input.byte()
    let limits = [0, 1, 4, 32, 200]
    var options = DecodeOptions()
    options.stringLimit = limits[Int(flags & 7) % limits.count]
    let call = SyscallCall(arch: arch, number: number, args: SyscallArgs((0..<6).map { _ in input.register() }))
    let result = SyscallResult(rawValue: Int64(bitPattern: input.register()))
    let memory = RegionMemory(bytes: input.rest)

    let formatter = SyscallFormatter(options: options)
    var out = TextBuffer()
    var slot = CallSlot()
    formatter.appendEntry(to: &out, descriptor: descriptor, call: call, memory: memory, slot: &slot,
                          interruptedCall: flags & 8 != 0 ? "clock_nanosleep" : nil)
    if flags & 16 != 0 {
        formatter.appendNoReturn(to: &out, descriptor: descriptor)
    } else {
        formatter.appendExit(to: &out, descriptor: descriptor, call: call, memory: memory, slot: slot, result: result)
    }
    if let problem = LineShape.problem(in: out.bytes) {
        print("\(arch) \(descriptor.name): \(problem)\n    \(String(decoding: out.bytes, as: UTF8.self).debugDescription)")
        fatalError("malformed line")
    }
    return 0
}
