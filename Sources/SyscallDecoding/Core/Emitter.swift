import SyscallTables
/// The only thing decoders write through. A decoder says what a value is (an fd, flags from a
/// table, a struct with named fields); the emitter decides the bytes. strace's text is its one
/// style today; another style (JSON Lines) changes this type, not the decoders.
///
/// Separators are the emitter's business: inside a struct or an array, every item after the
/// first is preceded by `, `. The nesting is tracked in a bit stack, so emitting allocates nothing.
public struct Emitter {
    public var text: TextBuffer
    /// `-x`, `-xx`, `--strings-in-hex=`: how `bytes` escapes.
    public var escapes = StringEscapes.octal
    /// `-X`: how `flags`, `constant`, `named` and `signal` print.
    public var constantStyle = ConstantStyle.abbrev
    /// `-y`: the tracee whose descriptors `fd` follows with their path; 0 for none.
    public var descriptorOwner: Int32 = 0
    /// `-yy`, `--decode-fds=`: what follows a descriptor of `descriptorOwner` (its path alone for `-y`).
    public var descriptorDecoding = DescriptorDecoding.paths
    /// `-Y`: `pid` follows a process id with its command name.
    public var processNames = false
    /// `-s`: arrays print at most this many elements (`element(_:)`).
    public var arrayLimit = 32
    /// Bit n: the item at depth n already has a member, so the next one needs `, `.
    private var hasMember: UInt64 = 0
    /// Two bits per depth: the `ExpressionOperator` of an operation open at that depth.
    private var operators: UInt64 = 0
    private var depth = 0
    /// `--output-format=json`: the same values as typed JSON (`JsonValueWriter`); nil for text.
    public var json: JsonValueWriter?
    /// `--color`: strings in color (`TextColors`).
    public var colors = false

    public init(text: TextBuffer) {
        self.text = text
    }

    /// An emitter that prints as `options` say, for tracee `pid` (0: descriptors print bare).
    public init(text: TextBuffer, options: DecodeOptions, pid: Int32) {
        self.text = text
        escapes = options.stringEscapes
        constantStyle = options.constantStyle
        descriptorOwner = options.descriptorDecoding.isEmpty ? 0 : pid
        descriptorDecoding = options.descriptorDecoding
        processNames = options.processNames
        arrayLimit = options.stringLimit
        colors = options.colors
    }

    // MARK: Scalars

    public mutating func int(_ value: Int64) {
        let start = text.bytes.count
        text.appendDecimal(value)
        if let json { typedInt(json, value, start) }
    }
    public mutating func uint(_ value: UInt64) {
        let start = text.bytes.count
        text.appendDecimal(value)
        if let json { typed(json, start) { $0.append("{\"type\":\"int\",\"raw\":"); $0.appendJSONNumber(value); $0.append(byte: UInt8(ascii: "}")) } }
    }
    /// Where strace prints a number in hex: `0x1f`, `0`.
    public mutating func hex(_ value: UInt64) {
        let start = text.bytes.count
        text.appendHex(value)
        if let json { typed(json, start) { $0.append("{\"type\":\"hex\",\"raw\":\""); $0.appendHex(value); $0.append("\"}") } }
    }
    /// printf's `%#0<width>x` (netlink groups: `00000000`, `0x000011`): zeros up to `width`
    /// characters, the `0x` counted, and no `0x` for 0. In JSON a `hex` value whose `raw` is that text.
    public mutating func paddedHex(_ value: UInt64, width: Int) {
        let start = text.bytes.count
        if value == 0 {
            text.appendDigits(0, radix: 16, minimumDigits: width)
        } else {
            text.append("0x")
            text.appendDigits(value, radix: 16, minimumDigits: width - 2)
        }
        if let json {
            let text = self.text
            typed(json, start) {
                $0.append("{\"type\":\"hex\",\"raw\":")
                $0.appendJSONString(text.bytes[start...])
                $0.append(byte: UInt8(ascii: "}"))
            }
        }
    }
    /// A pointer that is not followed: `NULL` or `0x7ffc...`.
    public mutating func pointer(_ value: UInt64) {
        let start = text.bytes.count
        if value == 0 { text.append("NULL") } else { text.appendHex(value) }
        if let json { typed(json, start) { $0.append("{\"type\":\"pointer\",\"raw\":\"0x"); $0.appendDigits(value, radix: 16, minimumDigits: 1); $0.append("\"}") } }
    }
    /// A file descriptor: `3`, or with `-y` `3</etc/passwd>` (nothing more when it is not open).
    public mutating func fd(_ value: Int32) {
        let start = text.bytes.count
        text.appendDecimal(Int64(value))
        let pathStart = text.bytes.count
        if descriptorOwner != 0 {
            if descriptorDecoding == .paths {
                _ = ProcessLinks.appendDescriptorPath(pid: descriptorOwner, fd: value, escapes: escapes, to: &text)
            } else {
                DescriptorDetails.append(pid: descriptorOwner, fd: value, decoding: descriptorDecoding, escapes: escapes, to: &text)
            }
        }
        if let json { typedLinked(json, "{\"type\":\"fd\",\"raw\":", Int64(value), name: nil, start, linkStart: pathStart, key: "path") }
    }
    /// A descriptor of the process that `pidfd` (the tracee's) refers to, as pidfd_getfd takes it:
    /// `0`, or with `-y` `0</dev/null>` as that process has it open.
    public mutating func fd(_ value: Int32, ofProcessOf pidfd: Int32) {
        let start = text.bytes.count
        text.appendDecimal(Int64(value))
        let pathStart = text.bytes.count
        if descriptorOwner != 0, let target = ProcessLinks.processOfPidfd(pid: descriptorOwner, pidfd: pidfd) {
            _ = ProcessLinks.appendDescriptorPath(pid: target, fd: value, escapes: escapes, to: &text)
        }
        if let json { typedLinked(json, "{\"type\":\"fd\",\"raw\":", Int64(value), name: nil, start, linkStart: pathStart, key: "path") }
    }

    /// A directory descriptor of the *at calls: `AT_FDCWD` (with `-y` `AT_FDCWD</home>`) or `fd`.
    public mutating func dirfd(_ value: Int32) {
        guard value == atFdcwd else { return fd(value) }
        let start = text.bytes.count
        appendNamed(Int64(value), "AT_FDCWD")
        let pathStart = text.bytes.count
        if descriptorOwner != 0 && descriptorDecoding.contains(.paths) {
            _ = ProcessLinks.appendWorkingDirectory(pid: descriptorOwner, escapes: escapes, to: &text)
        }
        if let json { typedLinked(json, "{\"type\":\"fd\",\"raw\":", Int64(value), name: "AT_FDCWD", start, linkStart: pathStart, key: "path") }
    }
    /// A process (or thread, group, session) id: `1234`, or with `-Y` `1234<sh>`.
    public mutating func pid(_ value: Int64) {
        let start = text.bytes.count
        text.appendDecimal(value)
        let nameStart = text.bytes.count
        if processNames, let pid = Int32(exactly: value) {
            _ = ProcessLinks.appendCommandName(pid: pid, escapes: escapes, to: &text)
        }
        if let json { typedLinked(json, "{\"type\":\"pid\",\"raw\":", value, name: nil, start, linkStart: nameStart, key: "comm") }
    }
    /// A file mode or mask in octal: `0644`, `022`.
    public mutating func octal(_ value: UInt64) {
        let start = text.bytes.count
        text.appendOctalMode(value)
        if let json { typed(json, start) { $0.append("{\"type\":\"octal\",\"raw\":"); $0.appendJSONNumber(value); $0.append(byte: UInt8(ascii: "}")) } }
    }
    /// A bare name (a constant that has no table, `NULL`, `SIG_DFL`).
    public mutating func name(_ name: StaticString) {
        let start = text.bytes.count
        text.append(name)
        if let json { typed(json, start) { $0.append("{\"type\":\"name\",\"name\":\""); $0.append(name); $0.append("\"}") } }
    }
    /// A name made of two (`FUTEX_WAIT` and `_PRIVATE`: `FUTEX_WAIT_PRIVATE`). In JSON a `name`.
    public mutating func name(_ name: StaticString, suffix: StaticString) {
        let start = text.bytes.count
        text.append(name)
        text.append(suffix)
        if let json {
            typed(json, start) {
                $0.append("{\"type\":\"name\",\"name\":\"")
                $0.append(name)
                $0.append(suffix)
                $0.append("\"}")
            }
        }
    }
    /// Free text that is part of the value's syntax in this style (`makedev(`, `*1024`).
    public mutating func raw(_ fragment: StaticString) {
        text.append(fragment)
        if let json { _ = json.freeText(fragment, text: text) }
    }

    // MARK: Named values (`-X`)

    /// A value with a name of its own (`AT_FDCWD`): the name, or with `-X raw` the number in
    /// decimal, or with `-X verbose` both (`-100 /* AT_FDCWD */`).
    public mutating func named(_ value: Int64, _ name: StaticString) {
        let start = text.bytes.count
        appendNamed(value, name)
        if let json { typedConstant(json, value, name, start) }
    }

    private mutating func appendNamed(_ value: Int64, _ name: StaticString) {
        switch constantStyle {
        case .abbrev: text.append(name)
        case .raw: text.appendDecimal(value)
        case .verbose:
            text.appendDecimal(value)
            text.append(" /* ")
            text.append(name)
            text.append(" */")
        }
    }

    /// A value whose number and decoded form are written by the caller (a file mode's
    /// `S_IFREG|0644` against `0100644`): `-X` picks `decoded`, `number` or both, as `named` does.
    public mutating func styled(number: (inout Emitter) -> Void, decoded: (inout Emitter) -> Void) {
        switch constantStyle {
        case .abbrev: decoded(&self)
        case .raw: number(&self)
        case .verbose:
            number(&self)
            inComment(decoded)
        }
    }

    /// ` /* ... */` around what `body` writes, with constants inside it by name.
    private mutating func inComment(_ body: (inout Emitter) -> Void) {
        text.append(" /* ")
        constantStyle = .abbrev
        body(&self)
        constantStyle = .verbose
        text.append(" */")
    }

    /// open(2) flags: `O_RDONLY|O_CLOEXEC`, the access mode first (typed as flags in JSON).
    public mutating func openFlags(_ flags: UInt32, arch: SyscallArch) {
        guard constantStyle == .abbrev else {
            return styled(number: { $0.hex(UInt64(flags)) }, decoded: { $0.text.appendOpenFlags(flags, arch: arch) })
        }
        let start = text.bytes.count
        text.appendOpenFlags(flags, arch: arch)
        if let json { typed(json, start) { $0.appendJSONOpenFlags(flags, arch: arch) } }
    }

    /// A signal number: `SIGUSR1` (or the number when it has no name); `-X raw` `10`, `-X verbose`
    /// `10 /* SIGUSR1 */`.
    public mutating func signal(_ value: Int32) {
        let start = text.bytes.count
        appendSignalValue(value)
        if let json { typedSignal(json, value, start) }
    }

    private func typedSignal(_ json: JsonValueWriter, _ value: Int32, _ start: Int) {
        typed(json, start) { $0.appendJSONSignal(value) }
    }

    private mutating func appendSignalValue(_ value: Int32) {
        switch constantStyle {
        case .abbrev: text.appendSignal(value)
        case .raw: text.appendDecimal(Int64(value))
        case .verbose:
            text.appendDecimal(Int64(value))
            if SignalNames.hasName(value) { inComment { $0.text.appendSignal(value) } }
        }
    }

    /// `NAME|NAME|0x...`: the table's names whose bits are all set, then the leftover bits in
    /// hex; the table's zero name (or `0`) for 0. When no name matches, the hex value is followed
    /// by ` /* unknown */` if `unknown` is given (`0x100 /* PROT_??? */`). `-X raw` prints the
    /// value in hex, `-X verbose` the hex value and the names in a comment.
    public mutating func flags(_ value: UInt64, _ table: FlagTable, unknown: StaticString? = nil) {
        let start = text.bytes.count
        appendFlags(value, table, unknown: unknown)
        if let json { typed(json, start) { $0.appendJSONFlags(value, table, unknown: unknown) } }
    }

    private mutating func appendFlags(_ value: UInt64, _ table: FlagTable, unknown: StaticString?) {
        switch constantStyle {
        case .abbrev:
            if !appendFlagNames(value, table) {
                text.appendHex(value)
                if let unknown { appendComment(unknown) }
            }
        case .raw:
            text.appendHex(value)
        case .verbose:
            text.appendHex(value)
            if value == 0 && table.zero == nil { return }
            if value != 0 && !table.entries.contains(where: { $0.bits != 0 && value & $0.bits == $0.bits }) {
                if let unknown { appendComment(unknown) }
                return
            }
            text.append(" /* ")
            _ = appendFlagNames(value, table)
            text.append(" */")
        }
    }

    /// The names of `value`'s bits and its leftover bits in hex; false (nothing written) when
    /// `value` is not 0 and no name matches.
    private mutating func appendFlagNames(_ value: UInt64, _ table: FlagTable) -> Bool {
        if value == 0 {
            if let zero = table.zero { text.append(zero) } else { text.append(byte: UInt8(ascii: "0")) }
            return true
        }
        var rest = value
        var first = true
        for entry in table.entries where entry.bits != 0 && rest & entry.bits == entry.bits {
            if !first { text.append(byte: UInt8(ascii: "|")) }
            text.append(entry.name)
            rest &= ~entry.bits
            first = false
        }
        if first { return false }
        if rest != 0 {
            text.append(byte: UInt8(ascii: "|"))
            text.appendHex(rest)
        }
        return true
    }

    /// A value's name from the table; unknown values print in hex with strace's
    /// `/* PREFIX_??? */` comment when `unknown` is given, in decimal otherwise. `-X raw` prints
    /// the number as an unknown value prints (hex or decimal), `-X verbose` that and the name.
    public mutating func constant(_ value: UInt64, _ table: ConstantTable, unknown: StaticString? = nil) {
        let start = text.bytes.count
        appendConstant(value, table, unknown: unknown)
        if let json {
            let name = table.name(of: value)
            typed(json, start) {
                $0.append("{\"type\":\"constant\",\"raw\":")
                $0.appendJSONNumber(value)
                if let name {
                    $0.append(",\"name\":\"")
                    $0.append(name)
                    $0.append(byte: UInt8(ascii: "\""))
                } else if let unknown {
                    // strace's `0x4d /* SEEK_??? */`: the text shows it in hex with this comment.
                    $0.append(",\"unknown\":\"")
                    $0.append(unknown)
                    $0.append(byte: UInt8(ascii: "\""))
                }
                $0.append(byte: UInt8(ascii: "}"))
            }
        }
    }

    private mutating func appendConstant(_ value: UInt64, _ table: ConstantTable, unknown: StaticString?) {
        let name = table.name(of: value)
        if constantStyle == .abbrev, let name { return text.append(name) }
        if unknown != nil { text.appendHex(value) } else { text.appendDecimal(value) }
        switch constantStyle {
        case .raw: return
        case .abbrev, .verbose:
            if let name = name ?? unknown { appendComment(name) }
        }
    }

    /// `constant` for a value whose name is known only at run time (a generic netlink family the
    /// kernel numbered): `name`, or in hex with the `unknown` comment when there is none.
    public mutating func constant(_ value: UInt64, runtimeName name: [UInt8]?, unknown: StaticString) {
        let start = text.bytes.count
        if constantStyle == .abbrev, let name {
            text.append(contentsOf: name)
        } else {
            text.appendHex(value)
            if constantStyle != .raw {
                text.append(" /* ")
                if let name { text.append(contentsOf: name) } else { text.append(unknown) }
                text.append(" */")
            }
        }
        if let json {
            typed(json, start) {
                $0.append("{\"type\":\"constant\",\"raw\":")
                $0.appendJSONNumber(value)
                if let name {
                    $0.append(",\"name\":")
                    $0.appendJSONString(name)
                } else {
                    $0.append(",\"unknown\":\"")
                    $0.append(unknown)
                    $0.append(byte: UInt8(ascii: "\""))
                }
                $0.append(byte: UInt8(ascii: "}"))
            }
        }
    }

    /// A value that strace prints in hex, by name when the table has one (a file system's magic
    /// number): the name or `0x...`; `-X raw` the number, `-X verbose` the number and the name.
    public mutating func hexConstant(_ value: UInt64, _ table: ConstantTable) {
        let start = text.bytes.count
        let name = table.name(of: value)
        if constantStyle == .abbrev, let name {
            text.append(name)
        } else {
            text.appendHex(value)
            if constantStyle == .verbose, let name { appendComment(name) }
        }
        if let json {
            typed(json, start) {
                $0.append("{\"type\":\"constant\",\"raw\":")
                $0.appendJSONNumber(value)
                if let name {
                    $0.append(",\"name\":\"")
                    $0.append(name)
                    $0.append(byte: UInt8(ascii: "\""))
                }
                $0.append(",\"hex\":true}")
            }
        }
    }

    private mutating func appendComment(_ content: StaticString) {
        text.append(" /* ")
        text.append(content)
        text.append(" */")
    }

    /// Bytes as a quoted C string (`"abc\n"...` when `truncated`), escaped as `-x` says.
    public mutating func bytes<C: Collection>(_ bytes: C, truncated: Bool = false) where C.Element == UInt8 {
        let start = text.bytes.count
        if colors { text.appendInvisible(TextColors.string) }
        text.appendQuoted(bytes, truncated: truncated, escapes: escapes)
        if colors { text.appendInvisible(TextColors.reset) }
        if let json {
            // `-x`/`-xx` print a whole string as `\xNN` (a backslash of the string prints `\\`).
            let hex = (escapes == .hexWhenNonASCII || escapes == .hexAll) && text.bytes.count > start + 2
                && text.bytes[start + 1] == UInt8(ascii: "\\") && text.bytes[start + 2] == UInt8(ascii: "x")
            typed(json, start) { $0.appendJSONBytes(bytes, truncated: truncated, hex: hex) }
        }
    }

    /// Bytes as a quoted string with every byte as `\xNN` (getrandom's output).
    public mutating func hexBytes(_ bytes: UnsafeRawBufferPointer, truncated: Bool = false) {
        let start = text.bytes.count
        appendHexBytes(bytes, truncated: truncated)
        if let json { typed(json, start) { $0.appendJSONBytes(bytes, truncated: truncated, hex: true) } }
    }

    private mutating func appendHexBytes(_ bytes: UnsafeRawBufferPointer, truncated: Bool) {
        text.append(byte: UInt8(ascii: "\""))
        for byte in bytes {
            text.append("\\x")
            text.appendDigits(UInt64(byte), radix: 16, minimumDigits: 2)
        }
        text.append(byte: UInt8(ascii: "\""))
        if truncated { text.append("...") }
    }

    /// The bytes of a struct past the part this ABI knows, when the caller passed a larger size and
    /// set some of them (openat2's open_how, io_uring's sized structs): `/* bytes 24..31 */
    /// "\x01..."`, `from` and `through` the offsets of the whole extra part, `bytes` what is shown
    /// of it. In JSON `{"type":"extra_bytes","from":24,"through":31,"value":{...}}`.
    public mutating func bytesBeyondStruct(from: Int, through: Int, _ bytes: UnsafeRawBufferPointer, truncated: Bool) {
        let start = text.bytes.count
        text.append("/* bytes ")
        text.appendDecimal(Int64(from))
        text.append("..")
        text.appendDecimal(Int64(through))
        text.append(" */ ")
        appendHexBytes(bytes, truncated: truncated)
        if let json {
            typed(json, start) {
                $0.append("{\"type\":\"extra_bytes\",\"from\":")
                $0.appendJSONNumber(Int64(from))
                $0.append(",\"through\":")
                $0.appendJSONNumber(Int64(through))
                $0.append(",\"value\":")
                $0.appendJSONBytes(bytes, truncated: truncated, hex: true)
                $0.append(byte: UInt8(ascii: "}"))
            }
        }
    }

    /// Bytes as two hex digits each joined by `:` (`02:fc:00:00:00:01`: a MAC or Bluetooth
    /// address). In JSON `{"type":"hwaddr","raw":"02:fc:00:00:00:01"}`.
    public mutating func hardwareAddress(_ bytes: UnsafeRawBufferPointer) {
        let start = text.bytes.count
        for (index, byte) in bytes.enumerated() {
            if index > 0 { text.append(byte: UInt8(ascii: ":")) }
            text.appendDigits(UInt64(byte), radix: 16, minimumDigits: 2)
        }
        if let json {
            let text = self.text
            typed(json, start) {
                $0.append("{\"type\":\"hwaddr\",\"raw\":")
                $0.appendJSONString(text.bytes[start...])
                $0.append(byte: UInt8(ascii: "}"))
            }
        }
    }

    /// A unix socket's abstract name (its leading NUL left out): `@"name"`. In JSON a string
    /// with `"abstract":true`.
    public mutating func abstractSocketName<C: Collection>(_ name: C) where C.Element == UInt8 {
        let start = text.bytes.count
        text.append(byte: UInt8(ascii: "@"))
        if colors { text.appendInvisible(TextColors.string) }
        text.appendQuoted(name, truncated: false, escapes: escapes)
        if colors { text.appendInvisible(TextColors.reset) }
        if let json {
            typed(json, start) {
                $0.append("{\"type\":\"string\",\"value\":")
                $0.appendJSONString(name)
                $0.append(",\"abstract\":true}")
            }
        }
    }

    /// A siginfo_t in an argument as strace shows it (`{si_signo=SIGUSR1, si_code=SI_USER,
    /// si_pid=42, si_uid=0}`). In JSON a struct of those members, each typed by its shape: a
    /// number `int`, `0x...` `hex`, a name `name` (si_signo a `signal`).
    public mutating func signalInfo(_ info: SignalInfo) {
        let start = text.bytes.count
        text.appendSignalInfo(info, style: constantStyle)
        guard let json else { return }
        let text = self.text
        let style = constantStyle
        typed(json, start) { out in
            out.append("{\"type\":\"struct\",\"fields\":{")
            // Members are `name=value` between `{` and `}`, separated by `, ` (no value holds one).
            var index = start + 1
            let end = text.bytes.count - 1
            var first = true
            while index < end {
                var equals = index
                while equals < end && text.bytes[equals] != UInt8(ascii: "=") { equals += 1 }
                var valueEnd = equals
                while valueEnd < end && !(text.bytes[valueEnd] == UInt8(ascii: ",") && valueEnd + 1 < end
                                          && text.bytes[valueEnd + 1] == UInt8(ascii: " ")) { valueEnd += 1 }
                if !first { out.append(byte: UInt8(ascii: ",")) }
                first = false
                out.appendJSONString(text.bytes[index..<equals])
                out.append(byte: UInt8(ascii: ":"))
                let value = text.bytes[min(equals + 1, valueEnd)..<valueEnd]
                if style == .abbrev && text.bytes[index..<equals].elementsEqual("si_signo".utf8) && SignalNames.hasName(info.signal) {
                    out.appendJSONSignal(info.signal)
                } else {
                    out.appendJSONShapedValue(value)
                }
                index = valueEnd + 2
            }
            out.append("}}")
        }
    }

    /// ` (`, then `endNote()`'s `)`: what strace adds in parentheses after a value (a result's
    /// decoded form, `0x40000 (PER_LINUX)`, `2 ([{fd=3, revents=POLLIN}], left {...})`); its
    /// items are `element()`s. In JSON `{"type":"annotated","value":...,"note":[...]}`.
    public mutating func beginNote() {
        text.append(" (")
        json?.beginNote(textEnd: text.bytes.count, text: text)
        depth += 1
        hasMember &= ~(1 << UInt64(depth & 63))
    }
    public mutating func endNote() { close(UInt8(ascii: ")")); json?.endContainer(text: text) }

    /// `name ` before an item of a note (`in [3]`, `left {...}`): call it after `element()`.
    /// In JSON the item is `{"type":"labeled","label":"in","value":...}`.
    public mutating func label(_ name: StaticString) {
        text.append(name)
        text.append(byte: UInt8(ascii: " "))
        json?.label(name, textEnd: text.bytes.count)
    }
    /// `name=` before a note's item (`(entry_number=12)`); in JSON a `labeled` value whose label
    /// ends in `=`, which renders back without a space.
    public mutating func assignedLabel(_ nameAndEquals: StaticString) {
        text.append(nameAndEquals)
        json?.label(nameAndEquals, textEnd: text.bytes.count)
    }

    /// A signal by its name whatever `-X` says (`SIGUSR1`, or the number without one): a
    /// result's note. In JSON a `signal` value.
    public mutating func signalName(_ value: Int32) {
        let start = text.bytes.count
        text.appendSignal(value)
        if let json { typedSignal(json, value, start) }
    }

    /// A date the decoder writes (`2026-11-30T12:06:57+0000`). In JSON `{"type":"date","value":...}`.
    public mutating func date(_ write: (inout TextBuffer) -> Void) {
        let start = text.bytes.count
        write(&text)
        if let json {
            let text = self.text
            typed(json, start) {
                $0.append("{\"type\":\"date\",\"value\":")
                $0.appendJSONString(text.bytes[start...])
                $0.append(byte: UInt8(ascii: "}"))
            }
        }
    }

    /// A constant whose name the decoder writes, composed at run time (`8*SS+24`,
    /// `offsetof(struct user, u_debugreg)`, `__NR_close`). In JSON a `constant` with that name.
    public mutating func composedName(_ value: Int64, _ write: (inout TextBuffer) -> Void) {
        let start = text.bytes.count
        write(&text)
        if let json {
            let text = self.text
            typed(json, start) {
                $0.append("{\"type\":\"constant\",\"raw\":")
                $0.appendJSONNumber(value)
                $0.append(",\"name\":")
                $0.appendJSONString(text.bytes[start...])
                $0.append(byte: UInt8(ascii: "}"))
            }
        }
    }

    /// A negative errno by name (`-ENODEV`, a netlink error). In JSON a `constant` named `-ENODEV`.
    public mutating func negatedErrno(_ value: Int64, _ name: String) {
        errorName(value, name, negated: true)
    }

    /// An errno by name as an argument shows it (`EKEYREVOKED`, KEYCTL_REJECT's error), or with
    /// `negated` as `-ENODEV`. In JSON a `constant` of the name as printed.
    public mutating func errorName(_ value: Int64, _ name: String, negated: Bool = false) {
        let start = text.bytes.count
        if negated { text.append(byte: UInt8(ascii: "-")) }
        text.append(name)
        if let json {
            typed(json, start) {
                $0.append("{\"type\":\"constant\",\"raw\":")
                $0.appendJSONNumber(value)
                $0.append(negated ? ",\"name\":\"-" : ",\"name\":\"")
                $0.append(name)
                $0.append("\"}")
            }
        }
    }

    /// A comment after a value: ` /* 5 entries */`. In JSON the value becomes
    /// `{"type":"commented","value":...,"comment":"5 entries"}`.
    public mutating func beginComment() {
        text.append(" /* ")
        json?.beginComment(textEnd: text.bytes.count, text: text)
    }
    public mutating func endComment() {
        text.append(" */")
        json?.endComment(text: text)
    }

    // MARK: Structures

    public mutating func beginStruct() {
        json?.beginContainer(isArray: false, textStart: text.bytes.count)
        open(UInt8(ascii: "{"))
    }
    public mutating func endStruct() {
        close(UInt8(ascii: "}"))
        json?.endContainer(text: text)
    }
    public mutating func beginArray() {
        json?.beginContainer(isArray: true, textStart: text.bytes.count)
        open(UInt8(ascii: "["))
    }
    public mutating func endArray() {
        close(UInt8(ascii: "]"))
        json?.endContainer(text: text)
    }

    /// Ends the entry half inside the struct begun last, as strace does with a struct whose
    /// fields the caller sets and the kernel fills in (`{ifr_name="lo"` at entry, `, ifr_ifindex=1}`
    /// at exit): the text leaves it open; JSON closes it, so that an entry half alone is whole.
    public mutating func suspendStruct() {
        json?.endContainer(text: text, closingBytes: 0)
        hasMember &= ~(1 << UInt64(depth & 63))
        depth -= 1
    }
    /// The exit half's first value: the struct the entry half suspended goes on after its last
    /// member (` => ` may change that member, `field()` writes `, name=`, `endStruct()` `}`). In
    /// JSON its members join the entry's struct: one value for the whole call.
    public mutating func resumeStruct() {
        json?.resumeStruct()
        depth += 1
        hasMember |= 1 << UInt64(depth & 63)
    }

    /// Starts the next struct member: `, ` unless it is the first, then `name=`.
    public mutating func field(_ name: StaticString) {
        let before = text.bytes.count
        separate()
        text.append(name)
        text.append(byte: UInt8(ascii: "="))
        json?.member(name, textBefore: before, text: text)
    }

    /// Starts the next array element (or an unnamed struct member).
    public mutating func element() {
        let before = text.bytes.count
        separate()
        json?.member(nil, textBefore: before, text: text)
    }

    /// Starts element `index` of an array that `-s` cuts, as strace cuts every array at `-s`
    /// elements: true when the element is to be printed; false, after writing `...`, at the cut
    /// (the caller stops there).
    public mutating func element(_ index: Int) -> Bool {
        if index >= arrayLimit {
            abbreviated()
            return false
        }
        element()
        return true
    }

    /// `[`: the element just started (`element()`) shows its index, as strace prints arrays indexed
    /// by a constant (`[IO_WQ_BOUND]=4`, termios' `c_cc=[[VINTR]=0x3, ...]`). The index follows
    /// (any typed value), then `indexedValue()` and the element's value, then
    /// `endIndexedElement()`. In JSON `{"type":"indexed","index":{...},"value":{...}}`.
    public mutating func beginIndexedElement() {
        let start = text.bytes.count
        text.append(byte: UInt8(ascii: "["))
        json?.beginIndexed(textStart: start, text: text)
    }
    /// `]=` after an indexed element's index: its value follows.
    public mutating func indexedValue() {
        let before = text.bytes.count
        text.append("]=")
        json?.member("value", textBefore: before, text: text)
    }
    public mutating func endIndexedElement() {
        json?.endContainer(text: text, closingBytes: 0)
    }

    /// `...`: the members strace leaves out unless `-v`.
    public mutating func abbreviated() {
        let before = text.bytes.count
        separate()
        text.append("...")
        json?.abbreviated(textBefore: before, text: text)
    }

    /// A top-level argument that strace shows with its name (clone's `flags=CLONE_VM`): `, `
    /// unless it is the first argument of its half, then `name=`. In JSON the argument is
    /// `{"type":"named","name":...,"value":...}`.
    public mutating func argument(named name: StaticString, first: Bool = false) {
        if !first { raw(", ") }
        text.append(name)
        text.append(byte: UInt8(ascii: "="))
        json?.argumentName(name, textEnd: text.bytes.count)
    }

    /// ` => `: between a value as it was at entry and as it is at exit.
    public mutating func changed() {
        text.append(" => ")
        json?.changed(textEnd: text.bytes.count, text: text)
    }

    // MARK: Expressions

    /// `function(`: a value strace shows as a C expression call (`htons(80)`, `makedev(0x8, 0x1)`,
    /// `inet_addr("127.0.0.1")`); its arguments follow as `element()`s, then `endCall()` writes
    /// `)`. In JSON `{"type":"call","function":"htons","args":[...]}`.
    public mutating func beginCall(_ function: StaticString) {
        if let json {
            json.beginValue(textStart: text.bytes.count)
            let headerStart = json.json.bytes.count
            json.json.append("{\"type\":\"call\",\"function\":\"")
            json.json.append(function)
            json.json.append("\",\"args\":[")
            json.openFrame(.array, headerStart: headerStart, textStart: text.bytes.count, openingBytes: function.utf8CodeUnitCount + 1)
        }
        text.append(function)
        open(UInt8(ascii: "("))
    }
    public mutating func endCall() {
        close(UInt8(ascii: ")"))
        json?.endContainer(text: text)
    }

    /// Values joined by an operator (`MAP_PRIVATE|MAP_ANONYMOUS` from two tables, `1<<CAP_KILL`,
    /// `8192*1024`): `operand()` before each of them. In JSON
    /// `{"type":"operation","operator":"|","operands":[...]}`, or the operand alone when there is one.
    public mutating func beginOperation(_ operator: ExpressionOperator) {
        if let json {
            json.beginValue(textStart: text.bytes.count)
            let headerStart = json.json.bytes.count
            json.json.append("{\"type\":\"operation\",\"operator\":\"")
            json.json.append(`operator`.text)
            json.json.append("\",\"operands\":[")
            json.openFrame(.operation, headerStart: headerStart, textStart: text.bytes.count, openingBytes: 0)
        }
        depth += 1
        hasMember &= ~(1 << UInt64(depth & 63))
        let shift = UInt64((depth & 31) * 2)
        operators = operators & ~(3 << shift) | UInt64(`operator`.rawValue) << shift
    }
    /// Starts the next operand: the operator unless it is the first.
    public mutating func operand() {
        let before = text.bytes.count
        let bit: UInt64 = 1 << UInt64(depth & 63)
        if hasMember & bit != 0 {
            let code = UInt8(truncatingIfNeeded: operators >> UInt64((depth & 31) * 2)) & 3
            text.append((ExpressionOperator(rawValue: code) ?? .either).text)
        }
        hasMember |= bit
        json?.member(nil, textBefore: before, text: text)
    }
    public mutating func endOperation() {
        hasMember &= ~(1 << UInt64(depth & 63))
        depth -= 1
        json?.endContainer(text: text, closingBytes: 0)
    }

    /// A set strace prints with spaces between its members, `~` before it when it lists the
    /// members *not* in it (signal masks `~[RTMIN RT_1]`, fd sets `[0 3]`, CPU sets `[0 1]`):
    /// `setMember()` before each. In JSON `{"type":"set","items":[...],"inverted":true}`.
    public mutating func beginSet(inverted: Bool = false) {
        let start = text.bytes.count
        if inverted { text.append(byte: UInt8(ascii: "~")) }
        if let json {
            json.beginValue(textStart: start)
            let headerStart = json.json.bytes.count
            json.json.append(inverted ? "{\"type\":\"set\",\"inverted\":true,\"items\":[" : "{\"type\":\"set\",\"items\":[")
            json.openFrame(.array, headerStart: headerStart, textStart: start, openingBytes: inverted ? 2 : 1)
        }
        open(UInt8(ascii: "["))
    }
    public mutating func setMember() {
        let before = text.bytes.count
        let bit: UInt64 = 1 << UInt64(depth & 63)
        if hasMember & bit != 0 { text.append(byte: UInt8(ascii: " ")) }
        hasMember |= bit
        json?.member(nil, textBefore: before, text: text)
    }
    public mutating func endSet() { endArray() }

    /// A signal as signal sets show it, without `SIG` (`USR1`; the number when it has no name);
    /// `-X raw` `10`, `-X verbose` `10 /* USR1 */`. In JSON a `signal` value.
    public mutating func signalInSet(_ value: Int32) {
        guard SignalNames.hasName(value) else { return int(Int64(value)) }
        let start = text.bytes.count
        switch constantStyle {
        case .abbrev: text.appendSignalNameWithoutPrefix(value)
        case .raw: text.appendDecimal(Int64(value))
        case .verbose:
            text.appendDecimal(Int64(value))
            text.append(" /* ")
            text.appendSignalNameWithoutPrefix(value)
            text.append(" */")
        }
        if let json { typedSignal(json, value, start) }
    }

    /// wait(2)'s status as strace shows it: `{WIFEXITED(s) && WEXITSTATUS(s) == 0}`,
    /// `{WIFSIGNALED(s) && WTERMSIG(s) == SIGKILL && WCOREDUMP(s)}`, ... (the encoding is the
    /// same on every Linux ABI). In JSON `{"type":"wait_status","raw":N,"exited":0}` (or
    /// `"signaled"`/`"stopped"` with a signal value, `"core_dumped"`, `"event"`, `"continued"`).
    /// A ptrace stop's status names its event after the braces (`{...}|PTRACE_EVENT_STOP<<16`,
    /// `eventName`) and PTRACE_O_TRACESYSGOOD's bit as `SIGTRAP | 0x80`.
    public mutating func waitStatus(_ status: UInt32, eventName: StaticString? = nil) {
        let start = text.bytes.count
        let low = status & 0x7f
        text.append(byte: UInt8(ascii: "{"))
        if low == 0 {
            text.append("WIFEXITED(s) && WEXITSTATUS(s) == ")
            text.appendDecimal(UInt64((status >> 8) & 0xff))
        } else if status & 0xff == 0x7f {
            text.append("WIFSTOPPED(s) && WSTOPSIG(s) == ")
            let signal = Int32((status >> 8) & 0xff)
            if signal & 0x80 != 0 && signal != 0x80 {
                text.appendSignal(signal & 0x7f)
                text.append(" | 0x80")
            } else {
                text.appendSignal(signal)
            }
            if status >> 16 != 0 {
                if let eventName {
                    // The event is a constant: `-X raw` `0x80<<16`, `-X verbose` `0x80 /* PTRACE_EVENT_STOP */<<16`.
                    text.append("}|")
                    if constantStyle != .abbrev { text.appendHex(UInt64(status >> 16)) }
                    if constantStyle == .verbose { text.append(" /* ") }
                    if constantStyle != .raw { text.append(eventName) }
                    if constantStyle == .verbose { text.append(" */") }
                    text.append("<<16")
                    return typedWaitStatus(status, start)
                }
                text.append(" && s >> 16 == ")
                text.appendDecimal(UInt64(status >> 16))
            }
        } else if status == 0xffff {
            text.append("WIFCONTINUED(s)")
        } else {
            text.append("WIFSIGNALED(s) && WTERMSIG(s) == ")
            text.appendSignal(Int32(low))
            if status & 0x80 != 0 { text.append(" && WCOREDUMP(s)") }
        }
        text.append(byte: UInt8(ascii: "}"))
        typedWaitStatus(status, start)
    }

    private func typedWaitStatus(_ status: UInt32, _ start: Int) {
        let low = status & 0x7f
        guard let json else { return }
        typed(json, start) {
            $0.append("{\"type\":\"wait_status\",\"raw\":")
            $0.appendJSONNumber(UInt64(status))
            if low == 0 {
                $0.append(",\"exited\":")
                $0.appendJSONNumber(UInt64((status >> 8) & 0xff))
            } else if status & 0xff == 0x7f {
                $0.append(",\"stopped\":")
                $0.appendJSONSignal(Int32((status >> 8) & 0xff))
                if status >> 16 != 0 {
                    $0.append(",\"event\":")
                    $0.appendJSONNumber(UInt64(status >> 16))
                }
            } else if status == 0xffff {
                $0.append(",\"continued\":true")
            } else {
                $0.append(",\"signaled\":")
                $0.appendJSONSignal(Int32(low))
                if status & 0x80 != 0 { $0.append(",\"core_dumped\":true") }
            }
            $0.append(byte: UInt8(ascii: "}"))
        }
    }

    // MARK: JSON style

    /// One typed value whose text starts at `start` (`write` writes its JSON).
    @inline(__always)
    func typed(_ json: JsonValueWriter, _ start: Int, _ write: (inout TextBuffer) -> Void) {
        json.beginValue(textStart: start)
        write(&json.json)
        json.endValue(textStart: start, text: text)
    }

    private func typedInt(_ json: JsonValueWriter, _ value: Int64, _ start: Int) {
        typed(json, start) {
            $0.append("{\"type\":\"int\",\"raw\":")
            $0.appendJSONNumber(value)
            $0.append(byte: UInt8(ascii: "}"))
        }
        json.noteInt(value)
    }

    private func typedConstant(_ json: JsonValueWriter, _ value: Int64, _ name: StaticString, _ start: Int) {
        typed(json, start) {
            $0.append("{\"type\":\"constant\",\"raw\":")
            $0.appendJSONNumber(value)
            $0.append(",\"name\":\"")
            $0.append(name)
            $0.append("\"}")
        }
    }

    /// An fd or pid (`prefix` is its `{"type":...,"raw":`), with what `-y`/`-Y` wrote after it
    /// (`<...>`, from `linkStart` on) as `key`.
    private func typedLinked(_ json: JsonValueWriter, _ prefix: StaticString, _ value: Int64, name: StaticString?,
                             _ start: Int, linkStart: Int, key: StaticString) {
        guard text.bytes.count - linkStart >= 2 else {
            // No `<...>`: the common case, without looking at the text.
            return typed(json, start) {
                $0.append(prefix)
                $0.appendJSONNumber(value)
                if let name {
                    $0.append(",\"name\":\"")
                    $0.append(name)
                    $0.append(byte: UInt8(ascii: "\""))
                }
                $0.append(byte: UInt8(ascii: "}"))
            }
        }
        let text = self.text
        typed(json, start) {
            $0.append(prefix)
            $0.appendJSONNumber(value)
            if let name {
                $0.append(",\"name\":\"")
                $0.append(name)
                $0.append(byte: UInt8(ascii: "\""))
            }
            $0.append(",\"")
            $0.append(key)
            $0.append("\":")
            $0.appendJSONString(text.bytes[(linkStart + 1)..<(text.bytes.count - 1)])
            $0.append(byte: UInt8(ascii: "}"))
        }
    }

    private mutating func separate() {
        let bit: UInt64 = 1 << UInt64(depth & 63)
        if hasMember & bit != 0 { text.append(", ") }
        hasMember |= bit
    }

    private mutating func open(_ bracket: UInt8) {
        text.append(byte: bracket)
        depth += 1
        hasMember &= ~(1 << UInt64(depth & 63))
    }

    private mutating func close(_ bracket: UInt8) {
        text.append(byte: bracket)
        hasMember &= ~(1 << UInt64(depth & 63))
        depth -= 1
    }
}

/// What joins the operands of `Emitter.beginOperation`.
public enum ExpressionOperator: UInt8, Sendable {
    /// `either`: strace's ` or ` between the names one ioctl request number has.
    case or, shiftLeft, times, either

    var text: StaticString {
        switch self {
        case .or: "|"
        case .shiftLeft: "<<"
        case .times: "*"
        case .either: " or "
        }
    }
}

extension TextBuffer {
    /// `{"type":"signal","raw":N,"name":"SIGUSR1"}` (no name for a number without one).
    mutating func appendJSONSignal(_ value: Int32) {
        append("{\"type\":\"signal\",\"raw\":")
        appendJSONNumber(Int64(value))
        if SignalNames.hasName(value) {
            append(",\"name\":\"")
            appendSignal(value)
            append(byte: UInt8(ascii: "\""))
        }
        append(byte: UInt8(ascii: "}"))
    }
}

extension TextBuffer {
    /// A value strace wrote as text, typed by its shape: `-12` an `int`, `0x1f` a `hex`,
    /// `SI_USER` a `name`, anything else `text`.
    mutating func appendJSONShapedValue(_ value: ArraySlice<UInt8>) {
        let digits = value.first == UInt8(ascii: "-") ? value.dropFirst() : value[...]
        if !digits.isEmpty && digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) && (value.count < 2 || value.first != UInt8(ascii: "0")) {
            append("{\"type\":\"int\",\"raw\":")
            append(contentsOf: value)
            append(byte: UInt8(ascii: "}"))
        } else if value.starts(with: "0x".utf8) && value.count > 2
                    && value.dropFirst(2).allSatisfy({ ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "f")) }) {
            append("{\"type\":\"hex\",\"raw\":\"")
            append(contentsOf: value)
            append("\"}")
        } else if let first = value.first, first == UInt8(ascii: "_") || (first >= UInt8(ascii: "A") && first <= UInt8(ascii: "Z")),
                  value.allSatisfy({ $0 == UInt8(ascii: "_") || ($0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z"))
                                     || ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z")) || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) }) {
            append("{\"type\":\"name\",\"name\":\"")
            append(contentsOf: value)
            append("\"}")
        } else {
            append("{\"type\":\"text\",\"text\":")
            appendJSONString(value)
            append(byte: UInt8(ascii: "}"))
        }
    }
}
