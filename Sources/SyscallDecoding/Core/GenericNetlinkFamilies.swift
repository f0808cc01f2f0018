import Glibc
import Synchronization

/// The names of NETLINK_GENERIC families, which the kernel numbers at run time (`tcp_metrics`,
/// `nl80211`): found as strace finds them, with one CTRL_CMD_GETFAMILY dump on a netlink socket
/// of swtrace's own, asked the first time a generic message is printed and kept for the rest of
/// the session (a family registered later stays unnamed, as under strace).
public enum GenericNetlinkFamilies {
    /// nil until asked; then what the dump listed (empty when it failed).
    private static let families = Mutex<[(id: UInt16, name: [UInt8])]?>(nil)

    /// The family numbered `id`, nil when the kernel listed none.
    static func name(of id: UInt16) -> [UInt8]? {
        families.withLock { families in
            if families == nil { families = dump() }
            return families!.first { $0.id == id }?.name
        }
    }

    private static let controlFamily: UInt16 = 0x10     // GENL_ID_CTRL
    private static let getFamily: UInt8 = 3             // CTRL_CMD_GETFAMILY
    private static let familyIdAttribute: UInt16 = 1    // CTRL_ATTR_FAMILY_ID
    private static let familyNameAttribute: UInt16 = 2  // CTRL_ATTR_FAMILY_NAME
    private static let done: UInt16 = 3                 // NLMSG_DONE
    private static let error: UInt16 = 2                // NLMSG_ERROR

    /// Every family the kernel lists: a dump request, then its answers up to NLMSG_DONE.
    private static func dump() -> [(id: UInt16, name: [UInt8])] {
        let generic = socket(AF_NETLINK, Int32(SOCK_RAW.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 16 /* NETLINK_GENERIC */)
        guard generic >= 0 else { return [] }
        defer { close(generic) }
        // nlmsghdr (len, type, NLM_F_REQUEST|NLM_F_DUMP, seq, pid) and genlmsghdr (cmd, version).
        var request: [UInt8] = []
        func append(_ value: UInt32, bytes: Int) {
            for index in 0..<bytes { request.append(UInt8(truncatingIfNeeded: value >> (8 * UInt32(index)))) }
        }
        append(20, bytes: 4)
        append(UInt32(controlFamily), bytes: 2)
        append(0x301, bytes: 2)
        append(1, bytes: 4)
        append(0, bytes: 4)
        request += [getFamily, 1, 0, 0]
        let sent = request.withUnsafeBytes { bytes -> Bool in
            while true {
                if send(generic, bytes.baseAddress, bytes.count, 0) >= 0 { return true }
                if errno != EINTR { return false }
            }
        }
        guard sent else { return [] }
        var found: [(id: UInt16, name: [UInt8])] = []
        var buffer = [UInt8](repeating: 0, count: 32768)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(generic, $0.baseAddress, $0.count, 0) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return found }
            let finished = buffer.withUnsafeBytes { bytes -> Bool in
                var offset = 0
                while count - offset >= 16 {
                    let length = Int(bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
                    let type = bytes.loadUnaligned(fromByteOffset: offset + 4, as: UInt16.self)
                    guard length >= 16, length <= count - offset else { return true }
                    if type == done || type == error { return true }
                    if type == controlFamily, let family = parseFamily(UnsafeRawBufferPointer(rebasing: bytes[offset + 20..<offset + length])) {
                        found.append(family)
                    }
                    offset += (length + 3) & ~3
                }
                return false
            }
            if finished { return found }
        }
    }

    /// A family's number and name from the attributes after its genlmsghdr.
    private static func parseFamily(_ attributes: UnsafeRawBufferPointer) -> (id: UInt16, name: [UInt8])? {
        var id: UInt16? = nil
        var name: [UInt8]? = nil
        var offset = 0
        while attributes.count - offset >= 4 {
            let length = Int(attributes.loadUnaligned(fromByteOffset: offset, as: UInt16.self))
            let type = attributes.loadUnaligned(fromByteOffset: offset + 2, as: UInt16.self) & 0x3fff
            guard length >= 4, length <= attributes.count - offset else { break }
            let value = attributes[offset + 4..<offset + length]
            if type == familyIdAttribute, value.count >= 2 {
                id = UInt16(value[value.startIndex]) | UInt16(value[value.startIndex + 1]) << 8
            } else if type == familyNameAttribute {
                name = Array(value.prefix { $0 != 0 })
            }
            offset += (length + 3) & ~3
        }
        guard let id, let name else { return nil }
        return (id, name)
    }
}
