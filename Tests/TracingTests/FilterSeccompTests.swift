import Foundation
import SyscallTables
import Testing

@testable import Tracing

// The seccomp program, on the real kernel without a tracer (FilterFixtures/seccomp-probe.c
// installs it with swt_install_seccomp_filter: a SECCOMP_RET_TRACE call then fails with ENOSYS,
// an allowed one runs), and instruction by instruction for every syscall of every ABI.

@Suite struct FilterSeccompTests {
    func program(_ expression: String, alsoTrace extra: [String] = [], abis: [SeccompProgram.ABI] = SeccompProgram.hostABIs) throws -> [UInt8] {
        var filter = SyscallFilter()
        try filter.apply(expression)
        return try SeccompProgram.build(for: filter, alsoTrace: extra, abis: abis)
    }

    /// Runs seccomp-probe with `bytes` installed: "traced=... allowed=...".
    func probe(_ bytes: [UInt8], bits: FilterFixtures.Bits, traced: Int, allowed: Int) throws -> String {
        let probe = try FilterFixtures.compile("seccomp-probe", ["seccomp-probe.c", "Sources/CPtrace/seccomp_install.c"], bits: bits)
        let file = FilterFixtures.buildDirectory.appendingPathComponent("program-\(UUID().uuidString).bpf")
        try Data(bytes).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try FilterFixtures.runProgram(probe, [file.path, String(traced), String(allowed)])
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout.trimmingCharacters(in: .newlines)
    }

    // dup(-1) and close(-1) fail with EBADF when they run; execve(-1, ...) with EFAULT.
    @Test func tracedCallsStopAndOthersRun64() throws {
        let bytes = try program("dup")
        #expect(try probe(bytes, bits: .x86_64, traced: 32, allowed: 3) == "traced=ENOSYS allowed=ran")
        #expect(try probe(bytes, bits: .x86_64, traced: 59, allowed: 3) == "traced=ENOSYS allowed=ran", "execve is always traced")
        #expect(try probe(bytes, bits: .x86_64, traced: 322, allowed: 3) == "traced=ENOSYS allowed=ran", "so is execveat")
    }

    @Test func tracedCallsStopAndOthersRun32() throws {
        let bytes = try program("dup")
        #expect(try probe(bytes, bits: .i386, traced: 41, allowed: 6) == "traced=ENOSYS allowed=ran")
        #expect(try probe(bytes, bits: .i386, traced: 11, allowed: 6) == "traced=ENOSYS allowed=ran", "execve is always traced")
    }

    /// Most calls traced: the default action is TRACE and the rules allow.
    @Test func invertedFilter() throws {
        let bytes = try program("!close,write,exit_group")
        #expect(try probe(bytes, bits: .x86_64, traced: 32, allowed: 3) == "traced=ENOSYS allowed=ran")
        #expect(try probe(bytes, bits: .i386, traced: 41, allowed: 6) == "traced=ENOSYS allowed=ran")
    }

    @Test func extraCallsAreTraced() throws {
        let bytes = try program("none", alsoTrace: ["close"])
        #expect(try probe(bytes, bits: .x86_64, traced: 3, allowed: 32) == "traced=ENOSYS allowed=ran")
    }

    /// Every syscall of every ABI, through the exported instructions: TRACE exactly for what the
    /// filter traces, execve and execveat; ALLOW for the rest.
    @Test(arguments: ["openat,close", "!write", "%file", "none", "%desc@32"])
    func everyNumberOfEveryABI(expression: String) throws {
        var filter = SyscallFilter()
        try filter.apply(expression)
        let abis = SeccompProgram.ABI.allCases
        let bytes = try SeccompProgram.build(for: filter, abis: abis)
        let bpf = try ClassicBPF(bytes)
        var wrong: [String] = []
        for abi in abis {
            let personality = abi.personality
            for (number, name) in personality.names.enumerated() {
                guard let name else { continue }
                let expected = filter.set(personality).contains(UInt64(number)) || name == "execve" || name == "execveat"
                let kernelNumber = abi == .x32 ? UInt32(number) | 0x4000_0000 : UInt32(number)
                // An x32 call reaches seccomp as AUDIT_ARCH_X86_64 with the x32 bit in its number.
                let action = try bpf.run(arch: abi == .x32 ? SeccompProgram.ABI.x86_64.token : abi.token, nr: kernelNumber)
                if action != (expected ? SeccompProgram.traceAction : SeccompProgram.allowAction) {
                    wrong.append("\(abi) \(name) \(number): \(String(action, radix: 16))")
                }
            }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(20))")
        #expect(bytes.count / SeccompProgram.instructionSize < 4096, "BPF_MAXINSNS")
    }
}

/// Enough of the classic BPF machine to run a seccomp program over `struct seccomp_data`
/// (nr at 0, arch at 4, instruction pointer at 8, arguments from 16; all zero here but nr, arch).
struct ClassicBPF {
    struct Instruction { var code: UInt16; var jt: UInt8; var jf: UInt8; var k: UInt32 }
    struct Unsupported: Error { let code: UInt16 }
    let instructions: [Instruction]

    init(_ bytes: [UInt8]) throws {
        precondition(bytes.count % 8 == 0)
        var instructions: [Instruction] = []
        for at in stride(from: 0, to: bytes.count, by: 8) {
            let code = UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8
            var k: UInt32 = 0
            for byte in 0..<4 { k |= UInt32(bytes[at + 4 + byte]) << UInt32(8 * byte) }
            instructions.append(Instruction(code: code, jt: bytes[at + 2], jf: bytes[at + 3], k: k))
        }
        self.instructions = instructions
    }

    func run(arch: UInt32, nr: UInt32) throws -> UInt32 {
        var data = [UInt32](repeating: 0, count: 16)
        data[0] = nr
        data[1] = arch
        var a: UInt32 = 0, x: UInt32 = 0
        var memory = [UInt32](repeating: 0, count: 16)
        var pc = 0
        while pc < instructions.count {
            let i = instructions[pc]
            pc += 1
            switch i.code {
            case 0x20: a = data[Int(i.k) / 4]                    // ld [k]
            case 0x00: a = i.k                                   // ld #k
            case 0x01: x = i.k                                   // ldx #k
            case 0x60: a = memory[Int(i.k)]                      // ld M[k]
            case 0x61: x = memory[Int(i.k)]                      // ldx M[k]
            case 0x02: memory[Int(i.k)] = a                      // st M[k]
            case 0x03: memory[Int(i.k)] = x                      // stx M[k]
            case 0x54: a &= i.k                                  // and #k
            case 0x44: a |= i.k                                  // or #k
            case 0x04: a &+= i.k                                 // add #k
            case 0x14: a &-= i.k                                 // sub #k
            case 0x07: x = a                                     // tax
            case 0x87: a = x                                     // txa
            case 0x05: pc += Int(i.k)                            // ja
            case 0x15: pc += Int(a == i.k ? i.jt : i.jf)         // jeq #k
            case 0x25: pc += Int(a > i.k ? i.jt : i.jf)          // jgt #k
            case 0x35: pc += Int(a >= i.k ? i.jt : i.jf)         // jge #k
            case 0x45: pc += Int(a & i.k != 0 ? i.jt : i.jf)     // jset #k
            case 0x06: return i.k                                // ret #k
            case 0x16: return a                                  // ret a
            default: throw Unsupported(code: i.code)
            }
        }
        throw Unsupported(code: 0xffff)
    }
}
