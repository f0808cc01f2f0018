import Testing

@testable import SyscallDecoding
import SyscallTables

/// The pieces every line is made of, each against text strace 6.1 printed for the same value.
@Suite struct FormattingTests {
    func text(_ build: (inout TextBuffer) -> Void) -> String {
        var buffer = TextBuffer()
        build(&buffer)
        return String(decoding: buffer.bytes, as: UTF8.self)
    }

    @Test(arguments: [
        (Array("ping\0\u{1}".utf8) + [0xff], false, #""ping\0\1\377""#),
        (Array("\0".utf8) + [0x01, 0x37], false, #""\0\0017""#),  // an escape before a digit takes three digits
        (Array("tab\there\nq\"b\\\u{0b}\u{0c}\r".utf8), false, #""tab\there\nq\"b\\\v\f\r""#),
        (Array("0123".utf8), true, #""0123"..."#),
        ([], false, #""""#),
        ([0x7f, 0x80, 0x20, 0x7e], false, #""\177\200 ~""#),
    ])
    func quotedStrings(bytes: [UInt8], truncated: Bool, expected: String) {
        #expect(text { $0.appendQuoted(bytes, truncated: truncated) } == expected)
    }

    @Test func numbers() {
        #expect(text { $0.appendHex(0) } == "0")
        #expect(text { $0.appendHex(0x7ffd_1234) } == "0x7ffd1234")
        #expect(text { $0.appendDecimal(Int64.min) } == "-9223372036854775808")
        #expect(text { $0.appendDecimal(UInt64.max) } == "18446744073709551615")
        #expect(text { $0.appendOctalMode(0) } == "000")
        #expect(text { $0.appendOctalMode(0o644) } == "0644")
        #expect(text { $0.appendOctalMode(0o100644) } == "0100644")
    }

    @Test(arguments: [
        (UInt32(0), SyscallArch.x86_64, "O_RDONLY"),
        (0x80000 | 0x10000 | 0x800, .x86_64, "O_RDONLY|O_NONBLOCK|O_CLOEXEC|O_DIRECTORY"),
        (0x84000, .aarch64, "O_RDONLY|O_CLOEXEC|O_DIRECTORY"),
        (0x90000, .x86_64, "O_RDONLY|O_CLOEXEC|O_DIRECTORY"),
        (0x101000, .x86_64, "O_RDONLY|O_SYNC"),
        (0x1000, .x86_64, "O_RDONLY|O_DSYNC"),
        (0x410000, .x86_64, "O_RDONLY|O_TMPFILE"),
        (0x400000, .x86_64, "O_RDONLY|__O_TMPFILE"),
        (0x100000, .x86_64, "O_RDONLY|__O_SYNC"),
        (0x8000_0002, .x86_64, "O_RDWR|0x80000000"),
        (0x10003, .x86_64, "O_ACCMODE|O_DIRECTORY"),
        (0x2001, .x86_64, "O_WRONLY|FASYNC"),
        (0x7ffffc, .x86_64,
         "O_RDONLY|O_CREAT|O_EXCL|O_NOCTTY|O_TRUNC|O_APPEND|O_NONBLOCK|O_SYNC|O_DIRECT|O_LARGEFILE|O_NOFOLLOW|O_NOATIME|O_CLOEXEC|O_PATH|O_TMPFILE|FASYNC|0x3c"),
    ])
    func openFlags(flags: UInt32, arch: SyscallArch, expected: String) {
        #expect(text { $0.appendOpenFlags(flags, arch: arch) } == expected)
    }

    @Test func errors() {
        #expect(text { $0.appendErrorReturn(errno: 2) } == "-1 ENOENT (No such file or directory)")
        #expect(text { $0.appendErrorReturn(errno: 11) } == "-1 EAGAIN (Resource temporarily unavailable)")
        #expect(text { $0.appendErrorReturn(errno: 512) } == "? ERESTARTSYS (To be restarted if SA_RESTART is set)")
        #expect(text { $0.appendErrorReturn(errno: 516) } == "? ERESTART_RESTARTBLOCK (Interrupted by signal)")
    }

    @Test func signalNames() {
        #expect(SignalNames.name(10) == "SIGUSR1")
        #expect(SignalNames.name(29) == "SIGIO")
        #expect(SignalNames.name(32) == "SIGRTMIN")
        #expect(SignalNames.name(40) == "SIGRT_8")
        #expect(SignalNames.name(64) == "SIGRT_32")
        #expect(SignalNames.name(65) == nil)
        #expect(text { $0.appendSignal(100) } == "100")
    }

    /// A siginfo_t as PTRACE_GETSIGINFO fills it.
    func signalInfo(signal: Int32, code: Int32, words: [(offset: Int, value: UInt64, size: Int)]) -> SignalInfo {
        var bytes = [UInt8](repeating: 0, count: SignalInfo.size)
        func store(_ value: UInt64, at offset: Int, size: Int) {
            for index in 0..<size { bytes[offset + index] = UInt8(truncatingIfNeeded: value >> (8 * index)) }
        }
        store(UInt64(UInt32(bitPattern: signal)), at: 0, size: 4)
        store(UInt64(UInt32(bitPattern: code)), at: 8, size: 4)
        for word in words { store(word.value, at: word.offset, size: word.size) }
        return SignalInfo(bytes: bytes)
    }

    @Test func signalInfos() {
        let user = signalInfo(signal: 10, code: 0, words: [(16, 91, 4), (20, 0, 4)])
        #expect(text { $0.appendSignalInfo(user) } == "{si_signo=SIGUSR1, si_code=SI_USER, si_pid=91, si_uid=0}")

        let child = signalInfo(signal: 17, code: 1, words: [(16, 92, 4), (20, 0, 4), (24, 0, 4), (32, 0, 8), (40, 1, 8)])
        #expect(text { $0.appendSignalInfo(child) }
            == "{si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=92, si_uid=0, si_status=0, si_utime=0, si_stime=1 /* 0.01 s */}")

        let stopped = signalInfo(signal: 17, code: 5, words: [(16, 7, 4), (20, 1000, 4), (24, 19, 4)])
        #expect(text { $0.appendSignalInfo(stopped) }
            == "{si_signo=SIGCHLD, si_code=CLD_STOPPED, si_pid=7, si_uid=1000, si_status=SIGSTOP, si_utime=0, si_stime=0}")

        let fault = signalInfo(signal: 11, code: 1, words: [(16, 0x10, 8)])
        #expect(text { $0.appendSignalInfo(fault) } == "{si_signo=SIGSEGV, si_code=SEGV_MAPERR, si_addr=0x10}")

        let kernel = signalInfo(signal: 11, code: 0x80, words: [])
        #expect(text { $0.appendSignalInfo(kernel) } == "{si_signo=SIGSEGV, si_code=SI_KERNEL, si_addr=NULL}")

        let tkill = signalInfo(signal: 33, code: -6, words: [(16, 5, 4), (20, 0, 4)])
        #expect(text { $0.appendSignalInfo(tkill) } == "{si_signo=SIGRT_1, si_code=SI_TKILL, si_pid=5, si_uid=0}")
    }
}

/// Tracee memory as a set of readable regions; everything else is unmapped.
struct RegionMemory: TraceeMemory {
    var regions: [(start: UInt64, bytes: [UInt8])]

    func read(from address: UInt64, into buffer: UnsafeMutableRawBufferPointer) -> Int {
        guard let region = regions.first(where: { address >= $0.start && address < $0.start + UInt64($0.bytes.count) })
        else { return 0 }
        let offset = Int(address - region.start)
        let count = min(buffer.count, region.bytes.count - offset)
        buffer.copyBytes(from: region.bytes[offset..<(offset + count)])
        return count
    }
}

@Suite struct TraceeMemoryTests {
    /// A string that ends just before an unmapped page reads whole; one that runs into it cannot be
    /// shown (strace prints its address), nor can one that starts on an unmapped page.
    @Test func stringsAtTheEndOfAMapping() throws {
        let pageEnd: UInt64 = 0x2000
        let terminated = RegionMemory(regions: [(pageEnd - 4, Array("abc\0".utf8))])
        let whole = try #require(terminated.readCString(at: pageEnd - 4, limit: 4096))
        #expect(whole.bytes == Array("abc".utf8) && whole.terminated)

        let unterminated = RegionMemory(regions: [(pageEnd - 3, Array("abc".utf8))])
        #expect(unterminated.readCString(at: pageEnd - 3, limit: 4096) == nil)
        #expect(unterminated.readCString(at: 0x9000, limit: 4096) == nil)
        // Cut at the limit before the memory ends: shown, marked cut.
        let cut = try #require(unterminated.readCString(at: pageEnd - 3, limit: 2))
        #expect(cut.bytes == Array("ab".utf8) && !cut.terminated)
    }

    /// A path as long as PATH_MAX allows prints whole; one byte longer is cut, as strace cuts it.
    @Test func pathLimit() {
        let formatter = SyscallFormatter()
        func rendered(pathLength: Int) -> String {
            let memory = RegionMemory(regions: [(0x1000, [UInt8](repeating: UInt8(ascii: "a"), count: pathLength) + [0])])
            var buffer = TextBuffer()
            formatter.appendEntry(to: &buffer, descriptor: SyscallDescriptor(name: "chdir", signature: SyscallSignature(.path)),
                                  call: SyscallCall(arch: .x86_64, number: 80, args: SyscallArgs([0x1000])), memory: memory)
            return String(decoding: buffer.bytes.dropFirst("chdir(".count), as: UTF8.self)
        }
        #expect(rendered(pathLength: 4095) == "\"" + String(repeating: "a", count: 4095) + "\"")
        #expect(rendered(pathLength: 4096) == "\"" + String(repeating: "a", count: 4095) + "\"...")
    }

    @Test func stringLimits() throws {
        let memory = RegionMemory(regions: [(0x1000, Array("0123456789\0".utf8))])
        let exact = try #require(memory.readCString(at: 0x1000, limit: 10))
        #expect(exact.bytes.count == 10 && exact.terminated)
        let cut = try #require(memory.readCString(at: 0x1000, limit: 4))
        #expect(cut.bytes == Array("0123".utf8) && !cut.terminated)
    }

    @Test func wordsAndBuffers() {
        let memory = RegionMemory(regions: [(0x1000, [1, 2, 3, 4, 5, 6, 7, 8])])
        #expect(memory.readWord(at: 0x1000, wordSize: 8) == 0x0807_0605_0403_0201)
        #expect(memory.readWord(at: 0x1000, wordSize: 4) == 0x0403_0201)
        #expect(memory.readWord(at: 0x1006, wordSize: 4) == nil)
        #expect(memory.readBytes(at: 0x1004, count: 4) == [5, 6, 7, 8])
        #expect(memory.readBytes(at: 0x1004, count: 5) == nil)
    }
}
