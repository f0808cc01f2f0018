/// Disk quotas as strace prints them: `quotactl(QCMD(Q_GETQUOTA, USRQUOTA), "/dev/sda1", 1000,
/// {dqb_bhardlimit=...})` and quotactl_fd with a descriptor in place of the device. Which of id
/// and addr print depends on the command; the structs the caller passes print at entry, those
/// the kernel fills at exit. XFS quota limits (struct fs_disk_quota) print as the Q_GET ones do;
/// XFS quota state (struct fs_quota_stat, fs_quota_statv) as its version, the rest with `-v`.
extension SyscallCatalog {
    static let quota: [String: SyscallSignature] = [
        "quotactl": .init(count: 4, decoder: .quotactl(descriptor: false)),
        "quotactl_fd": .init(count: 4, decoder: .quotactl(descriptor: true)),
    ]
}

/// What a quota command takes after the device.
private enum QuotaArguments {
    case none                    // Q_SYNC, Q_QUOTAOFF, Q_XQUOTASYNC
    case formatAndPath           // Q_QUOTAON
    case formatOut               // Q_GETFMT: [QFMT_VFS_V1] at exit
    case infoIn, infoOut         // Q_SETINFO, Q_GETINFO
    case quotaIn, quotaOut       // Q_SETQUOTA, Q_GETQUOTA, with the id
    case nextQuotaOut            // Q_GETNEXTQUOTA
    case xfsQuotaIn, xfsQuotaOut // Q_XSETQLIM; Q_XGETQUOTA, Q_XGETNEXTQUOTA: struct fs_disk_quota
    case xfsStatOut, xfsStatvOut // Q_XGETQSTAT, Q_XGETQSTATV: struct fs_quota_stat(v)
    case xfsFlags, xfsTypes      // Q_XQUOTAON/OFF, Q_XQUOTARM: [FS_QUOTA_UDQ_ACCT|...], [FS_USER_QUOTA|...]
    case idAndAddress            // the other XFS commands and unknown ones

    init(_ name: StaticString?) {
        switch name.map({ "\($0)" }) {
        case "Q_SYNC", "Q_QUOTAOFF", "Q_XQUOTASYNC": self = .none
        case "Q_QUOTAON": self = .formatAndPath
        case "Q_GETFMT": self = .formatOut
        case "Q_SETINFO": self = .infoIn
        case "Q_GETINFO": self = .infoOut
        case "Q_SETQUOTA": self = .quotaIn
        case "Q_GETQUOTA": self = .quotaOut
        case "Q_GETNEXTQUOTA": self = .nextQuotaOut
        case "Q_XGETQSTAT": self = .xfsStatOut
        case "Q_XGETQSTATV": self = .xfsStatvOut
        case "Q_XSETQLIM": self = .xfsQuotaIn
        case "Q_XGETQUOTA", "Q_XGETNEXTQUOTA": self = .xfsQuotaOut
        case "Q_XQUOTAON", "Q_XQUOTAOFF": self = .xfsFlags
        case "Q_XQUOTARM": self = .xfsTypes
        default: self = .idAndAddress
        }
    }

    var printsID: Bool {
        switch self {
        case .quotaIn, .quotaOut, .nextQuotaOut, .xfsQuotaIn, .xfsQuotaOut, .idAndAddress: true
        default: false
        }
    }

    var printsAtExit: Bool {
        switch self {
        case .formatOut, .infoOut, .quotaOut, .nextQuotaOut, .xfsQuotaOut, .xfsStatOut, .xfsStatvOut: true
        default: false
        }
    }
}

extension CallDecoder {
    /// quotactl(cmd, special, id, addr) or quotactl_fd(fd, cmd, id, addr).
    static func quotactl(descriptor: Bool) -> CallDecoder {
        let commandArg = descriptor ? 1 : 0
        return CallDecoder(entry: { context, out in
            if descriptor {
                out.fd(context.int32(0))
                out.raw(", ")
                context.printQuotaCommand(to: &out, arg: commandArg)
            } else {
                context.printQuotaCommand(to: &out, arg: commandArg)
                out.raw(", ")
                context.printCString(at: context.word(1), limit: pathLimit, to: &out)
            }
            let arguments = context.quotaArguments(arg: commandArg)
            if arguments.printsID {
                out.raw(", ")
                out.int(Int64(context.int32(2)))
            }
            let address = context.word(3)
            switch arguments {
            case .none:
                return
            case .formatAndPath:
                out.raw(", ")
                out.constant(UInt64(UInt32(truncatingIfNeeded: context.call.args[2])), context.constants.quotaFormats,
                             unknown: "QFMT_VFS_???")
                out.raw(", ")
                context.printCString(at: address, limit: pathLimit, to: &out)
            case .infoIn:
                out.raw(", ")
                context.printQuotaInfo(at: address, to: &out)
            case .quotaIn:
                out.raw(", ")
                context.printQuotaBlock(at: address, next: false, to: &out)
            case .xfsQuotaIn:
                out.raw(", ")
                context.printXfsQuota(at: address, to: &out)
            case .idAndAddress:
                out.raw(", ")
                out.pointer(address)
            case .xfsFlags, .xfsTypes:
                out.raw(", ")
                guard let bytes = context.read(address, count: 4) else { return out.pointer(address) }
                out.beginArray()
                out.element()
                let flags = UInt64(bytes.u32(0))
                if arguments == .xfsFlags {
                    out.flags(flags, context.constants.xfsQuotaFlags, unknown: "FS_QUOTA_???")
                } else {
                    out.flags(flags, context.constants.xfsQuotaTypes, unknown: "FS_???_QUOTA")
                }
                out.endArray()
            case .formatOut, .infoOut, .quotaOut, .nextQuotaOut, .xfsQuotaOut, .xfsStatOut, .xfsStatvOut:
                out.raw(", ")
            }
        }, exit: { context, out in
            let arguments = context.quotaArguments(arg: commandArg)
            guard arguments.printsAtExit else { return }
            let address = context.word(3)
            guard context.returned != nil else { return out.pointer(address) }
            switch arguments {
            case .formatOut:
                guard let bytes = context.read(address, count: 4) else { return out.pointer(address) }
                out.beginArray()
                out.element()
                out.constant(UInt64(bytes.u32(0)), context.constants.quotaFormats, unknown: "QFMT_VFS_???")
                out.endArray()
            case .infoOut: context.printQuotaInfo(at: address, to: &out)
            case .quotaOut: context.printQuotaBlock(at: address, next: false, to: &out)
            case .nextQuotaOut: context.printQuotaBlock(at: address, next: true, to: &out)
            case .xfsQuotaOut: context.printXfsQuota(at: address, to: &out)
            case .xfsStatOut: context.printXfsQuotaStat(at: address, to: &out)
            case .xfsStatvOut: context.printXfsQuotaStatv(at: address, to: &out)
            default: out.pointer(address)
            }
        })
    }
}

extension DecodeContext {
    fileprivate func quotaArguments(arg: Int) -> QuotaArguments {
        let command = UInt64(UInt32(truncatingIfNeeded: call.args[arg])) >> (constants.quotaSubcommandShift ?? 8)
        return QuotaArguments(constants.quotaCommands.name(of: command))
    }

    /// `QCMD(Q_GETQUOTA, USRQUOTA)`; `-X raw` the number in decimal, `-X verbose` both.
    fileprivate func printQuotaCommand(to out: inout Emitter, arg: Int) {
        let value = UInt64(UInt32(truncatingIfNeeded: call.args[arg]))
        let command = value >> (constants.quotaSubcommandShift ?? 8), type = value & (constants.quotaTypeMask ?? 0xff)
        out.styled(number: { $0.uint(value) }, decoded: { out in
            out.beginCall("QCMD")
            out.element()
            out.constant(command, constants.quotaCommands, unknown: "Q_???")
            out.element()
            out.constant(type, constants.quotaTypes, unknown: "???QUOTA")
            out.endCall()
        })
    }

    /// struct if_dqblk (or if_nextdqblk, with its id): limits and usage, the times and the
    /// valid-field mask only with `-v`.
    fileprivate func printQuotaBlock(at address: UInt64, next: Bool, to out: inout Emitter) {
        guard address != 0 else { return out.name("NULL") }
        let layout = layouts.dqblk
        let size = next ? layout.size : layout.dqbValid.offset + layout.dqbValid.size
        guard let bytes = read(address, count: size) else { return out.hex(address) }
        out.beginStruct()
        out.field("dqb_bhardlimit"); out.uint(layout.dqbBhardlimit.unsigned(in: bytes))
        out.field("dqb_bsoftlimit"); out.uint(layout.dqbBsoftlimit.unsigned(in: bytes))
        out.field("dqb_curspace"); out.uint(layout.dqbCurspace.unsigned(in: bytes))
        out.field("dqb_ihardlimit"); out.uint(layout.dqbIhardlimit.unsigned(in: bytes))
        out.field("dqb_isoftlimit"); out.uint(layout.dqbIsoftlimit.unsigned(in: bytes))
        out.field("dqb_curinodes"); out.uint(layout.dqbCurinodes.unsigned(in: bytes))
        if abbreviates {
            out.abbreviated()
        } else {
            out.field("dqb_btime"); out.uint(layout.dqbBtime.unsigned(in: bytes))
            out.field("dqb_itime"); out.uint(layout.dqbItime.unsigned(in: bytes))
            out.field("dqb_valid")
            out.flags(layout.dqbValid.unsigned(in: bytes), constants.quotaValidFields, unknown: "QIF_???")
            if next {
                out.field("dqb_id"); out.uint(layout.dqbId.unsigned(in: bytes))
            }
        }
        out.endStruct()
    }

    /// struct fs_disk_quota: version, quota type, the field mask (in hex), id, limits and counts;
    /// the timers, warnings and real-time limits only with `-v`.
    fileprivate func printXfsQuota(at address: UInt64, to out: inout Emitter) {
        guard address != 0 else { return out.name("NULL") }
        let layout = layouts.fsDiskQuota
        guard let bytes = read(address, count: layout.size) else { return out.hex(address) }
        out.beginStruct()
        out.field("d_version"); out.uint(layout.dVersion.unsigned(in: bytes))
        out.field("d_flags")
        out.flags(layout.dFlags.unsigned(in: bytes), constants.xfsQuotaTypes, unknown: "FS_???_QUOTA")
        out.field("d_fieldmask"); out.hex(layout.dFieldmask.unsigned(in: bytes))
        out.field("d_id"); out.uint(layout.dId.unsigned(in: bytes))
        out.field("d_blk_hardlimit"); out.uint(layout.dBlkHardlimit.unsigned(in: bytes))
        out.field("d_blk_softlimit"); out.uint(layout.dBlkSoftlimit.unsigned(in: bytes))
        out.field("d_ino_hardlimit"); out.uint(layout.dInoHardlimit.unsigned(in: bytes))
        out.field("d_ino_softlimit"); out.uint(layout.dInoSoftlimit.unsigned(in: bytes))
        out.field("d_bcount"); out.uint(layout.dBcount.unsigned(in: bytes))
        out.field("d_icount"); out.uint(layout.dIcount.unsigned(in: bytes))
        if abbreviates {
            out.abbreviated()
        } else {
            out.field("d_itimer"); out.int(layout.dItimer.signed(in: bytes))
            out.field("d_btimer"); out.int(layout.dBtimer.signed(in: bytes))
            out.field("d_iwarns"); out.uint(layout.dIwarns.unsigned(in: bytes))
            out.field("d_bwarns"); out.uint(layout.dBwarns.unsigned(in: bytes))
            out.field("d_rtb_hardlimit"); out.uint(layout.dRtbHardlimit.unsigned(in: bytes))
            out.field("d_rtb_softlimit"); out.uint(layout.dRtbSoftlimit.unsigned(in: bytes))
            out.field("d_rtbcount"); out.uint(layout.dRtbcount.unsigned(in: bytes))
            out.field("d_rtbtimer"); out.int(layout.dRtbtimer.signed(in: bytes))
            out.field("d_rtbwarns"); out.uint(layout.dRtbwarns.unsigned(in: bytes))
        }
        out.endStruct()
    }

    /// struct fs_quota_stat: `{qs_version=1, ...}`; with `-v` the flags, the user and group quota
    /// files, the in-core quota count, the grace times and warning limits.
    fileprivate func printXfsQuotaStat(at address: UInt64, to out: inout Emitter) {
        guard address != 0 else { return out.name("NULL") }
        let layout = layouts.fsQuotaStat
        guard let bytes = read(address, count: layout.size) else { return out.hex(address) }
        out.beginStruct()
        out.field("qs_version"); out.uint(layout.qsVersion.unsigned(in: bytes))
        if abbreviates {
            out.abbreviated()
        } else {
            out.field("qs_flags")
            out.flags(layout.qsFlags.unsigned(in: bytes), constants.xfsQuotaFlags, unknown: "FS_QUOTA_???")
            let file = layouts.fsQuotaFileStat
            out.field("qs_uquota")
            printQuotaFile(bytes, at: layout.qsUquota.offset, ino: file.qfsIno, blocks: file.qfsNblks,
                           extents: file.qfsNextents, to: &out)
            out.field("qs_gquota")
            printQuotaFile(bytes, at: layout.qsGquota.offset, ino: file.qfsIno, blocks: file.qfsNblks,
                           extents: file.qfsNextents, to: &out)
            out.field("qs_incoredqs"); out.uint(layout.qsIncoredqs.unsigned(in: bytes))
            out.field("qs_btimelimit"); out.int(layout.qsBtimelimit.signed(in: bytes))
            out.field("qs_itimelimit"); out.int(layout.qsItimelimit.signed(in: bytes))
            out.field("qs_rtbtimelimit"); out.int(layout.qsRtbtimelimit.signed(in: bytes))
            out.field("qs_bwarnlimit"); out.uint(layout.qsBwarnlimit.unsigned(in: bytes))
            out.field("qs_iwarnlimit"); out.uint(layout.qsIwarnlimit.unsigned(in: bytes))
        }
        out.endStruct()
    }

    /// struct fs_quota_statv: as fs_quota_stat, with the project quota file; its real-time
    /// warning limit is left out, as strace leaves it.
    fileprivate func printXfsQuotaStatv(at address: UInt64, to out: inout Emitter) {
        guard address != 0 else { return out.name("NULL") }
        let layout = layouts.fsQuotaStatv
        guard let bytes = read(address, count: layout.size) else { return out.hex(address) }
        out.beginStruct()
        out.field("qs_version"); out.uint(layout.qsVersion.unsigned(in: bytes))
        if abbreviates {
            out.abbreviated()
        } else {
            out.field("qs_flags")
            out.flags(layout.qsFlags.unsigned(in: bytes), constants.xfsQuotaFlags, unknown: "FS_QUOTA_???")
            out.field("qs_incoredqs"); out.uint(layout.qsIncoredqs.unsigned(in: bytes))
            let file = layouts.fsQuotaFileStatv
            for (name, field) in [("qs_uquota", layout.qsUquota), ("qs_gquota", layout.qsGquota),
                                  ("qs_pquota", layout.qsPquota)] as [(StaticString, FieldLayout)] {
                out.field(name)
                printQuotaFile(bytes, at: field.offset, ino: file.qfsIno, blocks: file.qfsNblks,
                               extents: file.qfsNextents, to: &out)
            }
            out.field("qs_btimelimit"); out.int(layout.qsBtimelimit.signed(in: bytes))
            out.field("qs_itimelimit"); out.int(layout.qsItimelimit.signed(in: bytes))
            out.field("qs_rtbtimelimit"); out.int(layout.qsRtbtimelimit.signed(in: bytes))
            out.field("qs_bwarnlimit"); out.uint(layout.qsBwarnlimit.unsigned(in: bytes))
            out.field("qs_iwarnlimit"); out.uint(layout.qsIwarnlimit.unsigned(in: bytes))
        }
        out.endStruct()
    }

    /// struct fs_qfilestat(v), `base` bytes into the struct that holds it:
    /// `{qfs_ino=131, qfs_nblks=1, qfs_nextents=1}`.
    private func printQuotaFile(_ bytes: UnsafeRawBufferPointer, at base: Int, ino: FieldLayout, blocks: FieldLayout,
                                extents: FieldLayout, to out: inout Emitter) {
        let file = UnsafeRawBufferPointer(rebasing: bytes[base...])
        out.beginStruct()
        out.field("qfs_ino"); out.uint(ino.unsigned(in: file))
        out.field("qfs_nblks"); out.uint(blocks.unsigned(in: file))
        out.field("qfs_nextents"); out.uint(extents.unsigned(in: file))
        out.endStruct()
    }

    /// struct if_dqinfo: grace times, DQF_* flags and the IIF_* valid-field mask.
    fileprivate func printQuotaInfo(at address: UInt64, to out: inout Emitter) {
        guard address != 0 else { return out.name("NULL") }
        let layout = layouts.dqinfo
        guard let bytes = read(address, count: layout.size) else { return out.hex(address) }
        out.beginStruct()
        out.field("dqi_bgrace"); out.uint(layout.dqiBgrace.unsigned(in: bytes))
        out.field("dqi_igrace"); out.uint(layout.dqiIgrace.unsigned(in: bytes))
        out.field("dqi_flags"); out.flags(layout.dqiFlags.unsigned(in: bytes), constants.quotaInfoFlags, unknown: "DQF_???")
        out.field("dqi_valid")
        out.flags(layout.dqiValid.unsigned(in: bytes), constants.quotaInfoValidFields, unknown: "IIF_???")
        out.endStruct()
    }
}
