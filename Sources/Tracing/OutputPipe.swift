import CPtrace
import Glibc

/// `-o '|cmd'` and `-o '!cmd'`: the trace is written to a pipe read by `sh -c cmd`.
enum OutputPipe {
    /// Starts `sh -c command` with its standard input reading from a new pipe; returns the write
    /// end (close-on-exec) and the shell's pid.
    static func start(_ command: String) throws -> OpenedOutput {
        var ends: [Int32] = [-1, -1]
        guard pipe2(&ends, O_CLOEXEC) == 0 else {
            throw TraceError("cannot create a pipe for '\(command)': \(TraceError.errnoText(errno))")
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, ends[0], 0)

        let argv: [UnsafeMutablePointer<CChar>?] = ["sh", "-c", command].map { word in word.withCString { strdup($0) } } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let failure = posix_spawn(&pid, "/bin/sh", &actions, nil, argv, swt_environ())
        close(ends[0])
        guard failure == 0 else {
            close(ends[1])
            throw TraceError("cannot run 'sh -c \(command)': \(TraceError.errnoText(failure))")
        }
        return OpenedOutput(fd: ends[1], pipeProcess: pid)
    }
}

/// pipe2(2), which Glibc's module map leaves out (it is a _GNU_SOURCE declaration).
@_silgen_name("pipe2")
private func pipe2(_ fds: UnsafeMutablePointer<Int32>, _ flags: Int32) -> Int32
