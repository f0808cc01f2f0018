import Foundation
import Testing

/// The thread that keeps a CPU awake while swtrace follows forks (`KeepAwakeThread`): there only
/// when a traced process forked and adaptive waiting is on, at idle priority, deaf to signals,
/// and asleep once stops stop coming.
@Suite struct KeepAwakeTests {
    /// The threads of `pid` whose scheduling policy (field 41 of /proc/PID/task/TID/stat) is
    /// SCHED_IDLE (5).
    static func idlePriorityThreads(of pid: pid_t) -> [pid_t] {
        TaskProbe.threads(pid).filter { task in
            let fields = statFields(pid, task: task)
            return fields.count > 38 && fields[38] == "5"
        }
    }

    /// The fields of /proc/PID/task/TID/stat after the command name: state (field 3) first.
    static func statFields(_ pid: pid_t, task: pid_t) -> [Substring] {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/task/\(task)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return [] }
        return stat[stat.index(close, offsetBy: 2)...].split(separator: " ")
    }

    /// How many CPUs this process (and so the swtrace it starts) may run on: Cpus_allowed_list,
    /// such as "0-1" or "0,2-3".
    static func allowedCPUs() -> Int {
        let list = TaskProbe.status(getpid())["Cpus_allowed_list"] ?? ""
        return list.split(separator: ",").reduce(0) { count, range in
            let ends = range.split(separator: "-").compactMap { Int($0) }
            return count + (ends.count == 2 ? ends[1] - ends[0] + 1 : 1)
        }
    }

    /// utime + stime of a thread, in clock ticks.
    static func cpuTicks(_ pid: pid_t, task: pid_t) -> Int? {
        let fields = statFields(pid, task: task)
        guard fields.count > 12, let user = Int(fields[11]), let system = Int(fields[12]) else { return nil }
        return user + system
    }

    /// Traces `sh -c "FIXTURE fork; exec FIXTURE nap 2000"` (a fork, then a two-second sleep) and
    /// returns swtrace once the nap is under way, with its result when it ends. With `cgroup`,
    /// swtrace starts in that cgroup (a shell moves itself there, then execs swtrace).
    func traceForkThenNap(_ options: [String], cgroup: CPULimitedCgroup? = nil,
                          whileNapping check: (pid_t) throws -> Void) throws -> RunResult {
        let fixture = Products.fixture
        var command = [Products.swtrace] + options + ["-o", "/dev/null", "--", "/bin/sh", "-c",
                                                      "\(fixture) fork; exec \(fixture) nap 2000"]
        if let cgroup {
            command = ["/bin/sh", "-c", "echo $$ > '\(cgroup.directory)/cgroup.procs' && exec \"$@\"", "sh"] + command
        }
        let tracer = try RunningProcess(command[0], Array(command.dropFirst()), environment: fixtureEnvironment)
        let napping = waitUntil(20) {
            TaskProbe.descendants(of: tracer.pid).contains { TaskProbe.blockedSyscall($0) == clockNanosleepNumber }
        }
        #expect(napping, "the traced command did not reach its nap")
        try check(tracer.pid)
        return tracer.finish(timeout: 20)
    }

    @Test func aTraceThatFollowsForksHasOneIdleThreadThatSleepsWhenStopsStop() throws {
        let result = try traceForkThenNap(["-f"]) { tracer in
            let idle = Self.idlePriorityThreads(of: tracer)
            if Self.allowedCPUs() < 2 || CPULimitedCgroup.limits(getpid()) {
                // With one CPU there is nothing to keep awake beside the tracer; under a CPU
                // limit (a CI container's, say) spinning would spend the traced programs' quota.
                #expect(idle == [])
                return
            }
            try #require(idle.count == 1, "threads at SCHED_IDLE: \(idle)")
            let keeper = idle[0]
            // No stop comes while the command sleeps: the thread sleeps too, its CPU time still.
            #expect(waitUntil(5) { Self.statFields(tracer, task: keeper).first == "S" })
            let before = Self.cpuTicks(tracer, task: keeper)
            usleep(300_000)
            #expect(before != nil && Self.cpuTicks(tracer, task: keeper) == before)
            #expect(Self.statFields(tracer, task: keeper).first == "S")
            // Signals sent to swtrace (^C, a kill, a child's end) never land on it.
            let blocked = UInt64(TaskProbe.status(tracer, task: keeper)["SigBlk"] ?? "", radix: 16) ?? 0
            for signal in [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGCHLD, SIGPIPE, SIGALRM, SIGUSR1] {
                #expect(blocked & (1 << UInt64(signal - 1)) != 0, "signal \(signal) is not blocked: \(String(blocked, radix: 16))")
            }
        }
        #expect(result.exitStatus == 0, "\(result.stderr)")
    }

    @Test(arguments: [["-f", "--no-adaptive-wait"], []])
    func noIdleThreadWithoutAdaptiveWaitOrWithoutFollowingForks(options: [String]) throws {
        let result = try traceForkThenNap(options) { tracer in
            #expect(Self.idlePriorityThreads(of: tracer) == [])
        }
        #expect(result.exitStatus == 0, "\(result.stderr)")
    }

    @Test func noIdleThreadWhereCPUTimeIsRationed() throws {
        let cgroup = try CPULimitedCgroup()
        defer { cgroup.remove() }
        let result = try traceForkThenNap(["-f"], cgroup: cgroup) { tracer in
            let inCgroup = (try? String(contentsOfFile: "\(cgroup.directory)/cgroup.procs", encoding: .utf8)) ?? ""
            #expect(inCgroup.split(separator: "\n").contains(Substring(String(tracer))), "swtrace is not in \(cgroup.directory)")
            #expect(CPULimitedCgroup.limits(tracer))
            #expect(Self.idlePriorityThreads(of: tracer) == [])
        }
        #expect(result.exitStatus == 0, "\(result.stderr)")
    }
}

/// A cgroup of its own with a CPU bandwidth limit of two CPUs (which on this machine limits
/// nothing in practice): cgroup v1's cpu hierarchy where it is mounted, else v2's.
struct CPULimitedCgroup {
    let directory: String

    init() throws {
        let name = "swtrace-test-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let v1 = ["/sys/fs/cgroup/cpu", "/sys/fs/cgroup/cpu,cpuacct"].first {
            FileManager.default.fileExists(atPath: "\($0)/cpu.cfs_quota_us")
        }
        if let v1 {
            directory = "\(v1)/\(name)"
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: false)
            try "200000".write(toFile: "\(directory)/cpu.cfs_quota_us", atomically: false, encoding: .utf8)
        } else {
            try "+cpu".write(toFile: "/sys/fs/cgroup/cgroup.subtree_control", atomically: false, encoding: .utf8)
            directory = "/sys/fs/cgroup/\(name)"
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: false)
            try "200000 100000".write(toFile: "\(directory)/cpu.max", atomically: false, encoding: .utf8)
        }
    }

    /// Whether a CPU bandwidth limit applies to process `pid`: `cpu.max` or `cpu.cfs_quota_us`
    /// other than "max"/"-1" in its cgroup or one above it.
    static func limits(_ pid: pid_t) -> Bool {
        let lines = ((try? String(contentsOfFile: "/proc/\(pid)/cgroup", encoding: .utf8)) ?? "").split(separator: "\n")
        return lines.contains { line in
            let parts = line.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count == 3 else { return false }
            let (root, file): (String, String)
            switch parts[1] {
            case "": (root, file) = ("/sys/fs/cgroup", "cpu.max")
            case "cpu", "cpu,cpuacct", "cpuacct,cpu": (root, file) = ("/sys/fs/cgroup/\(parts[1])", "cpu.cfs_quota_us")
            default: return false
            }
            var path = parts[2].split(separator: "/").map(String.init)
            while true {
                let directory = ([root] + path).joined(separator: "/")
                let value = (try? String(contentsOfFile: "\(directory)/\(file)", encoding: .utf8)) ?? "max"
                if !value.hasPrefix("max") && !value.hasPrefix("-1") { return true }
                if path.isEmpty { return false }
                path.removeLast()
            }
        }
    }

    /// Removes the cgroup once the processes in it have ended.
    func remove() {
        _ = waitUntil(10) { rmdir(directory) == 0 }
    }
}
