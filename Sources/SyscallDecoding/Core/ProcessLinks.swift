import Glibc

/// What `/proc` says about a tracee's descriptors and about processes, for `-y` and `-Y`. Read at
/// the moment an argument prints, and never cached: a descriptor number is reused as soon as it is
/// closed, and nothing tells the tracer when that happens.
enum ProcessLinks {
    /// `/proc/PID/fd/FD`'s target (`/etc/passwd`, `pipe:[12345]`, `anon_inode:[eventfd]`) as `-y`
    /// prints it after the number; false (nothing appended) when there is none (a closed fd).
    static func appendDescriptorPath(pid: Int32, fd: Int32, escapes: StringEscapes, to text: inout TextBuffer) -> Bool {
        guard pid > 0, fd >= 0 else { return false }
        return appendLink(pid: pid, leaf: "fd/", number: fd, escapes: escapes, to: &text)
    }

    /// The process a pidfd of tracee `pid` refers to (the `Pid:` line of `/proc/PID/fdinfo/FD`);
    /// nil when `pidfd` is no pidfd or its process is gone.
    static func processOfPidfd(pid: Int32, pidfd: Int32) -> Int32? {
        guard pid > 0, pidfd >= 0 else { return nil }
        var target: Int32?
        _ = withProcPath(pid: pid, leaf: "fdinfo/", number: pidfd) { path in
            let fd = open(path, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { return false }
            defer { close(fd) }
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 512) { buffer in
                let count = read(fd, buffer.baseAddress, buffer.count)
                guard count > 0 else { return false }
                let text = UnsafeBufferPointer(rebasing: buffer[0..<count])
                let key: StaticString = "\nPid:\t"
                let keyLength = key.utf8CodeUnitCount
                guard count > keyLength else { return false }
                for start in 0...(count - keyLength) where memcmp(buffer.baseAddress! + start, key.utf8Start, keyLength) == 0 {
                    var value: Int32 = 0
                    var index = start + keyLength
                    while index < count, text[index] >= UInt8(ascii: "0"), text[index] <= UInt8(ascii: "9") {
                        value = value &* 10 &+ Int32(text[index] - UInt8(ascii: "0"))
                        index += 1
                    }
                    if value > 0 { target = value }  // -1: the process is gone
                    return true
                }
                return false
            }
        }
        return target
    }

    /// `/proc/PID/cwd`: where AT_FDCWD points, for `-y`.
    static func appendWorkingDirectory(pid: Int32, escapes: StringEscapes, to text: inout TextBuffer) -> Bool {
        guard pid > 0 else { return false }
        return appendLink(pid: pid, leaf: "cwd", number: nil, escapes: escapes, to: &text)
    }

    /// `<comm>` of process `pid` (`/proc/PID/comm` without its newline), for `-Y`; false when
    /// there is no such process.
    static func appendCommandName(pid: Int32, escapes: StringEscapes, to text: inout TextBuffer) -> Bool {
        guard pid > 0 else { return false }
        return withProcPath(pid: pid, leaf: "comm", number: nil) { path in
            let fd = open(path, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { return false }
            defer { close(fd) }
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64) { buffer in
                let count = read(fd, buffer.baseAddress, buffer.count)
                guard count > 0 else { return false }
                var name = UnsafeBufferPointer(rebasing: buffer[0..<count])
                if name.last == UInt8(ascii: "\n") { name = UnsafeBufferPointer(rebasing: name.dropLast()) }
                text.appendDescriptorPath(name, escapes: escapes)
                return true
            }
        }
    }

    private static func appendLink(pid: Int32, leaf: StaticString, number: Int32?, escapes: StringEscapes,
                                   to text: inout TextBuffer) -> Bool {
        withProcPath(pid: pid, leaf: leaf, number: number) { path in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Int(PATH_MAX)) { buffer in
                let count = buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    readlink(path, $0, buffer.count)
                }
                guard count >= 0 else { return false }
                // The kernel marks a deleted file's link ` (deleted)`; strace prints
                // `</memfd:x>(deleted)`, the mark outside the brackets and without its space.
                let mark: StaticString = " (deleted)"
                let markLength = mark.utf8CodeUnitCount
                let deleted = count > markLength && memcmp(buffer.baseAddress! + (count - markLength), mark.utf8Start, markLength) == 0
                let pathLength = deleted ? count - markLength : count
                text.appendDescriptorPath(UnsafeBufferPointer(rebasing: buffer[0..<pathLength]), escapes: escapes)
                if deleted { text.append("(deleted)") }
                return true
            }
        }
    }

    /// Calls `body` with `/proc/PID/LEAF[NUMBER]` as a C string built on the stack.
    static func withProcPath(pid: Int32, leaf: StaticString, number: Int32?,
                                     _ body: (UnsafePointer<CChar>) -> Bool) -> Bool {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: 48) { path in
            var length = 0
            func add(_ bytes: UnsafeBufferPointer<UInt8>) {
                for byte in bytes { path[length] = CChar(bitPattern: byte); length += 1 }
            }
            func addNumber(_ value: Int32) {
                var count = 1
                var rest = value / 10
                while rest > 0 { count += 1; rest /= 10 }
                rest = value
                for position in stride(from: length + count - 1, through: length, by: -1) {
                    path[position] = CChar(bitPattern: UInt8(ascii: "0") + UInt8(rest % 10))
                    rest /= 10
                }
                length += count
            }
            ("/proc/" as StaticString).withUTF8Buffer(add)
            addNumber(pid)
            path[length] = CChar(bitPattern: UInt8(ascii: "/"))
            length += 1
            leaf.withUTF8Buffer(add)
            if let number { addNumber(number) }
            path[length] = 0
            return body(UnsafePointer(path.baseAddress!))
        }
    }
}

extension TextBuffer {
    /// `-Y`: `<comm>` of process `pid` (the line prefixes' `1234<sh>`); nothing when it is gone.
    public mutating func appendProcessName(_ pid: Int32, escapes: StringEscapes = .octal) {
        _ = ProcessLinks.appendCommandName(pid: pid, escapes: escapes, to: &self)
    }
}
