import SyscallTables
import Testing

@Suite struct SyscallArchTests {
    /// The audit-arch lookup is a switch now: it must agree with `auditArch` both ways.
    @Test(arguments: SyscallArch.allCases)
    func auditArchRoundTrips(arch: SyscallArch) {
        #expect(SyscallArch(auditArch: arch.auditArch) == arch)
    }

    @Test func anUnknownAuditArchIsNone() {
        #expect(SyscallArch(auditArch: 0x4000_0028) == nil)  // AUDIT_ARCH_ARM
        #expect(SyscallArch(auditArch: 0) == nil)
    }
}
