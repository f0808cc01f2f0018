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

    /// Starts the command stopped, seizes it, and lets it go on to its execve (after switching to
    /// `launch.user` and installing `seccompFilter`, a classic BPF program: the bytes of an array of
    /// `struct sock_filter`). The first reported stops are the tail of the stop it started in and
    /// then its execve; every call before that execve is the launcher's, not the command's.
    ///
    /// After `TraceSetup.daemonizeTracer` (`-D`), this process is the tracer grandchild: the
    /// command is the original process, which waits to be seized instead of being forked here.
    /// `-E` and `--argv0` are already in the environment and `arguments` (see `TraceSetup`).
    static func launch(executable: String, arguments: [String], options: Ptrace.Options,
                       launch: LaunchOptions, seccompFilter: [UInt8]?) throws -> LaunchedCommand {
        if let daemonized = daemonizedCommand {
            daemonizedCommand = nil
            return try release(daemonized, executable: executable, options: options, seccompFilter: seccompFilter)
        }
        var reportFD: Int32 = -1
        let pid = withSpawnRequest(executable: executable, arguments: arguments, user: launch.user,
                                   seccompFilter: seccompFilter) { request in
            swt_spawn_stopped(&request, &reportFD)
        }
        guard pid > 0 else {
            throw TraceError("cannot start '\(executable)': \(TraceError.errnoText(errno))")
        }

        var status: Int32 = 0
        while waitpid(pid, &status, WUNTRACED) < 0 && errno == EINTR {}
        guard swt_wifstopped(status) != 0 else {
            if reportFD >= 0 { close(reportFD) }
            throw TraceError("'\(executable)' exited before it could be traced")
        }
        let failure = Ptrace.seize(pid, options: options)
        guard failure == 0 else {
            kill(pid, SIGKILL)
            if reportFD >= 0 { close(reportFD) }
            throw TraceError("cannot trace '\(executable)': ptrace(PTRACE_SEIZE): \(TraceError.errnoText(failure))")
        }
        kill(pid, SIGCONT)
        return LaunchedCommand(pid: pid, seccompReportFD: reportFD)
    }

    /// The command of `-D`, waiting in `swt_daemonize` to be seized; set in the tracer grandchild by
    /// `TraceSetup.daemonizeTracer`, before any thread exists, and taken by the one `launch`.
    nonisolated(unsafe) static var daemonizedCommand: (pid: pid_t, releaseFD: Int32)?

    /// `-D`: seizes the waiting original process, stops it (PTRACE_INTERRUPT) so that the session
    /// starts from a known stop, and sends it the go-ahead with the seccomp program.
    private static func release(_ command: (pid: pid_t, releaseFD: Int32), executable: String,
                                options: Ptrace.Options, seccompFilter: [UInt8]?) throws -> LaunchedCommand {
        let failure = Ptrace.seize(command.pid, options: options)
        guard failure == 0 else {
            close(command.releaseFD)  // the command sees no go-ahead and exits with 1
            throw TraceError("cannot trace '\(executable)': ptrace(PTRACE_SEIZE): \(TraceError.errnoText(failure))")
        }
        _ = Ptrace.interrupt(command.pid)
        let message: [UInt8] = [UInt8(ascii: "G")] + (seccompFilter ?? [])
        var sent = 0
        while sent < message.count {
            let n = message[sent...].withUnsafeBytes { write(command.releaseFD, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { break }
            sent += n
        }
        shutdown(command.releaseFD, Int32(SHUT_WR))
        guard seccompFilter != nil else {
            close(command.releaseFD)
            return LaunchedCommand(pid: command.pid, seccompReportFD: -1)
        }
        return LaunchedCommand(pid: command.pid, seccompReportFD: command.releaseFD)
    }

    /// Builds the C request (strings and arrays that live for the call) and passes it to `body`.
    static func withSpawnRequest<R>(executable: String, arguments: [String], user: UserIdentity?,
                                    seccompFilter: [UInt8]?,
                                    _ body: (inout swt_spawn_request) -> R) -> R {
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let groups = user?.groups.map { gid_t($0) } ?? []
        return argv.withUnsafeBufferPointer { argvBuffer in
            groups.withUnsafeBufferPointer { groupBuffer in
                withOptionalBytes(seccompFilter) { filter in
                    TraceSetup.programName.withCString { name in
                        executable.withCString { path in
                            var request = swt_spawn_request()
                            request.path = path
                            request.argv = argvBuffer.baseAddress
                            request.envp = UnsafePointer(swt_environ())
                            request.program_name = name
                            if let user {
                                request.switch_user = 1
                                request.uid = user.uid
                                request.gid = user.gid
                                request.groups = groupBuffer.baseAddress
                                request.group_count = Int32(groupBuffer.count)
                            }
                            if let filter {
                                request.seccomp_filter = filter.baseAddress
                                request.seccomp_count = UInt16(filter.count / 8)  // sizeof(struct sock_filter)
                            }
                            return body(&request)
                        }
                    }
                }
            }
        }
    }

    private static func withOptionalBytes<R>(_ bytes: [UInt8]?, _ body: (UnsafeRawBufferPointer?) -> R) -> R {
        guard let bytes else { return body(nil) }
        return bytes.withUnsafeBytes { body($0) }
    }
}

/// A command `CommandLauncher` started and seized.
struct LaunchedCommand {
    let pid: pid_t
    /// The read end on which the command reports whether it installed the seccomp filter; -1 when
    /// no filter was asked for.
    let seccompReportFD: Int32

    /// Whether the seccomp filter is in place. Call once, at the command's first exec (the command
    /// writes the answer before it execs, so this never waits long); false when no filter was
    /// asked for, when it could not be installed (the command printed one notice), or when the
    /// command died first. Closes the report descriptor.
    func seccompFilterInstalled() -> Bool {
        guard seccompReportFD >= 0 else { return false }
        defer { close(seccompReportFD) }
        var answer: UInt8 = 0
        while true {
            let n = read(seccompReportFD, &answer, 1)
            if n < 0 && errno == EINTR { continue }
            return n == 1 && answer == 1
        }
    }
}
