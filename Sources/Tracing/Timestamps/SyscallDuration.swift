import SyscallDecoding

extension TextBuffer {
    /// `-T` / `--syscall-times`: ` <0.000123>` after a finished call's result, the monotonic time
    /// from its entry stop to its exit stop, truncated to `precision` (` <0>` for seconds).
    public mutating func appendSyscallDuration(nanoseconds: UInt64, precision: TimePrecision) {
        append(" <" as StaticString)
        appendSeconds(nanoseconds / 1_000_000_000, nanoseconds: UInt32(nanoseconds % 1_000_000_000), precision: precision)
        append(byte: UInt8(ascii: ">"))
    }
}
