/// How one syscall argument prints: a printer function and the half of the line it prints in.
/// Printers are open: a family file defines its own next to its constant tables
/// (`ArgPrinter("mmap prot") { value, context, out in out.flags(value, context.constants.mmapProt) }`).
public struct ArgPrinter: Sendable, Equatable {
    public enum Phase: Sendable { case entry, exit }

    /// What the printer is, for tests and for telling printers apart (`==` compares ids).
    public let id: String
    public let phase: Phase
    /// false for `.hex`: not decoded yet, printed as `strace -e raw=` prints it. A decoded
    /// printer that prints hex because strace does (`.hexValue`) is decoded.
    public let isDecoded: Bool
    let print: @Sendable (UInt64, inout DecodeContext, inout Emitter) -> Void
    /// For a trailing argument strace leaves out in some calls (open's mode without O_CREAT).
    let isShown: (@Sendable (borrowing DecodeContext) -> Bool)?
    /// The other argument this one's printing depends on (write's length, open's flags), if any.
    public let referencedArg: Int?

    init(_ id: String, phase: Phase = .entry, isDecoded: Bool = true, refersTo referencedArg: Int? = nil,
         shownIf isShown: (@Sendable (borrowing DecodeContext) -> Bool)? = nil,
         _ print: @escaping @Sendable (UInt64, inout DecodeContext, inout Emitter) -> Void) {
        self.id = id
        self.phase = phase
        self.isDecoded = isDecoded
        self.referencedArg = referencedArg
        self.isShown = isShown
        self.print = print
    }

    /// Whether strace leaves this argument out of some calls (then it must be the last one).
    public var isOptional: Bool { isShown != nil }

    public static func == (lhs: ArgPrinter, rhs: ArgPrinter) -> Bool { lhs.id == rhs.id }

    /// Arguments whose value exists only after the call returns.
    var printsAtExit: Bool { phase == .exit }
}

/// The name the first design gave argument printers; the same type.
public typealias ArgKind = ArgPrinter

/// How a syscall's return value prints when it succeeds.
public struct ReturnPrinter: Sendable, Equatable {
    public let id: String
    public let isDecoded: Bool
    let print: @Sendable (Int64, inout DecodeContext, inout Emitter) -> Void
    /// The result prints as its number and nothing else (`ReturnPrinter.int`): JSON's `"ret"`
    /// says it all, with no emitter to set up.
    let isPlainNumber: Bool
    /// The result is a process id (`ReturnPrinter.pid`, getpid's): without `-Y`, JSON writes its
    /// `"retval"` with no emitter to set up.
    let isProcessID: Bool

    init(_ id: String, isDecoded: Bool = true,
         _ print: @escaping @Sendable (Int64, inout DecodeContext, inout Emitter) -> Void) {
        self.id = id
        self.isDecoded = isDecoded
        self.print = print
        isPlainNumber = id == "int"
        isProcessID = id == "pid"
    }

    public static func == (lhs: ReturnPrinter, rhs: ReturnPrinter) -> Bool { lhs.id == rhs.id }
}

public typealias ReturnKind = ReturnPrinter

/// A whole-call decoder, for calls whose arguments depend on each other (fcntl, futex, clone):
/// it prints every argument itself. `entry` prints what is known at entry and, when arguments
/// remain for the exit, ends with `, `; `exit` prints the rest (not the closing parenthesis).
public struct CallDecoder: Sendable {
    let entry: @Sendable (inout DecodeContext, inout Emitter) -> Void
    let exit: (@Sendable (inout DecodeContext, inout Emitter) -> Void)?
    /// The name the line shows instead of the syscall's, if any: a multiplexer (i386's
    /// socketcall and ipc) shows the call it carries, as strace does.
    let shownName: (@Sendable (borrowing DecodeContext) -> StaticString?)?

    init(entry: @escaping @Sendable (inout DecodeContext, inout Emitter) -> Void,
         exit: (@Sendable (inout DecodeContext, inout Emitter) -> Void)? = nil,
         shownName: (@Sendable (borrowing DecodeContext) -> StaticString?)? = nil) {
        self.entry = entry
        self.exit = exit
        self.shownName = shownName
    }
}

/// What a syscall's arguments and return value are, in the order the syscall takes them.
public struct SyscallSignature: Sendable, Equatable {
    public let args: [ArgPrinter]
    public let returns: ReturnPrinter
    /// When set, prints the arguments instead of `args` (which then only count them).
    let decoder: CallDecoder?

    public init(_ args: ArgPrinter..., returns: ReturnPrinter = .int) {
        self.init(args: args, returns: returns)
    }

    public init(args: [ArgPrinter], returns: ReturnPrinter) {
        self.args = args
        self.returns = returns
        decoder = nil
    }

    /// A call printed by a whole-call decoder; `count` is its argument count.
    init(count: Int, returns: ReturnPrinter = .int, decoder: CallDecoder) {
        args = Array(repeating: .byDecoder, count: count)
        self.returns = returns
        self.decoder = decoder
    }

    /// The same call with other argument and result printers (a whole-call decoder stays).
    func withPrinters(args: [ArgPrinter], returns: ReturnPrinter) -> SyscallSignature {
        SyscallSignature(args: args, returns: returns, decoder: decoder)
    }

    private init(args: [ArgPrinter], returns: ReturnPrinter, decoder: CallDecoder?) {
        self.args = args
        self.returns = returns
        self.decoder = decoder
    }

    public static func == (lhs: SyscallSignature, rhs: SyscallSignature) -> Bool {
        lhs.args == rhs.args && lhs.returns == rhs.returns && (lhs.decoder == nil) == (rhs.decoder == nil)
    }

    /// A syscall taking `count` arguments that are not decoded: everything prints as `-e raw=`.
    public static func raw(_ count: Int) -> SyscallSignature {
        SyscallSignature(args: Array(repeating: .hex, count: count), returns: .hex)
    }

    /// True when the whole line prints as strace prints it by default; false when some part of it
    /// prints raw. Differential tests compare the former whole and the latter against `-e raw=`.
    public var isFullyDecoded: Bool {
        args.allSatisfy(\.isDecoded) && returns.isDecoded
    }

    /// True when every part prints as `strace -e raw=NAME` prints it.
    public var isRaw: Bool {
        args.allSatisfy { $0 == .hex } && returns == .hex
    }

    /// Whether part of the call prints at its exit (an argument the kernel fills in, or a
    /// whole-call decoder's exit half).
    var printsAtExit: Bool {
        if let decoder { return decoder.exit != nil }
        return firstExitArg < args.count
    }

    /// Index of the first argument printed at syscall exit (`args.count` if none).
    var firstExitArg: Int {
        args.firstIndex(where: \.printsAtExit) ?? args.count
    }
}
