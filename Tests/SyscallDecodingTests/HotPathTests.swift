import SyscallDecoding
import SyscallTables
import Testing

/// What the tracer's hot path relies on: arrays read in chunks print whole, descriptors are made
/// once, unknown numbers are named once.
@Suite struct HotPathTests {
    typealias Memory = CatalogTests.Memory

    /// argv and envp are read 64 pointers at a time: arrays longer than a chunk print whole.
    @Test func argvAndEnvpLongerThanOneReadPrintWhole() {
        var memory = Memory()
        memory.put("x", at: 0x9000)
        memory.put("/bin/true", at: 0x9010)
        memory.putPointers([0x9010] + Array(repeating: 0x9000, count: 69), at: 0x10000, wordSize: 8)
        memory.putPointers(Array(repeating: 0x9000, count: 130), at: 0x20000, wordSize: 8)
        let number = UInt64(SyscallTable.x86_64.number(of: "execve")!)
        let descriptor = DecoderTable.x86_64.descriptor(number)!
        let call = SyscallCall(arch: .x86_64, number: number, args: SyscallArgs([0x9010, 0x10000, 0x20000]))
        let formatter = SyscallFormatter(options: DecodeOptions(stringLimit: 100))
        var out = TextBuffer()
        formatter.appendEntry(to: &out, descriptor: descriptor, call: call, memory: memory)
        formatter.appendExit(to: &out, descriptor: descriptor, call: call, memory: memory, result: .success(0))
        let argv = (["\"/bin/true\""] + Array(repeating: "\"x\"", count: 69)).joined(separator: ", ")
        #expect(String(decoding: out.bytes, as: UTF8.self)
            == "execve(\"/bin/true\", [\(argv)], 0x20000 /* 130 vars */) = 0")
    }

    /// An array that runs into unreadable memory ends there, as it did when read word by word.
    @Test func anArrayCutByUnreadableMemoryEndsThere() {
        var memory = Memory()
        memory.put("a", at: 0x9000)
        memory.putBytes([0x00, 0x90, 0, 0, 0, 0, 0, 0, 0x00, 0x90, 0, 0, 0, 0, 0, 0], at: 0x10000)
        let number = UInt64(SyscallTable.x86_64.number(of: "execve")!)
        let descriptor = DecoderTable.x86_64.descriptor(number)!
        let call = SyscallCall(arch: .x86_64, number: number, args: SyscallArgs([0x9000, 0x10000, 0x10000]))
        var out = TextBuffer()
        SyscallFormatter().appendEntry(to: &out, descriptor: descriptor, call: call, memory: memory)
        #expect(String(decoding: out.bytes, as: UTF8.self) == "execve(\"a\", [\"a\", \"a\"], 0x10000")
    }

    @Test func unknownNumbersAreNamedOnceEach() {
        var unknown = UnknownSyscalls(limit: 2)
        let first = unknown.descriptor(arch: .x86_64, number: 0x1ff)
        #expect(first.name == "syscall_0x1ff")
        #expect(unknown.descriptor(arch: .x86_64, number: 0x1ff) === first)
        #expect(unknown.descriptor(arch: .i386, number: 0x1ff) !== first)
        // Past the limit, descriptors are still made, just not kept.
        let third = unknown.descriptor(arch: .aarch64, number: 0x2ff)
        #expect(third.name == "syscall_0x2ff")
        #expect(unknown.descriptor(arch: .aarch64, number: 0x2ff) !== third)
    }

    @Test func descriptorsKnowWhatTheyAre() {
        func descriptor(_ name: String) -> SyscallDescriptor {
            DecoderTable.x86_64.descriptor(UInt64(SyscallTable.x86_64.number(of: name)!))!
        }
        #expect(descriptor("execve").isExec && descriptor("execveat").isExec && !descriptor("read").isExec)
        for name in ["write", "writev", "pwrite64", "sendto", "sendmsg", "splice", "execve", "clone", "vfork"] {
            #expect(descriptor(name).mayWriteOutput, "\(name)")
        }
        for name in ["read", "getppid", "openat", "close", "fstat", "mmap"] {
            #expect(!descriptor(name).mayWriteOutput, "\(name)")
        }
    }
}
