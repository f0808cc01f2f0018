import SyscallTables

/// seccomp user notification ioctls as strace prints them: the answer to a notification
/// (SECCOMP_IOCTL_NOTIF_SEND: `{id=0x1, val=0, error=-EPERM, flags=0}`) and a descriptor to
/// install in the notifying process (SECCOMP_IOCTL_NOTIF_ADDFD). SECCOMP_IOCTL_NOTIF_ID_VALID
/// passes one id (`[0x5]`, Ioctl.swift's table).
extension DecodeContext {
    func printSeccompResponse(at address: UInt64, to out: inout Emitter) {
        let layout = layouts.seccompNotifResp
        withStruct(at: address, size: layout.size, to: &out) { bytes, out in
            out.beginStruct()
            out.field("id")
            out.hex(layout.id.unsigned(in: bytes))
            out.field("val")
            out.int(layout.val.signed(in: bytes))
            out.field("error")
            let error = layout.error.signed(in: bytes)
            if error < 0, let name = ErrnoNames.name(Int(-error)) {
                out.styled(number: { $0.int(error) }, decoded: { out in
                    out.raw("-")
                    out.text.append(name)
                })
            } else {
                out.int(error)
            }
            out.field("flags")
            out.flags(layout.flags.unsigned(in: bytes), constants.seccompResponseFlags,
                      unknown: "SECCOMP_USER_NOTIF_FLAG_???")
            out.endStruct()
        }
    }

    /// `{id=0x1, flags=SECCOMP_ADDFD_FLAG_SETFD, srcfd=3, newfd=4, newfd_flags=O_CLOEXEC}`.
    func printSeccompAddFd(at address: UInt64, to out: inout Emitter) {
        let layout = layouts.seccompNotifAddfd
        withStruct(at: address, size: layout.size, to: &out) { bytes, out in
            out.beginStruct()
            out.field("id")
            out.hex(layout.id.unsigned(in: bytes))
            out.field("flags")
            out.flags(layout.flags.unsigned(in: bytes), constants.seccompAddFdFlags, unknown: "SECCOMP_ADDFD_FLAG_???")
            out.field("srcfd")
            out.fd(Int32(truncatingIfNeeded: layout.srcfd.signed(in: bytes)))
            out.field("newfd")
            out.int(layout.newfd.signed(in: bytes))
            out.field("newfd_flags")
            out.flags(layout.newfdFlags.unsigned(in: bytes), constants.seccompAddFdOpenFlags, unknown: "O_???")
            out.endStruct()
        }
    }
}
