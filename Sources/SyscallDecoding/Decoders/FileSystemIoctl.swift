/// File system ioctls' arguments as strace prints them: inode flags (`[FS_EXTENT_FL]`) for
/// FS_IOC_GETFLAGS/SETFLAGS, and FS_IOC_FIEMAP's request and answer
/// (`{fm_start=0, fm_length=..., fm_flags=FIEMAP_FLAG_SYNC, fm_extent_count=2} =>
/// {fm_flags=FIEMAP_FLAG_SYNC, fm_mapped_extents=1, ...}`, the extents with `-v`).
extension DecodeContext {
    /// `[FS_EXTENT_FL]`: the int of inode flags at `address`; NULL or the address when unreadable.
    func printInodeFlags(at address: UInt64, to out: inout Emitter) {
        guard address != 0 else { return out.name("NULL") }
        guard let bytes = read(address, count: 4) else { return out.hex(address) }
        out.beginArray()
        out.element()
        out.flags(UInt64(bytes.u32(0)), constants.inodeFlags)
        out.endArray()
    }

    /// struct fiemap as the caller fills it in, at entry.
    func printFiemapRequest(at address: UInt64, to out: inout Emitter) {
        guard address != 0 else { return out.name("NULL") }
        guard let bytes = read(address, count: 32) else { return out.hex(address) }
        out.beginStruct()
        out.field("fm_start")
        out.uint(bytes.u64(0))
        out.field("fm_length")
        out.uint(bytes.u64(8))
        out.field("fm_flags")
        out.flags(UInt64(bytes.u32(16)), constants.fiemapFlags)
        out.field("fm_extent_count")
        out.uint(UInt64(bytes.u32(24)))
        out.endStruct()
    }

    /// ` => {fm_flags=..., fm_mapped_extents=N, fm_extents=[...]}` after a successful FIEMAP: as
    /// strace does, the fm_mapped_extents extents in the caller's buffer, whatever its size.
    func printFiemapAnswer(at address: UInt64, to out: inout Emitter) {
        guard returned != nil, address != 0, let bytes = read(address, count: 32) else { return }
        out.changed()
        out.beginStruct()
        out.field("fm_flags")
        out.flags(UInt64(bytes.u32(16)), constants.fiemapFlags)
        out.field("fm_mapped_extents")
        let mapped = Int(bytes.u32(20))
        out.uint(UInt64(mapped))
        if abbreviates {
            out.abbreviated()
        } else {
            out.field("fm_extents")
            out.beginArray()
            for index in 0..<mapped {
                guard out.element(index) else { break }
                let extent = address &+ 32 &+ UInt64(index * 56)
                guard let fields = read(extent, count: 56) else {
                    out.hex(extent)
                    break
                }
                out.beginStruct()
                out.field("fe_logical")
                out.uint(fields.u64(0))
                out.field("fe_physical")
                out.uint(fields.u64(8))
                out.field("fe_length")
                out.uint(fields.u64(16))
                out.field("fe_flags")
                out.flags(UInt64(fields.u32(40)), constants.fiemapExtentFlags)
                out.endStruct()
            }
            out.endArray()
        }
        out.endStruct()
    }
}

/// FS_IOC_FSGETXATTR/FSSETXATTR's struct fsxattr, FICLONERANGE's, FIDEDUPERANGE's and FITRIM's
/// ranges, at entry (the set requests) or exit (the get); FIDEDUPERANGE's results at exit.
/// FITRIM's range prints as the caller passed it, success or not: strace leaves out what the
/// kernel writes back (the bytes trimmed).
extension DecodeContext {
    /// `{fsx_xflags=FS_XFLAG_APPEND, fsx_extsize=0, fsx_nextents=1, fsx_projid=0, fsx_cowextsize=0}`;
    /// the set request leaves out fsx_nextents, which the kernel ignores.
    func printFsxattr(at address: UInt64, withExtents: Bool, to out: inout Emitter) {
        let layout = layouts.fsxattr
        withStruct(at: address, size: layout.size, to: &out) { bytes, out in
            out.beginStruct()
            out.field("fsx_xflags")
            out.flags(layout.fsxXflags.unsigned(in: bytes), constants.fsxattrFlags, unknown: "FS_XFLAG_???")
            out.field("fsx_extsize")
            out.uint(layout.fsxExtsize.unsigned(in: bytes))
            if withExtents {
                out.field("fsx_nextents")
                out.uint(layout.fsxNextents.unsigned(in: bytes))
            }
            out.field("fsx_projid")
            out.hex(layout.fsxProjid.unsigned(in: bytes))
            out.field("fsx_cowextsize")
            out.uint(layout.fsxCowextsize.unsigned(in: bytes))
            out.endStruct()
        }
    }

    /// `{src_fd=3, src_offset=0, src_length=4096, dest_offset=0}`.
    func printCloneRange(at address: UInt64, to out: inout Emitter) {
        let layout = layouts.fileCloneRange
        withStruct(at: address, size: layout.size, to: &out) { bytes, out in
            out.beginStruct()
            out.field("src_fd")
            out.fd(Int32(truncatingIfNeeded: layout.srcFd.signed(in: bytes)))
            out.field("src_offset")
            out.uint(layout.srcOffset.unsigned(in: bytes))
            out.field("src_length")
            out.uint(layout.srcLength.unsigned(in: bytes))
            out.field("dest_offset")
            out.uint(layout.destOffset.unsigned(in: bytes))
            out.endStruct()
        }
    }

    /// `{src_offset=0, src_length=4096, dest_count=1, info=[{dest_fd=4, dest_offset=0}]}`: two
    /// destinations and `...` unless `-v`, every one with it.
    func printDedupeRange(at address: UInt64, to out: inout Emitter) {
        let layout = layouts.fileDedupeRange
        withStruct(at: address, size: layout.size, to: &out) { bytes, out in
            let count = Int(layout.destCount.unsigned(in: bytes))
            out.beginStruct()
            out.field("src_offset")
            out.uint(layout.srcOffset.unsigned(in: bytes))
            out.field("src_length")
            out.uint(layout.srcLength.unsigned(in: bytes))
            out.field("dest_count")
            out.uint(UInt64(count))
            out.field("info")
            let info = layouts.fileDedupeRangeInfo
            out.beginArray()
            for index in 0..<count {
                if abbreviates && index == 2 {
                    out.abbreviated()
                    break
                }
                out.element()
                let entry = address &+ UInt64(layout.size + index * info.size)
                guard let fields = read(entry, count: info.size) else {
                    out.hex(entry)
                    break
                }
                out.beginStruct()
                out.field("dest_fd")
                out.fd(Int32(truncatingIfNeeded: info.destFd.signed(in: fields)))
                out.field("dest_offset")
                out.uint(info.destOffset.unsigned(in: fields))
                out.endStruct()
            }
            out.endArray()
            out.endStruct()
        }
    }

    /// ` => {info=[{bytes_deduped=4096, status=0}, {bytes_deduped=0, status=1}, ...]}` after a
    /// successful FIDEDUPERANGE: each destination's result (a negative status is its errno), as
    /// many as dest_count says and the entry's abbreviation allows. Nothing after a failure.
    func printDedupeAnswer(at address: UInt64, to out: inout Emitter) {
        guard returned != nil, address != 0 else { return }
        let layout = layouts.fileDedupeRange
        guard let bytes = read(address, count: layout.size) else { return }
        let count = Int(layout.destCount.unsigned(in: bytes))
        let answer = layouts.fileDedupeRangeAnswer
        out.changed()
        out.beginStruct()
        out.field("info")
        out.beginArray()
        for index in 0..<count {
            if abbreviates && index == 2 {
                out.abbreviated()
                break
            }
            out.element()
            let entry = address &+ UInt64(layout.size + index * answer.size)
            guard let fields = read(entry, count: answer.size) else {
                out.hex(entry)
                break
            }
            out.beginStruct()
            out.field("bytes_deduped")
            out.uint(answer.bytesDeduped.unsigned(in: fields))
            out.field("status")
            out.int(Int64(Int32(truncatingIfNeeded: answer.status.signed(in: fields))))
            out.endStruct()
        }
        out.endArray()
        out.endStruct()
    }

    /// `{start=0, len=18446744073709551615, minlen=0}` (start in hex, as strace prints it).
    func printTrimRange(at address: UInt64, to out: inout Emitter) {
        let layout = layouts.fstrimRange
        withStruct(at: address, size: layout.size, to: &out) { bytes, out in
            out.beginStruct()
            out.field("start")
            out.hex(layout.start.unsigned(in: bytes))
            out.field("len")
            out.uint(layout.len.unsigned(in: bytes))
            out.field("minlen")
            out.uint(layout.minlen.unsigned(in: bytes))
            out.endStruct()
        }
    }
}
