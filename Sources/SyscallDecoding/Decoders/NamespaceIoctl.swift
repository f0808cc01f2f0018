/// Namespace ioctls (NS_GET_*) as strace prints their results: NS_GET_NSTYPE's type
/// (`268435456 (CLONE_NEWUSER)`), NS_GET_USERNS's and NS_GET_PARENT's new descriptor (`-y`: its
/// namespace). NS_GET_OWNER_UID's uid is an argument (Ioctl.swift's table).
extension DecodeContext {
    /// ioctl's result for `request`: decoded for the namespace requests, a number otherwise.
    func printIoctlResult(_ value: Int64, request: UInt64, to out: inout Emitter) {
        // Every NS_GET_* request has nsfs's type 0xb7: other ioctls cost one comparison here.
        guard (request >> 8) & 0xff == 0xb7 else { return out.int(value) }
        let requests = constants.ioctlRequests
        if request == requests.value(named: "NS_GET_NSTYPE"), value > 0 {
            out.int(value)
            if let type = constants.cloneFlags.entries.first(where: { $0.bits == UInt64(value) }) {
                out.beginNote()
                out.element()
                out.name(type.name)
                out.endNote()
            }
        } else if request == requests.value(named: "NS_GET_USERNS") || request == requests.value(named: "NS_GET_PARENT") {
            out.fd(Int32(truncatingIfNeeded: value))
        } else {
            out.int(value)
        }
    }
}
