/// Waiting for descriptors to become ready: poll/ppoll, select/pselect6 and epoll. The sets go in
/// at entry; what is ready comes back in the return value's comment (`= 1 ([{fd=3, revents=POLLIN}])`,
/// `= 3 (in [0 3], out [4], left {...})`), as strace shows it.
extension SyscallCatalog {
    static let readiness: [String: SyscallSignature] = [
        "poll": .init(.pollFds, .uint, .int, returns: .pollResult(timeout: nil)),
        "ppoll": .init(.pollFds, .uint, .timespec, .kernelSigset(sizeArg: 4), .ulong,
                       returns: .pollResult(timeout: .word)),
        "ppoll_time64": .init(.pollFds, .uint, .timespec64, .kernelSigset(sizeArg: 4), .ulong,
                              returns: .pollResult(timeout: .time64)),
        "select": .init(.int, .fdSet, .fdSet, .fdSet, .timeval, returns: .selectResult(timeout: .timeval)),
        "_newselect": .init(.int, .fdSet, .fdSet, .fdSet, .timeval, returns: .selectResult(timeout: .timeval)),
        "pselect6": .init(.int, .fdSet, .fdSet, .fdSet, .timespec, .pselectSigmask,
                          returns: .selectResult(timeout: .word)),
        "pselect6_time64": .init(.int, .fdSet, .fdSet, .fdSet, .timespec64, .pselectSigmask,
                                 returns: .selectResult(timeout: .time64)),
        "epoll_create": .init(.int),
        "epoll_create1": .init(.flags("epollCreateFlags", \.epollCreateFlags, unknown: "EPOLL_???")),
        "epoll_ctl": .init(.fd, .constant("epollCtlOp", \.epollCtlOps, unknown: "EPOLL_CTL_???"), .fd, .epollEvent),
        "epoll_wait": .init(.fd, .epollEventsOut, .int, .int),
        "epoll_pwait": .init(.fd, .epollEventsOut, .int, .int, .kernelSigset(sizeArg: 5), .ulong),
        // epoll_pwait2 takes a 64-bit timespec on every ABI.
        "epoll_pwait2": .init(.fd, .epollEventsOut, .int, .timespec64, .kernelSigset(sizeArg: 5), .ulong),
        "epoll_ctl_old": .printedRaw(4),
        "epoll_wait_old": .printedRaw(4),
    ]
}

/// Which timeout a readiness call writes back (`left {...}`): none, a timeval, a timespec of
/// words or of 64-bit values.
enum RemainingTime: Sendable, CustomStringConvertible {
    case timeval, word, time64

    /// For printer ids: interpolating a type without this goes through reflection, which cost a
    /// tenth of swtrace's start-up when the catalog was built.
    var description: String {
        switch self {
        case .timeval: "timeval"
        case .word: "word"
        case .time64: "time64"
        }
    }
}

extension ArgPrinter {
    /// poll's `struct pollfd` array, its length in argument 1: `[{fd=3, events=POLLIN}, {fd=-1}]`.
    static let pollFds = ArgPrinter("pollFds", refersTo: 1) { value, context, out in
        context.printPollFds(at: context.truncate(value), count: UInt64(UInt32(truncatingIfNeeded: context.call.args[1])),
                             ready: false, to: &out)
    }

    /// select's fd_set, as many bits as argument 0 says: `[0 3]`.
    static let fdSet = ArgPrinter("fdSet", refersTo: 0) { value, context, out in
        context.printFdSet(at: context.truncate(value), withPaths: true, to: &out)
    }

    /// pselect6's sixth argument: `{sigmask=[USR1], sigsetsize=8}`.
    static let pselectSigmask = ArgPrinter("pselectSigmask") { value, context, out in
        let size = context.wordSize
        context.withStruct(at: context.truncate(value), size: 2 * size, to: &out) { bytes, out in
            let mask = FieldLayout(offset: 0, size: size).unsigned(in: bytes)
            let setSize = FieldLayout(offset: size, size: size).unsigned(in: bytes)
            out.beginStruct()
            out.field("sigmask")
            if setSize >= UInt64(size) && setSize <= 8 {
                context.printSigset(at: mask, size: Int(setSize), to: &out)
            } else {
                out.pointer(mask)
            }
            out.field("sigsetsize")
            out.uint(setSize)
            out.endStruct()
        }
    }

    /// `{events=EPOLLIN|EPOLLET, data={u32=4660, u64=4660}}`, the event epoll_ctl passes in.
    static let epollEvent = ArgPrinter("epollEvent") { value, context, out in
        let layout = context.layouts.epollEvent
        context.withStruct(at: context.truncate(value), size: layout.size, to: &out) { bytes, out in
            context.printEpollEvent(bytes, to: &out)
        }
    }

    /// The events epoll_wait filled in, as many as it returned.
    static let epollEventsOut = ArgPrinter("epollEventsOut", phase: .exit) { value, context, out in
        let address = context.truncate(value)
        guard let count = context.returned, count >= 0 else { return out.pointer(address) }
        let layout = context.layouts.epollEvent
        let shown = min(Int(count), context.options.stringLimit)
        guard let bytes = context.read(address, count: shown * layout.size) else { return out.pointer(address) }
        out.beginArray()
        for index in 0..<shown {
            out.element()
            context.printEpollEvent(UnsafeRawBufferPointer(rebasing: bytes[index * layout.size..<(index + 1) * layout.size]), to: &out)
        }
        if shown < Int(count) { out.abbreviated() }
        out.endArray()
    }
}

extension ReturnPrinter {
    /// `2 ([{fd=3, revents=POLLIN}], left {tv_sec=0, tv_nsec=0})`, `0 (Timeout)`.
    static func pollResult(timeout: RemainingTime?) -> ReturnPrinter {
        ReturnPrinter("pollResult(\(timeout?.description ?? "nil"))") { value, context, out in
            out.int(value)
            // Under `-e verbose=` leaving the call out, strace shows neither the ready entries nor the time left.
            guard value == 0 || context.dereferences else { return }
            out.beginNote()
            out.element()
            guard value != 0 else {
                out.name("Timeout")
                return out.endNote()
            }
            context.printPollFds(at: context.word(0), count: UInt64(UInt32(truncatingIfNeeded: context.call.args[1])),
                                 ready: true, to: &out)
            if let timeout, context.word(2) != 0 {
                out.element()
                out.label("left")
                context.printRemaining(at: context.word(2), timeout, to: &out)
            }
            out.endNote()
        }
    }

    /// `3 (in [0 3], out [4], left {tv_sec=0, tv_usec=0})`, `0 (Timeout)`.
    static func selectResult(timeout: RemainingTime) -> ReturnPrinter {
        ReturnPrinter("selectResult(\(timeout))") { value, context, out in
            out.int(value)
            var first = true
            func separate(_ out: inout Emitter) {
                if first { out.beginNote() }
                out.element()
                first = false
            }
            guard value != 0 else {
                separate(&out)
                out.name("Timeout")
                return out.endNote()
            }
            for (index, name) in [(1, "in" as StaticString), (2, "out"), (3, "except")] {
                let address = context.word(index)
                guard address != 0, context.fdSetHasMembers(at: address) else { continue }
                separate(&out)
                out.label(name)
                context.printFdSet(at: address, withPaths: false, to: &out)
            }
            if context.word(4) != 0 {
                separate(&out)
                out.label("left")
                context.printRemaining(at: context.word(4), timeout, to: &out)
            }
            if !first { out.endNote() }
        }
    }
}

extension DecodeContext {
    /// `[{fd=3, events=POLLIN}, ...]` (`ready`: only the entries with events, as
    /// `{fd=3, revents=POLLIN}`, the descriptor without its `-y` path as strace prints it); at
    /// most `-s` entries (of those printed, when `ready`), then `...`.
    func printPollFds(at address: UInt64, count: UInt64, ready: Bool, to out: inout Emitter) {
        guard address != 0 else { return out.name("NULL") }
        let layout = layouts.pollfd
        // `-s` (only when abbreviating: the emitter's array limit) counts printed entries; ready
        // ones may lie past the first `-s`, so those are all read (as far as the arena allows).
        let limit = UInt64(out.arrayLimit)
        let readable = UInt64(DecodeArena.capacity / 2 / layout.size)
        let shown = Int(min(count, readable, ready ? readable : limit))
        // The first entry is read even when `-s 0` shows none: strace prints an unreadable array's address.
        guard let bytes = read(address, count: max(shown, count > 0 ? 1 : 0) * layout.size) else { return out.hex(address) }
        out.beginArray()
        var printed: UInt64 = 0
        for index in 0..<shown {
            let entry = UnsafeRawBufferPointer(rebasing: bytes[index * layout.size..<(index + 1) * layout.size])
            let fd = Int32(truncatingIfNeeded: layout.fd.signed(in: entry))
            let events = (ready ? layout.revents : layout.events).unsigned(in: entry)
            if ready && events == 0 { continue }
            if ready && printed >= limit {
                out.abbreviated()
                break
            }
            printed += 1
            out.element()
            out.beginStruct()
            out.field("fd")
            if ready { out.int(Int64(fd)) } else { out.fd(fd) }
            if fd >= 0 || ready {
                if ready { out.field("revents") } else { out.field("events") }
                out.flags(events, constants.pollEvents)
            }
            out.endStruct()
        }
        if UInt64(shown) < count && !ready { out.abbreviated() }
        out.endArray()
    }

    /// The bits below select's nfds (argument 0) of the fd_set at `address`, as words of the ABI.
    /// `inResult`: for the result's comment, which strace fills in whatever `-e verbose=` says.
    private func readFdSet(at address: UInt64, inResult: Bool) -> UnsafeRawBufferPointer? {
        let nfds = Int(int32(0))
        guard nfds >= 0, nfds <= 1 << 20 else { return nil }
        let bytes = (nfds + 7) / 8
        let rounded = (bytes + wordSize - 1) / wordSize * wordSize
        return inResult ? readBytes(address, count: rounded) : read(address, count: rounded)
    }

    /// `[0 3]`; the address when nfds is negative or the set unreadable. `withPaths`: the
    /// descriptors as `-y` shows them (`[3</tmp>]`), as strace does in the arguments but not in
    /// the result's comment.
    func printFdSet(at address: UInt64, withPaths: Bool, to out: inout Emitter) {
        guard address != 0 else { return out.name("NULL") }
        guard let bits = readFdSet(at: address, inResult: !withPaths) else { return out.hex(address) }
        let nfds = Int(int32(0))
        out.beginSet()
        for fd in 0..<nfds where bits[fd / 8] & (1 << UInt8(fd % 8)) != 0 {
            out.setMember()
            if withPaths { out.fd(Int32(fd)) } else { out.int(Int64(fd)) }
        }
        out.endSet()
    }

    func fdSetHasMembers(at address: UInt64) -> Bool {
        guard let bits = readFdSet(at: address, inResult: true) else { return false }
        let nfds = Int(int32(0))
        return (0..<nfds).contains { bits[$0 / 8] & (1 << UInt8($0 % 8)) != 0 }
    }

    /// The time a call left of its timeout, written back at exit.
    func printRemaining(at address: UInt64, _ kind: RemainingTime, to out: inout Emitter) {
        switch kind {
        case .timeval: printTimeval(at: address, to: &out)
        case .word: printTimespec(at: address, time64: false, to: &out)
        case .time64: printTimespec(at: address, time64: true, to: &out)
        }
    }

    func printEpollEvent(_ bytes: UnsafeRawBufferPointer, to out: inout Emitter) {
        let layout = layouts.epollEvent
        let data = layout.data.unsigned(in: bytes)
        out.beginStruct()
        out.field("events")
        out.flags(layout.events.unsigned(in: bytes), constants.epollEvents)
        out.field("data")
        out.beginStruct()
        out.field("u32")
        out.uint(data & 0xffff_ffff)
        out.field("u64")
        out.uint(data)
        out.endStruct()
        out.endStruct()
    }
}
