import SyscallTables

/// Scratch memory for one stop's reads of tracee memory, reused from stop to stop so that
/// decoding a common syscall allocates nothing. Reads are bump-allocated and all released when
/// the next half-line starts. One formatter (one tracing thread) owns one arena.
final class DecodeArena: @unchecked Sendable {
    static let capacity = 1 << 17
    private let storage: UnsafeMutableRawBufferPointer
    private var used = 0

    init() {
        storage = .allocate(byteCount: Self.capacity, alignment: 16)
    }

    deinit { storage.deallocate() }

    func reset() { used = 0 }

    /// `count` bytes of scratch space, or nil when the arena is full.
    func take(_ count: Int) -> UnsafeMutableRawBufferPointer? {
        let start = (used + 15) & ~15
        guard count >= 0, start <= storage.count, count <= storage.count - start else { return nil }
        used = start + count
        return UnsafeMutableRawBufferPointer(rebasing: storage[start..<start + count])
    }

    /// Gives back the end of the last `take` that was not used.
    func shrinkLast(_ buffer: UnsafeMutableRawBufferPointer, to count: Int) {
        guard let base = buffer.baseAddress, let start = storage.baseAddress else { return }
        used = base - start + count
    }
}

/// What one entry saw that its exit needs (a value printed as `[16 => 8]`). Kept by the caller
/// between the two halves of a call.
public struct CallSlot: Sendable {
    public var values: (UInt64, UInt64) = (0, 0) {
        didSet { isUsed = true }
    }
    /// More of what the entry saw, for the few calls that need more than `values` (bpf's
    /// program info: the twelve counts the caller passes in and the kernel rewrites).
    public var moreValues: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0) {
        didSet { isUsed = true }
    }
    /// JSON: the length of the entry half's last argument, for an exit half that starts with
    /// ` => ` (kept for whole-call decoders only: argument printers never do that).
    var jsonEntryLastArgumentLength = 0 {
        didSet { isUsed = true }
    }
    /// Whether the entry kept anything (a kept 0 still counts).
    public private(set) var isUsed = false
    public init() {}
}

/// Everything a printer may look at while one half-line is decoded.
public struct DecodeContext {
    public let call: SyscallCall
    /// The call's result: nil at entry.
    public let result: SyscallResult?
    let abi: DecodeABI
    public let options: DecodeOptions
    let memory: any TraceeMemory
    let arena: DecodeArena
    public var slot: CallSlot
    /// restart_syscall's line names the call it continues.
    let interruptedCall: String?
    /// The tracee (thread) the call is from, for what `/proc` tells about it; 0 when unknown.
    public let pid: Int32
    /// `-e abbrev=`, `-v`: whether this call prints large structures and arrays in part (`...`).
    public let abbreviates: Bool
    /// `-e verbose=`: whether this call prints the structures its arguments point to, or only
    /// their addresses.
    public let dereferences: Bool

    var constants: ABIConstants { abi.constants }
    var layouts: StructLayouts { abi.layouts }

    /// One of the ABI's constant tables, by key path. `ABIConstants` is a class, so this reads
    /// one table; when it was a struct, a key path applied through a context passed `inout` (as
    /// printers get it) copied every table first (a third of the tracer's instructions on the
    /// forkexec workload).
    func constants<Table>(_ table: KeyPath<ABIConstants, Table>) -> Table {
        let abi = abi
        return abi.constants[keyPath: table]
    }
    var wordSize: Int { abi.wordSize }
    /// The traced thread's id, 0 when the memory does not know it (see `TraceeMemory.tid`).
    var tid: Int32 { memory.tid }

    /// Argument `index` as the tracee's word: truncated to 32 bits for a 32-bit tracee.
    func word(_ index: Int) -> UInt64 { truncate(call.args[index]) }
    /// Argument `index` as a C `int`.
    func int32(_ index: Int) -> Int32 { Int32(truncatingIfNeeded: call.args[index]) }
    /// Argument `index` as a C `long`.
    func long(_ index: Int) -> Int64 {
        wordSize == 4 ? Int64(Int32(truncatingIfNeeded: call.args[index])) : Int64(bitPattern: call.args[index])
    }

    func truncate(_ value: UInt64) -> UInt64 { wordSize == 4 ? value & 0xffff_ffff : value }

    /// The successful return value, or nil (at entry, or when the call failed). Argument printers
    /// read it as a count or a length, so a value no kernel returns for those (negative, as a
    /// 32-bit address can look) is nil too: printers never trap on a hostile register.
    var returned: Int64? {
        if case .success(let value)? = result, value >= 0 { return value }
        return nil
    }

    /// `count` bytes of tracee memory at `address` (a structure or an array the call points to),
    /// read into the arena; nil if not all readable, or when `-e verbose=` leaves this call out:
    /// as strace, whose every fetch of a structure prints the address instead then.
    func read(_ address: UInt64, count: Int) -> UnsafeRawBufferPointer? {
        // An empty array is `[]` without a fetch, in strace too.
        guard dereferences || count == 0 else { return nil }
        return readBytes(address, count: count)
    }

    /// `count` bytes at `address`, whatever `-e verbose=` says: the data of a buffer argument
    /// (read's, write's), which strace prints in every case.
    func readBytes(_ address: UInt64, count: Int) -> UnsafeRawBufferPointer? {
        guard address != 0, let buffer = arena.take(count) else { return nil }
        guard count > 0 else { return UnsafeRawBufferPointer(buffer) }
        let copied = memory.read(from: address, into: buffer)
        return copied == count ? UnsafeRawBufferPointer(buffer) : nil
    }

    /// A word at `address` (4 or 8 bytes as the ABI's pointers), or nil.
    func readWord(_ address: UInt64) -> UInt64? {
        memory.readWord(at: address, wordSize: wordSize)
    }

    /// The words of a tracee array (argv, envp) from `address` on, read `wordsPerRead` at a time
    /// into the arena: one process_vm_readv per 64 pointers, not one per pointer.
    func words(at address: UInt64) -> TraceeWords {
        TraceeWords(memory: memory, arena: arena, wordSize: wordSize, address: address)
    }

    /// A NUL-terminated string of at most `limit` bytes, read a page at a time into the arena;
    /// `terminated` is false when no NUL came within the limit. nil when unreadable before either.
    func readCString(_ address: UInt64, limit: Int) -> (bytes: UnsafeRawBufferPointer, terminated: Bool)? {
        guard address != 0, let buffer = arena.take(limit + 1) else { return nil }
        var count = 0
        var cursor = address
        while count <= limit {
            let toPageEnd = Int(memoryPageSize - cursor % memoryPageSize)
            let chunkSize = min(toPageEnd, limit + 1 - count)
            let chunk = UnsafeMutableRawBufferPointer(rebasing: buffer[count..<count + chunkSize])
            let copied = memory.read(from: cursor, into: chunk)
            if let nulInChunk = chunk[0..<copied].firstIndex(of: 0) {
                let nul = count + nulInChunk  // the chunk's indices start at 0, not at `count`
                arena.shrinkLast(buffer, to: nul)
                return (UnsafeRawBufferPointer(rebasing: buffer[0..<nul]), true)
            }
            if copied < chunkSize { return nil }
            count += copied
            cursor &+= UInt64(copied)
        }
        arena.shrinkLast(buffer, to: limit)
        return (UnsafeRawBufferPointer(rebasing: buffer[0..<limit]), false)
    }
}

/// Reads a tracee array of pointer-sized words in chunks (see `DecodeContext.words(at:)`). Holds
/// the memory and the arena, not the whole context: a copy of the context retained its every
/// reference, and printing an environment copied this once per variable.
struct TraceeWords {
    static let wordsPerRead = 64
    let memory: any TraceeMemory
    let arena: DecodeArena
    let wordSize: Int
    let address: UInt64
    private var chunk = UnsafeRawBufferPointer(start: nil, count: 0)
    private var chunkFirst = 0

    init(memory: any TraceeMemory, arena: DecodeArena, wordSize: Int, address: UInt64) {
        self.memory = memory
        self.arena = arena
        self.wordSize = wordSize
        self.address = address
    }

    /// Word `index`, or nil where the memory cannot be read.
    mutating func word(_ index: Int) -> UInt64? {
        let size = wordSize
        if index < chunkFirst || index >= chunkFirst + chunk.count / size {
            chunkFirst = index
            chunk = arena.readPrefix(of: memory, at: address &+ UInt64(index * size), count: Self.wordsPerRead * size)
            guard chunk.count >= size else { return nil }
        }
        let offset = (index - chunkFirst) * size
        return size == 4 ? UInt64(chunk.loadUnaligned(fromByteOffset: offset, as: UInt32.self).littleEndian)
            : chunk.loadUnaligned(fromByteOffset: offset, as: UInt64.self).littleEndian
    }
}

extension DecodeArena {
    /// Up to `count` bytes at `address` into the arena: fewer when the memory ends first.
    func readPrefix(of memory: any TraceeMemory, at address: UInt64, count: Int) -> UnsafeRawBufferPointer {
        guard address != 0, let buffer = take(count) else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        let copied = memory.read(from: address, into: buffer)
        shrinkLast(buffer, to: copied)
        return UnsafeRawBufferPointer(rebasing: buffer[0..<copied])
    }
}

extension DecodeContext {
    /// Up to `count` bytes at `address` into the arena: fewer when the memory ends first.
    func readPrefix(_ address: UInt64, count: Int) -> UnsafeRawBufferPointer {
        arena.readPrefix(of: memory, at: address, count: count)
    }
}
