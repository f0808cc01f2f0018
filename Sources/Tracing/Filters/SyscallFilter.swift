import SyscallTables

/// `-e trace=`: which syscalls print, one bit per syscall number per ABI, so that the check at a
/// stop is an index, before anything is read or decoded.
public struct SyscallFilter: Sendable, Equatable {
    /// Every syscall of every ABI, as without `-e trace=`.
    public static let all: SyscallFilter = {
        var filter = SyscallFilter(empty: ())
        filter.forEachSet { $1.insertAll() }
        return filter
    }()

    @usableFromInline var x86_64: SyscallNumberSet
    @usableFromInline var i386: SyscallNumberSet
    @usableFromInline var aarch64: SyscallNumberSet
    /// x86_64's x32 ABI, indexed by the number without `X32Syscalls.syscallBit`.
    @usableFromInline var x32: SyscallNumberSet

    /// Every syscall, as without `-e trace=`.
    public init() { self = .all }

    /// No syscall.
    init(empty: ()) {
        x86_64 = SyscallNumberSet(count: SyscallPersonality.x86_64.count)
        i386 = SyscallNumberSet(count: SyscallPersonality.i386.count)
        aarch64 = SyscallNumberSet(count: SyscallPersonality.aarch64.count)
        x32 = SyscallNumberSet(count: SyscallPersonality.x32.count)
    }

    /// Applies one `-e trace=` value (`open,close`, `!write`, `%file`, `/regex`, `?name`,
    /// `name@64`, `all`, `none`). As in strace 6.1, each value replaces what an earlier one chose
    /// (`-e trace=open -e trace=close` traces close only). On error nothing changes.
    public mutating func apply(_ expression: String) throws(FilterError) {
        self = try SyscallFilter(parsing: expression)
    }

    /// Whether syscall `number` of `arch` prints. An x32 call (x86_64 with the x32 bit set in
    /// `number`) is looked up in the x32 set.
    @inlinable public func traces(_ arch: SyscallArch, _ number: UInt64) -> Bool {
        switch arch {
        case .x86_64:
            number & 0x4000_0000 == 0 ? x86_64.contains(number) : x32.contains(number & ~0x4000_0000)
        case .i386: i386.contains(number)
        case .aarch64: aarch64.contains(number)
        }
    }

    /// True when every syscall of every ABI prints (no seccomp filter is worth installing).
    public var tracesEverything: Bool {
        x86_64.isFull && i386.isFull && aarch64.isFull && x32.isFull
    }

    /// The syscall numbers of `arch` that print, for the seccomp filter (named numbers only).
    public func tracedNumbers(of arch: SyscallArch) -> [Int] {
        switch arch {
        case .x86_64: Self.members(of: x86_64, names: SyscallPersonality.x86_64.names)
        case .i386: Self.members(of: i386, names: SyscallPersonality.i386.names)
        case .aarch64: Self.members(of: aarch64, names: SyscallPersonality.aarch64.names)
        }
    }

    /// The x32 call numbers (without the x32 bit) that print.
    public func tracedX32Numbers() -> [Int] {
        Self.members(of: x32, names: SyscallPersonality.x32.names)
    }

    /// Whether numbers beyond a table (syscalls newer than the tables) print, per personality.
    func tracesUnknownNumbers(_ personality: SyscallPersonality) -> Bool {
        set(personality).beyondTable
    }

    static func members(of set: SyscallNumberSet, names: [String?]) -> [Int] {
        names.indices.filter { names[$0] != nil && set.contains(UInt64($0)) }
    }

    func set(_ personality: SyscallPersonality) -> SyscallNumberSet {
        switch personality {
        case .x86_64: x86_64
        case .i386: i386
        case .aarch64: aarch64
        case .x32: x32
        }
    }

    mutating func forEachSet(_ body: (SyscallPersonality, inout SyscallNumberSet) -> Void) {
        body(.x86_64, &x86_64)
        body(.i386, &i386)
        body(.aarch64, &aarch64)
        body(.x32, &x32)
    }
}
