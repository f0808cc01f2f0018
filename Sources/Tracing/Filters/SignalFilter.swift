import SyscallDecoding

/// `-e signal=`: which signal deliveries print. Items are names with or without `SIG` in any
/// case (`SIGHUP`, `hup`, `SIGRTMIN`, `SIGRT_3`) or numbers 0...255; `!` inverts, `all` and `none`
/// stand alone. As with `-e trace=`, a new value replaces the old.
public struct SignalFilter: Sendable, Equatable {
    public static let all = SignalFilter()

    /// Signals 0...255, one bit each.
    @usableFromInline var bits: (UInt64, UInt64, UInt64, UInt64)

    public init() { bits = (~0, ~0, ~0, ~0) }

    public static func == (a: SignalFilter, b: SignalFilter) -> Bool { a.bits == b.bits }

    public mutating func apply(_ expression: String) throws(FilterError) {
        let list = QualifierList(expression)
        var selected: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        if list.body == "all" {
            selected = (~0, ~0, ~0, ~0)
        } else if list.body != "none" {
            guard !list.items.isEmpty else { throw FilterError("-e signal: no signal in '\(expression)'") }
            for item in list.items {
                guard let signal = Self.signalNumber(item) else {
                    throw FilterError("-e signal: unknown signal '\(item)'")
                }
                let bit: UInt64 = 1 << UInt64(signal & 63)
                switch signal >> 6 {
                case 0: selected.0 |= bit
                case 1: selected.1 |= bit
                case 2: selected.2 |= bit
                default: selected.3 |= bit
                }
            }
        }
        if list.inverted { selected = (~selected.0, ~selected.1, ~selected.2, ~selected.3) }
        bits = selected
    }

    @inlinable public func shows(_ signal: Int32) -> Bool {
        guard signal >= 0 && signal < 256 else { return false }
        let word: UInt64
        switch signal >> 6 {
        case 0: word = bits.0
        case 1: word = bits.1
        case 2: word = bits.2
        default: word = bits.3
        }
        return word & (1 << UInt64(signal & 63)) != 0
    }

    /// The largest signal number taken (strace keeps a set of 256).
    static let largestSignal = 255

    /// `9`, `KILL`, `sigkill`, `SIGRT_1`: the number, or nil.
    static func signalNumber(_ item: Substring) -> Int? {
        if item.allSatisfy({ $0.isASCII && $0.isNumber }) {
            guard let number = Int(item), number <= largestSignal else { return nil }
            return number
        }
        let upper = item.uppercased()
        let bare = upper.hasPrefix("SIG") ? String(upper.dropFirst(3)) : upper
        guard !bare.isEmpty else { return nil }
        for signal in Int32(1)...SignalNames.kernelRealtimeMax {
            if let name = SignalNames.name(signal), name.dropFirst(3) == bare { return Int(signal) }
        }
        return nil
    }
}
