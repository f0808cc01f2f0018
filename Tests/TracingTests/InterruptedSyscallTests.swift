import SyscallDecoding
import SyscallTables
import Testing
@testable import Tracing

/// arm64 names the syscall a thread was in at the stop after attaching from NT_ARM_SYSTEM_CALL
/// (one int the kernel keeps apart from the general registers) and the arguments in x0...x5, as
/// x86 does from orig_rax. Decoded on the NT_PRSTATUS bytes recorded on a real arm64 kernel, with
/// the note's four bytes as the kernel fills them.
@Suite struct InterruptedSyscallTests {
    @Test func arm64NamesTheCallFromItsSystemCallNote() throws {
        let capture = try Capture.load("aarch64")
        var checked = 0
        for record in capture.records where record.regsHex != nil {
            guard case .entry(let call)? = record.expectedStopInfo(), let count = record.regsSize else { continue }
            var registers = hexBytes(record.regsHex!)
            registers += [UInt8](repeating: 0, count: max(0, RegisterSets.bufferSize - registers.count))
            let number = Int32(truncatingIfNeeded: call.number)
            let note = withUnsafeBytes(of: number.littleEndian) { Array($0) }
            let decoded = registers.withUnsafeBytes { bytes in
                RegisterSets.interruptedSyscall(bytes, count: count, hostArch: .aarch64) {
                    note.withUnsafeBytes { Aarch64Registers.systemCallNumber(note: $0) }
                }
            }
            #expect(decoded == call, "seq \(record.seq) \(record.name ?? "")")
            checked += 1
        }
        #expect(checked >= 20)
    }

    @Test func arm64NamesNothingWithoutASyscallOrANote() throws {
        let capture = try Capture.load("aarch64")
        let record = try #require(capture.records.first { $0.regsHex != nil })
        var registers = hexBytes(record.regsHex!)
        registers += [UInt8](repeating: 0, count: max(0, RegisterSets.bufferSize - registers.count))
        let count = try #require(record.regsSize)
        let noSyscall = withUnsafeBytes(of: Int32(-1).littleEndian) { Array($0) }
        registers.withUnsafeBytes { bytes in
            #expect(RegisterSets.interruptedSyscall(bytes, count: count, hostArch: .aarch64) {
                noSyscall.withUnsafeBytes { Aarch64Registers.systemCallNumber(note: $0) }
            } == nil)
            #expect(RegisterSets.interruptedSyscall(bytes, count: count, hostArch: .aarch64) { nil } == nil)
            // A note of another size is not this register set.
            #expect([UInt8](repeating: 0, count: 8).withUnsafeBytes { Aarch64Registers.systemCallNumber(note: $0) } == nil)
        }
    }

    @Test func x86StillReadsOrigRax() throws {
        let capture = try Capture.load("x86_64")
        let entries = capture.records.compactMap { record -> (CaptureRecord, SyscallCall)? in
            guard case .entry(let call)? = record.expectedStopInfo(), record.regsHex != nil else { return nil }
            return (record, call)
        }
        let (record, call) = try #require(entries.first)
        var registers = hexBytes(record.regsHex!)
        registers += [UInt8](repeating: 0, count: max(0, RegisterSets.bufferSize - registers.count))
        let count = try #require(record.regsSize)
        var asked = false
        let decoded = registers.withUnsafeBytes { bytes in
            RegisterSets.interruptedSyscall(bytes, count: count, hostArch: .x86_64) { asked = true; return nil }
        }
        #expect(decoded == call)
        #expect(!asked, "x86 needs no NT_ARM_SYSTEM_CALL request")
    }
}
