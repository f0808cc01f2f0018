import SyscallDecoding
import Tracing

/// The command line as read so far: the options decided outright, and the counts and flags whose
/// meaning depends on the rest (`-ff` needs `-o`, `-w` needs `-c`), settled by `finish()`.
struct ParseState {
    var result = ParsedCommandLine()
    var options: TraceOptions {
        get { result.options }
        set { result.options = newValue }
    }

    var followCount = 0
    var separateOutput = false
    var quietCount = 0
    var quietQualifier = false
    var timestampCount = 0
    var absoluteTimestampsOption: TimestampStyle??
    var daemonizeCount = 0
    /// `-c` and `-C`, as given.
    var summaryOnly = false
    var summaryAlso = false
    var summaryWallClock = false
    var summarySortBy: SummarySortKey?
    var summaryColumns: [SummaryColumn]?
    var summaryOverhead: Double?
    /// `-z` and `-Z`, as given (both: the last wins, with a notice).
    var statusShortcuts: Set<Character> = []
    var outputGiven = false
    /// `-x` (1), `-xx` (2); `--strings-in-hex=` when given after them.
    var hexCount = 0
    var stringEscapes: StringEscapes?
    /// `-y` (1: paths); `-yy` (2 or more: everything `--decode-fds=all` prints).
    var decodeFdsCount = 0
    /// `--decode-fds=`, `-e decode-fds=`: what prints after a descriptor.
    var decodeFdsQualifier: DescriptorDecoding?

    /// Checks the options against each other, as strace does, and fills in what depends on several.
    mutating func finish() throws(CommandLineError) -> ParsedCommandLine {
        let hasCommand = !result.command.isEmpty
        guard hasCommand || !result.processes.isEmpty else {
            throw .usage("must have COMMAND [ARGS] or -p PID")
        }
        try finishProcesses(hasCommand: hasCommand)
        try finishOutput()
        try finishSummary()
        try finishTimestamps()
        try finishQuiet()
        finishCommandDefaults(hasCommand: hasCommand)
        try finishPrinting()
        if statusShortcuts.count > 1 {
            result.warnings.append("only the last of -z/--successful-only and -Z/--failed-only takes effect")
        }
        if options.seccomp == .forced && !hasCommand {
            throw CommandLineError("--seccomp-bpf applies only to a command swtrace starts, not to -p")
        }
        return result
    }

    private mutating func finishProcesses(hasCommand: Bool) throws(CommandLineError) {
        if daemonizeCount > 3 {
            throw CommandLineError("too many -D's (\(daemonizeCount)): -DDD is the most")
        }
        if daemonizeCount > 0 {
            options.launch.daemonize = daemonizeCount
            if !hasCommand { throw .usage("-D needs a COMMAND to start") }
        }
        if followCount > 0 { options.followForks = true }
    }

    private mutating func finishOutput() throws(CommandLineError) {
        let separate = followCount >= 2 || separateOutput
        if separate {
            switch options.output {
            case .file:
                options.outputSeparately = true
            case .pipe:
                throw CommandLineError("-ff/--output-separately cannot write to a pipe (-o '|COMMAND')")
            case .standardOutput:
                // strace: -ff without -o is -f; --output-separately alone does nothing.
                if separateOutput { result.warnings.append("--output-separately has no effect without -o") }
            }
        }
        if options.appendToOutput && !outputGiven {
            result.warnings.append("-A/--output-append-mode has no effect without -o")
        }
        if case .file = options.output { options.outputIsFile = true }
        if case .pipe = options.output { options.outputIsFile = true }
    }

    private mutating func finishSummary() throws(CommandLineError) {
        if summaryOnly && summaryAlso {
            throw CommandLineError("-c/--summary-only and -C/--summary cannot be used together")
        }
        guard summaryOnly || summaryAlso else {
            if summaryWallClock { throw CommandLineError("-w/--summary-wall-clock needs -c or -C") }
            if summaryColumns != nil { throw CommandLineError("-U/--summary-columns needs -c or -C") }
            if summarySortBy != nil {
                result.warnings.append("-S/--summary-sort-by has no effect without -c or -C")
            }
            if summaryOverhead != nil {
                result.warnings.append("-O/--summary-syscall-overhead has no effect without -c or -C")
            }
            return
        }
        if options.outputSeparately {
            throw CommandLineError("-c/-C (a summary) and -ff/--output-separately cannot be used together")
        }
        var summary = SummaryOptions()
        summary.alsoTrace = summaryAlso
        summary.wallClock = summaryWallClock
        if let summarySortBy { summary.sortBy = summarySortBy }
        summary.columns = summaryColumns
        summary.overheadMicroseconds = summaryOverhead
        options.summary = summary
    }

    private mutating func finishTimestamps() throws(CommandLineError) {
        if let style = absoluteTimestampsOption {
            if timestampCount > 0 {
                throw CommandLineError("-t and --absolute-timestamps cannot be used together")
            }
            options.absoluteTimestamps = style
        } else {
            switch timestampCount {
            case 0: break
            case 1: options.absoluteTimestamps = TimestampStyle(format: .timeOfDay, precision: .seconds)
            case 2: options.absoluteTimestamps = TimestampStyle(format: .timeOfDay, precision: .microseconds)
            default: options.absoluteTimestamps = TimestampStyle(format: .unix, precision: .microseconds)
            }
        }
    }

    private mutating func finishPrinting() throws(CommandLineError) {
        if let stringEscapes {
            options.decode.stringEscapes = stringEscapes
        } else if hexCount > 0 {
            options.decode.stringEscapes = hexCount == 1 ? .hexWhenNonASCII : .hexAll
        }
        let shortForm: DescriptorDecoding = decodeFdsCount > 1 ? .all : decodeFdsCount == 1 ? .paths : []
        options.decode.descriptorDecoding = shortForm.union(decodeFdsQualifier ?? [])
    }

    /// strace's defaults for a command whose trace goes to `-o`: the notices `-q` hides are
    /// hidden (unless -q or --quiet= says otherwise), and swtrace is never interrupted (-I3: the
    /// command, in the terminal's process group, gets ^C itself). A daemonized tracer (-D) is
    /// not stopped by ^Z either (-I4).
    private mutating func finishCommandDefaults(hasCommand: Bool) {
        if options.interruptibility == nil {
            if daemonizeCount > 0 {
                options.interruptibility = 4
            } else if outputGiven && hasCommand {
                options.interruptibility = 3
            }
        }
        if outputGiven && hasCommand && quietCount == 0 && !quietQualifier {
            options.quiet = [.attach, .personality]
        }
    }

    private mutating func finishQuiet() throws(CommandLineError) {
        guard quietCount > 0 else { return }
        if quietQualifier {
            throw CommandLineError("-q and -e quiet=/--quiet= cannot be used together")
        }
        switch quietCount {
        case 1: options.quiet = [.attach, .personality]
        case 2: options.quiet = [.attach, .personality, .exit]
        default: options.quiet = [.attach, .exit, .pathResolution, .personality, .threadExecve, .superseded]
        }
    }
}
