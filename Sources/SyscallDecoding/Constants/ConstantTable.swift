import Glibc

/// Named bits of one flags argument (`PROT_READ|PROT_WRITE`), from `scripts/gen-constants`.
/// Entries are in the order strace prints them; a name covering several bits comes before its parts.
public struct FlagTable: Sendable {
    let entries: [(bits: UInt64, name: StaticString)]
    /// The name strace prints for 0 (`PROT_NONE`, `F_OK`), or nil: 0 prints as `0`.
    let zero: StaticString?

    init(zero: StaticString?, _ entries: [(UInt64, StaticString)]) {
        self.entries = entries.map { (bits: $0.0, name: $0.1) }
        self.zero = zero
    }
}

/// One name per value (`SEEK_SET`, `RLIMIT_STACK`), from `scripts/gen-constants`.
public struct ConstantTable: Sendable {
    let entries: [(value: UInt64, name: StaticString)]

    init(_ entries: [(UInt64, StaticString)]) {
        self.entries = entries.map { (value: $0.0, name: $0.1) }
    }

    /// The first name of `value` (tables list the preferred name first), or nil.
    func name(of value: UInt64) -> StaticString? {
        for entry in entries where entry.value == value { return entry.name }
        return nil
    }
}

/// Where one field of a tracee struct lies, from compiled `offsetof`/`sizeof` probes.
struct FieldLayout: Sendable {
    let offset: Int
    let size: Int

    /// The field's value, zero-extended, from a buffer holding the whole struct (little-endian).
    func unsigned(in bytes: UnsafeRawBufferPointer) -> UInt64 {
        var value: UInt64 = 0
        for index in stride(from: size - 1, through: 0, by: -1) where offset + index < bytes.count {
            value = value << 8 | UInt64(bytes[offset + index])
        }
        return value
    }

    /// The field's value, sign-extended from its size.
    func signed(in bytes: UnsafeRawBufferPointer) -> Int64 {
        let value = unsigned(in: bytes)
        let shift = UInt64(64 - 8 * size)
        return size >= 8 ? Int64(bitPattern: value) : Int64(bitPattern: value << shift) >> Int64(shift)
    }
}

/// Two names are equal (a byte comparison: no String is made).
func sameName(_ a: StaticString, _ b: StaticString) -> Bool {
    a.utf8CodeUnitCount == b.utf8CodeUnitCount
        && memcmp(a.utf8Start, b.utf8Start, a.utf8CodeUnitCount) == 0
}

extension FlagTable {
    /// The bits of the flag named `name`, 0 where this ABI has no such flag.
    func bits(named name: StaticString) -> UInt64 {
        for entry in entries where sameName(entry.name, name) { return entry.bits }
        return 0
    }
}

extension ConstantTable {
    /// The value named `name`, nil where this ABI has no such name.
    func value(named name: StaticString) -> UInt64? {
        for entry in entries where sameName(entry.name, name) { return entry.value }
        return nil
    }
}
