import SyscallTables

/// seccomp user notification ioctls as strace prints them: the answer to a notification
/// (SECCOMP_IOCTL_NOTIF_SEND: `{id=0x1, val=0, error=-EPERM, flags=0}`) and a descriptor to
/// install in the notifying process (SECCOMP_IOCTL_NOTIF_ADDFD). SECCOMP_IOCTL_NOTIF_ID_VALID
/// passes one id (`[0x5]`, Ioctl.swift's table).
extension DecodeContext {
    /// SECCOMP_IOCTL_NOTIF_RECV's struct seccomp_notif: `{id=0x1, pid=1234, flags=0, data={nr=0,
    /// arch=AUDIT_ARCH_X86_64, instruction_pointer=0x401000, args=[0, 0x1, ...]}}`.
    func printSeccompNotification(at address: UInt64, to out: inout Emitter) {
        let layout = layouts.seccompNotif
        withStruct(at: address, size: layout.size, to: &out) { bytes, out in
            out.beginStruct()
            out.field("id")
            out.hex(layout.id.unsigned(in: bytes))
            out.field("pid")
            out.int(layout.pid.signed(in: bytes))
            out.field("flags")
            out.hex(layout.flags.unsigned(in: bytes))
            out.field("data")
            let data = layouts.seccompData
            let fields = UnsafeRawBufferPointer(rebasing: bytes[layout.data.offset..<layout.data.offset + data.size])
            out.beginStruct()
            out.field("nr")
            let number = data.nr.signed(in: fields)
            if number < 0 { out.int(number) } else { printSyscallNumber(UInt64(number), auditArch: data.arch.unsigned(in: fields), to: &out) }
            out.field("arch")
            out.constant(data.arch.unsigned(in: fields), constants.auditArches, unknown: "AUDIT_ARCH_???")
            out.field("instruction_pointer")
            out.pointer(data.instructionPointer.unsigned(in: fields))
            out.field("args")
            printHexWords(fields, data.args, count: 6, to: &out)
            out.endStruct()
            out.endStruct()
        }
    }

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
                out.styled(number: { $0.int(error) }, decoded: { $0.negatedErrno(error, name) })
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
            // open(2)'s flags other than the access mode, in the order open's line shows them.
            let openFlags = FlagTable(zero: nil, OpenFlagBits.forArch(call.arch).namedFlags().map { (UInt64($0.bits), $0.name) })
            out.flags(layout.newfdFlags.unsigned(in: bytes), openFlags, unknown: "O_???")
            out.endStruct()
        }
    }
}
