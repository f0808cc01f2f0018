/// `--color`: the ANSI SGR sequences around the colored parts of a line. Written with
/// `appendInvisible`, so that column alignment (`-a`) counts only what shows: with the sequences
/// taken out, a colored line is the uncolored line, byte for byte.
public enum TextColors {
    /// Syscall names: bold blue.
    public static let syscall: StaticString = "\u{1b}[1;34m"
    /// A failed call's `-1 ENOENT (...)`: red.
    public static let error: StaticString = "\u{1b}[31m"
    /// `--- SIGCHLD ... ---`: yellow.
    public static let signal: StaticString = "\u{1b}[33m"
    /// `+++ exited with 0 +++`: magenta.
    public static let exit: StaticString = "\u{1b}[35m"
    /// Quoted strings: green.
    public static let string: StaticString = "\u{1b}[32m"
    public static let reset: StaticString = "\u{1b}[0m"
}

extension TextBuffer {
    /// Bytes that take no column on a terminal (color sequences).
    public mutating func appendInvisible(_ sequence: StaticString) {
        append(sequence)
        invisibleBytes += sequence.utf8CodeUnitCount
    }
}
