import CPtrace
import Glibc

/// Starts the command to trace: finds it on PATH (so that "not found" is a clear error before
/// anything runs), forks a child that stops itself, seizes it, and lets it go on to execve.
enum CommandLauncher {
    /// The executable `command` names: itself if it contains a slash, else the first executable
    /// regular file of that name in PATH, as execvp(3) searches.
    static func resolve(_ command: String) throws -> String {
        if command.contains("/") {
            try checkExecutable(command, name: command)
            return command
        }
        let path = getenv("PATH").map { String(cString: $0) } ?? "/usr/local/bin:/usr/bin:/bin"
        var deniedCandidate: String?
        for directory in path.split(separator: ":", omittingEmptySubsequences: false) {
            let candidate = (directory.isEmpty ? "." : String(directory)) + "/" + command
            var info = stat()
            guard stat(candidate, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
            if access(candidate, X_OK) == 0 { return candidate }
            deniedCandidate = deniedCandidate ?? candidate
        }
        if let deniedCandidate {
            throw TraceError("cannot run '\(command)' (\(deniedCandidate)): Permission denied", exitStatus: 126)
        }
        throw TraceError("cannot run '\(command)': command not found", exitStatus: 127)
    }

    private static func checkExecutable(_ path: String, name: String) throws {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let code = errno
            throw TraceError("cannot run '\(name)': \(TraceError.errnoText(code))", exitStatus: code == ENOENT ? 127 : 126)
        }
        if info.st_mode & S_IFMT == S_IFDIR {
            throw TraceError("cannot run '\(name)': Is a directory", exitStatus: 126)
        }
        guard access(path, X_OK) == 0 else {
            throw TraceError("cannot run '\(name)': \(TraceError.errnoText(errno))", exitStatus: 126)
        }
    }

    /// Forks and seizes the child; returns its pid, stopped in group-stop and already sent SIGCONT,
    /// so its first reported stops are the tail of that stop and then its execve.
    static func launch(executable: String, arguments: [String], options: Ptrace.Options, seccompFilter: [UInt8]? = nil) throws -> pid_t {
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let pid = argv.withUnsafeBufferPointer { argvBuffer in
            swt_spawn_stopped(executable, argvBuffer.baseAddress, swt_environ())
        }
        guard pid > 0 else {
            throw TraceError("cannot start '\(executable)': \(TraceError.errnoText(errno))")
        }

        var status: Int32 = 0
        while waitpid(pid, &status, WUNTRACED) < 0 && errno == EINTR {}
        guard swt_wifstopped(status) != 0 else {
            throw TraceError("'\(executable)' exited before it could be traced")
        }
        let failure = Ptrace.seize(pid, options: options)
        guard failure == 0 else {
            kill(pid, SIGKILL)
            throw TraceError("cannot trace '\(executable)': ptrace(PTRACE_SEIZE): \(TraceError.errnoText(failure))")
        }
        kill(pid, SIGCONT)
        return pid
    }
}
