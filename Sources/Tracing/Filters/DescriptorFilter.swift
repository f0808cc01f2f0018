/// `-e trace-fds=`: the descriptors whose calls print. Items are descriptor numbers (decimal,
/// 0...2147483647, read as strace reads `-e read=`: leading blanks and `+` allowed); `!`
/// inverts, `all` and `none` stand alone. (strace 6.1 has no trace-fds; its `-e read=` takes the
/// same sets.)
public struct DescriptorFilter: Sendable, Equatable {
    public static let all = DescriptorFilter()

    private var descriptors: Set<Int32>
    /// True when the set is "every descriptor except `descriptors`".
    private var inverted: Bool

    public init() {
        descriptors = []
        inverted = true
    }

    public static func parse(_ expression: String) throws(FilterError) -> DescriptorFilter {
        let list = QualifierList(expression)
        var filter = DescriptorFilter()
        filter.inverted = false
        if list.body == "all" {
            filter.inverted = true
        } else if list.body != "none" {
            guard !list.items.isEmpty else { throw FilterError("-e trace-fds: no descriptor in '\(expression)'") }
            for item in list.items {
                guard let fd = descriptorNumber(item) else {
                    throw FilterError("-e trace-fds: invalid descriptor '\(item)'")
                }
                filter.descriptors.insert(fd)
            }
        }
        if list.inverted { filter.inverted.toggle() }
        return filter
    }

    /// Whether calls on `fd` print. A negative value (AT_FDCWD, an invalid fd) is in no list: it
    /// prints only when the set is inverted or `all`.
    public func contains(_ fd: Int32) -> Bool {
        descriptors.contains(fd) != inverted
    }

    /// True when every descriptor prints.
    public var containsEverything: Bool { inverted && descriptors.isEmpty }

    static func descriptorNumber(_ item: Substring) -> Int32? {
        var digits = item.drop(while: { $0 == " " || $0 == "\t" || $0 == "\n" })
        if digits.first == "+" { digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int32(digits)
    }
}
