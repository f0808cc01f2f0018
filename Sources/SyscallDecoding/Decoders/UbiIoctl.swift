/// UBI (mtd/ubi-user.h) ioctls as strace prints what the tracee passes in: the volume, eraseblock
/// or device numbers passed by address (`[1]`), VOLUP's byte count and the resize and attach
/// requests (`{bytes=8192, vol_id=2}`). Not yet: UBI_IOCMKVOL's, UBI_IOCRNVOL's, UBI_IOCEBCH's,
/// UBI_IOCEBMAP's and UBI_IOCSETVOLPROP's structs (their address), and the MTD requests, whose
/// numbers strace also names as sound mixer requests.
enum UbiArgument {
    case resizeVolume, attach
}

/// Registered in Ioctl.swift's request table.
let ubiRequestArguments: [(name: StaticString, argument: IoctlArgument)] = [
    ("UBI_IOCRMVOL", .valueIn(.int)), ("UBI_IOCDET", .valueIn(.int)), ("UBI_IOCEBER", .valueIn(.int)),
    ("UBI_IOCEBUNMAP", .valueIn(.int)), ("UBI_IOCEBISMAP", .valueIn(.int)), ("UBI_IOCVOLUP", .valueIn(.u64)),
    ("UBI_IOCVOLCRBLK", .none), ("UBI_IOCVOLRMBLK", .none),
    ("UBI_IOCRSVOL", .ubi(.resizeVolume)), ("UBI_IOCATT", .ubi(.attach)),
]

extension DecodeContext {
    func printUbiArgument(_ kind: UbiArgument, to out: inout Emitter) {
        let address = word(2)
        switch kind {
        case .resizeVolume:
            let layout = layouts.ubiRsvolReq
            withStruct(at: address, size: layout.size, to: &out) { bytes, out in
                out.beginStruct()
                out.field("bytes")
                out.int(layout.bytes.signed(in: bytes))
                out.field("vol_id")
                out.int(layout.volId.signed(in: bytes))
                out.endStruct()
            }
        case .attach:
            let layout = layouts.ubiAttachReq
            withStruct(at: address, size: layout.size, to: &out) { bytes, out in
                out.beginStruct()
                out.field("ubi_num")
                out.int(layout.ubiNum.signed(in: bytes))
                out.field("mtd_num")
                out.int(layout.mtdNum.signed(in: bytes))
                out.field("vid_hdr_offset")
                out.int(layout.vidHdrOffset.signed(in: bytes))
                out.field("max_beb_per1024")
                out.int(layout.maxBebPer1024.signed(in: bytes))
                out.endStruct()
            }
        }
    }
}
