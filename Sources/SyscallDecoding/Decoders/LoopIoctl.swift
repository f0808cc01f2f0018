/// Loop device ioctls' structs as strace prints them: struct loop_info (LOOP_SET_STATUS,
/// LOOP_GET_STATUS), struct loop_info64 (the *64 requests) and LOOP_CONFIGURE's struct
/// loop_config. Abbreviated (without `-v`) they leave out the device numbers, the size limit and
/// `lo_init`, and the encryption fields unless an encryption type is set.
extension DecodeContext {
    func printLoopInfo(at address: UInt64, to out: inout Emitter) {
        let layout = layouts.loopInfo
        withStruct(at: address, size: layout.size, to: &out) { bytes, out in
            let encrypted = layout.loEncryptType.unsigned(in: bytes) != 0
            out.beginStruct()
            out.field("lo_number")
            out.int(layout.loNumber.signed(in: bytes))
            if !abbreviates {
                out.field("lo_device")
                printLoopDevice(layout.loDevice.unsigned(in: bytes), to: &out)
                out.field("lo_inode")
                out.uint(layout.loInode.unsigned(in: bytes))
                out.field("lo_rdevice")
                printLoopDevice(layout.loRdevice.unsigned(in: bytes), to: &out)
            }
            out.field("lo_offset")
            out.hex(layout.loOffset.unsigned(in: bytes))
            if encrypted || !abbreviates {
                printLoopEncryption(bytes, type: layout.loEncryptType, keySize: layout.loEncryptKeySize, to: &out)
            }
            out.field("lo_flags")
            out.flags(layout.loFlags.unsigned(in: bytes), constants.loopFlags, unknown: "LO_FLAGS_???")
            out.field("lo_name")
            printCharArray(bytes, layout.loName, to: &out)
            if encrypted || !abbreviates {
                out.field("lo_encrypt_key")
                printLoopKey(bytes, key: layout.loEncryptKey, size: layout.loEncryptKeySize, to: &out)
            }
            if abbreviates {
                out.abbreviated()
            } else {
                out.field("lo_init")
                printHexWords(bytes, layout.loInit, count: 2, to: &out)
                out.field("reserved")
                printHexWords(bytes, layout.reserved, count: layout.reserved.size, to: &out)
            }
            out.endStruct()
        }
    }

    func printLoopInfo64(at address: UInt64, to out: inout Emitter) {
        let layout = layouts.loopInfo64
        withStruct(at: address, size: layout.size, to: &out) { bytes, out in
            printLoopInfo64(bytes, to: &out)
        }
    }

    /// `{fd=3, block_size=512, info={...}}`.
    func printLoopConfig(at address: UInt64, to out: inout Emitter) {
        let layout = layouts.loopConfig
        withStruct(at: address, size: layout.size, to: &out) { bytes, out in
            out.beginStruct()
            out.field("fd")
            out.fd(Int32(truncatingIfNeeded: layout.fd.signed(in: bytes)))
            out.field("block_size")
            out.uint(layout.blockSize.unsigned(in: bytes))
            out.field("info")
            let info = UnsafeRawBufferPointer(rebasing: bytes[layout.info.offset..<layout.info.offset + layout.info.size])
            printLoopInfo64(info, to: &out)
            // The reserved words show only when one is set (with `-v` too).
            let reserved = layout.reserved
            let words = reserved.size / 8
            let anySet = (0..<words).contains { FieldLayout(offset: reserved.offset + 8 * $0, size: 8).unsigned(in: bytes) != 0 }
            if anySet {
                out.field("__reserved")
                printHexWords(bytes, reserved, count: words, to: &out)
            }
            out.endStruct()
        }
    }

    private func printLoopInfo64(_ bytes: UnsafeRawBufferPointer, to out: inout Emitter) {
        let layout = layouts.loopInfo64
        let encrypted = layout.loEncryptType.unsigned(in: bytes) != 0
        out.beginStruct()
        if !abbreviates {
            out.field("lo_device")
            printLoopDevice(layout.loDevice.unsigned(in: bytes), to: &out)
            out.field("lo_inode")
            out.uint(layout.loInode.unsigned(in: bytes))
            out.field("lo_rdevice")
            printLoopDevice(layout.loRdevice.unsigned(in: bytes), to: &out)
        }
        out.field("lo_offset")
        out.hex(layout.loOffset.unsigned(in: bytes))
        if !abbreviates {
            out.field("lo_sizelimit")
            out.uint(layout.loSizelimit.unsigned(in: bytes))
        }
        out.field("lo_number")
        out.uint(layout.loNumber.unsigned(in: bytes))
        if encrypted || !abbreviates {
            printLoopEncryption(bytes, type: layout.loEncryptType, keySize: layout.loEncryptKeySize, to: &out)
        }
        out.field("lo_flags")
        out.flags(layout.loFlags.unsigned(in: bytes), constants.loopFlags, unknown: "LO_FLAGS_???")
        out.field("lo_file_name")
        printCharArray(bytes, layout.loFileName, to: &out)
        if encrypted || !abbreviates {
            out.field("lo_crypt_name")
            printCharArray(bytes, layout.loCryptName, to: &out)
            out.field("lo_encrypt_key")
            printLoopKey(bytes, key: layout.loEncryptKey, size: layout.loEncryptKeySize, to: &out)
        }
        if abbreviates {
            out.abbreviated()
        } else {
            out.field("lo_init")
            printHexWords(bytes, layout.loInit, count: 2, to: &out)
        }
        out.endStruct()
    }

    private func printLoopEncryption(_ bytes: UnsafeRawBufferPointer, type: FieldLayout, keySize: FieldLayout,
                                     to out: inout Emitter) {
        out.field("lo_encrypt_type")
        out.constant(type.unsigned(in: bytes), constants.loopCryptTypes, unknown: "LO_CRYPT_???")
        out.field("lo_encrypt_key_size")
        out.int(keySize.signed(in: bytes))
    }

    /// The key: its first lo_encrypt_key_size bytes (at most the array), NULs included.
    private func printLoopKey(_ bytes: UnsafeRawBufferPointer, key: FieldLayout, size: FieldLayout,
                              to out: inout Emitter) {
        let length = Int(min(UInt64(key.size), UInt64(UInt32(truncatingIfNeeded: size.unsigned(in: bytes)))))
        let array = bytes[key.offset..<key.offset + length]
        out.bytes(array)
    }

    /// `makedev(0x8, 0x1)` as glibc's major() and minor() split it: 32-bit numbers each (the
    /// shared printDevice keeps 64 bits of the minor).
    private func printLoopDevice(_ device: UInt64, to out: inout Emitter) {
        let major = UInt32(truncatingIfNeeded: (device >> 8) & 0xfff) | UInt32(truncatingIfNeeded: device >> 32) & ~0xfff
        let minor = UInt32(truncatingIfNeeded: device & 0xff) | UInt32(truncatingIfNeeded: device >> 12) & ~0xff
        out.styled(number: { $0.hex(device) }, decoded: { out in
            out.raw("makedev(")
            out.hex(UInt64(major))
            out.raw(", ")
            out.hex(UInt64(minor))
            out.raw(")")
        })
    }

    /// `[0x1, 0]`: an array field of `count` equal words in hex.
    func printHexWords(_ bytes: UnsafeRawBufferPointer, _ field: FieldLayout, count: Int, to out: inout Emitter) {
        let size = field.size / max(count, 1)
        out.beginArray()
        for index in 0..<count {
            out.element()
            out.hex(FieldLayout(offset: field.offset + index * size, size: size).unsigned(in: bytes))
        }
        out.endArray()
    }
}
