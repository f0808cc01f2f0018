/// Processes, programs and signals.
extension SyscallCatalog {
    static let process: [String: SyscallSignature] = [
        "execve": .init(.path, .argv, .envp),
        "exit": .init(.int, returns: .noReturn),
        "exit_group": .init(.int, returns: .noReturn),
        "getpid": .init(),
        "gettid": .init(),
        "kill": .init(.int, .signal),
        "restart_syscall": .init(.interruptedCall),
    ]

    static let i386Specific: [String: SyscallSignature] = [:]
}
