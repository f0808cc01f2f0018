import Glibc

/// Attaches to running processes (`-p`): every thread in /proc/PID/task, with PTRACE_SEIZE (no
/// SIGSTOP is sent, so job control and the process's signals stay as they were) and then
/// PTRACE_INTERRUPT, so that each thread stops once and can be resumed under syscall tracing.
enum ProcessAttacher {
    /// Seizes and interrupts every thread of `pid`, listing the threads again until no new one
    /// appears (a thread may be created while the others are being seized). Returns the thread ids.
    static func attach(_ pid: pid_t, options: Ptrace.Options) throws -> [pid_t] {
        var attached: [pid_t] = []
        var known = Set<pid_t>()
        while true {
            guard let threads = threadIDs(of: pid) else {
                if attached.isEmpty { throw TraceError("cannot attach to process \(pid): No such process") }
                break
            }
            let fresh = threads.filter { !known.contains($0) }
            if fresh.isEmpty { break }
            for tid in fresh {
                known.insert(tid)
                let failure = Ptrace.seize(tid, options: options)
                if failure == ESRCH && tid != pid { continue }  // the thread exited meanwhile
                guard failure == 0 else {
                    if attached.isEmpty {
                        throw TraceError("cannot attach to process \(pid): \(TraceError.errnoText(failure))")
                    }
                    continue
                }
                _ = Ptrace.interrupt(tid)
                attached.append(tid)
            }
        }
        return attached
    }

    /// The thread ids in /proc/PID/task, or nil if the process does not exist.
    static func threadIDs(of pid: pid_t) -> [pid_t]? {
        guard let directory = opendir("/proc/\(pid)/task") else { return nil }
        defer { closedir(directory) }
        var tids: [pid_t] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if let tid = pid_t(name) { tids.append(tid) }
        }
        return tids.sorted()
    }
}
