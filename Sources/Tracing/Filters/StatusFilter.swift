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

    static let names: [(String, StatusFilter)] = [
        ("successful", .successful), ("failed", .failed), ("unfinished", .unfinished),
        ("unavailable", .unavailable), ("detached", .detached),
    ]

    /// Parses a `-e status=` value: the names above in any case, `!` inverting, `all`, `none`.
    public static func parse(_ expression: String) throws(FilterError) -> StatusFilter {
        let list = QualifierList(expression)
        var selected: StatusFilter = []
        if list.body == "all" {
            selected = .all
        } else if list.body != "none" {
            guard !list.items.isEmpty else { throw FilterError("-e status: no status in '\(expression)'") }
            for item in list.items {
                let word = item.lowercased()
                guard let status = names.first(where: { $0.0 == word })?.1 else {
                    throw FilterError("-e status: unknown status '\(item)' (use successful, failed, unfinished, unavailable or detached)")
                }
                selected.insert(status)
            }
        }
        return list.inverted ? StatusFilter.all.subtracting(selected) : selected
    }
}
