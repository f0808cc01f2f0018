/// The real-time clock's ioctls (`/dev/rtc`) as strace prints them: struct rtc_time
/// (`{tm_sec=1, tm_min=2, tm_hour=3, tm_mday=4, tm_mon=5, tm_year=106, ...}`, whole with `-v`),
/// the wake alarm, the PLL correction and the parameters of RTC_PARAM_GET/SET, whose value is
/// named by the parameter (features as `1<<RTC_FEATURE_*` bits, a backup switch mode, a signed
/// correction). What the tracee passes prints at entry, what the kernel fills in at exit (the
/// address when the call failed). The interrupt switches (RTC_AIE_ON, ...) take no argument.
let rtcRequestArguments: [(name: StaticString, argument: IoctlArgument)] = [
    ("RTC_AIE_ON", .none), ("RTC_AIE_OFF", .none), ("RTC_UIE_ON", .none), ("RTC_UIE_OFF", .none),
    ("RTC_PIE_ON", .none), ("RTC_PIE_OFF", .none), ("RTC_WIE_ON", .none), ("RTC_WIE_OFF", .none),
    ("RTC_VL_CLR", .none),
    ("RTC_IRQP_SET", .unsignedLong), ("RTC_EPOCH_SET", .unsignedLong),
    ("RTC_IRQP_READ", .valueOut(.ulong)), ("RTC_EPOCH_READ", .valueOut(.ulong)),
    ("RTC_SET_TIME", .decoded(.init(entry: { $0.printRtcTime(at: $1, to: &$2) }))),
    ("RTC_ALM_SET", .decoded(.init(entry: { $0.printRtcTime(at: $1, to: &$2) }))),
    ("RTC_RD_TIME", .decoded(.init(exit: { $0.printWritten(at: $1, to: &$2, $0.printRtcTime) }))),
    ("RTC_ALM_READ", .decoded(.init(exit: { $0.printWritten(at: $1, to: &$2, $0.printRtcTime) }))),
    ("RTC_WKALM_SET", .decoded(.init(entry: { $0.printRtcWakeAlarm(at: $1, to: &$2) }))),
    ("RTC_WKALM_RD", .decoded(.init(exit: { $0.printWritten(at: $1, to: &$2, $0.printRtcWakeAlarm) }))),
    ("RTC_PLL_SET", .decoded(.init(entry: { $0.printRtcPllInfo(at: $1, to: &$2) }))),
    ("RTC_PLL_GET", .decoded(.init(exit: { $0.printWritten(at: $1, to: &$2, $0.printRtcPllInfo) }))),
    ("RTC_VL_READ", .decoded(.init(exit: { $0.printWritten(at: $1, to: &$2, $0.printRtcVoltageLow) }))),
    ("RTC_PARAM_SET", .decoded(.init(entry: { $0.printRtcParam(at: $1, withValue: true, to: &$2) }))),
    ("RTC_PARAM_GET", .decoded(.init(entry: { $0.printRtcParam(at: $1, withValue: false, to: &$2) },
                                     exit: { $0.printRtcParamAnswer(at: $1, to: &$2) }))),
]

extension DecodeContext {
    /// What the kernel wrote at `address`, printed by `print`; the address when the call failed.
    func printWritten(at address: UInt64, to out: inout Emitter,
                      _ print: (UInt64, inout Emitter) -> Void) {
        if returned == nil { return out.pointer(address) }
        print(address, &out)
    }

    /// struct rtc_time: the date's fields, then `...` (strace's abbreviation) or, with `-v`, the
    /// day of the week and of the year and the DST flag.
    func printRtcTime(at address: UInt64, to out: inout Emitter) {
        withStruct(at: address, size: layouts.rtcTime.size, to: &out) { bytes, out in
            printRtcTimeFields(bytes, to: &out)
        }
    }

    private func printRtcTimeFields(_ bytes: UnsafeRawBufferPointer, to out: inout Emitter) {
        let layout = layouts.rtcTime
        out.beginStruct()
        out.field("tm_sec")
        out.int(layout.tmSec.signed(in: bytes))
        out.field("tm_min")
        out.int(layout.tmMin.signed(in: bytes))
        out.field("tm_hour")
        out.int(layout.tmHour.signed(in: bytes))
        out.field("tm_mday")
        out.int(layout.tmMday.signed(in: bytes))
        out.field("tm_mon")
        out.int(layout.tmMon.signed(in: bytes))
        out.field("tm_year")
        out.int(layout.tmYear.signed(in: bytes))
        if abbreviates {
            out.abbreviated()
        } else {
            out.field("tm_wday")
            out.int(layout.tmWday.signed(in: bytes))
            out.field("tm_yday")
            out.int(layout.tmYday.signed(in: bytes))
            out.field("tm_isdst")
            out.int(layout.tmIsdst.signed(in: bytes))
        }
        out.endStruct()
    }

    /// struct rtc_wkalrm: `{enabled=1, pending=0, time={tm_sec=..., ...}}`.
    func printRtcWakeAlarm(at address: UInt64, to out: inout Emitter) {
        let layout = layouts.rtcWakeAlarm
        withStruct(at: address, size: layout.size, to: &out) { bytes, out in
            out.beginStruct()
            out.field("enabled")
            out.uint(layout.enabled.unsigned(in: bytes))
            out.field("pending")
            out.uint(layout.pending.unsigned(in: bytes))
            out.field("time")
            let time = layout.time.offset
            printRtcTimeFields(UnsafeRawBufferPointer(rebasing: bytes[time..<time + layout.time.size]), to: &out)
            out.endStruct()
        }
    }

    /// struct rtc_pll_info, every field a number (pll_clock a C `long`).
    func printRtcPllInfo(at address: UInt64, to out: inout Emitter) {
        let layout = layouts.rtcPllInfo
        withStruct(at: address, size: layout.size, to: &out) { bytes, out in
            out.beginStruct()
            out.field("pll_ctrl")
            out.int(layout.pllCtrl.signed(in: bytes))
            out.field("pll_value")
            out.int(layout.pllValue.signed(in: bytes))
            out.field("pll_max")
            out.int(layout.pllMax.signed(in: bytes))
            out.field("pll_min")
            out.int(layout.pllMin.signed(in: bytes))
            out.field("pll_posmult")
            out.int(layout.pllPosmult.signed(in: bytes))
            out.field("pll_negmult")
            out.int(layout.pllNegmult.signed(in: bytes))
            out.field("pll_clock")
            out.int(layout.pllClock.signed(in: bytes))
            out.endStruct()
        }
    }

    /// RTC_VL_READ's `[RTC_VL_DATA_INVALID|RTC_VL_BACKUP_LOW]`.
    func printRtcVoltageLow(at address: UInt64, to out: inout Emitter) {
        guard address != 0 else { return out.name("NULL") }
        guard let bytes = read(address, count: 4) else { return out.pointer(address) }
        out.beginArray()
        out.element()
        out.flags(UInt64(bytes.u32(0)), constants(\.rtcVoltageLow), unknown: "RTC_VL_???")
        out.endArray()
    }

    /// struct rtc_param: `{param=RTC_PARAM_CORRECTION, svalue=-5, index=0}`; without the value
    /// for RTC_PARAM_GET's entry, which passes the parameter and the index only.
    func printRtcParam(at address: UInt64, withValue: Bool, to out: inout Emitter) {
        let layout = layouts.rtcParam
        withStruct(at: address, size: layout.size, to: &out) { bytes, out in
            let parameter = layout.param.unsigned(in: bytes)
            let names = constants(\.rtcParameters)
            out.beginStruct()
            out.field("param")
            out.constant(parameter, names, unknown: "RTC_PARAM_???")
            if withValue {
                let value = layout.uvalue.unsigned(in: bytes)
                let name = names.name(of: parameter) ?? ""
                if sameName(name, "RTC_PARAM_FEATURES") {
                    out.field("uvalue")
                    out.flags(value, constants(\.rtcFeatureBits), unknown: "1<<RTC_FEATURE_???")
                } else if sameName(name, "RTC_PARAM_CORRECTION") {
                    out.field("svalue")
                    out.int(Int64(bitPattern: value))
                } else if sameName(name, "RTC_PARAM_BACKUP_SWITCH_MODE") {
                    out.field("uvalue")
                    out.constant(value, constants(\.rtcBackupSwitchModes), unknown: "RTC_BSM_???")
                } else {
                    out.field("uvalue")
                    out.hex(value)
                }
            }
            out.field("index")
            out.uint(layout.index.unsigned(in: bytes))
            out.endStruct()
        }
    }

    /// RTC_PARAM_GET's exit: ` => ` and the struct with the value the kernel wrote; the address
    /// when the call failed.
    func printRtcParamAnswer(at address: UInt64, to out: inout Emitter) {
        guard address != 0, read(address, count: layouts.rtcParam.size) != nil else { return }
        out.changed()
        printWritten(at: address, to: &out) { address, out in
            printRtcParam(at: address, withValue: true, to: &out)
        }
    }
}
