import Tracing

/// `-e QUALIFIER=VALUE` and its long forms (`--trace=VALUE`): strace's qualifier names, their
/// one-letter and plural aliases, and a bare `-e VALUE` meaning `trace=VALUE`.
enum Qualifiers {
    /// The qualifiers strace has that swtrace refuses for now (an array: a `Set` of three
    /// cost 0.1 M instructions of every start, setting up hashing).
    static let notSupportedYet = ["fault", "inject", "kvm"]

    static func apply(_ expression: String, to state: inout ParseState) throws(CommandLineError) {
        guard let equals = expression.firstIndex(of: "=") else {
            return try apply("trace", expression, to: &state)
        }
        let name = String(expression[..<equals])
        let value = String(expression[expression.index(after: equals)...])
        if notSupportedYet.contains(name) { throw .notSupported("-e \(name)") }
        switch name {
        case "trace", "t", "signal", "signals", "s", "status", "quiet", "silent", "silence", "q",
             "trace-fds", "trace-fd", "fd", "fds", "abbrev", "a", "verbose", "v", "raw", "x",
             "read", "reads", "r", "write", "writes", "w", "decode-fds", "decode-fd", "decode-pids", "decode-pid":
            try apply(name, value, to: &state)
        default:
            // As strace: an unknown qualifier makes the whole expression a syscall set, whose
            // error then names it.
            try apply("trace", expression, to: &state)
        }
    }

    static func apply(_ qualifier: String, _ value: String, to state: inout ParseState) throws(CommandLineError) {
        switch qualifier {
        case "trace", "t":
            try OptionValues.filter { () throws(FilterError) in try state.options.syscalls.apply(value) }
        case "signal", "signals", "s":
            try OptionValues.filter { () throws(FilterError) in try state.options.signals.apply(value) }
        case "status":
            state.options.statuses = try OptionValues.filter { () throws(FilterError) in try StatusFilter.parse(value) }
        case "quiet", "silent", "silence", "q":
            state.options.quiet = try OptionValues.filter { () throws(FilterError) in try QuietOptions.parse(value) }
            state.quietQualifier = true
        case "abbrev", "a":
            state.options.decode.abbreviates = try OptionValues.callSelection("abbrev", value)
        case "verbose", "v":
            state.options.decode.dereferences = try OptionValues.callSelection("verbose", value)
        case "raw", "x":
            state.options.decode.raw = try OptionValues.callSelection("raw", value)
        case "read", "reads", "r":
            state.options.readDumps = try OptionValues.descriptorSet("read", value)
        case "write", "writes", "w":
            state.options.writeDumps = try OptionValues.descriptorSet("write", value)
        case "decode-fds", "decode-fd":
            state.decodeFdsQualifier = try OptionValues.decodeFds(value)
        case "decode-pids", "decode-pid":
            state.options.decode.processNames = try OptionValues.decodePids(value)
        default:  // trace-fds and its aliases
            state.options.descriptors = try OptionValues.filter { () throws(FilterError) in try DescriptorFilter.parse(value) }
        }
    }
}
