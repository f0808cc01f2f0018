import Foundation
import Testing

@testable import SyscallDecoding
import SyscallTables

/// Whole lines of the everyday families, against what Debian's strace 6.1 printed for the same
/// call (collected with `strace -f` on ls, cat, sh pipelines and python3; addresses kept).
@Suite struct FamilyLineTests {
    typealias Memory = CatalogTests.Memory

    func line(_ name: String, _ args: [UInt64], memory: Memory = Memory(), _ result: SyscallResult) -> String {
        line(name, .x86_64, args, memory: memory, result)
    }

    func line(_ name: String, _ arch: SyscallArch, _ args: [UInt64], memory: Memory = Memory(),
              _ result: SyscallResult) -> String {
        CatalogTests.render(name, arch: arch, args: args, memory: memory, result: result)
            .replacingOccurrences(of: #"\) +="#, with: ") =", options: .regularExpression)
    }

    func le(_ value: UInt64, _ size: Int) -> [UInt8] { (0..<size).map { UInt8(truncatingIfNeeded: value >> (8 * UInt64($0))) } }

    @Test func memory() {
        #expect(line("mmap", [0, 913680, 1, 0x802, 3, 0], .success(0x7f2c6d1d8000))
                == "mmap(NULL, 913680, PROT_READ, MAP_PRIVATE|MAP_DENYWRITE, 3, 0) = 0x7f2c6d1d8000")
        #expect(line("mmap", [0x7efe94eb8000, 24576, 3, 0x812, 3, 0x1cf000], .success(0x7efe94eb8000))
                == "mmap(0x7efe94eb8000, 24576, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_FIXED|MAP_DENYWRITE, 3, 0x1cf000) = 0x7efe94eb8000")
        #expect(line("mprotect", [0x7ff84d2cc000, 8192, 1], .success(0)) == "mprotect(0x7ff84d2cc000, 8192, PROT_READ) = 0")
        #expect(line("mmap2", .i386, [0, 8192, 3, 0x22, UInt64(UInt32.max), 0], .success(0xf7f00000))
                == "mmap2(NULL, 8192, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0xf7f00000")
    }

    @Test func files() {
        var memory = Memory()
        memory.put("/usr/bin/wc", at: 0x1000)
        memory.put("", at: 0x1100)
        // struct stat (x86_64): st_mode at 24, st_size at 48, st_rdev at 40.
        var stat = [UInt8](repeating: 0, count: 144)
        stat.replaceSubrange(24..<28, with: le(0o100755, 4))
        stat.replaceSubrange(48..<56, with: le(52280, 8))
        memory.putBytes(stat, at: 0x2000)
        var device = [UInt8](repeating: 0, count: 144)
        device.replaceSubrange(24..<28, with: le(0o20666, 4))
        device.replaceSubrange(40..<48, with: le(0x103, 8))
        memory.putBytes(device, at: 0x3000)
        #expect(line("newfstatat", [CatalogTests.atFdcwd, 0x1000, 0x2000, 0], memory: memory, .success(0))
                == #"newfstatat(AT_FDCWD, "/usr/bin/wc", {st_mode=S_IFREG|0755, st_size=52280, ...}, 0) = 0"#)
        #expect(line("newfstatat", [1, 0x1100, 0x3000, 0x1000], memory: memory, .success(0))
                == #"newfstatat(1, "", {st_mode=S_IFCHR|0666, st_rdev=makedev(0x1, 0x3), ...}, AT_EMPTY_PATH) = 0"#)
        #expect(line("newfstatat", [CatalogTests.atFdcwd, 0x1000, 0x7ffd1ab3e110, 0], memory: memory, .failure(errno: 2))
                == #"newfstatat(AT_FDCWD, "/usr/bin/wc", 0x7ffd1ab3e110, 0) = -1 ENOENT (No such file or directory)"#)
        #expect(line("access", [0x1000, 1], memory: memory, .success(0)) == #"access("/usr/bin/wc", X_OK) = 0"#)
        #expect(line("faccessat2", [CatalogTests.atFdcwd, 0x1000, 1, 0x200], memory: memory, .success(0))
                == #"faccessat2(AT_FDCWD, "/usr/bin/wc", X_OK, AT_EACCESS) = 0"#)
        #expect(line("umask", [0o22], .success(0o22)) == "umask(022) = 022")
    }

    @Test func descriptors() {
        #expect(line("lseek", [3, UInt64(bitPattern: -60), 1], .success(54)) == "lseek(3, -60, SEEK_CUR) = 54")
        #expect(line("fcntl", [3, 1, 0], .success(1)) == "fcntl(3, F_GETFD) = 0x1 (flags FD_CLOEXEC)")
        #expect(line("fcntl", [0, 1, 0], .success(0)) == "fcntl(0, F_GETFD) = 0")
        #expect(line("fcntl", [3, 2, 1], .success(0)) == "fcntl(3, F_SETFD, FD_CLOEXEC) = 0")
        #expect(line("fcntl", [3, 3, 0], .success(0x8002)) == "fcntl(3, F_GETFL) = 0x8002 (flags O_RDWR|O_LARGEFILE)")
        #expect(line("fadvise64", [3, 0, 0, 2], .success(0)) == "fadvise64(3, 0, 0, POSIX_FADV_SEQUENTIAL) = 0")
        var memory = Memory()
        memory.putBytes(le(3, 4) + le(4, 4), at: 0x5000)
        #expect(line("pipe2", [0x5000, 0], memory: memory, .success(0)) == "pipe2([3, 4], 0) = 0")
    }

    @Test func signals() {
        var memory = Memory()
        memory.putBytes(le(1 << 16, 8), at: 0x6000)  // SIGCHLD
        // struct sigaction (x86_64): handler, flags, restorer, mask.
        memory.putBytes(le(0x55d0_0000_1234, 8) + le(0x0400_0000, 8) + le(0x7f2c_6ca5_a050, 8)
                        + le(~UInt64(0) & ~(3 << 31), 8), at: 0x7000)
        memory.putBytes([UInt8](repeating: 0, count: 32), at: 0x8000)
        #expect(line("rt_sigprocmask", [0, 0x6000, 0, 8], memory: memory, .success(0)) == "rt_sigprocmask(SIG_BLOCK, [CHLD], NULL, 8) = 0")
        #expect(line("rt_sigaction", [17, 0x7000, 0, 8], memory: memory, .success(0))
                == "rt_sigaction(SIGCHLD, {sa_handler=0x55d000001234, sa_mask=~[RTMIN RT_1], sa_flags=SA_RESTORER, sa_restorer=0x7f2c6ca5a050}, NULL, 8) = 0")
        #expect(line("rt_sigaction", [2, 0, 0x8000, 8], memory: memory, .success(0))
                == "rt_sigaction(SIGINT, NULL, {sa_handler=SIG_DFL, sa_mask=[], sa_flags=0}, 8) = 0")
        // i386: handler, flags, restorer in 4 bytes each, then the 8-byte mask.
        memory.putBytes([UInt8](repeating: 0, count: 20), at: 0x9000)
        #expect(line("rt_sigaction", .i386, [2, 0, 0x9000, 8], memory: memory, .success(0))
                == "rt_sigaction(SIGINT, NULL, {sa_handler=SIG_DFL, sa_mask=[], sa_flags=0}, 8) = 0")
    }

    @Test func processes() {
        var memory = Memory()
        memory.putBytes(le(8192 * 1024, 8) + le(UInt64.max, 8), at: 0xa000)
        memory.putBytes(le(0, 4), at: 0xb000)
        #expect(line("prlimit64", [0, 3, 0, 0xa000], memory: memory, .success(0))
                == "prlimit64(0, RLIMIT_STACK, NULL, {rlim_cur=8192*1024, rlim_max=RLIM64_INFINITY}) = 0")
        #expect(line("wait4", [UInt64(UInt32.max), 0xb000, 1, 0], memory: memory, .success(7075))
                == "wait4(-1, [{WIFEXITED(s) && WEXITSTATUS(s) == 0}], WNOHANG, NULL) = 7075")
        #expect(line("clone", [0x1200011, 0, 0, 0x7ff661a9da10, 0], .success(7076))
                == "clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, child_tidptr=0x7ff661a9da10) = 7076")
        #expect(line("arch_prctl", [0x1002, 0x7ff84d070740], .success(0)) == "arch_prctl(ARCH_SET_FS, 0x7ff84d070740) = 0")
        #expect(line("rseq", [0x7ff84d071060, 0x20, 0, 0x53053053], .success(0)) == "rseq(0x7ff84d071060, 0x20, 0, 0x53053053) = 0")
        #expect(line("futex", [0x7ff84d247a4c, 0x81, 0x7fffffff, 0, 0, 0], .success(0))
                == "futex(0x7ff84d247a4c, FUTEX_WAKE_PRIVATE, 2147483647) = 0")
        memory.putBytes([0xfe, 0xa2, 0xed, 0x6e, 0x57, 0xd3, 0xaf, 0x99], at: 0xc000)
        #expect(line("getrandom", [0xc000, 8, 1], memory: memory, .success(8))
                == #"getrandom("\xfe\xa2\xed\x6e\x57\xd3\xaf\x99", 8, GRND_NONBLOCK) = 8"#)
    }
}
