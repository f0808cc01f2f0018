import Testing

@testable import SyscallDecoding
import SyscallTables

/// The syscall catalog: every syscall of every ABI has a signature of its own, the signatures are
/// well formed, and lines rendered from them are the ones strace 6.1 printed (Debian 12, x86_64;
/// i386 lines from `int 0x80` calls in a 64-bit process, which strace and the kernel treat as
/// the i386 ABI).
@Suite struct CatalogTests {
    // MARK: - Coverage and shape

    static func names(_ arch: SyscallArch) -> [String] {
        SyscallTable.forArch(arch).names.compactMap { $0 }
    }

    @Test(arguments: SyscallArch.allCases)
    func everySyscallHasASignature(arch: SyscallArch) {
        let missing = Self.names(arch).filter { !SyscallCatalog.knows($0, arch: arch) }
        #expect(missing.isEmpty, "no signature on \(arch): \(missing)")
    }

    @Test(arguments: SyscallArch.allCases)
    func signaturesAreWellFormed(arch: SyscallArch) {
        for name in Self.names(arch) {
            let signature = SyscallCatalog.signature(of: name, arch: arch)
            #expect(signature.args.count <= 6, "\(name) on \(arch) takes \(signature.args.count) arguments")
            for (index, kind) in signature.args.enumerated() {
                if let other = kind.referencedArg {
                    #expect(other != index && signature.args.indices.contains(other),
                            "\(name) on \(arch): argument \(index) refers to argument \(other)")
                }
                if kind.isOptional {
                    #expect(index == signature.args.count - 1, "\(name) on \(arch): an optional argument is not last")
                }
                if kind.id.hasPrefix("createMode"), let flags = kind.referencedArg, signature.args.indices.contains(flags) {
                    #expect(signature.args[flags] == .openFlags, "\(name) on \(arch)")
                }
                if kind == .interruptedCall {
                    #expect(signature.args == [.interruptedCall], "\(name) on \(arch)")
                }
            }
            #expect(signature.returns != .noReturn || ["exit", "exit_group"].contains(name))
        }
    }

    /// The catalog names only syscalls that exist, and i386's overrides only i386 syscalls.
    @Test func catalogNamesExist() {
        let all = Set(SyscallArch.allCases.flatMap(Self.names))
        let i386 = Set(Self.names(.i386))
        for family in SyscallCatalog.families {
            for name in family.keys { #expect(all.contains(name), "\(name) is in no table") }
        }
        for name in SyscallCatalog.i386Specific.keys { #expect(i386.contains(name), "\(name) is not an i386 syscall") }
    }

    /// Argument counts that differ between ABIs, as `strace -e raw=all` printed them.
    @Test func argumentCountsFollowTheABI() {
        let counts: [(String, SyscallArch, Int)] = [
            ("mmap", .x86_64, 6), ("mmap", .aarch64, 6), ("mmap", .i386, 1), ("mmap2", .i386, 6),
            ("select", .x86_64, 5), ("select", .i386, 1), ("_newselect", .i386, 5),
            ("pread64", .x86_64, 4), ("pread64", .i386, 5), ("pwrite64", .i386, 5),
            ("preadv", .x86_64, 4), ("preadv", .i386, 5), ("preadv2", .x86_64, 6), ("preadv2", .i386, 6),
            ("fadvise64", .x86_64, 4), ("fadvise64", .i386, 5), ("fadvise64_64", .i386, 6),
            ("fallocate", .x86_64, 4), ("fallocate", .i386, 6),
            ("sync_file_range", .x86_64, 4), ("sync_file_range", .i386, 6),
            ("readahead", .x86_64, 3), ("readahead", .i386, 4),
            ("fanotify_mark", .x86_64, 5), ("fanotify_mark", .i386, 6),
            ("lookup_dcookie", .x86_64, 3), ("lookup_dcookie", .i386, 4),
            ("truncate64", .i386, 3), ("ftruncate64", .i386, 3), ("_llseek", .i386, 5),
            ("socketcall", .i386, 2), ("ipc", .i386, 6),
            ("sigaction", .i386, 3), ("sigsuspend", .i386, 3), ("sigreturn", .i386, 0), ("waitpid", .i386, 3),
            ("clone", .x86_64, 5), ("clone", .aarch64, 5), ("wait4", .x86_64, 4), ("rt_sigaction", .x86_64, 4),
            ("pselect6", .x86_64, 6), ("exit_group", .i386, 1), ("getpid", .aarch64, 0),
            ("openat", .aarch64, 4), ("futex", .x86_64, 6), ("rseq", .x86_64, 4), ("afs_syscall", .x86_64, 5),
        ]
        for (name, arch, count) in counts {
            #expect(SyscallCatalog.signature(of: name, arch: arch).args.count == count, "\(name) on \(arch)")
        }
    }

    @Test func spotChecks() {
        let x86 = SyscallArch.x86_64
        #expect(SyscallCatalog.signature(of: "read", arch: x86) == .init(.fd, .outBuffer, .ulong))
        #expect(SyscallCatalog.signature(of: "openat", arch: .aarch64)
                == .init(.dirfd, .path, .openFlags, .createMode(flags: 2), returns: .fd))
        #expect(SyscallCatalog.signature(of: "execve", arch: .i386) == .init(.path, .argv, .envp))
        #expect(SyscallCatalog.signature(of: "exit_group", arch: x86) == .init(.int, returns: .noReturn))
        #expect(SyscallCatalog.signature(of: "mmap", arch: x86)
                == .init(.pointer, .ulong, .mmapProt, .mmapFlags, .fd, .hexValue, returns: .address))
        #expect(SyscallCatalog.signature(of: "mmap", arch: .i386).args.count == 1)
        #expect(SyscallCatalog.signature(of: "mmap", arch: .i386).returns == .address)
        #expect(SyscallCatalog.signature(of: "brk", arch: x86) == .init(.pointer, returns: .address))
        #expect(SyscallCatalog.signature(of: "pread64", arch: x86) == .init(.fd, .outBuffer, .ulong, .long))
        #expect(SyscallCatalog.signature(of: "pread64", arch: .i386).isFullyDecoded)  // the offset's halves joined
        #expect(SyscallCatalog.signature(of: "kill", arch: x86) == .init(.pid, .signal))
        #expect(SyscallCatalog.signature(of: "tgkill", arch: x86) == .init(.pid, .pid, .signal))
        #expect(SyscallCatalog.signature(of: "umask", arch: x86) == .init(.mode, returns: .octal))
        #expect(SyscallCatalog.signature(of: "getcwd", arch: x86) == .init(.cwdBuffer, .ulong))
        #expect(SyscallCatalog.signature(of: "restart_syscall", arch: x86) == .init(.interruptedCall))
        #expect(SyscallCatalog.signature(of: "socketcall", arch: .i386).isFullyDecoded)
        #expect(SyscallCatalog.signature(of: "getpid", arch: x86).isFullyDecoded)
        #expect(SyscallCatalog.signature(of: "ipc", arch: .i386).isFullyDecoded)
        // Return values strace prints with a decoding after them: `= 10 (SIGUSR1)`,
        // `= 1 (SUID_DUMP_USER)`, `= N (date)`, `= 0x40000 (PER_LINUX|ADDR_NO_RANDOMIZE)`.
        #expect(SyscallCatalog.signature(of: "fcntl", arch: x86).returns == .fcntlResult)
        #expect(SyscallCatalog.signature(of: "personality", arch: x86) == .init(.personality, returns: .personality))
        #expect(SyscallCatalog.signature(of: "rt_sigtimedwait", arch: x86).returns == .signalNumber)
        #expect(SyscallCatalog.signature(of: "prctl", arch: x86).returns == .prctlResult)
        #expect(SyscallCatalog.signature(of: "time", arch: x86).returns == .timeWithDate)
    }

    // MARK: - Rendered lines

    /// Tracee memory made of a few byte regions.
    struct Memory: TraceeMemory {
        var regions: [UInt64: [UInt8]] = [:]

        func read(from address: UInt64, into buffer: UnsafeMutableRawBufferPointer) -> Int {
            for (start, bytes) in regions where address >= start && address < start + UInt64(bytes.count) {
                let offset = Int(address - start)
                let count = min(buffer.count, bytes.count - offset)
                for index in 0..<count { buffer[index] = bytes[offset + index] }
                return count
            }
            return 0
        }

        mutating func put(_ string: String, at address: UInt64) {
            regions[address] = Array(string.utf8) + [0]
        }

        mutating func putBytes(_ bytes: [UInt8], at address: UInt64) {
            regions[address] = bytes
        }

        /// A NULL-terminated array of pointers of `wordSize` bytes.
        mutating func putPointers(_ pointers: [UInt64], at address: UInt64, wordSize: Int) {
            regions[address] = (pointers + [0]).flatMap { pointer in
                (0..<wordSize).map { UInt8(truncatingIfNeeded: pointer >> (8 * UInt64($0))) }
            }
        }
    }

    /// One whole line: entry, exit, or `= ?` when `result` is nil.
    static func render(
        _ name: String, arch: SyscallArch, args: [UInt64], memory: Memory, result: SyscallResult?
    ) -> String {
        let number = SyscallTable.forArch(arch).number(of: name)!
        let descriptor = DecoderTable.forArch(arch).descriptor(UInt64(number))!
        let call = SyscallCall(arch: arch, number: UInt64(number), args: SyscallArgs(args))
        let formatter = SyscallFormatter()
        var out = TextBuffer()
        formatter.appendEntry(to: &out, descriptor: descriptor, call: call, memory: memory)
        if let result {
            formatter.appendExit(to: &out, descriptor: descriptor, call: call, memory: memory, result: result)
        } else {
            formatter.appendNoReturn(to: &out)
        }
        return String(decoding: out.bytes, as: UTF8.self)
    }

    static let enosys = SyscallResult.failure(errno: 38)
    static let atFdcwd = UInt64(bitPattern: -100)
    static let longPath = "/nonexistent/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/end"

    /// Lines strace 6.1 printed for calls through `syscall(2)`. `ENOSYS` lines come from calls a
    /// seccomp filter stopped before the kernel ran them; the others ran.
    @Test func x86_64LinesMatchStrace() {
        var memory = Memory()
        memory.put("file", at: 0x402004)
        memory.put(Self.longPath, at: 0x40e040)
        memory.put("link", at: 0x402010)
        memory.put("d2", at: 0x402020)
        memory.put("/some/very/long/symlink/target/that/is/longer/than/thirty-two/bytes", at: 0x404100)
        let bin = (0..<40).map { UInt8(truncatingIfNeeded: $0 * 7) }
        memory.putBytes(bin, at: 0x404200)
        memory.putBytes(Array(bin[2..<12]), at: 0x404300)
        memory.put("/bin/true", at: 0x40e0e0)
        memory.put("-x", at: 0x40e0f0)
        memory.put("A=1", at: 0x40e0f8)
        memory.put("B=2", at: 0x40e0fc)
        memory.putPointers([0x40e0e0, 0x40e0f0], at: 0x40e100, wordSize: 8)
        memory.putPointers([0x40e0f8, 0x40e0fc], at: 0x40e120, wordSize: 8)
        let cases: [(String, [UInt64], SyscallResult?, String)] = [
            // syscall(SYS_openat, AT_FDCWD, "file", O_RDWR|O_CREAT|O_TRUNC, 0640)
            ("openat", [Self.atFdcwd, 0x402004, 0o1102, 0o640], .success(3),
             #"openat(AT_FDCWD, "file", O_RDWR|O_CREAT|O_TRUNC, 0640) = 3"#),
            // syscall(SYS_open, LONGP, O_RDONLY|O_LARGEFILE, 0600): no O_CREAT, so no mode
            ("open", [0x40e040, 0o100000, 0o600], Self.enosys,
             #"open("/nonexistent/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/end", O_RDONLY|O_LARGEFILE) = -1 ENOSYS (Function not implemented)"#),
            // syscall(SYS_write, 3, bin, 40) with bin[i] = i * 7
            ("write", [3, 0x404200, 40], .success(40),
             #"write(3, "\0\7\16\25\34#*18?FMT[bipw~\205\214\223\232\241\250\257\266\275\304\313\322\331"..., 40) = 40"#),
            // syscall(SYS_pread64, 3, rbuf, 10, 2) reading bytes 2..<12 of the same file
            ("pread64", [3, 0x404300, 10, 2], .success(10),
             #"pread64(3, "\16\25\34#*18?FM", 10, 2)   = 10"#),
            // syscall(SYS_readlink, "link", rbuf, 128) and (..., 5): the buffer prints at exit, cut at 32
            ("readlink", [0x402010, 0x404100, 128], .success(67),
             #"readlink("link", "/some/very/long/symlink/target/t"..., 128) = 67"#),
            ("readlink", [0x402010, 0x404100, 5], .success(5),
             #"readlink("link", "/some", 5)            = 5"#),
            // syscall(SYS_brk, 0)
            ("brk", [0], .success(0x405000), "brk(NULL)                               = 0x405000"),
            // syscall(SYS_mkdirat, AT_FDCWD, "d2", 0700)
            ("mkdirat", [Self.atFdcwd, 0x402020, 0o700], .success(0),
             #"mkdirat(AT_FDCWD, "d2", 0700)           = 0"#),
            // syscall(SYS_dup2, 3, 20)
            ("dup2", [3, 20], .success(20), "dup2(3, 20)                             = 20"),
            // syscall(SYS_execve, LONGP, ARGV, ENVP) with ARGV = {"/bin/true", "-x"}, ENVP = {"A=1", "B=2"}
            ("execve", [0x40e040, 0x40e100, 0x40e120], Self.enosys,
             #"execve("/nonexistent/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/end", ["/bin/true", "-x"], 0x40e120 /* 2 vars */) = -1 ENOSYS (Function not implemented)"#),
            // syscall(SYS_kill, 5, 40), (5, 0), (5, 65), (5, 0x10000000a)
            ("kill", [5, 40], Self.enosys, "kill(5, SIGRT_8)                        = -1 ENOSYS (Function not implemented)"),
            ("kill", [5, 0], Self.enosys, "kill(5, 0)                              = -1 ENOSYS (Function not implemented)"),
            ("kill", [5, 65], Self.enosys, "kill(5, 65)                             = -1 ENOSYS (Function not implemented)"),
            ("kill", [5, 0x1_0000_000a], Self.enosys, "kill(5, SIGUSR1)                        = -1 ENOSYS (Function not implemented)"),
            // syscall(SYS_truncate, LONGP, -1L): the length is unsigned
            ("truncate", [0x40e040, UInt64.max], Self.enosys,
             #"truncate("/nonexistent/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/end", 18446744073709551615) = -1 ENOSYS (Function not implemented)"#),
            // syscall(SYS_rename, NULL, LONGP)
            ("rename", [0, 0x40e040], Self.enosys,
             #"rename(NULL, "/nonexistent/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/end") = -1 ENOSYS (Function not implemented)"#),
            // syscall(SYS_unlink, 0x12345): an unreadable path prints as its address
            ("unlink", [0x12345], Self.enosys, "unlink(0x12345)                         = -1 ENOSYS (Function not implemented)"),
            // syscall(SYS_exit_group, 0) at the end of main
            ("exit_group", [0], nil, "exit_group(0)                           = ?"),
        ]
        for (name, args, result, expected) in cases {
            #expect(Self.render(name, arch: .x86_64, args: args, memory: memory, result: result) == expected)
        }
    }

    /// Lines strace 6.1 printed for `int 0x80` calls.
    @Test func i386LinesMatchStrace() {
        var memory = Memory()
        memory.put("/tmp/cat/sb/f32", at: 0x404040)
        memory.put("/tmp/cat/sb/l32", at: 0x404080)
        memory.put("/a/very/long/link/target/for/the/i386/abi/test/xx", at: 0x404100)
        memory.put("0123456789abcdefghij", at: 0x404050)
        memory.put("56789abcdefghij", at: 0x404200)
        let cases: [(String, [UInt64], SyscallResult?, String)] = [
            // open("/tmp/cat/sb/f32", O_RDWR|O_CREAT|O_TRUNC, 0600)
            ("open", [0x404040, 0o1102, 0o600], .success(3),
             #"open("/tmp/cat/sb/f32", O_RDWR|O_CREAT|O_TRUNC, 0600) = 3"#),
            // write(3, "0123456789abcdefghij", 20)
            ("write", [3, 0x404050, 20], .success(20), #"write(3, "0123456789abcdefghij", 20)    = 20"#),
            // read(3, rbuf, 128) after _llseek to 5
            ("read", [3, 0x404200, 128], .success(15), #"read(3, "56789abcdefghij", 128)         = 15"#),
            // readlink("/tmp/cat/sb/l32", rbuf, 128)
            ("readlink", [0x404080, 0x404100, 128], .success(49),
             #"readlink("/tmp/cat/sb/l32", "/a/very/long/link/target/for/the"..., 128) = 49"#),
            // munmap of an mmap2 mapping
            ("munmap", [0xf7ffc000, 8192], .success(0), "munmap(0xf7ffc000, 8192)                = 0"),
            // brk(NULL)
            ("brk", [0], .success(0x405000), "brk(NULL)                               = 0x405000"),
            // kill(5, 0x10000000a) through int 0x80: the register holds 10
            ("kill", [5, 10], Self.enosys, "kill(5, SIGUSR1)                        = -1 ENOSYS (Function not implemented)"),
            // socketcall(SYS_SOCKET, NULL): the carried call's arguments cannot be read
            ("socketcall", [1, 0], .failure(errno: 14), "socketcall(SYS_SOCKET, NULL)            = -1 EFAULT (Bad address)"),
            // sgetmask() with an empty mask
            ("sgetmask", [], .success(0), "sgetmask()                              = 0 (mask [])"),
        ]
        for (name, args, result, expected) in cases {
            #expect(Self.render(name, arch: .i386, args: args, memory: memory, result: result) == expected)
        }
    }
}
