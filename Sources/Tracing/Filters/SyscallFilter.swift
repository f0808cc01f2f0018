import SyscallTables

// CONTRACT STUB: the filters helper replaces this file's bodies; the API is what the command line
// and the session call.

/// A rejected filter expression; `description` is the message after `swtrace: `.
public struct FilterError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// `-e trace=`: which syscalls print, one bit per syscall number per ABI, so that the check at a
/// stop is an index, before anything is read or decoded.
public struct SyscallFilter: Sendable {
    public static let all = SyscallFilter()

    public init() {}

    /// Applies one `-e trace=` value (`open,close`, `!write`, `%file`, `/regex`, `?name`,
    /// `name@64`, `all`, `none`); several values accumulate as strace's do.
    public mutating func apply(_ expression: String) throws(FilterError) {}

    /// Whether syscall `number` of `arch` prints.
    @inlinable public func traces(_ arch: SyscallArch, _ number: UInt64) -> Bool { true }

    /// True when every syscall of every ABI prints (no seccomp filter is worth installing).
    public var tracesEverything: Bool { true }

    /// The syscall numbers of `arch` that print, for the seccomp filter.
    public func tracedNumbers(of arch: SyscallArch) -> [Int] { [] }
}

/// `-e signal=`: which signal deliveries print.
public struct SignalFilter: Sendable {
    public static let all = SignalFilter()
    public init() {}
    public mutating func apply(_ expression: String) throws(FilterError) {}
    public func shows(_ signal: Int32) -> Bool { true }
}

/// `-e status=`, `-z`, `-Z`: which calls print, by how they ended.
public struct StatusFilter: OptionSet, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let successful = StatusFilter(rawValue: 1 << 0)
    public static let failed = StatusFilter(rawValue: 1 << 1)
    public static let unfinished = StatusFilter(rawValue: 1 << 2)
    public static let unavailable = StatusFilter(rawValue: 1 << 3)
    public static let detached = StatusFilter(rawValue: 1 << 4)
    public static let all: StatusFilter = [.successful, .failed, .unfinished, .unavailable, .detached]

    /// Parses a `-e status=` value.
    public static func parse(_ expression: String) throws(FilterError) -> StatusFilter { .all }
}

/// `-e quiet=`, `-q`, `-qq`, `-qqq`: notices not shown.
public struct QuietOptions: OptionSet, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let attach = QuietOptions(rawValue: 1 << 0)
    public static let exit = QuietOptions(rawValue: 1 << 1)
    public static let pathResolution = QuietOptions(rawValue: 1 << 2)
    public static let personality = QuietOptions(rawValue: 1 << 3)
    public static let threadExecve = QuietOptions(rawValue: 1 << 4)
    public static let superseded = QuietOptions(rawValue: 1 << 5)

    public static func parse(_ expression: String) throws(FilterError) -> QuietOptions { [] }
}

/// `-e trace-fds=`: the descriptors whose calls print.
public struct DescriptorFilter: Sendable {
    public init() {}
    public static func parse(_ expression: String) throws(FilterError) -> DescriptorFilter { DescriptorFilter() }
    public func contains(_ fd: Int32) -> Bool { true }
}
