import ArgumentParser
import Glibc
import SyscallDecoding
import Tracing

/// One line on stderr and the given exit status: how every bad input ends.
func fail(_ message: String, status: Int32 = 1) -> Never {
    let line = Array("swtrace: \(message)\n".utf8)
    line.withUnsafeBytes { _ = write(2, $0.baseAddress, $0.count) }
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
    }
}

let split = SwtraceCommand.splitter.split(Array(CommandLine.arguments.dropFirst()))
let parsed: SwtraceCommand
do {
    parsed = try SwtraceCommand.parse(split.options + ["--"] + split.command)
} catch {
    let status = SwtraceCommand.exitCode(for: error)
    if status == .success {
        print(SwtraceCommand.fullMessage(for: error))
        exit(0)
    }
    let message = SwtraceCommand.message(for: error).split(separator: "\n").first.map(String.init) ?? "invalid arguments"
    fail("\(message) (see 'swtrace --help')")
}

if parsed.version {
    print("swtrace \(SwtraceCommand.version)")
    exit(0)
}

var options = TraceOptions()
options.followForks = parsed.followForks
options.decode = DecodeOptions(stringLimit: parsed.stringLimit, alignColumn: parsed.columns)
options.forceRegisterFallback = getenv("SWTRACE_SYSCALL_INFO").map { String(cString: $0) } == "regs"

let target: TraceTarget
do {
    if parsed.command.isEmpty {
        target = .processes(try parsed.processIDs())
    } else {
        let executable = try TraceSetup.resolveCommand(parsed.command[0])
        target = .command(executable: executable, arguments: parsed.command)
    }
    if let path = parsed.output {
        options.outputFD = try TraceSetup.openOutput(path)
        options.outputIsFile = true
    }
} catch {
    fail(error)
}

do {
    exitLike(try TraceEngine(options: options).run(target))
} catch {
    fail(error)
}
