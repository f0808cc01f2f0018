/// Reads swtrace's command line as strace reads its own (getopt_long with "+"): options first,
/// short ones bundled (`-ff`, `-fo out`) or with joined values (`-s0`, `-etrace=open`), long ones
/// with `=VALUE` or the next word, unambiguous prefixes of long names accepted (`--summary-wall`);
/// the command starts at `--` or at the first word that is not an option, and every word after
/// it is the command's.
public enum CommandLineParser {
    public static func parse(_ arguments: [String]) throws(CommandLineError) -> ParsedCommandLine {
        var state = ParseState()
        var index = 0
        while index < arguments.count, state.result.action == .trace {
            let word = arguments[index]
            index += 1
            if word == "--" {
                break
            } else if word.hasPrefix("--") {
                try parseLong(word.dropFirst(2), arguments, &index, &state)
            } else if word.hasPrefix("-") && word.count > 1 {
                try parseShortBundle(word.dropFirst(), arguments, &index, &state)
            } else {
                index -= 1
                break
            }
        }
        if state.result.action != .trace { return state.result }
        state.result.command = Array(arguments[index...])
        return try state.finish()
    }

    private static func parseShortBundle(_ letters: Substring, _ arguments: [String], _ index: inout Int,
                                         _ state: inout ParseState) throws(CommandLineError) {
        var rest = letters
        while let letter = rest.first, state.result.action == .trace {
            rest = rest.dropFirst()
            guard let spec = OptionTable.option(short: letter) else {
                throw .usage("unknown option -\(letter)")
            }
            switch spec.argument {
            case .none, .optional:
                try spec.action(&state, nil)
            case .required(let valueName):
                var value: String
                if !rest.isEmpty {
                    value = String(rest)
                } else if index < arguments.count {
                    value = arguments[index]
                    index += 1
                } else {
                    throw .usage("option -\(letter) needs a value (\(valueName))")
                }
                try spec.action(&state, value)
                return
            }
        }
    }

    private static func parseLong(_ text: Substring, _ arguments: [String], _ index: inout Int,
                                  _ state: inout ParseState) throws(CommandLineError) {
        let name: Substring
        let joined: String?
        if let equals = text.firstIndex(of: "=") {
            name = text[..<equals]
            joined = String(text[text.index(after: equals)...])
        } else {
            name = text
            joined = nil
        }
        let spec = try findLong(name)
        let spelled = "--\(spec.long!)"
        switch spec.argument {
        case .none:
            if joined != nil { throw .usage("option \(spelled) takes no value") }
            try spec.action(&state, nil)
        case .optional:
            try spec.action(&state, joined)
        case .required(let valueName):
            if let joined {
                try spec.action(&state, joined)
            } else if index < arguments.count {
                index += 1
                try spec.action(&state, arguments[index - 1])
            } else {
                throw .usage("option \(spelled) needs a value (\(valueName))")
            }
        }
    }

    /// The option named `name` exactly, or the only one whose name starts with it.
    private static func findLong(_ name: Substring) throws(CommandLineError) -> OptionSpec {
        if let exact = OptionTable.option(long: name) { return exact }
        let candidates = OptionTable.all.filter { $0.long?.hasPrefix(name) == true }
        switch candidates.count {
        case 0:
            throw .usage("unknown option '--\(name)'")
        case 1:
            return candidates[0]
        default:
            let names = candidates.map { "--\($0.long!)" }.joined(separator: ", ")
            throw .usage("option '--\(name)' is ambiguous: \(names)")
        }
    }
}
