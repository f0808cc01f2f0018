import SyscallTables

/// The six argument registers of a syscall, as the kernel passes them (zero-extended to 64 bits
/// for a 32-bit tracee).
public struct SyscallArgs: Sendable, Equatable {
    public var a0: UInt64 = 0, a1: UInt64 = 0, a2: UInt64 = 0, a3: UInt64 = 0, a4: UInt64 = 0, a5: UInt64 = 0

    public init() {}

    public init(_ values: [UInt64]) {
        for (index, value) in values.prefix(6).enumerated() { self[index] = value }
    }

    public subscript(index: Int) -> UInt64 {
        get {
            switch index {
            case 0: a0
            case 1: a1
            case 2: a2
            case 3: a3
            case 4: a4
            default: a5
            }
        }
        set {
            switch index {
            case 0: a0 = newValue
            case 1: a1 = newValue
            case 2: a2 = newValue
            case 3: a3 = newValue
            case 4: a4 = newValue
            default: a5 = newValue
            }
        }
    }
}

/// A syscall as its entry stop shows it.
public struct SyscallCall: Sendable, Equatable {
    public var arch: SyscallArch
    public var number: UInt64
    public var args: SyscallArgs
    /// The tracee's stack pointer at the entry stop (0 when unknown): rt_sigreturn finds the
    /// signal frame, and the mask it restores, there.
    public var stackPointer: UInt64

    public init(arch: SyscallArch, number: UInt64, args: SyscallArgs, stackPointer: UInt64 = 0) {
        self.arch = arch
        self.number = number
        self.args = args
        self.stackPointer = stackPointer
    }
}

/// What a syscall returned, as its exit stop shows it.
public enum SyscallResult: Sendable, Equatable {
    case success(Int64)
    case failure(errno: Int)

    /// The kernel's convention: a value in [-4095, -1] is a negated errno.
    public init(rawValue: Int64) {
        self = rawValue < 0 && rawValue >= -4095 ? .failure(errno: Int(-rawValue)) : .success(rawValue)
    }
}

/// Settings that change how arguments print.
public struct DecodeOptions: Sendable {
    /// `-s`: bytes of a string or buffer to print before cutting it with `...`.
    public var stringLimit = 32
    /// `-a`: the column where ` = ` goes.
    public var alignColumn = 40

    public init(stringLimit: Int = 32, alignColumn: Int = 40) {
        self.stringLimit = stringLimit
        self.alignColumn = alignColumn
    }
}
