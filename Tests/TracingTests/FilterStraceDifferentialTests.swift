import Foundation
import SyscallTables
import Testing

@testable import Tracing

// `-e trace=` expressions, alone and several in a row, against Debian's strace 6.1: the fixture
// makes every syscall of the ABI's table (each failed with ENOSYS before it runs), and the numbers
// strace prints must be exactly the numbers our SyscallFilter traces. An expression strace rejects
// must be one we reject, and the other way round.

@Suite(.serialized) struct FilterStraceDifferentialTests {
    static let accepted: [[String]] = [
        ["openat"], ["!openat"], ["openat,close"], ["close,,dup"], ["open,"], ["!!getpid"], ["!all"], ["!none"],
        ["all"], ["none"], ["exit_group,all"], ["!close,all"], ["?nosuch"], ["?nosuch,getpid"], ["?"],
        ["/^(get|set)res"], ["/"], ["/stat"], ["?/nomatch"], ["%file"], ["file"], ["!%desc"], ["%net"],
        ["%%stat,%%statfs"], ["process"], ["39"], ["39@32"], ["open@64"], ["open@32"], ["getpid@x32"],
        ["all@64"], ["all@32"], ["%clock@32"], ["socketcall"], ["?socketcall@64"], ["?!close"], ["!?close"],
        ["/getp.*@64"], ["??getpid"],
        // Several values: the last one replaces the others.
        ["openat", "close"], ["!openat", "close"], ["close", "!openat"], ["openat", "none"], ["none", "close"],
        ["all", "close"], ["close", "all"], ["%desc", "!close"], ["!close", "?nosuch"],
    ]

    static let rejected: [String] = [
        "nosuch", "", ",", "!", "%", "@64", "/[", "/(", "/a{1", "%file,/(", "%bogus", "%STAT", "ALL", "creds",
        "none,exit_group", "exit_group,none", "/nomatch", "/GETPID", "open@65", "getpid@", "/getp@x",
        "?getpid@99", "getpid@64@64", "socketcall@64", "9999", "-1", " getpid", "getpid ", "syscall_39", "?/[",
    ]

    @Test(arguments: [SyscallArch.x86_64, .i386])
    func acceptedExpressionsTraceWhatStraceTraces(arch: SyscallArch) throws {
        let table = SyscallTable.forArch(arch)
        let program = try FilterFixtures.compile("every-syscall", ["every-syscall.c"], bits: arch == .i386 ? .i386 : .x86_64)
        let numbers = table.names.indices.filter { table.names[$0] != nil }
        var differences: [String] = []
        for expressions in Self.accepted {
            var filter = SyscallFilter()
            for expression in expressions { try filter.apply(expression) }
            let ours = Set(numbers.filter { filter.traces(arch, UInt64($0)) })
            let result = try FilterFixtures.runProgram(
                "/usr/bin/strace", ["-n", "-qq", "-e", "raw=all"] + expressions.flatMap { ["-e", "trace=\($0)"] }
                    + [program] + numbers.map(String.init))
            #expect(result.status == 0, "\(expressions): \(result.stderr.prefix(300))")
            var lines = result.stderr.split(separator: "\n")
            if lines.first?.contains("] execve(0x") == true { lines.removeFirst() }
            let theirs = Set(lines.compactMap(FilterClassOracleTests.syscallNumber))
            if ours != theirs {
                let names = { (set: Set<Int>) in set.sorted().prefix(8).map { table.names[$0] ?? "#\($0)" }.joined(separator: " ") }
                differences.append("\(expressions): strace only: \(names(theirs.subtracting(ours))); ours only: \(names(ours.subtracting(theirs)))")
            }
        }
        #expect(differences.isEmpty, "\(arch):\n\(differences.joined(separator: "\n"))")
    }

    @Test func rejectedExpressionsAreRejectedByBoth() throws {
        for expression in Self.rejected {
            var filter = SyscallFilter()
            #expect(throws: FilterError.self, "'\(expression)'") { try filter.apply(expression) }
            #expect(filter == SyscallFilter.all, "a rejected value changes nothing: '\(expression)'")
            let strace = try FilterFixtures.runProgram("/usr/bin/strace", ["-qq", "-e", "trace=\(expression)", "/bin/true"])
            #expect(strace.status != 0, "strace takes '\(expression)'")
        }
    }
}
