import Glibc

/// Time values: timespec, timeval, itimerval, itimerspec, and dates as strace writes them.
extension ArgPrinter {
    static let clockId = constant("clockId", \.clockIds, unknown: "CLOCK_???")
    static let timerFlags = flags("timerFlags", \.timerFlags, unknown: "TIMER_???")

    static let timespec = ArgPrinter("timespec") { value, context, out in
        context.printTimespec(at: context.truncate(value), time64: false, to: &out)
    }
    static let timespec64 = ArgPrinter("timespec64") { value, context, out in
        context.printTimespec(at: context.truncate(value), time64: true, to: &out)
    }
    static let timespecOut = output("timespecOut") { address, context, out in
        context.printTimespec(at: address, time64: false, to: &out)
    }
    static let timespec64Out = output("timespec64Out") { address, context, out in
        context.printTimespec(at: address, time64: true, to: &out)
    }
    /// nanosleep's remaining time: filled only when a signal cut the sleep short.
    static func remaining(time64: Bool) -> ArgPrinter {
        ArgPrinter("remaining(\(time64))", phase: .exit) { value, context, out in
            let address = context.truncate(value)
            guard case .failure(let errno)? = context.result, isInterruption(errno), address != 0 else {
                return out.pointer(address)
            }
            context.printTimespec(at: address, time64: time64, to: &out)
        }
    }

    static let timeval = ArgPrinter("timeval") { value, context, out in
        context.printTimeval(at: context.truncate(value), to: &out)
    }
    static let timevalOut = output("timevalOut") { address, context, out in
        context.printTimeval(at: address, to: &out)
    }
    static let timezoneOut = output("timezoneOut") { address, context, out in
        context.printTimezone(at: address, to: &out)
    }
    static let timezone = ArgPrinter("timezone") { value, context, out in
        context.printTimezone(at: context.truncate(value), to: &out)
    }

    static let itimerWhich = constant("itimerWhich", \.itimerWhich, unknown: "ITIMER_???")
    static let itimerval = ArgPrinter("itimerval") { value, context, out in
        context.printIntervalPair(at: context.truncate(value), usec: true, time64: false, to: &out)
    }
    static let itimervalOut = output("itimervalOut") { address, context, out in
        context.printIntervalPair(at: address, usec: true, time64: false, to: &out)
    }
    static let itimerspec = ArgPrinter("itimerspec") { value, context, out in
        context.printIntervalPair(at: context.truncate(value), usec: false, time64: false, to: &out)
    }
    static let itimerspecOut = output("itimerspecOut") { address, context, out in
        context.printIntervalPair(at: address, usec: false, time64: false, to: &out)
    }
    static let itimerspec64 = ArgPrinter("itimerspec64") { value, context, out in
        context.printIntervalPair(at: context.truncate(value), usec: false, time64: true, to: &out)
    }
    static let itimerspec64Out = output("itimerspec64Out") { address, context, out in
        context.printIntervalPair(at: address, usec: false, time64: true, to: &out)
    }

    /// time(2)'s result stored at the address: `[1796040417 /* 2026-11-30T12:06:57+0000 */]`.
    static let timeOut = output("timeOut") { address, context, out in
        guard context.dereferences, let word = context.readWord(address) else { return out.hex(address) }
        let seconds = context.wordSize == 4 ? Int64(Int32(truncatingIfNeeded: word)) : Int64(bitPattern: word)
        out.beginArray()
        out.element()
        out.int(seconds)
        out.beginComment()
        appendDate(seconds, nanoseconds: nil, to: &out.text)
        out.endComment()
        out.endArray()
    }

    /// struct tms: four clock_t.
    static let tmsOut = output("tmsOut") { address, context, out in
        let size = context.wordSize
        context.withStruct(at: address, size: 4 * size, to: &out) { bytes, out in
            out.beginStruct()
            for (index, name) in [("tms_utime" as StaticString), "tms_stime", "tms_cutime", "tms_cstime"].enumerated() {
                out.field(name)
                out.int(FieldLayout(offset: index * size, size: size).signed(in: bytes))
            }
            out.endStruct()
        }
    }
}

/// EINTR and the kernel's restart codes: the call was cut short by a signal.
func isInterruption(_ errno: Int) -> Bool { errno == 4 || (512...516).contains(errno) }

extension ReturnPrinter {
    /// time(2): `1796040417 (2026-11-30T12:06:57+0000)`.
    static let timeWithDate = ReturnPrinter("timeWithDate") { value, context, out in
        let seconds = context.wordSize == 4 ? Int64(Int32(truncatingIfNeeded: value)) : value
        out.int(seconds)
        out.beginNote()
        out.element()
        out.date { appendDate(seconds, nanoseconds: nil, to: &$0) }
        out.endNote()
    }
}

/// `2026-11-30T12:06:57+0000`, in local time as strace prints it; with `.000000002` when
/// nanoseconds are given.
func appendDate(_ seconds: Int64, nanoseconds: Int64?, to text: inout TextBuffer) {
    var time = time_t(seconds)
    var parts = tm()
    guard localtime_r(&time, &parts) != nil else { return }
    withUnsafeTemporaryAllocation(of: CChar.self, capacity: 64) { buffer in
        var count = strftime(buffer.baseAddress!, 64, "%FT%T", &parts)
        text.append(contentsOf: UnsafeRawBufferPointer(start: buffer.baseAddress!, count: count))
        if let nanoseconds, nanoseconds >= 0 {  // (a hostile negative value prints no fraction)
            text.append(byte: UInt8(ascii: "."))
            text.appendDigits(UInt64(bitPattern: nanoseconds), radix: 10, minimumDigits: 9)  // never traps
        }
        count = strftime(buffer.baseAddress!, 64, "%z", &parts)
        text.append(contentsOf: UnsafeRawBufferPointer(start: buffer.baseAddress!, count: count))
    }
}

extension DecodeContext {
    /// `{tv_sec=0, tv_usec=500}`: two words.
    func printTimeval(at address: UInt64, to out: inout Emitter) {
        let size = wordSize
        withStruct(at: address, size: 2 * size, to: &out) { bytes, out in
            out.beginStruct()
            out.field("tv_sec")
            out.int(FieldLayout(offset: 0, size: size).signed(in: bytes))
            out.field("tv_usec")
            out.int(FieldLayout(offset: size, size: size).signed(in: bytes))
            out.endStruct()
        }
    }

    func printTimezone(at address: UInt64, to out: inout Emitter) {
        withStruct(at: address, size: 8, to: &out) { bytes, out in
            out.beginStruct()
            out.field("tz_minuteswest")
            out.int(FieldLayout(offset: 0, size: 4).signed(in: bytes))
            out.field("tz_dsttime")
            out.int(FieldLayout(offset: 4, size: 4).signed(in: bytes))
            out.endStruct()
        }
    }

    /// `{it_interval={...}, it_value={...}}`: an itimerval (`usec`) or an itimerspec.
    func printIntervalPair(at address: UInt64, usec: Bool, time64: Bool, to out: inout Emitter) {
        let size = time64 ? 8 : wordSize
        withStruct(at: address, size: 4 * size, to: &out) { bytes, out in
            out.beginStruct()
            for (index, name) in [("it_interval" as StaticString), "it_value"].enumerated() {
                out.field(name)
                out.beginStruct()
                out.field("tv_sec")
                out.int(FieldLayout(offset: 2 * index * size, size: size).signed(in: bytes))
                if usec { out.field("tv_usec") } else { out.field("tv_nsec") }
                out.int(FieldLayout(offset: (2 * index + 1) * size, size: size).signed(in: bytes))
                out.endStruct()
            }
            out.endStruct()
        }
    }
}
