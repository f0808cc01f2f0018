/// One ABI's set of syscall numbers: a bit per number of its table, and one answer for every
/// number beyond the table (a syscall the tables do not know yet is traced exactly when the set
/// was inverted or is `all`, as strace does).
@usableFromInline
struct SyscallNumberSet: Sendable, Equatable {
    @usableFromInline var words: [UInt64]
    @usableFromInline var beyondTable: Bool

    /// An empty set for numbers 0..<count.
    init(count: Int) {
        words = Array(repeating: 0, count: (count + 63) / 64)
        beyondTable = false
    }

    /// A bit test; reads one word, allocates nothing.
    @inlinable @inline(__always)
    func contains(_ number: UInt64) -> Bool {
        let word = number >> 6
        guard word < UInt64(words.count) else { return beyondTable }
        return words[Int(word)] & (1 << (number & 63)) != 0
    }

    mutating func insert(_ number: Int) {
        words[number >> 6] |= 1 << UInt64(number & 63)
    }

    mutating func insertAll() {
        for index in words.indices { words[index] = ~0 }
        beyondTable = true
    }

    mutating func invert() {
        for index in words.indices { words[index] = ~words[index] }
        beyondTable.toggle()
    }

    var isFull: Bool { beyondTable && words.allSatisfy { $0 == ~0 } }
}
