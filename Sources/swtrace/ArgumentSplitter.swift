/// Splits swtrace's command line the way strace reads one: options first, then the command and its
/// arguments, which start at `--` or at the first word that is not an option (`swtrace ls -la`
/// traces `ls -la`). Joined short options are separated (`-s64` → `-s 64`, `-fp 12` → `-f -p 12`)
/// so that swift-argument-parser sees one option per word.
struct ArgumentSplitter {
    /// Short options that take a value.
    let shortWithValue: Set<Character>
    /// Long options that take a value (without the leading `--`).
    let longWithValue: Set<String>

    struct Split: Equatable {
        var options: [String]
        var command: [String]
    }

    func split(_ arguments: [String]) -> Split {
        var options: [String] = []
        var index = 0
        while index < arguments.count {
            let word = arguments[index]
            index += 1
            if word == "--" {
                return Split(options: options, command: Array(arguments[index...]))
            }
            if word.hasPrefix("--") {
                options.append(word)
                let name = String(word.dropFirst(2))
                if longWithValue.contains(name) && index < arguments.count {
                    options.append(arguments[index])
                    index += 1
                }
            } else if word.hasPrefix("-") && word.count > 1 {
                var letters = Substring(word.dropFirst())
                while let letter = letters.first {
                    letters = letters.dropFirst()
                    options.append("-\(letter)")
                    guard shortWithValue.contains(letter) else { continue }
                    if !letters.isEmpty {
                        options.append(String(letters))
                    } else if index < arguments.count {
                        options.append(arguments[index])
                        index += 1
                    }
                    break
                }
            } else {
                return Split(options: options, command: Array(arguments[(index - 1)...]))
            }
        }
        return Split(options: options, command: [])
    }
}
