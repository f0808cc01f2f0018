import Foundation
import Testing

/// man/swtrace.1 renders cleanly and documents exactly the options `swtrace --help` lists.
@Suite struct ManPageTests {
    let manPage = Products.packageRoot.appendingPathComponent("man/swtrace.1").path

    @Test func lintsCleanWithMandoc() throws {
        let lint = try run("/usr/bin/mandoc", ["-T", "lint", "-W", "warning", manPage])
        #expect(lint.exitStatus == 0, "\(lint.stdout)\(lint.stderr)")
        #expect(lint.stdout.isEmpty && lint.stderr.isEmpty)
    }

    @Test func rendersWithMan() throws {
        let rendered = try run("/usr/bin/man", ["-l", manPage], environment: ["MANPAGER": "cat", "MANWIDTH": "80", "PATH": "/usr/bin:/bin"])
        #expect(rendered.exitStatus == 0)
        #expect(rendered.stdout.contains("swtrace - trace the system calls and signals of a program"))
    }

    @Test func everyOptionInHelpIsInTheManPageAndBack() throws {
        let help = try swtrace(["--help"]).stdout
        let page = try String(contentsOfFile: manPage, encoding: .utf8).replacingOccurrences(of: "\\-", with: "-")
        let optionPattern = try NSRegularExpression(pattern: #"(?<![\w-])(--?[A-Za-z][A-Za-z-]*)"#)
        func options(in text: String, from marker: String) -> Set<String> {
            let start = text.range(of: marker)?.upperBound ?? text.startIndex
            let section = String(text[start...])
            let matches = optionPattern.matches(in: section, range: NSRange(section.startIndex..., in: section))
            return Set(matches.compactMap { Range($0.range(at: 1), in: section).map { String(section[$0]) } })
        }
        let helpOptions = options(in: help, from: "OPTIONS:")
        let manOptions = options(in: page, from: ".SH OPTIONS").intersection(
            options(in: String(page[..<(page.range(of: ".SH OUTPUT")?.lowerBound ?? page.endIndex)]), from: ".SH OPTIONS"))
        #expect(!helpOptions.isEmpty)
        #expect(helpOptions.subtracting(manOptions).isEmpty, "in --help, not in the man page")
        #expect(manOptions.subtracting(helpOptions).isEmpty, "in the man page, not in --help")
    }
}
