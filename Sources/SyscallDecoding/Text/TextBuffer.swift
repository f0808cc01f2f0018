/// Bytes of trace output under construction. Renderers append to it directly, without building
/// intermediate Strings: this sits on the hot path of every syscall stop.
public struct TextBuffer: Sendable {
    public var bytes: [UInt8] = []
    /// Offset in `bytes` where the line being written starts, for column alignment.
    public var lineStart = 0
    /// Bytes of the current line that show nothing (color sequences): not counted in `column`.
    public var invisibleBytes = 0

    public init(capacity: Int = 4096) {
        // reserveCapacity(0) still went through the array's reallocation path (the formatter
        // makes two empty buffers per call).
        if capacity > 0 { bytes.reserveCapacity(capacity) }
    }

    /// Bytes written to the current line so far (strace's `curcol`).
    @inlinable public var column: Int { bytes.count - lineStart - invisibleBytes }

    @inlinable public mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { appendBytes($0) }
    }

    /// Most literals are a few bytes (`") "`, `", "`): appended byte by byte they cost a third of
    /// the generic `append(contentsOf:)` and its memcpy call.
    @inlinable mutating func appendBytes(_ buffer: UnsafeBufferPointer<UInt8>) {
        if buffer.count <= 8 {
            for byte in buffer { bytes.append(byte) }
        } else {
            bytes.append(contentsOf: buffer)
        }
    }

    /// Disfavored: a string literal picks the `StaticString` overload (a copy of constant bytes)
    /// rather than building a String at every call.
    @_disfavoredOverload
    @inlinable public mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    @inlinable public mutating func append(byte: UInt8) {
        bytes.append(byte)
    }

    public mutating func append<C: Collection>(contentsOf other: C) where C.Element == UInt8 {
        bytes.append(contentsOf: other)
    }

    public mutating func endLine() {
        bytes.append(UInt8(ascii: "\n"))
        lineStart = bytes.count
        invisibleBytes = 0
    }

    /// Pads with spaces up to `column` (strace's `tabto`).
    public mutating func pad(toColumn target: Int) {
        var missing = target - column
        // From a constant run of spaces: one copy, where a repeated element appended byte by byte.
        let spaces: StaticString = "                                                                "
        while missing > 0 {
            let count = min(missing, spaces.utf8CodeUnitCount)
            spaces.withUTF8Buffer { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[0..<count])) }
            missing -= count
        }
    }

    public mutating func appendDecimal(_ value: Int64) {
        if value < 0 {
            bytes.append(UInt8(ascii: "-"))
            appendDecimal(UInt64(bitPattern: 0 &- value))  // magnitude, also for Int64.min
        } else {
            appendDecimal(UInt64(value))
        }
    }

    public mutating func appendDecimal(_ value: UInt64) {
        appendDigits(value, radix: 10, minimumDigits: 1)
    }

    /// `0x1f`, or `0` for zero, as C's `%#llx` prints it.
    public mutating func appendHex(_ value: UInt64) {
        if value == 0 {
            bytes.append(UInt8(ascii: "0"))
            return
        }
        append("0x")
        appendDigits(value, radix: 16, minimumDigits: 1)
    }

    /// Octal with a leading 0 and at least three digits (`%#03o`): `0644`, `000`.
    public mutating func appendOctalMode(_ value: UInt64) {
        bytes.append(UInt8(ascii: "0"))
        appendDigits(value, radix: 8, minimumDigits: 2)
    }

    /// `value` in `radix` (at most 16) with zeros in front up to `minimumDigits` (at most 24).
    public mutating func appendDigits(_ value: UInt64, radix: UInt64, minimumDigits: Int) {
        if radix == 10 {
            appendDigits(value, constantRadix: 10, minimumDigits: minimumDigits)
        } else if radix == 16 {
            appendDigits(value, constantRadix: 16, minimumDigits: minimumDigits)
        } else {
            appendDigits(value, constantRadix: radix, minimumDigits: minimumDigits)
        }
    }

    /// Written from the end of a small buffer and appended at once: a byte-by-byte append checked
    /// the array's uniqueness and capacity per digit. Inlined with a constant radix, the divisions
    /// become multiplications.
    @inline(__always)
    private mutating func appendDigits(_ value: UInt64, constantRadix radix: UInt64, minimumDigits: Int) {
        if value < radix && minimumDigits <= 1 {
            let digit = UInt8(truncatingIfNeeded: value)
            bytes.append(digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10)
            return
        }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 24) { digits in
            var start = 24
            var rest = value
            repeat {
                let digit = UInt8(truncatingIfNeeded: rest % radix)
                start -= 1
                digits[start] = digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10
                rest /= radix
            } while rest != 0
            while 24 - start < minimumDigits && start > 0 {
                start -= 1
                digits[start] = UInt8(ascii: "0")
            }
            appendBytes(UnsafeBufferPointer(rebasing: digits[start..<24]))
        }
    }
}
