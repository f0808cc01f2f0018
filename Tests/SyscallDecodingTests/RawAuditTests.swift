import Foundation
import Testing

@testable import SyscallDecoding
import SyscallTables

/// The README's list of syscalls that still print (partly) raw is the catalog's, name for name:
/// a decoder added or a raw signature added without updating the list fails here, so the list
/// cannot drift. The list lives between `<!-- left-raw:begin -->` and `<!-- left-raw:end -->` in
/// README.md; each entry is a backquoted name, optionally followed by the ABIs it is raw on
/// (`` `stat` (i386) ``); without them it is raw on every ABI whose table has it.
@Suite struct RawAuditTests {
    static let readme = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("README.md")

    /// Every (name, ABI) whose line is not fully decoded: some argument or the result prints as
    /// `strace -e raw=` prints it.
    static func undecoded() -> Set<String> {
        var result = Set<String>()
        for arch in SyscallArch.allCases {
            for name in SyscallTable.forArch(arch).names.compactMap({ $0 })
            where !SyscallCatalog.signature(of: name, arch: arch).isFullyDecoded {
                result.insert("\(name) \(arch)")
            }
        }
        return result
    }

    /// The README's entries as (name, ABI) pairs.
    static func listed() throws -> Set<String> {
        let text = try String(contentsOf: readme, encoding: .utf8)
        let begin = try #require(text.range(of: "<!-- left-raw:begin -->"), "README.md has no left-raw list")
        let end = try #require(text.range(of: "<!-- left-raw:end -->", range: begin.upperBound..<text.endIndex))
        let block = String(text[begin.upperBound..<end.lowerBound])
        let entry = try NSRegularExpression(pattern: #"`([a-z0-9_]+)`(?: \(([a-z0-9_, ]+)\))?"#)
        var result = Set<String>()
        for match in entry.matches(in: block, range: NSRange(block.startIndex..., in: block)) {
            let name = String(block[Range(match.range(at: 1), in: block)!])
            var arches = SyscallArch.allCases.filter { SyscallTable.forArch($0).number(of: name) != nil }
            if let annotation = Range(match.range(at: 2), in: block) {
                let names = block[annotation].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                arches = try names.map { abi in try #require(SyscallArch.allCases.first { "\($0)" == abi }, "unknown ABI \(abi)") }
            }
            #expect(!arches.isEmpty, "\(name) is in no syscall table")
            for arch in arches { result.insert("\(name) \(arch)") }
        }
        return result
    }

    @Test func readmeListsExactlyTheUndecodedSyscalls() throws {
        let actual = Self.undecoded()
        let listed = try Self.listed()
        #expect(actual.subtracting(listed).sorted() == [], "printed raw but not listed in README.md")
        #expect(listed.subtracting(actual).sorted() == [], "listed in README.md but decoded now")
        if actual != listed { Issue.record("the list as it should read now:\n\(Self.entries(of: actual))") }
    }

    /// The man page's OUTPUT section carries the same list (names in bold, between
    /// `.\" left-raw:begin` and `.\" left-raw:end`), or `none.` when the README's is empty.
    @Test func manPageListsTheSameUndecodedSyscalls() throws {
        let page = try String(contentsOf: Self.readme.deletingLastPathComponent().appendingPathComponent("man/swtrace.1"), encoding: .utf8)
        let begin = try #require(page.range(of: ".\\\" left-raw:begin"), "man/swtrace.1 has no left-raw list")
        let end = try #require(page.range(of: ".\\\" left-raw:end", range: begin.upperBound..<page.endIndex))
        let block = page[begin.upperBound..<end.lowerBound].split(separator: "\n", omittingEmptySubsequences: false).dropFirst()
            .joined(separator: "\n")
        let names = Set(block.matches(of: /\\fB([a-z0-9_]+)\\fR/).map { String($0.1) })
        let listed = Set(try Self.listed().map { String($0.split(separator: " ")[0]) })
        #expect(names == listed, "man/swtrace.1's left-raw list differs from README.md's")
        if listed.isEmpty { #expect(block.trimmingCharacters(in: .whitespacesAndNewlines) == "none.") }
    }

    /// `undecoded` written as README entries, sorted by name, for updating the list.
    static func entries(of pairs: Set<String>) -> String {
        var arches: [String: [SyscallArch]] = [:]
        for pair in pairs {
            let parts = pair.split(separator: " ")
            arches[String(parts[0]), default: []].append(SyscallArch(rawValue: String(parts[1]))!)
        }
        return arches.keys.sorted().map { name in
            let raw = SyscallArch.allCases.filter { arches[name]!.contains($0) }
            let all = SyscallArch.allCases.filter { SyscallTable.forArch($0).number(of: name) != nil }
            return raw == all ? "`\(name)`" : "`\(name)` (\(raw.map(\.rawValue).joined(separator: ", ")))"
        }.joined(separator: ", ")
    }
}
