import Glibc

/// The checks that turn bad input into one clear error before tracing starts.
public enum TraceSetup {
    /// The executable that `command` names (searched in PATH unless it has a slash).
    public static func resolveCommand(_ command: String) throws -> String {
        try CommandLauncher.resolve(command)
    }

    /// Opens (creates, truncates) the `-o` file; close-on-exec, so the tracee does not inherit it.
    public static func openOutput(_ path: String) throws -> Int32 {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard fd >= 0 else {
            throw TraceError("cannot open '\(path)': \(TraceError.errnoText(errno))")
        }
        return fd
    }
}
