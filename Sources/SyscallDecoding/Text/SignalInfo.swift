/// A `siginfo_t` as PTRACE_GETSIGINFO returns it (the tracer's 64-bit layout, 128 bytes), with the
/// fields strace prints in `--- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_USER, ...} ---`.
public struct SignalInfo: Sendable {
    public static let size = 128
    public let bytes: [UInt8]

    public init(bytes: [UInt8]) {
        precondition(bytes.count >= 48, "siginfo is 128 bytes")
        self.bytes = bytes
    }

    public var signal: Int32 { int32(at: 0) }
    public var code: Int32 { int32(at: 8) }

    func int32(at offset: Int) -> Int32 {
        Int32(bitPattern: UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8
            | UInt32(bytes[offset + 2]) << 16 | UInt32(bytes[offset + 3]) << 24)
    }

    func uint32(at offset: Int) -> UInt32 { UInt32(bitPattern: int32(at: offset)) }

    func uint64(at offset: Int) -> UInt64 {
        UInt64(uint32(at: offset)) | UInt64(uint32(at: offset + 4)) << 32
    }
}

// si_code values, from <asm-generic/siginfo.h>.
private let siUser: Int32 = 0
private let siKernel: Int32 = 0x80
private let siQueue: Int32 = -1
private let siTimer: Int32 = -2
private let siMesgq: Int32 = -3
private let siTkill: Int32 = -6

private let genericCodes: [Int32: StaticString] = [
    0: "SI_USER", 0x80: "SI_KERNEL", -1: "SI_QUEUE", -2: "SI_TIMER", -3: "SI_MESGQ",
    -4: "SI_ASYNCIO", -5: "SI_SIGIO", -6: "SI_TKILL", -7: "SI_DETHREAD", -60: "SI_ASYNCNL",
]

/// Positive si_code names, per signal: index = code - 1.
private func signalSpecificCodes(_ signal: Int32) -> [StaticString] {
    switch signal {
    case 4: ["ILL_ILLOPC", "ILL_ILLOPN", "ILL_ILLADR", "ILL_ILLTRP", "ILL_PRVOPC", "ILL_PRVREG",
             "ILL_COPROC", "ILL_BADSTK", "ILL_BADIADDR"]
    case 8: ["FPE_INTDIV", "FPE_INTOVF", "FPE_FLTDIV", "FPE_FLTOVF", "FPE_FLTUND", "FPE_FLTRES",
             "FPE_FLTINV", "FPE_FLTSUB", "9", "10", "11", "12", "13", "FPE_FLTUNK", "FPE_CONDTRAP"]
    case 11: ["SEGV_MAPERR", "SEGV_ACCERR", "SEGV_BNDERR", "SEGV_PKUERR", "SEGV_ACCADI",
              "SEGV_ADIDERR", "SEGV_ADIPERR", "SEGV_MTEAERR", "SEGV_MTESERR", "SEGV_CPERR"]
    case 7: ["BUS_ADRALN", "BUS_ADRERR", "BUS_OBJERR", "BUS_MCEERR_AR", "BUS_MCEERR_AO"]
    case 5: ["TRAP_BRKPT", "TRAP_TRACE", "TRAP_BRANCH", "TRAP_HWBKPT", "TRAP_UNK", "TRAP_PERF"]
    case 17: ["CLD_EXITED", "CLD_KILLED", "CLD_DUMPED", "CLD_TRAPPED", "CLD_STOPPED", "CLD_CONTINUED"]
    case 29: ["POLL_IN", "POLL_OUT", "POLL_MSG", "POLL_ERR", "POLL_PRI", "POLL_HUP"]
    case 31: ["SYS_SECCOMP", "SYS_USER_DISPATCH"]
    default: []
    }
}

/// Clock ticks per second of si_utime/si_stime (USER_HZ).
private let userHz: UInt64 = 100

extension TextBuffer {
    /// `{si_signo=SIGUSR1, si_code=SI_USER, si_pid=91, si_uid=0}`; `style` is `-X`'s: with `raw`
    /// `{si_signo=10, si_code=0, ...}`, with `verbose` the numbers and their names in comments.
    public mutating func appendSignalInfo(_ info: SignalInfo, style: ConstantStyle = .abbrev) {
        let signal = info.signal
        let code = info.code
        append("{si_signo=")
        appendSignal(signal, style: style)
        append(", si_code=")
        let specific = signalSpecificCodes(signal)
        var codeName: StaticString?
        if code > 0 && code != siKernel && Int(code) <= specific.count {
            codeName = specific[Int(code) - 1]
        } else if let generic = genericCodes[code] {
            codeName = generic
        }
        switch (style, codeName) {
        case (.abbrev, let name?): append(name)
        case (.abbrev, nil): appendDecimal(Int64(code))
        case (.raw, _), (.verbose, nil): appendHex(UInt64(UInt32(bitPattern: code)))
        case (.verbose, let name?):
            appendHex(UInt64(UInt32(bitPattern: code)))
            append(" /* ")
            append(name)
            append(" */")
        }

        if code == siUser || code == siTkill {
            appendSender(info)
        } else if code == siQueue || code == siMesgq {
            appendSender(info)
            appendValue(info, at: 24)
        } else if code == siTimer {
            append(", si_timerid=")
            appendHex(UInt64(info.uint32(at: 16)))
            append(", si_overrun=")
            appendDecimal(Int64(info.int32(at: 20)))
            appendValue(info, at: 24)
        } else if code > 0 || code == siKernel {
            appendSignalSpecificFields(info, code: code, style: style)
        }
        append("}")
    }

    private mutating func appendSender(_ info: SignalInfo) {
        append(", si_pid=")
        appendDecimal(Int64(info.int32(at: 16)))
        append(", si_uid=")
        appendDecimal(UInt64(info.uint32(at: 20)))
    }

    /// `, si_int=4242, si_ptr=0x1092`, as strace 6.1 prints a sigqueue or timer payload (later
    /// versions print `si_value={int=..., ptr=...}`).
    private mutating func appendValue(_ info: SignalInfo, at offset: Int) {
        append(", si_int=")
        appendDecimal(Int64(info.int32(at: offset)))
        append(", si_ptr=")
        appendHex(info.uint64(at: offset))
    }

    /// `SIGUSR1`; with `-X raw` `10`, with `-X verbose` `10 /* SIGUSR1 */`.
    private mutating func appendSignal(_ signal: Int32, style: ConstantStyle) {
        switch style {
        case .abbrev: appendSignal(signal)
        case .raw: appendDecimal(Int64(signal))
        case .verbose:
            appendDecimal(Int64(signal))
            if SignalNames.hasName(signal) {
                append(" /* ")
                appendSignal(signal)
                append(" */")
            }
        }
    }

    private mutating func appendSignalSpecificFields(_ info: SignalInfo, code: Int32, style: ConstantStyle) {
        switch info.signal {
        case 17:  // SIGCHLD
            appendSender(info)
            append(", si_status=")
            let status = info.int32(at: 24)
            if code == 1 { appendDecimal(Int64(status)) } else { appendSignal(status, style: style) }
            append(", si_utime=")
            appendClockTicks(info.uint64(at: 32))
            append(", si_stime=")
            appendClockTicks(info.uint64(at: 40))
        case 4, 7, 8, 11:  // SIGILL, SIGBUS, SIGFPE, SIGSEGV
            append(", si_addr=")
            appendPointer(info.uint64(at: 16))
        case 29:  // SIGIO
            append(", si_band=")
            appendDecimal(Int64(bitPattern: info.uint64(at: 16)))
            append(", si_fd=")
            appendDecimal(Int64(info.int32(at: 24)))
        case 31:  // SIGSYS
            append(", si_call_addr=")
            appendPointer(info.uint64(at: 16))
            append(", si_syscall=")
            appendDecimal(Int64(info.int32(at: 24)))
            append(", si_arch=")
            appendHex(UInt64(info.uint32(at: 28)))
        default:
            break
        }
    }

    private mutating func appendClockTicks(_ ticks: UInt64) {
        appendDecimal(ticks)
        guard ticks != 0 else { return }
        append(" /* ")
        appendDecimal(ticks / userHz)
        append(".")
        appendDigits(ticks % userHz, radix: 10, minimumDigits: 2)
        append(" s */")
    }

    /// `NULL` or `0x7ffd1234`.
    public mutating func appendPointer(_ address: UInt64) {
        if address == 0 { append("NULL") } else { appendHex(address) }
    }
}
