/// A rejected filter expression; `description` is the message after `swtrace: `.
public struct FilterError: Error, CustomStringConvertible, Sendable, Equatable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
