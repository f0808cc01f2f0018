import Glibc

/// What `-yy` and `--decode-fds=socket,dev,pidfd` print after a descriptor, in strace's order of
/// preference: a socket's endpoints, else a device's type and numbers, else a pidfd's process,
/// else (with `path`) the path `-y` prints. Read from /proc when the descriptor prints; only
/// socket endpoints are cached (by inode, in `SocketEndpoints`), since a descriptor number is
/// reused as soon as it is closed.
enum DescriptorDetails {
    static func append(pid: Int32, fd: Int32, decoding: DescriptorDecoding, escapes: StringEscapes,
                       to text: inout TextBuffer) {
        guard pid > 0, fd >= 0 else { return }
        _ = ProcessLinks.withProcPath(pid: pid, leaf: "fd/", number: fd) { procPath in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Int(PATH_MAX) + 1) { buffer in
                let count = buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    readlink(procPath, $0, buffer.count - 1)
                }
                guard count >= 0 else { return false }
                buffer[count] = 0
                let link = UnsafeBufferPointer(rebasing: buffer[0..<count])
                if decoding.contains(.sockets), let inode = NetlinkSocketLookup.socketInode(UnsafeRawBufferPointer(link)), inode != 0 {
                    SocketEndpoints.append(inode: inode, procPath: procPath, link: link, escapes: escapes, to: &text)
                } else if decoding.contains(.devices), appendDevice(link: link, escapes: escapes, to: &text) {
                } else if decoding.contains(.pidfds), isPidfd(link) {
                    appendPidfd(pid: pid, fd: fd, link: link, escapes: escapes, to: &text)
                } else if decoding.contains(.paths) {
                    // As -y prints it (ProcessLinks): a deleted file's ` (deleted)` as `>(deleted)`.
                    let mark: StaticString = " (deleted)"
                    let markLength = mark.utf8CodeUnitCount
                    let deleted = count > markLength && memcmp(link.baseAddress! + (count - markLength), mark.utf8Start, markLength) == 0
                    text.appendDescriptorPath(UnsafeBufferPointer(rebasing: link[0..<(deleted ? count - markLength : count)]), escapes: escapes)
                    if deleted { text.append("(deleted)") }
                }
                return true
            }
        }
    }

    /// `</dev/null<char 1:3>>` for a character or block device (the path as `-y` escapes it);
    /// false (nothing written) for anything else. `link` is NUL-terminated just past its end.
    private static func appendDevice(link: UnsafeBufferPointer<UInt8>, escapes: StringEscapes, to text: inout TextBuffer) -> Bool {
        guard link.first == UInt8(ascii: "/") else { return false }
        var status = stat()
        let found = link.baseAddress!.withMemoryRebound(to: CChar.self, capacity: link.count + 1) { stat($0, &status) }
        guard found == 0 else { return false }
        let type = status.st_mode & S_IFMT
        guard type == S_IFCHR || type == S_IFBLK else { return false }
        text.append(byte: UInt8(ascii: "<"))
        text.appendDescriptorPathBody(link, escapes: escapes)
        text.append(type == S_IFBLK ? "<block " : "<char ")
        // glibc's major()/minor(), which are macros Swift does not import.
        let device = UInt64(status.st_rdev)
        text.appendDecimal((device >> 8) & 0xfff | (device >> 32) & 0xffff_f000)
        text.append(byte: UInt8(ascii: ":"))
        text.appendDecimal(device & 0xff | (device >> 12) & 0xffff_ff00)
        text.append(">>")
        return true
    }

    private static func isPidfd(_ link: UnsafeBufferPointer<UInt8>) -> Bool {
        let name: StaticString = "anon_inode:[pidfd]"
        return link.count == name.utf8CodeUnitCount && memcmp(link.baseAddress!, name.utf8Start, link.count) == 0
    }

    /// `<pid:1234>` from the `Pid:` line of /proc/PID/fdinfo/FD; the path when there is none.
    private static func appendPidfd(pid: Int32, fd: Int32, link: UnsafeBufferPointer<UInt8>, escapes: StringEscapes,
                                    to text: inout TextBuffer) {
        var target: Int64 = -1
        _ = ProcessLinks.withProcPath(pid: pid, leaf: "fdinfo/", number: fd) { path in
            let file = open(path, O_RDONLY | O_CLOEXEC)
            guard file >= 0 else { return false }
            defer { close(file) }
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 512) { buffer in
                let count = read(file, buffer.baseAddress, buffer.count)
                guard count > 0 else { return false }
                target = fdinfoValue(UnsafeBufferPointer(rebasing: buffer[0..<count]), key: "Pid:") ?? -1
                return true
            }
        }
        if target > 0 {
            text.append("<pid:")
            text.appendDecimal(target)
            text.append(byte: UInt8(ascii: ">"))
        } else {
            text.appendDescriptorPath(link, escapes: escapes)
        }
    }

    /// The signed decimal after `key` and its blanks at the start of a line of an fdinfo file.
    static func fdinfoValue(_ content: UnsafeBufferPointer<UInt8>, key: StaticString) -> Int64? {
        var lineStart = 0
        while lineStart < content.count {
            var end = lineStart
            while end < content.count && content[end] != UInt8(ascii: "\n") { end += 1 }
            let keyLength = key.utf8CodeUnitCount
            if end - lineStart > keyLength && memcmp(content.baseAddress! + lineStart, key.utf8Start, keyLength) == 0 {
                var index = lineStart + keyLength
                while index < end && (content[index] == UInt8(ascii: " ") || content[index] == UInt8(ascii: "\t")) { index += 1 }
                var negative = false
                if index < end && content[index] == UInt8(ascii: "-") { negative = true; index += 1 }
                var value: Int64 = 0
                var digits = 0
                while index < end, content[index] >= UInt8(ascii: "0"), content[index] <= UInt8(ascii: "9") {
                    value = value * 10 + Int64(content[index] - UInt8(ascii: "0"))
                    index += 1
                    digits += 1
                }
                return digits > 0 ? (negative ? -value : value) : nil
            }
            lineStart = end + 1
        }
        return nil
    }
}
