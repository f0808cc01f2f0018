/// struct termios, as TCGETS shows it at exit and TCSETS/TCSETSW/TCSETSF at entry:
/// `{c_iflag=ICRNL|IXON, c_oflag=NL0|CR0|TAB0|BS0|VT0|FF0|OPOST|ONLCR, c_cflag=B38400|CS8|CREAD,
/// c_lflag=ISIG|ICANON|ECHO|..., ...}`, with `-v` also `c_line=N_TTY, c_cc=[[VINTR]=0x3, ...]`.
///
/// strace's quirks, kept: a flag word that is 0 prints nothing (`c_iflag=, `), and a word with
/// multi-bit fields (delays, baud rate, character size) ends with `|` when no flag is left after
/// them (`c_oflag=NL0|CR0|TAB0|BS0|VT0|FF0|`). Under `-X verbose` every field and the flag rest
/// carry their own comment (`0xf /* B38400 */|0x30 /* CS8 */|0x80 /* CREAD */`).
///
/// The old struct termio (TCGETA, TCSETA*) prints the same way, with its 16-bit flag words and
/// its 8 control characters.
extension DecodeContext {
    func printTermios(at address: UInt64, to out: inout Emitter) {
        guard address != 0 else { return out.name("NULL") }
        let layout = layouts.termios
        guard let bytes = read(address, count: layout.size) else { return out.pointer(address) }
        printTerminalSettings(bytes, TerminalSettingsFields(
            input: layout.cIflag, output: layout.cOflag, control: layout.cCflag, local: layout.cLflag,
            line: layout.cLine, controlCharacters: layout.cCc), to: &out)
    }

    /// struct termios2 (TCGETS2, TCSETS2*): termios and, with `-v`, `c_ispeed=`, `c_ospeed=`.
    func printTermios2(at address: UInt64, to out: inout Emitter) {
        guard address != 0 else { return out.name("NULL") }
        let layout = layouts.termios2
        guard let bytes = read(address, count: layout.size) else { return out.pointer(address) }
        printTerminalSettings(bytes, TerminalSettingsFields(
            input: layout.cIflag, output: layout.cOflag, control: layout.cCflag, local: layout.cLflag,
            line: layout.cLine, controlCharacters: layout.cCc, inputSpeed: layout.cIspeed,
            outputSpeed: layout.cOspeed), to: &out)
    }

    func printTermio(at address: UInt64, to out: inout Emitter) {
        guard address != 0 else { return out.name("NULL") }
        let layout = layouts.termio
        guard let bytes = read(address, count: layout.size) else { return out.pointer(address) }
        printTerminalSettings(bytes, TerminalSettingsFields(
            input: layout.cIflag, output: layout.cOflag, control: layout.cCflag, local: layout.cLflag,
            line: layout.cLine, controlCharacters: layout.cCc), to: &out)
    }

    private func printTerminalSettings(_ bytes: UnsafeRawBufferPointer, _ layout: TerminalSettingsFields,
                                       to out: inout Emitter) {
        let termios = constants
        func word(_ field: FieldLayout) -> UInt64 { field.unsigned(in: bytes) }
        out.beginStruct()
        out.field("c_iflag")
        printTermiosFlags(word(layout.input), termios.termiosInputFlags, to: &out)

        out.field("c_oflag")
        var output = word(layout.output)
        let delays: [(StaticString, KeyPath<ABIConstants, ConstantTable> & Sendable, StaticString)] = [
            ("NLDLY", \.termiosNewlineDelays, "NL???"), ("CRDLY", \.termiosReturnDelays, "CR???"),
            ("TABDLY", \.termiosTabDelays, "TAB???"), ("BSDLY", \.termiosBackspaceDelays, "BS???"),
            ("VTDLY", \.termiosVerticalTabDelays, "VT???"), ("FFDLY", \.termiosFormFeedDelays, "FF???"),
        ]
        out.beginOperation(.or)
        for (maskName, table, unknown) in delays {
            let mask = termios.termiosFieldMasks.value(named: maskName) ?? 0
            out.operand()
            out.constant(output & mask, termios[keyPath: table], unknown: unknown)
            output &= ~mask
        }
        out.operand()
        printTermiosFlags(output, termios.termiosOutputFlags, to: &out)
        out.endOperation()

        out.field("c_cflag")
        var control = word(layout.control)
        let baudMask = termios.termiosFieldMasks.value(named: "CBAUD") ?? 0
        let inputBaudMask = termios.termiosFieldMasks.value(named: "CIBAUD") ?? 0
        let inputBaudShift = termios.termiosFieldMasks.value(named: "IBSHIFT") ?? 16
        let sizeMask = termios.termiosFieldMasks.value(named: "CSIZE") ?? 0
        out.beginOperation(.or)
        out.operand()
        out.constant(control & baudMask, termios.termiosBaudRates, unknown: "B???")
        if control & inputBaudMask != 0 {
            out.operand()
            out.beginOperation(.shiftLeft)
            out.operand()
            out.constant((control & inputBaudMask) >> inputBaudShift, termios.termiosBaudRates, unknown: "B???")
            out.operand()
            out.styled(number: { $0.hex(inputBaudShift) }, decoded: { $0.name("IBSHIFT") })
            out.endOperation()
        }
        out.operand()
        out.constant(control & sizeMask, termios.termiosCharacterSizes, unknown: "CS???")
        control &= ~(baudMask | inputBaudMask | sizeMask)
        out.operand()
        printTermiosFlags(control, termios.termiosControlFlags, to: &out)
        out.endOperation()

        out.field("c_lflag")
        printTermiosFlags(word(layout.local), termios.termiosLocalFlags, to: &out)
        if abbreviates {
            out.abbreviated()
            return out.endStruct()
        }
        out.field("c_line")
        out.constant(word(layout.line), termios.lineDisciplines, unknown: "N_???")
        out.field("c_cc")
        out.beginArray()
        for index in 0..<layout.controlCharacters.size {
            out.element()
            out.beginIndexedElement()
            out.constant(UInt64(index), termios.termiosControlCharacters)
            out.indexedValue()
            out.hex(UInt64(bytes[layout.controlCharacters.offset + index]))
            out.endIndexedElement()
        }
        out.endArray()
        if let input = layout.inputSpeed, let output = layout.outputSpeed {
            out.field("c_ispeed")
            out.uint(input.unsigned(in: bytes))
            out.field("c_ospeed")
            out.uint(output.unsigned(in: bytes))
        }
        out.endStruct()
    }

    /// A flag word's names, or nothing at all for 0 (as strace prints it).
    private func printTermiosFlags(_ value: UInt64, _ table: FlagTable, to out: inout Emitter) {
        guard value != 0 else { return }
        out.flags(value, table)
    }
}

/// Where struct termios and struct termio keep the same fields.
private struct TerminalSettingsFields {
    let input, output, control, local, line, controlCharacters: FieldLayout
    /// termios2's speeds.
    var inputSpeed: FieldLayout? = nil, outputSpeed: FieldLayout? = nil
}
