import Foundation
import Testing

@testable import SyscallDecoding
import SyscallTables

/// Random register values and random tracee memory (mapped, unmapped and half-mapped pages) for
/// every syscall of every ABI, through `SyscallFormatter` as a real stop takes it (entry half, then
/// the exit half with a random result, or `= ?`): no crash, and every line well formed: valid
/// UTF-8 with no raw control character, brackets and quotes balanced. Seeded, so a failure names
/// what reproduces it; a crash found this way becomes a test of its own below.
@Suite struct DecoderFuzzTests {
    static let seed: UInt64 = 0x4445_434F_4445_5231  // "DECODER1"
    /// Per syscall and ABI; `SWTRACE_FUZZ_CALLS` asks for more (the default keeps the test near 5 s).
    static let callsPerSyscall = Int(ProcessInfo.processInfo.environment["SWTRACE_FUZZ_CALLS"] ?? "") ?? 100

    @Test(arguments: SyscallArch.allCases)
    func randomCallsPrintWellFormedLines(arch: SyscallArch) {
        var random = DecoderFuzzRandom(seed: Self.seed ^ UInt64(arch.auditArch))
        let table = DecoderTable.forArch(arch)
        var failures: [String] = []
        for (number, name) in SyscallTable.forArch(arch).names.enumerated() {
            guard name != nil, let descriptor = table.descriptor(UInt64(number)) else { continue }
            for iteration in 0..<Self.callsPerSyscall {
                let memory = FuzzMemory(&random)
                let call = SyscallCall(arch: arch, number: UInt64(number), args: SyscallArgs((0..<6).map { _ in memory.argument(&random) }))
                let line = Self.render(descriptor, call, memory: memory, random: &random)
                if let problem = LineShape.problem(in: line), failures.count < 20 {
                    failures.append("\(arch) \(descriptor.name) #\(iteration) args \(Self.hex(call.args)): \(problem)\n    \(String(decoding: line, as: UTF8.self).debugDescription)")
                }
            }
        }
        if ProcessInfo.processInfo.environment["SWTRACE_FUZZ_SHOW"] != nil {
            var sample = DecoderFuzzRandom(seed: Self.seed)
            for number in [59, 0, 13, 1, 16, 7, 232, 46] where arch == .x86_64 {
                let memory = FuzzMemory(&sample)
                let call = SyscallCall(arch: arch, number: UInt64(number), args: SyscallArgs((0..<6).map { _ in memory.argument(&sample) }))
                print(String(decoding: Self.render(table.descriptor(UInt64(number))!, call, memory: memory, random: &sample), as: UTF8.self))
            }
        }
        #expect(failures.isEmpty, "\(failures.count) malformed lines:\n\(failures.joined(separator: "\n"))")
    }

    static func render(_ descriptor: SyscallDescriptor, _ call: SyscallCall, memory: FuzzMemory,
                       random: inout DecoderFuzzRandom) -> [UInt8] {
        let limits = [0, 1, 4, 32, 32, 32, 200]
        let formatter = SyscallFormatter(options: DecodeOptions(stringLimit: limits[Int(random.next() % UInt64(limits.count))]))
        var out = TextBuffer()
        var slot = CallSlot()
        let interrupted = random.next() % 2 == 0 ? "clock_nanosleep" : nil
        formatter.appendEntry(to: &out, descriptor: descriptor, call: call, memory: memory, slot: &slot, interruptedCall: interrupted)
        if random.next() % 8 == 0 {
            formatter.appendNoReturn(to: &out, descriptor: descriptor)
        } else {
            memory.scramble(&random)  // the call changed its buffers before returning
            let results: [Int64] = [0, 1, 3, 8, 64, 4096, -1, -2, -4, -14, -38, -512, -516, -4095, -4096,
                                    Int64.max, Int64.min, Int64(bitPattern: random.next()), Int64(random.next() % 100_000)]
            let result = SyscallResult(rawValue: results[Int(random.next() % UInt64(results.count))])
            formatter.appendExit(to: &out, descriptor: descriptor, call: call, memory: memory, slot: slot, result: result)
        }
        return out.bytes
    }

    static func hex(_ args: SyscallArgs) -> String {
        (0..<6).map { "0x" + String(args[$0], radix: 16) }.joined(separator: ",")
    }

    // MARK: Crashes and malformed lines found by the fuzzer, kept as tests of their own

    /// The checker itself: what it must accept and refuse.
    @Test func theShapeCheckTellsGoodLinesFromBad() {
        let good = [#"read(3, "a\"b(", 4) = 4"#, #"openat(AT_FDCWD, "x"..., O_RDONLY) = -1 ENOENT (No such file or directory)"#,
                    "execve(\"/bin/x\", [\"x\"], 0x7ffc /* 3 vars */) = 0", "rt_sigprocmask(SIG_BLOCK, ~[RTMIN RT_1], [], 8) = 0",
                    "restart_syscall(<... resuming interrupted clock_nanosleep ...>) = 0", "read(3,  <unfinished ...>) = ?",
                    "name_to_handle_at(3, \"x\", {handle_bytes=8 <unfinished ...>) = ?"]
        for line in good { #expect(LineShape.problem(in: Array(line.utf8)) == nil, "\(line)") }
        let bad = ["read(3, \"abc, 4) = 4", "read(3, [1, 2) = 4", "read(3}) = 1", "write(1, \"\n\", 1) = 1"]
        for line in bad { #expect(LineShape.problem(in: Array(line.utf8)) != nil, "\(line)") }
        #expect(LineShape.problem(in: [0x72, 0x28, 0xff, 0x29]) != nil, "invalid UTF-8")
    }
}

/// SplitMix64, as the command-line fuzz test uses (each test target has its own copy).
struct DecoderFuzzRandom: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Tracee memory made up for one call: eight pages at `base`, some unmapped, filled with text,
/// zeros, random bytes, UTF-8, or pointers back into the region (so argv arrays, iovecs and
/// pointers in structs lead somewhere, or into a hole).
final class FuzzMemory: TraceeMemory {
    static let base: UInt64 = 0x7f12_3400_0000
    static let pageCount: UInt64 = 8
    /// Each mapped page's seed; its bytes are made from it when first read (most calls read none).
    private var seeds: [UInt64: UInt64] = [:]
    private var pages: [UInt64: [UInt8]] = [:]

    init(_ random: inout DecoderFuzzRandom) {
        for page in 0..<Self.pageCount where page == 0 || random.next() % 4 != 0 {
            seeds[page] = random.next()
        }
    }

    func scramble(_ random: inout DecoderFuzzRandom) {
        guard random.next() % 2 == 0 else { return }
        for page in seeds.keys where random.next() % 2 == 0 {
            seeds[page] = random.next()
            pages[page] = nil
        }
    }

    private func bytes(ofPage page: UInt64) -> [UInt8]? {
        if let bytes = pages[page] { return bytes }
        guard let seed = seeds[page] else { return nil }
        var random = DecoderFuzzRandom(seed: seed)
        let bytes = Self.fill(&random)
        pages[page] = bytes
        return bytes
    }

    static func fill(_ random: inout DecoderFuzzRandom) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: 4096)
        // Eight bytes from each random word: filling pages is most of this test's time.
        func eachByte(_ make: (UInt8) -> UInt8) {
            var word: UInt64 = 0
            for i in bytes.indices {
                if i % 8 == 0 { word = random.next() }
                bytes[i] = make(UInt8(truncatingIfNeeded: word >> (UInt64(i % 8) * 8)))
            }
        }
        switch random.next() % 6 {
        case 0:  // text, with a NUL now and then
            eachByte { $0 < 6 ? 0 : 32 + $0 % 95 }
        case 1:  // zeros
            break
        case 2:  // UTF-8 and broken UTF-8
            let pieces: [[UInt8]] = [[0xc3, 0xa9], [0xe2, 0x82, 0xac], [0xf0, 0x9f, 0x98, 0x80], [0xc3], [0xff], [0x80], [0x22], [0x5c], [0x0a], [0]]
            var i = 0
            while i < bytes.count {
                for byte in pieces[Int(random.next() % UInt64(pieces.count))] where i < bytes.count {
                    bytes[i] = byte
                    i += 1
                }
            }
        case 3:  // pointers into the region, NULLs and small numbers
            for word in 0..<(bytes.count / 8) {
                let value: UInt64 = switch random.next() % 4 {
                case 0: 0
                case 1: random.next() % 64
                default: base + random.next() % (pageCount * 4096)
                }
                withUnsafeBytes(of: value.littleEndian) { bytes.replaceSubrange((word * 8)..<(word * 8 + 8), with: $0) }
            }
        case 4:  // all ones: -1, maximal lengths and counts
            bytes = [UInt8](repeating: 0xff, count: 4096)
        default:
            eachByte { $0 }
        }
        return bytes
    }

    /// A register value: small numbers, -1, flags, random words, and pointers into the region,
    /// often close to a page's end, or into nothing.
    func argument(_ random: inout DecoderFuzzRandom) -> UInt64 {
        switch random.next() % 10 {
        case 0: return 0
        case 1: return random.next() % 8
        case 2: return UInt64.max
        case 3: return random.next() % 70_000
        case 4: return random.next()
        case 5: return UInt64(UInt32(truncatingIfNeeded: random.next()))
        case 6: return Self.base + (random.next() % Self.pageCount) * 4096 + 4096 - random.next() % 24
        case 7: return 16
        default: return Self.base + random.next() % (Self.pageCount * 4096)
        }
    }

    func read(from address: UInt64, into buffer: UnsafeMutableRawBufferPointer) -> Int {
        var copied = 0
        while copied < buffer.count {
            let (at, overflow) = address.addingReportingOverflow(UInt64(copied))
            guard !overflow, at >= Self.base, let bytes = bytes(ofPage: (at - Self.base) / 4096) else { break }
            let offset = Int((at - Self.base) % 4096)
            let count = min(4096 - offset, buffer.count - copied)
            bytes.withUnsafeBytes { source in
                buffer.baseAddress!.advanced(by: copied).copyMemory(from: source.baseAddress!.advanced(by: offset), byteCount: count)
            }
            copied += count
        }
        return copied
    }
}
