/// One option of the command line: its names, whether it takes a value, its help, and what it
/// does to the parse. The parser and `--help` both read the one table of these (`OptionTable`).
struct OptionSpec: Sendable {
    enum Argument: Sendable {
        /// A flag: `-f`, `--follow-forks`.
        case none
        /// A value: joined (`-s64`, `--string-limit=64`) or the next word.
        case required(String)
        /// A value only when joined with `=` (`--syscall-times=ms`), as getopt_long's optional
        /// arguments.
        case optional(String)
    }

    typealias Action = @Sendable (inout ParseState, String?) throws(CommandLineError) -> Void

    var short: Character?
    var long: String?
    var argument: Argument
    /// The help text; nil for an option refused as not supported yet (left out of `--help`).
    var help: String?
    /// How `--help` shows the option, when its names and value alone do not say it (`-ff`).
    var synopsis: String?
    var action: Action

    init(_ short: Character?, _ long: String?, _ argument: Argument = .none, synopsis: String? = nil,
         help: String?, action: @escaping Action) {
        self.short = short
        self.long = long
        self.argument = argument
        self.synopsis = synopsis
        self.help = help
        self.action = action
    }

    /// An option strace has and swtrace refuses by name.
    static func unsupported(_ short: Character?, _ long: String?, _ argument: Argument = .none) -> OptionSpec {
        OptionSpec(short, long, argument, help: nil) { _, _ throws(CommandLineError) in
            throw .notSupported(short.map { "-\($0)" } ?? "--\(long!)")
        }
    }
}
