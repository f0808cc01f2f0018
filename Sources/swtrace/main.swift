import Glibc
import SwtraceCommandLine
import Tracing

/// The name swtrace was invoked as: every message begins with it, as GNU tools' do.
let programName = CommandLine.arguments.first.flatMap { $0.split(separator: "/").last.map(String.init) } ?? "swtrace"
TraceSetup.programName = programName

/// One line on stderr: `NAME: message` (a newline in a name the user typed shows as `\n`).
func printLine(_ message: String) {
    let line = Array("\(programName): \(CommandLineError.escapingControlCharacters(message))\n".utf8)
    line.withUnsafeBytes { _ = write(2, $0.baseAddress, $0.count) }
}

/// One line on stderr and the given exit status: how every bad input ends.
func fail(_ message: String, status: Int32 = 1) -> Never {
    printLine(message)
    exit(status)
}

func fail(_ error: any Error) -> Never {
    if let error = error as? TraceError { fail(error.description, status: error.exitStatus) }
    fail(String(describing: error))
}

/// Ends swtrace the way the traced command ended.
func exitLike(_ outcome: TraceOutcome) -> Never {
    switch outcome {
    case .commandExited(let code):
        exit(code)
    case .commandKilled(let signal):
        // Die of the same signal, without a core file of our own over the command's.
        var noCore = rlimit(rlim_cur: 0, rlim_max: 0)
        setrlimit(__rlimit_resource_t(RLIMIT_CORE.rawValue), &noCore)
        Glibc.signal(signal, SIG_DFL)
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, signal)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
        raise(signal)
        exit(128 + signal)
    case .interrupted(let signal):
        exit(128 + signal)
    case .finished:
        exit(0)
    case .traceLost:
        exit(125)
    }
}

let parsed: ParsedCommandLine
do {
    parsed = try CommandLineParser.parse(Array(CommandLine.arguments.dropFirst()))
} catch {
    fail(error.isUsage ? "\(error.message) (see '\(programName) --help')" : error.message)
}

switch parsed.action {
case .help:
    print(HelpText.render(programName: programName), terminator: "")
    exit(0)
case .version:
    print("\(programName) \(HelpText.version)")
    exit(0)
case .trace:
    break
}
parsed.warnings.forEach(printLine)

// Everything below runs before the engine starts its watcher thread: -E changes this process's
// environment (setenv is not thread-safe) and -D forks.
var options = parsed.options
options.forceRegisterFallback = getenv("SWTRACE_SYSCALL_INFO").map { String(cString: $0) } == "regs"
TraceSetup.applyEnvironment(options.launch.environment)

var command: (executable: String, arguments: [String])?
var output = OpenedOutput.standardOutput
do {
    if let name = parsed.command.first {
        command = (try TraceSetup.resolveCommand(name),
                   TraceSetup.commandArguments(parsed.command, argv0: options.launch.argv0))
    }
    // -D with a pipe: the shell must be the tracer's child, so that the tracer can wait for it.
    let pipeAfterFork: Bool = if case .pipe = options.output { options.launch.daemonize > 0 } else { false }
    if !pipeAfterFork && !options.outputSeparately {
        output = try TraceSetup.openOutput(options.output, append: options.appendToOutput)
    }
    if options.launch.daemonize > 0, let command {
        try TraceSetup.daemonizeTracer(mode: options.launch.daemonize, executable: command.executable,
                                       arguments: command.arguments, user: options.launch.user)
    }
    if pipeAfterFork {
        output = try TraceSetup.openOutput(options.output, append: options.appendToOutput)
    }
} catch {
    fail(error)
}
options.outputFD = output.fd

let outcome: TraceOutcome
do {
    outcome = try TraceEngine(options: options).run(TraceTarget(command: command, processes: parsed.processes))
} catch {
    output.finish()
    fail(error)
}
output.finish()
exitLike(outcome)
