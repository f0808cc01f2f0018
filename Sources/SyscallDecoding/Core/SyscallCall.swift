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
///
/// The fields live in one shared, copy-on-write object: every `DecodeContext` (two per traced
/// call) holds a copy, and copying the fields one by one retained the three call selections'
/// closures each time (3-4% of the tracer's instructions per call). A copy is one retain now.
public struct DecodeOptions: Sendable {
    private var storage = Storage()

    /// `-s`: bytes of a string or buffer to print before cutting it with `...`.
    public var stringLimit: Int {
        get { storage.stringLimit }
        set { uniqueStorage.stringLimit = newValue }
    }
    /// `-a`: the column where ` = ` goes.
    public var alignColumn: Int {
        get { storage.alignColumn }
        set { uniqueStorage.alignColumn = newValue }
    }
    /// `-x`, `-xx`, `--strings-in-hex=`: where strings use `\xNN` escapes.
    public var stringEscapes: StringEscapes {
        get { storage.stringEscapes }
        set { uniqueStorage.stringEscapes = newValue }
    }
    /// `-X`: named constants and flags by name, as numbers, or both.
    public var constantStyle: ConstantStyle {
        get { storage.constantStyle }
        set { uniqueStorage.constantStyle = newValue }
    }
    /// `-y`, `-yy`, `--decode-fds=`: what descriptors print after their number.
    public var descriptorDecoding: DescriptorDecoding {
        get { storage.descriptorDecoding }
        set { uniqueStorage.descriptorDecoding = newValue }
    }
    /// `-y`: descriptors print with what they are open on (`3</etc/passwd>`).
    public var descriptorPaths: Bool {
        get { descriptorDecoding.contains(.paths) }
        set { if newValue { descriptorDecoding.insert(.paths) } else { descriptorDecoding.remove(.paths) } }
    }
    /// `-Y`: process ids print with their command name (`1234<sh>`).
    public var processNames: Bool {
        get { storage.processNames }
        set { uniqueStorage.processNames = newValue }
    }
    /// `-e abbrev=`, `-v`: which calls print large structures and arrays in part (`...`).
    public var abbreviates: CallSelection {
        get { storage.abbreviates }
        set { uniqueStorage.abbreviates = newValue }
    }
    /// `-e verbose=`: which calls print the structures arguments point to (the others: addresses).
    public var dereferences: CallSelection {
        get { storage.dereferences }
        set { uniqueStorage.dereferences = newValue }
    }
    /// `-e raw=`: which calls print every argument and the result in hex, undecoded.
    public var raw: CallSelection {
        get { storage.raw }
        set { uniqueStorage.raw = newValue }
    }
    /// `--color`: syscall names, errors and strings in color (`TextColors`).
    public var colors: Bool {
        get { storage.colors }
        set { uniqueStorage.colors = newValue }
    }

    public init(stringLimit: Int = 32, alignColumn: Int = 40) {
        storage.stringLimit = stringLimit
        storage.alignColumn = alignColumn
    }

    /// The storage, copied first when another `DecodeOptions` shares it (options are set up
    /// once, before tracing; copies are only read).
    private var uniqueStorage: Storage {
        mutating get {
            if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
            return storage
        }
    }

    /// Written only through `uniqueStorage`, that is while one `DecodeOptions` holds it.
    private final class Storage: @unchecked Sendable {
        var stringLimit = 32
        var alignColumn = 40
        var stringEscapes = StringEscapes.octal
        var constantStyle = ConstantStyle.abbrev
        var descriptorDecoding: DescriptorDecoding = []
        var processNames = false
        var abbreviates: CallSelection = .all
        var dereferences: CallSelection = .all
        var raw: CallSelection = .none
        var colors = false

        func copy() -> Storage {
            let copy = Storage()
            copy.stringLimit = stringLimit
            copy.alignColumn = alignColumn
            copy.stringEscapes = stringEscapes
            copy.constantStyle = constantStyle
            copy.descriptorDecoding = descriptorDecoding
            copy.processNames = processNames
            copy.abbreviates = abbreviates
            copy.dereferences = dereferences
            copy.raw = raw
            copy.colors = colors
            return copy
        }
    }
}

/// `--decode-fds=`: the kinds of what a descriptor is open on that print after its number.
public struct DescriptorDecoding: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    /// `path` (`-y`): `3</etc/passwd>`, `AT_FDCWD</home>`.
    public static let paths = DescriptorDecoding(rawValue: 1)
    /// `socket`: a socket's endpoints (`3<TCP:[127.0.0.1:1234->127.0.0.1:80]>`).
    public static let sockets = DescriptorDecoding(rawValue: 2)
    /// `dev`: a device file's type and numbers (`3</dev/null<char 1:3>>`).
    public static let devices = DescriptorDecoding(rawValue: 4)
    /// `pidfd`: the process a pidfd refers to (`3<pid:1234>`).
    public static let pidfds = DescriptorDecoding(rawValue: 8)
    /// `all`, `-yy`.
    public static let all: DescriptorDecoding = [.paths, .sockets, .devices, .pidfds]
}

/// `--strings-in-hex=`: which bytes of a printed string use hexadecimal escapes.
public enum StringEscapes: Sendable, Equatable {
    /// The default (`none`): `\t \n ...` by name, other non-printable bytes in octal (`\33`).
    case octal
    /// `non-ascii-chars`: as the default, with `\x1b` instead of octal.
    case hexForNonPrintable
    /// `-x`, `non-ascii`: a string holding any non-printable byte other than `\t \n \v \f \r`
    /// prints every byte as `\xNN`.
    case hexWhenNonASCII
    /// `-xx`, `all`: every byte of every string as `\xNN`.
    case hexAll
}

/// `-X`: how named constants and flags print.
public enum ConstantStyle: Sendable, Equatable {
    /// `O_RDONLY|O_CLOEXEC` (strace's default).
    case abbrev
    /// `0x80000`.
    case raw
    /// `0x80000 /* O_RDONLY|O_CLOEXEC */`.
    case verbose
}

/// A set of syscalls chosen by one qualifier (`-e abbrev=`, `-e verbose=`, `-e raw=`). The
/// membership test is given by whoever parsed the set (the tracer's syscall filter).
public struct CallSelection: Sendable {
    let contains: (@Sendable (SyscallArch, UInt64) -> Bool)?
    let everything: Bool

    /// Every syscall.
    public static let all = CallSelection(contains: nil, everything: true)
    /// No syscall.
    public static let none = CallSelection(contains: nil, everything: false)

    /// The syscalls for which `contains` is true.
    public init(_ contains: @escaping @Sendable (SyscallArch, UInt64) -> Bool) {
        self.contains = contains
        everything = false
    }

    private init(contains: (@Sendable (SyscallArch, UInt64) -> Bool)?, everything: Bool) {
        self.contains = contains
        self.everything = everything
    }

    /// Whether syscall `number` of `arch` is in the set.
    public func includes(_ arch: SyscallArch, _ number: UInt64) -> Bool {
        contains?(arch, number) ?? everything
    }
}
