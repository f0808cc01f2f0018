import Foundation
import SyscallTables
import Testing

// Checks every trace class against Debian's strace 6.1: FilterFixtures/every-syscall.c makes every
// syscall of an ABI's table (each fails with ENOSYS under its own seccomp filter before it runs), and
// `strace -n -e trace=%CLASS` says which of them strace counts in the class. The numbers it prints
// must be exactly the numbers whose names SyscallClasses puts in that class.

@Suite(.serialized) struct FilterClassOracleTests {
    static let classNames = [
        "%file", "%process", "%network", "%signal", "%ipc", "%desc", "%memory", "%creds", "%clock",
        "%pure", "%stat", "%lstat", "%fstat", "%%stat", "%statfs", "%fstatfs", "%%statfs",
    ]

    @Test(arguments: [SyscallArch.x86_64, .i386])
    func everyClassMatchesStrace(arch: SyscallArch) throws {
        let table = SyscallTable.forArch(arch)
        let program = try FilterFixtures.compile("every-syscall", ["every-syscall.c"], bits: arch == .i386 ? .i386 : .x86_64)
        let numbers = table.names.indices.filter { table.names[$0] != nil }
        var differences: [String] = []
        for className in Self.classNames {
            let traceClass = try #require(TraceClass(filterName: className))
            let result = try FilterFixtures.runProgram(
                "/usr/bin/strace", ["-n", "-qq", "-e", "raw=all", "-e", "trace=\(className)", program] + numbers.map(String.init))
            #expect(result.status == 0, "\(result.stderr)")
            // The fixture's own execve happened in strace's child before the exec: drop it (it
            // also has the 64-bit number); the fixture's execve with null arguments stays.
            var lines = result.stderr.split(separator: "\n")
            if lines.first?.contains("] execve(0x") == true { lines.removeFirst() }
            let straceNumbers = Set(lines.compactMap(Self.syscallNumber))
            let ours = Set(numbers.filter { SyscallClasses.classes(of: table.names[$0]!).contains(traceClass) })
            let missing = straceNumbers.subtracting(ours).map { table.names[$0] ?? "#\($0)" }.sorted()
            let extra = ours.subtracting(straceNumbers).map { table.names[$0] ?? "#\($0)" }.sorted()
            if !missing.isEmpty { differences.append("\(className): strace has, we lack: \(missing.joined(separator: " "))") }
            if !extra.isEmpty { differences.append("\(className): we have, strace lacks: \(extra.joined(separator: " "))") }
        }
        #expect(differences.isEmpty, "\(arch):\n\(differences.joined(separator: "\n"))")
    }

    /// The number in strace -n's `[ 257] openat(...` prefix.
    static func syscallNumber(_ line: Substring) -> Int? {
        guard line.hasPrefix("["), let close = line.firstIndex(of: "]") else { return nil }
        return Int(line[line.index(after: line.startIndex)..<close].trimmingCharacters(in: .whitespaces))
    }
}
