import CSeccomp
import Foundation
import Testing

import SyscallTables

// MARK: - Cross-check against libseccomp

/// libseccomp's arch token for an ABI. `SCMP_ARCH_X86_64` and `SCMP_ARCH_AARCH64` are C macros
/// over `AUDIT_ARCH_*` expressions with the 0x8000_0000 bit set, which Swift does not import, but
/// libseccomp defines every `SCMP_ARCH_*` as the `AUDIT_ARCH_*` value, which `auditArch` is (checked
/// against libseccomp's own name lookup in `archTokens`).
private func seccompArch(_ arch: SyscallArch) -> UInt32 { arch.auditArch }

/// libseccomp's name for each ABI (`seccomp_arch_resolve_name`).
private func seccompArchName(_ arch: SyscallArch) -> String {
    switch arch {
    case .x86_64: "x86_64"
    case .i386: "x86"
    case .aarch64: "aarch64"
    }
}

/// Names libseccomp resolves, on i386 only, to a negative pseudo-syscall number (`__PNR_socket`
/// = -101, `__PNR_semget` = -202, ...) instead of the direct syscall: on x86 these calls can also
/// be made through the socketcall(2) / ipc(2) multiplexers, and libseccomp's name lookup returns
/// the pseudo number so that one filter rule covers both entry points. It is deliberate, not a
/// numbering disagreement; for these names the test instead requires that libseccomp's
/// number-to-name lookup gives the name back for our number.
private let i386MultiplexedNames: Set<String> = [
    // socketcall(2), direct syscalls since Linux 4.3 (recvmmsg/sendmmsg earlier)
    "socket", "socketpair", "bind", "connect", "listen", "accept4", "getsockopt", "setsockopt",
    "getsockname", "getpeername", "sendto", "sendmsg", "recvfrom", "recvmsg", "shutdown",
    "recvmmsg", "sendmmsg",
    // ipc(2), direct syscalls since Linux 5.1
    "semget", "semctl", "shmget", "shmctl", "shmat", "shmdt", "msgget", "msgsnd", "msgrcv", "msgctl",
]

/// System calls that Debian 12's libseccomp (2.5.4-1+deb12u1, whose tables were updated past the
/// release) knows but that are newer than this host's kernel headers (linux-libc-dev 6.1), so they
/// cannot be in our tables: cachestat (6.5), fchmodat2 and map_shadow_stack (6.6), futex_wake,
/// futex_wait and futex_requeue (6.7). Allowed only above our table's highest number; once the
/// headers define them they must match like every other name.
private let newerThanOurHeaders: Set<String> = [
    "cachestat", "fchmodat2", "map_shadow_stack", "futex_wake", "futex_wait", "futex_requeue",
]

/// Names our headers define that this libseccomp does not know (it would return
/// `__NR_SCMP_ERROR`). Empty with Debian 12's libseccomp, whose tables cover Linux 6.1; if an older
/// libseccomp is used, list such recent syscalls here with the kernel version that added them.
private let unknownToLibseccomp: Set<String> = []

@Test("libseccomp resolves each of our names to our number", arguments: SyscallArch.allCases)
func namesMatchLibseccomp(arch: SyscallArch) throws {
    let table = SyscallTable.forArch(arch)
    let token = seccompArch(arch)
    var checked = 0
    for (number, name) in table.names.enumerated() {
        guard let name else { continue }
        let resolved = seccomp_syscall_resolve_name_arch(token, name)
        if arch == .i386 && i386MultiplexedNames.contains(name) {
            #expect(resolved < 0, "\(arch) \(name): expected a libseccomp pseudo-syscall number, got \(resolved)")
            let back = seccomp_syscall_resolve_num_arch(token, Int32(number))
            defer { free(back) }
            #expect(back.map { String(cString: $0) } == name, "\(arch) \(number): libseccomp does not name it \(name)")
        } else if resolved == __NR_SCMP_ERROR && unknownToLibseccomp.contains(name) {
            // Allowed: see unknownToLibseccomp.
        } else {
            #expect(Int(resolved) == number, "\(arch) \(name): ours \(number), libseccomp \(resolved)")
        }
        checked += 1
    }
    #expect(checked > 300)
}

@Test("every number libseccomp names is in our table under that name", arguments: SyscallArch.allCases)
func libseccompNumbersMatchOurs(arch: SyscallArch) throws {
    let table = SyscallTable.forArch(arch)
    let token = seccompArch(arch)
    var found = 0
    for number in 0..<1024 {
        guard let cName = seccomp_syscall_resolve_num_arch(token, Int32(number)) else { continue }
        let name = String(cString: cName)
        free(cName)
        found += 1
        if number >= table.names.count && newerThanOurHeaders.contains(name) { continue }
        #expect(table.name(of: UInt64(number)) == name,
                "\(arch) \(number): libseccomp \(name), ours \(table.name(of: UInt64(number)) ?? "nil")")
    }
    #expect(found > 300)
}

@Test("libseccomp's SCMP_ARCH_* tokens are our AUDIT_ARCH_* values", arguments: SyscallArch.allCases)
func archTokens(arch: SyscallArch) {
    #expect(seccomp_arch_resolve_name(seccompArchName(arch)) == arch.auditArch)
    if arch == .i386 {
        #expect(UInt32(SCMP_ARCH_X86) == arch.auditArch)  // the one of the three Swift imports
    }
    #expect(SyscallArch(auditArch: arch.auditArch) == arch)
}

@Test func unknownAuditArch() {
    #expect(SyscallArch(auditArch: 0) == nil)
    #expect(SyscallArch(auditArch: 0x4000_0028) == nil)  // AUDIT_ARCH_ARM (32-bit): not supported
}

// MARK: - Spot checks of the tricky cases

@Test func aarch64IndirectAndGenericNumbers() {
    let t = SyscallTable.aarch64
    // Defined in asm-generic/unistd.h through __NR3264_* macros.
    #expect(t.number(of: "lseek") == 62)
    #expect(t.number(of: "fcntl") == 25)
    #expect(t.number(of: "fstat") == 80)
    #expect(t.number(of: "newfstatat") == 79)
    #expect(t.number(of: "mmap") == 222)
    #expect(t.number(of: "fadvise64") == 223)
    #expect(t.number(of: "sendfile") == 71)
    #expect(t.number(of: "statfs") == 43)
    #expect(t.number(of: "fstatfs") == 44)
    #expect(t.number(of: "truncate") == 45)
    #expect(t.number(of: "ftruncate") == 46)
    #expect(t.number(of: "openat") == 56)
    #expect(t.number(of: "execve") == 221)
    #expect(t.number(of: "clone") == 220)
    // Behind the __ARCH_WANT_* switches arm64 turns on.
    #expect(t.number(of: "renameat") == 38)
    #expect(t.number(of: "getrlimit") == 163)
    #expect(t.number(of: "clone3") == 435)
    #expect(t.number(of: "memfd_secret") == 447)
    // No helper macro names, no 32-bit variants, no legacy calls asm-generic leaves out.
    #expect(!t.names.contains { $0?.hasPrefix("__") == true || $0?.contains("3264") == true })
    for name in ["fcntl64", "llseek", "_llseek", "mmap2", "fstat64", "fstatat64", "open", "stat", "fork",
                 "syscalls", "arch_specific_syscall"] {
        #expect(t.number(of: name) == nil, "\(name)")
    }
    #expect(t.name(of: 244) == nil)  // __NR_arch_specific_syscall: unused on arm64
}

@Test func x86_64Numbers() {
    let t = SyscallTable.x86_64
    #expect(t.name(of: 0) == "read")
    #expect(t.number(of: "read") == 0)
    #expect(t.number(of: "openat") == 257)
    #expect(t.number(of: "execve") == 59)
    #expect(t.number(of: "exit_group") == 231)
    #expect(t.name(of: 335) == nil)  // the hole 335..423 between the old and the unified numbering
    #expect(t.name(of: 423) == nil)
    #expect(t.name(of: 424) == "pidfd_send_signal")
    #expect(t.name(of: UInt64.max) == nil)
}

@Test func i386Numbers() {
    let t = SyscallTable.i386
    #expect(t.number(of: "execve") == 11)
    #expect(t.number(of: "socketcall") == 102)
    #expect(t.number(of: "_llseek") == 140)
    #expect(t.number(of: "restart_syscall") == 0)
}

@Test("tables are dense up to their last entry and names are unique", arguments: SyscallArch.allCases)
func tableShape(arch: SyscallArch) {
    let t = SyscallTable.forArch(arch)
    #expect(t.arch == arch)
    #expect(t.names.first! != nil)
    #expect(t.names.last! != nil)
    let names = t.names.compactMap { $0 }
    #expect(Set(names).count == names.count)
    #expect(names.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" } })
}

// MARK: - Errno names

@Test func errnoNames() {
    #expect(ErrnoNames.names[0] == nil)
    #expect(ErrnoNames.name(0) == nil)
    #expect(ErrnoNames.name(-2) == nil)
    #expect(ErrnoNames.name(1) == "EPERM")
    #expect(ErrnoNames.name(2) == "ENOENT")
    #expect(ErrnoNames.name(11) == "EAGAIN")  // not EWOULDBLOCK
    #expect(ErrnoNames.name(35) == "EDEADLK")  // not EDEADLOCK
    #expect(ErrnoNames.name(38) == "ENOSYS")
    // The UAPI headers have no ENOTSUP (glibc makes it an alias of EOPNOTSUPP); 95 is EOPNOTSUPP.
    #expect(ErrnoNames.name(95) == "EOPNOTSUPP")
    #expect(!ErrnoNames.names.contains("ENOTSUP"))
    #expect(!ErrnoNames.names.contains("EWOULDBLOCK"))
    #expect(!ErrnoNames.names.contains("EDEADLOCK"))
    #expect(ErrnoNames.name(133) == "EHWPOISON")
    #expect(ErrnoNames.names.count == 134)
    // 41 and 58 are where EWOULDBLOCK and EDEADLOCK would be if they were not aliases; the
    // headers define nothing there. Every other number from 1 to 133 has a name.
    let unused: Set<Int> = [41, 58]
    for errno in 1...133 {
        if unused.contains(errno) {
            #expect(ErrnoNames.name(errno) == nil, "\(errno)")
        } else {
            #expect(ErrnoNames.name(errno) != nil, "\(errno)")
        }
    }
}

@Test func kernelInternalErrnoNames() {
    #expect(ErrnoNames.name(512) == "ERESTARTSYS")
    #expect(ErrnoNames.name(513) == "ERESTARTNOINTR")
    #expect(ErrnoNames.name(514) == "ERESTARTNOHAND")
    #expect(ErrnoNames.name(516) == "ERESTART_RESTARTBLOCK")
    #expect(ErrnoNames.name(520) == nil)
    #expect(ErrnoNames.name(524) == "ENOTSUPP")  // kernel-internal, not the same as EOPNOTSUPP (95)
    #expect(ErrnoNames.name(531) == "ENOGRACE")
    #expect(ErrnoNames.name(532) == nil)
    #expect(ErrnoNames.kernelInternal.count == 19)
    #expect(ErrnoNames.kernelInternal.keys.allSatisfy { $0 >= ErrnoNames.names.count })
}

// MARK: - The committed files are what the generator makes from this host's headers

private let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // SyscallTablesTests
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent()

/// The headers scripts/gen-syscall-tables reads. On a host without them (not Debian/Ubuntu
/// x86_64 with linux-libc-dev) the tables cannot be regenerated, so that test is skipped.
private let sourceHeaders = [
    "/usr/include/x86_64-linux-gnu/asm/unistd_64.h",
    "/usr/include/x86_64-linux-gnu/asm/unistd_32.h",
    "/usr/include/asm-generic/unistd.h",
    "/usr/include/asm-generic/errno-base.h",
    "/usr/include/asm-generic/errno.h",
]
private let sourceHeadersPresent = sourceHeaders.allSatisfy { FileManager.default.fileExists(atPath: $0) }

private let generatedFiles = [
    "SyscallTable+x86_64.swift",
    "SyscallTable+i386.swift",
    "SyscallTable+aarch64.swift",
    "ErrnoNames.swift",
]

@Test(.enabled(if: sourceHeadersPresent, "the kernel UAPI headers the generator reads are not installed on this host"))
func committedFilesMatchGenerator() throws {
    let outputDir = FileManager.default.temporaryDirectory
        .appendingPathComponent("swtrace-gen-syscall-tables-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: outputDir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: outputDir) }

    let process = Process()
    process.executableURL = packageRoot.appendingPathComponent("scripts/gen-syscall-tables")
    process.arguments = ["--output-dir", outputDir.path]
    let stderr = Pipe()
    process.standardOutput = FileHandle.nullDevice
    process.standardError = stderr
    try process.run()
    let errorOutput = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    try #require(process.terminationStatus == 0, "gen-syscall-tables failed: \(errorOutput)")

    let committedDir = packageRoot.appendingPathComponent("Sources/SyscallTables/Generated")
    for file in generatedFiles {
        let generated = try Data(contentsOf: outputDir.appendingPathComponent(file))
        let committed = try Data(contentsOf: committedDir.appendingPathComponent(file))
        #expect(generated == committed,
                "\(file) differs from what scripts/gen-syscall-tables generates on this host; rerun it")
    }
    let extra = try FileManager.default.contentsOfDirectory(atPath: outputDir.path).filter { !generatedFiles.contains($0) }
    #expect(extra.isEmpty, "generator wrote files this test does not compare: \(extra)")
}
