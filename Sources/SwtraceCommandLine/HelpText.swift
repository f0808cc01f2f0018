/// `--help`, made from `OptionTable`: every supported option, by group, with its help wrapped to
/// 80 columns.
public enum HelpText {
    public static let version = "0.1.0"

    public static func render(programName name: String) -> String {
        var text = """
            USAGE: \(name) [OPTIONS] [--] COMMAND [ARGS...]
                   \(name) [OPTIONS] -p PID [-p PID...] [[--] COMMAND [ARGS...]]

            Trace the system calls and signals of a command or of running processes. Each
            call prints as strace prints it, on standard output (or the -o file). The
            command starts at the first word that is not an option, or after --. Options
            bundle and take joined values as strace's do (-ff, -fo FILE, -s0, -etrace=open).
            See \(name)(1).

            OPTIONS:

            """
        for group in OptionTable.groups {
            text += " \(group.title):\n"
            for spec in group.options {
                guard let help = spec.help else { continue }
                text += entry(synopsis(of: spec), help)
            }
            text += "\n"
        }
        return text
    }

    /// `-s, --string-limit=N`, `-r, --relative-timestamps[=s|ms|us|ns]`, `-f`.
    static func synopsis(of spec: OptionSpec) -> String {
        if let synopsis = spec.synopsis { return synopsis }
        var names: [String] = []
        if let short = spec.short { names.append("-\(short)") }
        if let long = spec.long { names.append("--\(long)") }
        var text = names.joined(separator: ", ")
        switch spec.argument {
        case .none: break
        case .required(let value): text += spec.long == nil ? " \(value)" : "=\(value)"
        case .optional(let value): text += "[=\(value)]"
        }
        return text
    }

    private static let helpColumn = 28
    private static let width = 80

    private static func entry(_ synopsis: String, _ help: String) -> String {
        var lines: [String] = []
        var line = "  " + synopsis
        if line.count + 2 > helpColumn {
            lines.append(line)
            line = ""
        }
        line += String(repeating: " ", count: max(0, helpColumn - line.count))
        var lineHasWord = false
        for word in help.split(separator: " ") {
            if lineHasWord && line.count + 1 + word.count > width {
                lines.append(line)
                line = String(repeating: " ", count: helpColumn)
                lineHasWord = false
            }
            line += (lineHasWord ? " " : "") + word
            lineHasWord = true
        }
        lines.append(line)
        return lines.joined(separator: "\n") + "\n"
    }
}
