import Glibc
import SyscallDecoding

/// `-P PATH` and `-e trace-fds=`: a call passes when a path argument is one of the paths, or a
/// descriptor argument is open on one of them (as /proc/PID/fd says at the call) or is one of the
/// descriptors. Calls that take neither pass neither.
struct PathFilter {
    /// The paths as given and, where it differs, as realpath(3) resolves them.
    private let paths: [[UInt8]]
    private let descriptors: DescriptorFilter?

    init?(paths: [String], descriptors: DescriptorFilter?) {
        guard !paths.isEmpty || descriptors != nil else { return nil }
        var all: [[UInt8]] = []
        for path in paths {
            all.append(Array(path.utf8))
            if let resolved = realpath(path, nil) {
                let bytes = Array(String(cString: resolved).utf8)
                free(resolved)
                if !all.contains(bytes) { all.append(bytes) }
            }
        }
        self.paths = all
        self.descriptors = descriptors
    }

    func matches(_ descriptor: SyscallDescriptor, _ call: SyscallCall, pid: pid_t, memory: some TraceeMemory) -> Bool {
        for (index, kind) in descriptor.signature.args.enumerated() {
            let value = call.args[index]
            switch kind {
            case .fd, .dirfd:
                let fd = Int32(truncatingIfNeeded: value)
                guard fd >= 0 else { continue }
                if let descriptors, descriptors.contains(fd) { return true }
                if !paths.isEmpty, let target = Self.pathOf(fd: fd, pid: pid), paths.contains(target) { return true }
            case .path:
                guard !paths.isEmpty, value != 0,
                      let (bytes, terminated) = memory.readCString(at: value, limit: 4095), terminated
                else { continue }
                if paths.contains(bytes) { return true }
            default:
                continue
            }
        }
        return false
    }

    /// What /proc/PID/fd/FD links to.
    static func pathOf(fd: Int32, pid: pid_t) -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = readlink("/proc/\(pid)/fd/\(fd)", &buffer, buffer.count)
        return count > 0 ? Array(buffer[0..<count]) : nil
    }
}
