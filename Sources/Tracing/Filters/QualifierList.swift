/// The shape every strace qualifier value shares (`-e trace=`, `signal=`, `status=`, `quiet=`,
/// `trace-fds=`): any number of leading `!`, each inverting the whole set, then a comma-separated
/// list in which empty items are skipped (`open,,close`). A list with no item at all (``, `,`,
/// `!`) is an error that quotes the whole value.
struct QualifierList {
    /// An odd number of leading `!`.
    let inverted: Bool
    /// What follows the `!`s (`all` and `none` are recognized on this whole text only).
    let body: Substring
    let items: [Substring]

    init(_ expression: String) {
        var body = Substring(expression)
        var inverted = false
        while body.first == "!" {
            inverted.toggle()
            body = body.dropFirst()
        }
        self.inverted = inverted
        self.body = body
        items = body.split(separator: ",", omittingEmptySubsequences: true)
    }
}
