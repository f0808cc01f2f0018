import Foundation
import SyscallTables
import Testing

@testable import Tracing

@Suite struct FilterSyscallTests {
    func filter(_ expressions: String...) throws -> SyscallFilter {
        var filter = SyscallFilter()
        for expression in expressions { try filter.apply(expression) }
        return filter
    }

    func number(_ name: String, _ arch: SyscallArch) -> UInt64 {
        UInt64(SyscallTable.forArch(arch).number(of: name)!)
    }

    @Test func byDefaultEverythingIsTraced() {
        let filter = SyscallFilter()
        #expect(filter.tracesEverything)
        #expect(filter.traces(.x86_64, 0) && filter.traces(.i386, 5) && filter.traces(.aarch64, 63))
        #expect(filter.traces(.x86_64, 100_000), "a syscall newer than the tables still prints")
        #expect(filter.traces(.x86_64, 0x4000_0000 | 515), "x32 readv")
    }

    @Test func namesSelectTheirNumberInEveryABI() throws {
        let filter = try filter("openat,close")
        #expect(!filter.tracesEverything)
        for arch in SyscallArch.allCases {
            #expect(filter.traces(arch, number("openat", arch)))
            #expect(filter.traces(arch, number("close", arch)))
            #expect(!filter.traces(arch, number("read", arch)))
            #expect(!filter.traces(arch, 100_000))
        }
        #expect(filter.tracedNumbers(of: .x86_64) == [3, 257])
        #expect(filter.tracedNumbers(of: .aarch64) == [56, 57])
        #expect(filter.traces(.x86_64, 0x4000_0000 | 257), "x32 openat")
        #expect(filter.tracedX32Numbers() == [3, 257])
    }

    @Test func negationInvertsTheWholeSetAndUnknownNumbers() throws {
        let filter = try filter("!write,read")
        #expect(!filter.traces(.x86_64, 0) && !filter.traces(.x86_64, 1))
        #expect(filter.traces(.x86_64, 2))
        #expect(filter.traces(.x86_64, 100_000))
        #expect(try self.filter("!!write").tracedNumbers(of: .x86_64) == [1])
        #expect(try self.filter("!all").tracedNumbers(of: .i386).isEmpty)
        #expect(try self.filter("!none").tracesEverything)
        #expect(try self.filter("none").tracedNumbers(of: .x86_64).isEmpty)
        #expect(!(try self.filter("none")).traces(.x86_64, 100_000))
    }

    @Test func personalitiesRestrictAnItem() throws {
        let only32 = try filter("getpid@32")
        #expect(only32.traces(.i386, number("getpid", .i386)))
        #expect(!only32.traces(.x86_64, number("getpid", .x86_64)))
        let only64 = try filter("getpid@64")
        #expect(only64.traces(.x86_64, 39) && only64.traces(.aarch64, 172) && !only64.traces(.i386, 20))
        let onlyX32 = try filter("readv@x32")
        #expect(onlyX32.traces(.x86_64, 0x4000_0000 | 515) && !onlyX32.traces(.x86_64, 19))
        #expect(onlyX32.tracedX32Numbers() == [515])
        #expect(try filter("all@32").tracedNumbers(of: .x86_64).isEmpty)
        // socketcall exists on i386 only; @64 leaves nothing for it.
        #expect(throws: FilterError("-e trace: unknown system call 'socketcall@64'")) { try self.filter("socketcall@64") }
        #expect(try filter("?socketcall@64").tracedNumbers(of: .i386).isEmpty)
    }

    @Test func classesRegexesAndNumbers() throws {
        let file = try filter("%file")
        #expect(file.traces(.x86_64, 257) && file.traces(.i386, 5) && !file.traces(.x86_64, 0))
        #expect(try filter("file") == file)
        let regex = try filter("/^(get|set)res[ug]id$")
        #expect(regex.tracedNumbers(of: .x86_64).map { SyscallTable.x86_64.name(of: UInt64($0))! }.sorted()
                == ["getresgid", "getresuid", "setresgid", "setresuid"])
        #expect(try filter("/").tracedNumbers(of: .x86_64).count == SyscallTable.x86_64.names.compactMap { $0 }.count)
        #expect(try filter("39").tracedNumbers(of: .x86_64) == [39])
        #expect(try filter("39").tracedNumbers(of: .i386) == [39], "i386's 39 is mkdir")
    }

    @Test func lastValueWins() throws {
        #expect(try filter("openat", "close").tracedNumbers(of: .x86_64) == [3])
        #expect(try filter("close", "!openat") == filter("!openat"))
        var kept = try filter("close")
        #expect(throws: FilterError.self) { try kept.apply("nosuch") }
        #expect(kept.tracedNumbers(of: .x86_64) == [3], "a rejected value leaves the filter as it was")
    }

    @Test func errorsSayWhatIsWrong() {
        let cases: [(String, String)] = [
            ("nosuch", "-e trace: unknown system call 'nosuch'"),
            ("?x,nosuch@64", "-e trace: unknown system call 'nosuch@64'"),
            ("%bogus", "-e trace: unknown class '%bogus'"),
            ("", "-e trace: no system call in ''"),
            (",", "-e trace: no system call in ','"),
            ("!", "-e trace: no system call in '!'"),
            ("/GETPID", "-e trace: no system call matches '/GETPID'"),
            ("/(", "-e trace: bad regular expression '(': Unmatched ( or \\("),
            ("?getpid@99", "-e trace: unknown personality '99' in 'getpid@99' (use @64, @32 or @x32)"),
            ("getpid@", "-e trace: unknown personality '' in 'getpid@' (use @64, @32 or @x32)"),
        ]
        for (expression, message) in cases {
            var filter = SyscallFilter()
            #expect(throws: FilterError(message), "'\(expression)'") { try filter.apply(expression) }
        }
    }

    /// The x32 numbering against the kernel header it comes from.
    @Test func x32NumbersMatchTheKernelHeader() throws {
        let header = try String(contentsOfFile: "/usr/include/x86_64-linux-gnu/asm/unistd_x32.h", encoding: .utf8)
        var fromHeader: [Int: String] = [:]
        let regex = try NSRegularExpression(pattern: #"#define __NR_(\w+) \(__X32_SYSCALL_BIT \+ (\d+)\)"#)
        for match in regex.matches(in: header, range: NSRange(header.startIndex..., in: header)) {
            let name = String(header[Range(match.range(at: 1), in: header)!])
            fromHeader[Int(header[Range(match.range(at: 2), in: header)!])!] = name
        }
        var ours: [Int: String] = [:]
        for (number, name) in X32Syscalls.names.enumerated() { if let name { ours[number] = name } }
        #expect(ours == fromHeader)
    }
}
