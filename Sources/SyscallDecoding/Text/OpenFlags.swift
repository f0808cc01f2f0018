import SyscallTables

/// open(2) flag bits per ABI. x86_64 and i386 use `asm-generic/fcntl.h`; arm64 moves four of them
/// (`arch/arm64/include/uapi/asm/fcntl.h`).
struct OpenFlagBits: Sendable {
    let directory: UInt32
    let noFollow: UInt32
    let direct: UInt32
    let largeFile: UInt32

    static let generic = OpenFlagBits(directory: 0o200000, noFollow: 0o400000, direct: 0o40000, largeFile: 0o100000)
    static let arm64 = OpenFlagBits(directory: 0o40000, noFollow: 0o100000, direct: 0o200000, largeFile: 0o400000)

    static func forArch(_ arch: SyscallArch) -> OpenFlagBits {
        arch == .aarch64 ? .arm64 : .generic
    }

    static let accessMode: UInt32 = 0o3
    static let create: UInt32 = 0o100
    static let exclusive: UInt32 = 0o200
    static let noControllingTTY: UInt32 = 0o400
    static let truncate: UInt32 = 0o1000
    static let append: UInt32 = 0o2000
    static let nonBlock: UInt32 = 0o4000
    static let dataSync: UInt32 = 0o10000
    static let async: UInt32 = 0o20000
    static let noAccessTime: UInt32 = 0o1000000
    static let closeOnExec: UInt32 = 0o2000000
    static let fileSync: UInt32 = 0o4000000  // __O_SYNC
    static let pathOnly: UInt32 = 0o10000000
    static let tmpFile: UInt32 = 0o20000000  // __O_TMPFILE

    /// Named flags in the order strace prints them; a name that covers two bits (O_SYNC,
    /// O_TMPFILE) comes before the names of its parts.
    func namedFlags() -> [(bits: UInt32, name: StaticString)] {
        [
            (Self.create, "O_CREAT"), (Self.exclusive, "O_EXCL"), (Self.noControllingTTY, "O_NOCTTY"),
            (Self.truncate, "O_TRUNC"), (Self.append, "O_APPEND"), (Self.nonBlock, "O_NONBLOCK"),
            (Self.fileSync | Self.dataSync, "O_SYNC"), (Self.dataSync, "O_DSYNC"),
            (direct, "O_DIRECT"), (largeFile, "O_LARGEFILE"), (noFollow, "O_NOFOLLOW"),
            (Self.noAccessTime, "O_NOATIME"), (Self.closeOnExec, "O_CLOEXEC"), (Self.pathOnly, "O_PATH"),
            (Self.tmpFile | directory, "O_TMPFILE"), (directory, "O_DIRECTORY"), (Self.tmpFile, "__O_TMPFILE"),
            (Self.fileSync, "__O_SYNC"), (Self.async, "FASYNC"),
        ]
    }

    /// Whether open's mode argument means anything (and so prints) for these flags.
    static func takesMode(_ flags: UInt32) -> Bool {
        flags & (create | tmpFile) != 0
    }
}

/// The named open flags of each ABI, built once; looked up with a switch, not a hash, on every
/// open and openat.
private let openFlagsX86_64 = OpenFlagBits.forArch(.x86_64).namedFlags()
private let openFlagsI386 = OpenFlagBits.forArch(.i386).namedFlags()
private let openFlagsAarch64 = OpenFlagBits.forArch(.aarch64).namedFlags()

private func openFlagTable(_ arch: SyscallArch) -> [(bits: UInt32, name: StaticString)] {
    switch arch {
    case .x86_64: openFlagsX86_64
    case .i386: openFlagsI386
    case .aarch64: openFlagsAarch64
    }
}

extension TextBuffer {
    /// `O_RDONLY|O_CLOEXEC|O_DIRECTORY`, with bits that have no name as a trailing `|0x...`.
    mutating func appendOpenFlags(_ flags: UInt32, arch: SyscallArch) {
        switch flags & OpenFlagBits.accessMode {
        case 0: append("O_RDONLY")
        case 1: append("O_WRONLY")
        case 2: append("O_RDWR")
        default: append("O_ACCMODE")
        }
        var rest = flags & ~OpenFlagBits.accessMode
        for (bits, name) in openFlagTable(arch) where rest & bits == bits {
            append("|")
            append(name)
            rest &= ~bits
        }
        if rest != 0 {
            append("|")
            appendHex(UInt64(rest))
        }
    }
}

extension TextBuffer {
    /// `{"type":"flags","raw":524288,"names":["O_RDONLY","O_CLOEXEC"]}` (with `"unknown"` bits).
    mutating func appendJSONOpenFlags(_ flags: UInt32, arch: SyscallArch) {
        append("{\"type\":\"flags\",\"raw\":")
        appendDecimal(UInt64(flags))
        append(",\"names\":[\"")
        switch flags & OpenFlagBits.accessMode {
        case 0: append("O_RDONLY")
        case 1: append("O_WRONLY")
        case 2: append("O_RDWR")
        default: append("O_ACCMODE")
        }
        append("\"")
        var rest = flags & ~OpenFlagBits.accessMode
        for (bits, name) in openFlagTable(arch) where rest & bits == bits {
            append(",\"")
            append(name)
            append("\"")
            rest &= ~bits
        }
        append("]")
        if rest != 0 {
            append(",\"unknown\":")
            appendDecimal(UInt64(rest))
        }
        append("}")
    }
}
