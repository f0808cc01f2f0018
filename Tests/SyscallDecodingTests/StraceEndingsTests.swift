import Testing

@testable import SyscallDecoding
import SyscallTables

/// Lines the stress cases found printed unlike strace 6.1, kept here as unit tests.
@Suite struct StraceEndingsTests {
    func text(_ build: (inout TextBuffer) -> Void) -> String {
        var buffer = TextBuffer()
        build(&buffer)
        return String(decoding: buffer.bytes, as: UTF8.self)
    }

    /// sigqueue's payload: strace 6.1 prints `si_int=`, `si_ptr=` (the signals case).
    @Test func aQueuedSignalShowsItsPayloadAsStrace61Does() {
        var bytes = [UInt8](repeating: 0, count: SignalInfo.size)
        let words: [(offset: Int, value: UInt64, size: Int)] = [(0, 35, 4), (8, UInt64(UInt32(bitPattern: -1)), 4), (16, 77, 4), (20, 0, 4), (24, 0x1092, 8)]
        for word in words {
            for index in 0..<word.size { bytes[word.offset + index] = UInt8(truncatingIfNeeded: word.value >> (8 * index)) }
        }
        #expect(text { $0.appendSignalInfo(SignalInfo(bytes: bytes)) }
            == "{si_signo=SIGRT_3, si_code=SI_QUEUE, si_pid=77, si_uid=0, si_int=4242, si_ptr=0x1092}")
    }

    /// A call killed before it returned: ` <unfinished ...>) = ?` when it had arguments left to
    /// print at exit (read's buffer), `) = ?` when not (the sigkill case).
    @Test(arguments: [("read", [3, 0x1000, 1], "read(3,  <unfinished ...>) = ?"), ("exit_group", [0], "exit_group(0) = ?"),
                      ("close", [3], "close(3) = ?")])
    func aCallThatNeverReturnsEndsAsStraceEndsIt(name: String, args: [UInt64], expected: String) throws {
        let number = try #require(SyscallTable.forArch(.x86_64).number(of: name))
        let descriptor = try #require(DecoderTable.x86_64.descriptor(UInt64(number)))
        let call = SyscallCall(arch: .x86_64, number: UInt64(number), args: SyscallArgs(args))
        let formatter = SyscallFormatter(options: DecodeOptions(alignColumn: 0))
        let line = text { out in
            formatter.appendEntry(to: &out, descriptor: descriptor, call: call, memory: RegionMemory(regions: []))
            formatter.appendNoReturn(to: &out, descriptor: descriptor)
        }
        #expect(line == expected)
    }
}
