import Glibc

/// Which netlink protocol (NETLINK_ROUTE, ...) a tracee's descriptor is, found as strace finds it:
/// the socket's protocol name from the `system.sockprotoname` attribute of /proc/TID/fd/N, and,
/// for a netlink socket, its `Eth` column in /proc/TID/net/netlink, matched by inode. A socket
/// that is not bound yet is in no table (the kernel lists bound netlink sockets only), so its
/// protocol is unknown until its first send binds it, as under strace.
enum NetlinkSocketLookup {
    /// What `fd` of thread `tid` is: not a netlink socket (or `tid` unknown, 0), or a netlink
    /// socket whose protocol is known (nil when it is not listed: unbound).
    static func netlinkProtocol(tid: Int32, fd: Int32) -> UInt32?? {
        guard tid > 0, fd >= 0 else { return nil }
        // A stack buffer: this runs on every send and receive of every socket.
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: 64) { path -> UInt32?? in
            guard formatPath(into: path, tid: tid, fd: fd) else { return nil }
            let isNetlink = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 16) { name -> Bool in
                guard let getxattr = getxattrFunction else { return false }
                let count = getxattr(path.baseAddress!, "system.sockprotoname", name.baseAddress, 16)
                return count >= 7 && memcmp(name.baseAddress!, "NETLINK", 7) == 0 && (count == 7 || name[7] == 0)
            }
            guard isNetlink else { return nil }
            let inode = withUnsafeTemporaryAllocation(of: CChar.self, capacity: 64) { link -> UInt64? in
                let count = readlink(path.baseAddress!, link.baseAddress!, 63)
                guard count > 0 else { return nil }
                return socketInode(UnsafeRawBufferPointer(start: link.baseAddress!, count: count))
            }
            guard let inode else { return .some(nil) }
            return .some(protocolInTable(tid: tid, inode: inode))
        }
    }

    /// glibc's getxattr(2) wrapper: <sys/xattr.h> is not part of Swift's Glibc module.
    typealias GetxattrFunction = @convention(c) (UnsafePointer<CChar>, UnsafePointer<CChar>, UnsafeMutableRawPointer?, Int) -> Int
    static let getxattrFunction: GetxattrFunction? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "getxattr") else { return nil }
        return unsafeBitCast(symbol, to: GetxattrFunction.self)
    }()

    /// `/proc/TID/fd/N`, NUL-terminated, built without allocating.
    private static func formatPath(into buffer: UnsafeMutableBufferPointer<CChar>, tid: Int32, fd: Int32) -> Bool {
        var length = 0
        func append(_ text: StaticString) {
            for index in 0..<text.utf8CodeUnitCount {
                buffer[length] = CChar(bitPattern: text.utf8Start[index])
                length += 1
            }
        }
        func append(_ number: Int32) {
            var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
            var count = 0
            var rest = UInt32(number)
            withUnsafeMutableBytes(of: &digits) { bytes in
                repeat {
                    bytes[count] = UInt8(ascii: "0") + UInt8(rest % 10)
                    rest /= 10
                    count += 1
                } while rest > 0
                for index in stride(from: count - 1, through: 0, by: -1) {
                    buffer[length] = CChar(bitPattern: bytes[index])
                    length += 1
                }
            }
        }
        append("/proc/")
        append(tid)
        append("/fd/")
        append(fd)
        buffer[length] = 0
        return true
    }

    /// The inode of a `socket:[12345]` link.
    static func socketInode(_ link: UnsafeRawBufferPointer) -> UInt64? {
        let prefix: StaticString = "socket:["
        guard link.count > prefix.utf8CodeUnitCount + 1,
              memcmp(link.baseAddress!, prefix.utf8Start, prefix.utf8CodeUnitCount) == 0,
              link[link.count - 1] == UInt8(ascii: "]") else { return nil }
        var inode: UInt64 = 0
        for byte in link[prefix.utf8CodeUnitCount..<link.count - 1] {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            inode = inode &* 10 &+ UInt64(byte - UInt8(ascii: "0"))
        }
        return inode
    }

    /// The `Eth` column of the /proc/TID/net/netlink line whose last column is `inode`.
    private static func protocolInTable(tid: Int32, inode: UInt64) -> UInt32? {
        guard let file = fopen("/proc/\(tid)/net/netlink", "r") else { return nil }
        defer { fclose(file) }
        var line: UnsafeMutablePointer<CChar>? = nil
        var capacity = 0
        defer { free(line) }
        // sk Eth Pid Groups Rmem Wmem Dump Locks Drops Inode
        while getline(&line, &capacity, file) > 0 {
            let columns = String(cString: line!).split(separator: " ", omittingEmptySubsequences: true)
            guard columns.count >= 10, let protocolNumber = UInt32(columns[1]),
                  let lineInode = UInt64(columns[9].trimmingCharacters(in: "\n")) else { continue }
            if lineInode == inode { return protocolNumber }
        }
        return nil
    }
}

private extension Substring {
    func trimmingCharacters(in characters: Character) -> Substring {
        var result = self
        while result.last == characters { result = result.dropLast() }
        return result
    }
}
