import SwtraceCommandLine
import SyscallTables
import Testing
import Tracing

/// Parses `arguments`, failing the test on an error.
func parse(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) -> ParsedCommandLine? {
    do {
        return try CommandLineParser.parse(arguments)
    } catch {
        Issue.record("\(arguments) was refused: \(error.message)", sourceLocation: sourceLocation)
        return nil
    }
}

/// The message `arguments` are refused with, or nil if they are accepted.
func refusal(_ arguments: [String]) -> String? {
    do {
        _ = try CommandLineParser.parse(arguments)
        return nil
    } catch {
        return error.message
    }
}

/// A syscall filter with `expressions` applied, as `-e trace=` would apply them.
func syscallFilter(_ expressions: String...) throws -> SyscallFilter {
    var filter = SyscallFilter.all
    for expression in expressions { try filter.apply(expression) }
    return filter
}

func signalFilter(_ expression: String) throws -> SignalFilter {
    var filter = SignalFilter.all
    try filter.apply(expression)
    return filter
}

/// Compares every field of two TraceOptions, the filters by what they let through (they are not
/// Equatable: a filter is a bitset per ABI, compared here syscall by syscall).
func expectSameOptions(_ actual: TraceOptions, _ expected: TraceOptions, _ context: String,
                       sourceLocation: SourceLocation = #_sourceLocation) {
    func check(_ same: Bool, _ field: String) {
        #expect(same, "\(context): \(field) differs", sourceLocation: sourceLocation)
    }
    check(actual.followForks == expected.followForks, "followForks")
    check(actual.detachOnExecve == expected.detachOnExecve, "detachOnExecve")
    check(actual.killOnExit == expected.killOnExit, "killOnExit")
    check(actual.launch == expected.launch, "launch")
    check(actual.interruptibility == expected.interruptibility, "interruptibility")
    check(actual.syscalls.tracesEverything == expected.syscalls.tracesEverything, "syscalls (everything)")
    for arch in SyscallArch.allCases {
        check(actual.syscalls.tracedNumbers(of: arch) == expected.syscalls.tracedNumbers(of: arch), "syscalls of \(arch)")
        check((0..<600).allSatisfy { actual.syscalls.traces(arch, $0) == expected.syscalls.traces(arch, $0) }, "syscalls of \(arch) by number")
    }
    check((1...64).allSatisfy { actual.signals.shows($0) == expected.signals.shows($0) }, "signals")
    check(actual.statuses == expected.statuses, "statuses")
    check(actual.paths == expected.paths, "paths")
    check((actual.descriptors == nil) == (expected.descriptors == nil), "descriptors (given)")
    if let a = actual.descriptors, let e = expected.descriptors {
        check((-1...1100).allSatisfy { a.contains($0) == e.contains($0) }, "descriptors")
    }
    check(actual.quiet == expected.quiet, "quiet")
    check(actual.syscallLimit == expected.syscallLimit, "syscallLimit")
    check(actual.seccomp == expected.seccomp, "seccomp")
    check(actual.adaptiveWait == expected.adaptiveWait, "adaptiveWait")
    check(actual.decode.stringLimit == expected.decode.stringLimit, "stringLimit")
    check(actual.decode.alignColumn == expected.decode.alignColumn, "alignColumn")
    check(actual.decode.descriptorDecoding == expected.decode.descriptorDecoding, "descriptorDecoding")
    check(actual.output == expected.output, "output")
    check(actual.appendToOutput == expected.appendToOutput, "appendToOutput")
    check(actual.outputSeparately == expected.outputSeparately, "outputSeparately")
    check(actual.absoluteTimestamps == expected.absoluteTimestamps, "absoluteTimestamps")
    check(actual.relativeTimestamps == expected.relativeTimestamps, "relativeTimestamps")
    check(actual.syscallTimes == expected.syscallTimes, "syscallTimes")
    check(actual.summary == expected.summary, "summary")
    check(actual.outputFD == expected.outputFD, "outputFD")
    check(actual.outputIsFile == expected.outputIsFile, "outputIsFile")
}
