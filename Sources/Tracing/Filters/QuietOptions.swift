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
    public static let all: QuietOptions = [.attach, .exit, .pathResolution, .personality, .threadExecve, .superseded]

    static let names: [(String, QuietOptions)] = [
        ("attach", .attach), ("exit", .exit), ("exits", .exit), ("path-resolution", .pathResolution),
        ("personality", .personality), ("thread-execve", .threadExecve), ("superseded", .superseded),
    ]

    /// Parses a `-e quiet=` value: the names above in any case, `!` inverting, `all`, `none`.
    public static func parse(_ expression: String) throws(FilterError) -> QuietOptions {
        let list = QualifierList(expression)
        var selected: QuietOptions = []
        if list.body == "all" {
            selected = .all
        } else if list.body != "none" {
            guard !list.items.isEmpty else { throw FilterError("-e quiet: no notice in '\(expression)'") }
            for item in list.items {
                let word = item.lowercased()
                guard let quiet = names.first(where: { $0.0 == word })?.1 else {
                    throw FilterError("-e quiet: unknown notice '\(item)' (use attach, exit, path-resolution, personality, thread-execve or superseded)")
                }
                selected.insert(quiet)
            }
        }
        return list.inverted ? QuietOptions.all.subtracting(selected) : selected
    }
}
