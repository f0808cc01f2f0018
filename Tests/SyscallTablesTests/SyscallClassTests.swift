import Testing

@testable import SyscallTables

@Suite struct SyscallClassTests {
    /// A misspelt name in the class lists would silently leave a syscall out of its class.
    @Test func everyClassifiedNameIsASyscallOfSomeABI() {
        let known = Set(SyscallArch.allCases.flatMap { SyscallTable.forArch($0).names.compactMap { $0 } })
        let unknown = SyscallClasses.membership.keys.filter { !known.contains($0) }.sorted()
        #expect(unknown.isEmpty, "\(unknown)")
    }

    @Test func classNamesAsStraceTakesThem() {
        #expect(TraceClass(filterName: "%file") == .file)
        #expect(TraceClass(filterName: "file") == .file)
        #expect(TraceClass(filterName: "%net") == .network)
        #expect(TraceClass(filterName: "%network") == .network)
        #expect(TraceClass(filterName: "network") == .network)
        #expect(TraceClass(filterName: "%%stat") == .anyStat)
        #expect(TraceClass(filterName: "%%statfs") == .anyStatfs)
        // Only the seven oldest classes are taken without the percent sign; names are exact.
        #expect(TraceClass(filterName: "creds") == nil)
        #expect(TraceClass(filterName: "net") == nil)
        #expect(TraceClass(filterName: "%FILE") == nil)
        #expect(TraceClass(filterName: "%") == nil)
    }

    @Test func aSyscallCanBeInSeveralClasses() {
        #expect(SyscallClasses.classes(of: "openat") == [.file, .desc])
        #expect(SyscallClasses.classes(of: "newfstatat") == [.file, .desc, .fstat, .anyStat])
        #expect(SyscallClasses.classes(of: "getuid") == [.creds, .pure])
        #expect(SyscallClasses.classes(of: "kill") == [.signal, .process])
        #expect(SyscallClasses.classes(of: "ustat") == [.anyStatfs])
        #expect(SyscallClasses.classes(of: "sched_yield") == [])
        #expect(SyscallClasses.classes(of: "nosuchcall") == [])
    }
}
