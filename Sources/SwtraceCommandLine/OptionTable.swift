import Tracing

/// Every option swtrace reads, in the groups `--help` shows them in: the one table that both the
/// parser and the help text are made from, so that they cannot disagree.
enum OptionTable {
    typealias Group = (title: String, options: [OptionSpec])

    static let groups: [Group] = [
        ("Starting and attaching", startup),
        ("Processes", processes),
        ("Filtering", filtering),
        ("Output", output),
        ("Timing", timing),
        ("Summary", summary),
        ("Other", other),
    ]

    /// Every option, the supported and the refused.
    static let all: [OptionSpec] = groups.flatMap(\.options) + notSupportedYet

    /// The option `-letter` (the first in `all` that has it). A search, not a dictionary: building
    /// one (hashing every option's Character) cost more than the few lookups a command line makes.
    static func option(short letter: Character) -> OptionSpec? {
        all.first { $0.short == letter }
    }

    /// The option `--name`, spelled whole (the first in `all` that has it).
    static func option(long name: Substring) -> OptionSpec? {
        all.first { $0.long?[...] == name }
    }

    static let startup: [OptionSpec] = [
        OptionSpec("p", "attach", .required("PID"),
                   help: "Attach to the running process PID and trace it (repeatable; \"PID1 PID2\" and PID1,PID2 work too). With a COMMAND as well, both are traced.") { state, value throws(CommandLineError) in
            state.result.processes += try OptionValues.processIDs(value!)
        },
        OptionSpec("E", "env", .required("VAR=VAL"), synopsis: "-E, --env=VAR=VAL | VAR",
                   help: "Set VAR to VAL (or, without =VAL, remove VAR) in the environment the command gets (repeatable).") { state, value throws(CommandLineError) in
            state.options.launch.environment.append(try OptionValues.environment(value!))
        },
        OptionSpec("u", "user", .required("USER"),
                   help: "Run the command as USER: its uid, gid and supplementary groups.") { state, value throws(CommandLineError) in
            state.options.launch.user = try OptionValues.user(value!)
        },
        OptionSpec(nil, "argv0", .required("NAME"),
                   help: "Start the command with NAME as its argv[0].") { state, value throws(CommandLineError) in
            state.options.launch.argv0 = value!
        },
        OptionSpec("D", nil, synopsis: "-D, -DD, -DDD",
                   help: "Run the tracer as a detached grandchild, so that the command keeps the process id the shell started; -DD also puts the tracer in its own process group, -DDD in its own session.") { state, _ throws(CommandLineError) in
            state.daemonizeCount += 1
        },
        OptionSpec(nil, "daemonize", .optional("grandchild|pgroup|session"),
                   help: "-D, -DD or -DDD by name (default grandchild).") { state, value throws(CommandLineError) in
            state.daemonizeCount = try OptionValues.daemonize(value)
        },
    ]

    static let processes: [OptionSpec] = [
        OptionSpec("f", "follow-forks", synopsis: "-f, --follow-forks, -ff",
                   help: "Trace the child processes and threads the tracees create. -ff with -o FILE writes each process's lines to FILE.PID (as --output-separately).") { state, _ throws(CommandLineError) in
            state.followCount += 1
        },
        OptionSpec(nil, "output-separately",
                   help: "With -o FILE: write each process's lines to its own FILE.PID.") { state, _ throws(CommandLineError) in
            state.separateOutput = true
        },
        OptionSpec("b", "detach-on", .required("execve"),
                   help: "Detach from a process when it calls execve (the only call this takes).") { state, value throws(CommandLineError) in
            guard value == "execve" else {
                throw CommandLineError("-b can only detach on execve, not on '\(value!)'")
            }
            state.options.detachOnExecve = true
        },
        OptionSpec("I", "interruptible", .required("N"),
                   help: "When signals may interrupt swtrace: 1 (anywhere), 2 (waiting), 3 (never), 4 (never_tstp: also not ^Z).") { state, value throws(CommandLineError) in
            state.options.interruptibility = try OptionValues.interruptibility(value!)
        },
        OptionSpec(nil, "kill-on-exit",
                   help: "Kill every tracee when swtrace exits or is interrupted, instead of detaching.") { state, _ throws(CommandLineError) in
            state.options.killOnExit = true
        },
        OptionSpec(nil, "seccomp-bpf",
                   help: "Always use the seccomp-bpf fast path for the command (the default whenever a filter leaves calls out); an error with -p alone.") { state, _ throws(CommandLineError) in
            state.options.seccomp = .forced
        },
        OptionSpec(nil, "no-seccomp-bpf",
                   help: "Never use the seccomp-bpf fast path: stop the command at every call.") { state, _ throws(CommandLineError) in
            state.options.seccomp = .off
        },
        OptionSpec(nil, "no-adaptive-wait",
                   help: "Always block while waiting for the next stop; by default swtrace first polls for it for a few tens of microseconds while stops come fast, and while it follows forks keeps a CPU awake with a thread of idle priority.") { state, _ throws(CommandLineError) in
            state.options.adaptiveWait = false
        },
    ]

    static let filtering: [OptionSpec] = [
        OptionSpec("e", nil, .required("EXPR"), synopsis: "-e [QUALIFIER=]VALUE",
                   help: "A qualifying expression: -e trace=SET (also -e SET), -e signal=SET, -e status=SET, -e quiet=SET, -e trace-fds=SET, as the long options below.") { state, value throws(CommandLineError) in
            try Qualifiers.apply(value!, to: &state)
        },
        OptionSpec(nil, "trace", .required("SET"),
                   help: "Print only these syscalls: names, !NAME, ?NAME, /REGEX, %CLASS, NAME@64|@32|@x32, all, none; repeated, they accumulate.") { state, value throws(CommandLineError) in
            try Qualifiers.apply("trace", value!, to: &state)
        },
        OptionSpec(nil, "signal", .required("SET"),
                   help: "Print only these signals (names, numbers, !, all, none).") { state, value throws(CommandLineError) in
            try Qualifiers.apply("signal", value!, to: &state)
        },
        OptionSpec(nil, "status", .required("SET"),
                   help: "Print only calls that ended so: successful, failed, unfinished, unavailable, detached.") { state, value throws(CommandLineError) in
            try Qualifiers.apply("status", value!, to: &state)
        },
        OptionSpec("z", "successful-only", help: "Print only calls that succeeded (status=successful).") { state, _ throws(CommandLineError) in
            state.options.statuses = .successful
            state.statusShortcuts.insert("z")
        },
        OptionSpec("Z", "failed-only", help: "Print only calls that failed (status=failed).") { state, _ throws(CommandLineError) in
            state.options.statuses = .failed
            state.statusShortcuts.insert("Z")
        },
        OptionSpec("P", "trace-path", .required("PATH"),
                   help: "Print only calls that name PATH or use a descriptor open on it (repeatable).") { state, value throws(CommandLineError) in
            state.options.paths.append(value!)
        },
        OptionSpec(nil, "trace-fds", .required("SET"),
                   help: "Print only calls that use these file descriptors.") { state, value throws(CommandLineError) in
            try Qualifiers.apply("trace-fds", value!, to: &state)
        },
        OptionSpec(nil, "quiet", .required("SET"),
                   help: "Do not print these notices: attach, exit, path-resolution, personality, thread-execve, superseded, all, none.") { state, value throws(CommandLineError) in
            try Qualifiers.apply("quiet", value!, to: &state)
        },
        OptionSpec(nil, "silent", .required("SET"), help: "The same as --quiet.") { state, value throws(CommandLineError) in
            try Qualifiers.apply("quiet", value!, to: &state)
        },
        OptionSpec(nil, "silence", .required("SET"), help: "The same as --quiet.") { state, value throws(CommandLineError) in
            try Qualifiers.apply("quiet", value!, to: &state)
        },
        OptionSpec("q", nil, synopsis: "-q, -qq, -qqq",
                   help: "Quiet: -q is --quiet=attach,personality, -qq adds exit, -qqq is --quiet=all.") { state, _ throws(CommandLineError) in
            state.quietCount += 1
        },
        OptionSpec(nil, "syscall-limit", .required("N"),
                   help: "Detach from every tracee after N syscalls have been printed.") { state, value throws(CommandLineError) in
            state.options.syscallLimit = try OptionValues.count("--syscall-limit", value!, minimum: 1)
        },
    ]

    static let output: [OptionSpec] = [
        OptionSpec("o", "output", .required("FILE"),
                   help: "Write the trace to FILE instead of standard output; '|COMMAND' or '!COMMAND' pipes it to sh -c COMMAND.") { state, value throws(CommandLineError) in
            state.options.output = try OptionValues.output(value!)
            state.outputGiven = true
        },
        OptionSpec("A", "output-append-mode", help: "Append to the -o file(s) instead of truncating them.") { state, _ throws(CommandLineError) in
            state.options.appendToOutput = true
        },
        OptionSpec("j", nil, help: "Write JSON Lines instead of text (as --output-format=json).") { state, _ throws(CommandLineError) in
            state.options.outputFormat = .json
        },
        OptionSpec(nil, "output-format", .required("text|json"),
                   help: "Write strace's text (the default) or JSON Lines: one object per syscall, signal and exit, with typed values (docs/json.md).") { state, value throws(CommandLineError) in
            state.options.outputFormat = try OptionValues.outputFormat(value!)
        },
        OptionSpec(nil, "color", .optional("auto|always|never"),
                   help: "Color syscall names, errors, signals, exits and strings: always, never, or auto (the default when given alone: only on a terminal, and not when NO_COLOR is set).") { state, value throws(CommandLineError) in
            state.options.color = try OptionValues.colorMode(value)
        },
        OptionSpec("s", "string-limit", .required("N"),
                   help: "Print at most N bytes of each string or buffer (default 32); paths always print whole.") { state, value throws(CommandLineError) in
            state.options.decode.stringLimit = try OptionValues.count("-s", value!)
        },
        OptionSpec("a", "columns", .required("N"), help: "Align return values at column N (default 40).") { state, value throws(CommandLineError) in
            state.options.decode.alignColumn = try OptionValues.count("-a", value!)
        },
        OptionSpec("x", nil, synopsis: "-x, -xx",
                   help: "Print strings that hold non-ASCII bytes in hex (\\xNN); -xx prints every string in hex.") { state, _ throws(CommandLineError) in
            state.hexCount += 1
            state.stringEscapes = nil
        },
        OptionSpec(nil, "strings-in-hex", .optional("none|non-ascii-chars|non-ascii|all"),
                   help: "Where strings use hex escapes: none (octal), non-ascii-chars (hex instead of octal), non-ascii (as -x), all (as -xx, the default).") { state, value throws(CommandLineError) in
            state.stringEscapes = try OptionValues.stringEscapes(value)
        },
        OptionSpec("X", "const-print-style", .required("raw|abbrev|verbose"),
                   help: "Print named constants and flags by name (abbrev, the default), as numbers (raw), or both (verbose).") { state, value throws(CommandLineError) in
            state.options.decode.constantStyle = try OptionValues.constantStyle(value!)
        },
        OptionSpec("v", "no-abbrev",
                   help: "Print structures, arrays and the environment whole (as --abbrev=none).") { state, _ throws(CommandLineError) in
            try Qualifiers.apply("abbrev", "none", to: &state)
        },
        OptionSpec(nil, "abbrev", .required("SET"),
                   help: "Print large structures and arrays in part (...) for these syscalls only (default all).") { state, value throws(CommandLineError) in
            try Qualifiers.apply("abbrev", value!, to: &state)
        },
        OptionSpec(nil, "verbose", .required("SET"),
                   help: "Print the structures arguments point to for these syscalls only, the addresses for the others (default all).") { state, value throws(CommandLineError) in
            try Qualifiers.apply("verbose", value!, to: &state)
        },
        OptionSpec(nil, "raw", .required("SET"),
                   help: "Print every argument and the result of these syscalls in hex, undecoded.") { state, value throws(CommandLineError) in
            try Qualifiers.apply("raw", value!, to: &state)
        },
        OptionSpec(nil, "read", .required("SET"),
                   help: "Dump in hex and ASCII all data read from these file descriptors.") { state, value throws(CommandLineError) in
            try Qualifiers.apply("read", value!, to: &state)
        },
        OptionSpec(nil, "write", .required("SET"),
                   help: "Dump in hex and ASCII all data written to these file descriptors.") { state, value throws(CommandLineError) in
            try Qualifiers.apply("write", value!, to: &state)
        },
        OptionSpec("y", nil,
                   help: "Print the path of each file descriptor after it (3</etc/passwd>, 4<pipe:[1234]>), and the working directory after AT_FDCWD; -yy also a socket's endpoints, a device's numbers and a pidfd's process (as --decode-fds=all).") { state, _ throws(CommandLineError) in
            state.decodeFdsCount += 1
        },
        OptionSpec(nil, "decode-fds", .optional("SET"),
                   help: "What to print after each file descriptor: path (the default, as -y), socket (3<TCP:[127.0.0.1:1234->127.0.0.1:80]>), dev (3</dev/null<char 1:3>>), pidfd (3<pid:1234>), all (as -yy) or none; a comma-separated list.") { state, value throws(CommandLineError) in
            try Qualifiers.apply("decode-fds", value ?? "path", to: &state)
        },
        OptionSpec("Y", nil, help: "Print the command name of each process id after it (1234<sh>).") { state, _ throws(CommandLineError) in
            state.options.decode.processNames = true
        },
        OptionSpec(nil, "decode-pids", .required("comm"),
                   help: "As -Y (comm is the one kind of decoding there is yet).") { state, value throws(CommandLineError) in
            try Qualifiers.apply("decode-pids", value!, to: &state)
        },
        OptionSpec("n", "syscall-number", help: "Start each syscall line with the syscall's number ([ 257]).") { state, _ throws(CommandLineError) in
            state.options.syscallNumbers = true
        },
        OptionSpec("i", "instruction-pointer",
                   help: "Start each line with the instruction pointer at the time of the call.") { state, _ throws(CommandLineError) in
            state.options.instructionPointer = true
        },
    ]

    static let timing: [OptionSpec] = [
        OptionSpec("t", nil, synopsis: "-t, -tt, -ttt",
                   help: "Start each line with the time of day; -tt with microseconds; -ttt as seconds since the epoch, with microseconds.") { state, _ throws(CommandLineError) in
            state.timestampCount += 1
        },
        OptionSpec(nil, "absolute-timestamps", .optional("[format:]none|time|unix[,precision:s|ms|us|ns]"),
                   help: "The time at the start of each line, in this format (default time) and precision (default s).") { state, value throws(CommandLineError) in
            state.absoluteTimestampsOption = .some(try OptionValues.absoluteTimestamps(value))
        },
        OptionSpec(nil, "timestamps", .optional("[format:]none|time|unix[,precision:s|ms|us|ns]"),
                   help: "The same as --absolute-timestamps.") { state, value throws(CommandLineError) in
            state.absoluteTimestampsOption = .some(try OptionValues.absoluteTimestamps(value))
        },
        OptionSpec("r", "relative-timestamps", .optional("s|ms|us|ns"),
                   help: "Start each line with the time since the previous line started (default us).") { state, value throws(CommandLineError) in
            state.options.relativeTimestamps = try value.map { text throws(CommandLineError) in
                try OptionValues.precision("--relative-timestamps", text)
            } ?? .microseconds
        },
        OptionSpec("T", "syscall-times", .optional("s|ms|us|ns"),
                   help: "End each line with the time the call took (default us).") { state, value throws(CommandLineError) in
            state.options.syscallTimes = try value.map { text throws(CommandLineError) in
                try OptionValues.precision("--syscall-times", text)
            } ?? .microseconds
        },
    ]

    static let summary: [OptionSpec] = [
        OptionSpec("c", "summary-only", help: "Print a table of calls, errors and times when tracing ends, instead of the trace.") { state, _ throws(CommandLineError) in
            state.summaryOnly = true
        },
        OptionSpec("C", "summary", help: "Print the trace and, at the end, the table of -c.") { state, _ throws(CommandLineError) in
            state.summaryAlso = true
        },
        OptionSpec("w", "summary-wall-clock", help: "Summarize the wall-clock time of calls instead of system time.") { state, _ throws(CommandLineError) in
            state.summaryWallClock = true
        },
        OptionSpec("S", "summary-sort-by", .required("SORTBY"),
                   help: "Sort the summary by time (default), min-time, max-time, avg-time, total-time, calls, errors, name or nothing.") { state, value throws(CommandLineError) in
            state.summarySortBy = try OptionValues.filter { () throws(FilterError) in try SummaryOptions.parseSortKey(value!) }
        },
        OptionSpec("U", "summary-columns", .required("COLUMNS"),
                   help: "The summary's columns, comma-separated: time-percent, total-time, min-time, max-time, avg-time, calls, errors, name.") { state, value throws(CommandLineError) in
            state.summaryColumns = try OptionValues.filter { () throws(FilterError) in try SummaryOptions.parseColumns(value!) }
        },
        OptionSpec("O", "summary-syscall-overhead", .required("OVERHEAD"),
                   help: "Subtract OVERHEAD (in us, or with s, ms, us, ns) from each call's time in the summary.") { state, value throws(CommandLineError) in
            state.summaryOverhead = try OptionValues.filter { () throws(FilterError) in try SummaryOptions.parseOverhead(value!) }
        },
    ]

    static let other: [OptionSpec] = [
        OptionSpec("V", "version", help: "Print the version and exit.") { state, _ throws(CommandLineError) in
            state.result.action = .version
        },
        OptionSpec("h", "help", help: "Print this help and exit.") { state, _ throws(CommandLineError) in
            state.result.action = .help
        },
    ]

    /// strace's options that swtrace does not have yet: refused by name, never ignored.
    static let notSupportedYet: [OptionSpec] = [
        .unsupported("k", "stack-traces"), .unsupported("d", "debug"),
        .unsupported(nil, "tips", .optional("")),
        .unsupported(nil, "secontext", .optional("")), .unsupported(nil, "pidns-translation"),
        .unsupported(nil, "always-show-pid"), .unsupported(nil, "stack-trace-frame-limit", .required("")),
        .unsupported(nil, "inject", .required("")),
        .unsupported(nil, "fault", .required("")), .unsupported(nil, "kvm", .required("")),
    ]
}
