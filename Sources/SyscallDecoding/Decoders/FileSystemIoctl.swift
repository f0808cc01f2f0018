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
