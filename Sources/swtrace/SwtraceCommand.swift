import ArgumentParser

/// swtrace's options. Names and meanings follow strace's, so that a strace command line works.
struct SwtraceCommand: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "swtrace",
        abstract: "Trace the system calls and signals of a command or of running processes.",
        usage: """
            swtrace [OPTIONS] [--] COMMAND [ARGS...]
            swtrace [OPTIONS] -p PID [-p PID...]
            """,
        discussion: """
            Each system call prints as strace prints it, one line per call, on standard output \
            (or the -o file), ending with the traced command's exit: '+++ exited with 0 +++'. \
            swtrace exits with the command's exit status; if a signal killed the command, swtrace \
            kills itself with the same signal. See swtrace(1).
            """
    )

    @Flag(name: [.customShort("f"), .customLong("follow-forks")],
          help: "Trace child processes and threads as they are created (fork, vfork, clone).")
    var followForks = false

    @Option(name: [.customShort("p"), .customLong("attach")],
            help: ArgumentHelp("Attach to the process with this PID and trace it (repeatable; \"PID1 PID2\" and PID1,PID2 work too).",
                               valueName: "PID"))
    var attach: [String] = []

    @Option(name: [.customShort("o"), .customLong("output")],
            help: ArgumentHelp("Write the trace to FILE instead of standard output.", valueName: "FILE"))
    var output: String?

    @Option(name: [.customShort("s"), .customLong("string-limit")],
            help: ArgumentHelp("Print at most N bytes of each string or buffer; paths always print whole.",
                               valueName: "N"))
    var stringLimit = 32

    @Option(name: [.customShort("a"), .customLong("columns")],
            help: ArgumentHelp("Align return values at column N.", valueName: "N"))
    var columns = 40

    @Flag(name: [.customShort("V"), .customLong("version")], help: "Print the version and exit.")
    var version = false

    @Argument(parsing: .postTerminator, help: "The command to run and trace, with its arguments.")
    var command: [String] = []

    /// What -p and -o expect after them, for `ArgumentSplitter`.
    static let splitter = ArgumentSplitter(
        shortWithValue: ["p", "o", "s", "a"],
        longWithValue: ["attach", "output", "string-limit", "columns"]
    )

    mutating func validate() throws {
        if version { return }
        guard stringLimit >= 0 else { throw ValidationError("invalid -s argument: '\(stringLimit)'") }
        guard columns >= 0 else { throw ValidationError("invalid -a argument: '\(columns)'") }
        _ = try processIDs()
        if command.isEmpty && attach.isEmpty {
            throw ValidationError("must have COMMAND [ARGS] or -p PID")
        }
        if !command.isEmpty && !attach.isEmpty {
            throw ValidationError("trace either a COMMAND or -p PID, not both")
        }
    }

    /// The PIDs of every -p, which may each hold several separated by spaces or commas.
    func processIDs() throws -> [Int32] {
        try attach.flatMap { value in
            let words = value.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" })
            if words.isEmpty { throw ValidationError("invalid process id: '\(value)'") }
            return try words.map { word in
                guard let pid = Int32(word), pid > 0 else {
                    throw ValidationError("invalid process id: '\(word)'")
                }
                return pid
            }
        }
    }
}
