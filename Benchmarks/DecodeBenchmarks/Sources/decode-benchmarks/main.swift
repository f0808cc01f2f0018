// Decodes and formats a dozen common syscall lines (x86_64) the way the tracer does at every
// traced call, entry half then exit half into one reused buffer, and prints per line: the heap
// allocations of one decode (counted by MallocCounter, after a warm-up decode), the nanoseconds
// per decode (median of 5 batches), and the line itself, checked against what strace prints.
// Exits 1 when a line allocates or differs from strace's: that is the regression check.
import Glibc
import MallocCounter
import SyscallDecoding
import SyscallTables

/// Tracee memory made of a few byte regions.
struct Memory: TraceeMemory {
    var regions: [(start: UInt64, bytes: [UInt8])] = []

    func read(from address: UInt64, into buffer: UnsafeMutableRawBufferPointer) -> Int {
        for region in regions where address >= region.start && address < region.start + UInt64(region.bytes.count) {
            let offset = Int(address - region.start)
            let count = min(buffer.count, region.bytes.count - offset)
            region.bytes.withUnsafeBytes { buffer.baseAddress!.copyMemory(from: $0.baseAddress! + offset, byteCount: count) }
            return count
        }
        return 0
    }

    mutating func put(_ string: String, at address: UInt64) {
        regions.append((address, Array(string.utf8) + [0]))
    }

    mutating func putBytes(_ bytes: [UInt8], at address: UInt64) {
        regions.append((address, bytes))
    }

    mutating func putPointers(_ pointers: [UInt64], at address: UInt64) {
        regions.append((address, (pointers + [0]).flatMap { pointer in (0..<8).map { UInt8(truncatingIfNeeded: pointer >> (8 * UInt64($0))) } }))
    }
}

var memory = Memory()
memory.put("/etc/passwd", at: 0x1000)
memory.put("/nonexistent", at: 0x1100)
memory.put("hello\n", at: 0x2000)
memory.put("/bin/true", at: 0x3000)
memory.put("-x", at: 0x3010)
memory.put("A=1", at: 0x3020)
memory.put("B=2", at: 0x3030)
memory.putPointers([0x3000, 0x3010], at: 0x3100)
memory.putPointers([0x3020, 0x3030], at: 0x3200)
var stat = [UInt8](repeating: 0, count: 144)  // struct stat (x86_64): st_mode at 24, st_size at 48
stat[24] = 0xa4; stat[25] = 0x81  // S_IFREG | 0644
stat[48] = 0xd2; stat[49] = 0x04  // 1234
memory.putBytes(stat, at: 0x4000)
memory.putBytes([0, 0, 1, 0, 0, 0, 0, 0], at: 0x5000)  // SIGCHLD (17): bit 16

let atFdcwd = UInt64(bitPattern: -100)
/// Name, arguments, result (nil: the call does not return), and the line strace prints.
let lines: [(String, [UInt64], SyscallResult?, String)] = [
    ("getppid", [], .success(1234), "getppid()                               = 1234"),
    ("read", [3, 0x2000, 4096], .success(6), #"read(3, "hello\n", 4096)                = 6"#),
    ("write", [1, 0x2000, 6], .success(6), #"write(1, "hello\n", 6)                  = 6"#),
    ("openat", [atFdcwd, 0x1000, 0o2000000], .success(3), #"openat(AT_FDCWD, "/etc/passwd", O_RDONLY|O_CLOEXEC) = 3"#),
    ("openat", [atFdcwd, 0x1100, 0], .failure(errno: 2),
     #"openat(AT_FDCWD, "/nonexistent", O_RDONLY) = -1 ENOENT (No such file or directory)"#),
    ("fstat", [3, 0x4000], .success(0), "fstat(3, {st_mode=S_IFREG|0644, st_size=1234, ...}) = 0"),
    ("close", [3], .success(0), "close(3)                                = 0"),
    ("mmap", [0, 8192, 3, 0x22, UInt64.max, 0], .success(0x7f00_0000_0000),
     "mmap(NULL, 8192, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7f0000000000"),
    ("munmap", [0x7f00_0000_0000, 8192], .success(0), "munmap(0x7f0000000000, 8192)            = 0"),
    ("brk", [0], .success(0x405000), "brk(NULL)                               = 0x405000"),
    ("lseek", [3, 0, 0], .success(0), "lseek(3, 0, SEEK_SET)                   = 0"),
    ("rt_sigprocmask", [0, 0x5000, 0, 8], .success(0), "rt_sigprocmask(SIG_BLOCK, [CHLD], NULL, 8) = 0"),
    ("execve", [0x3000, 0x3100, 0x3200], .success(0), #"execve("/bin/true", ["/bin/true", "-x"], 0x3200 /* 2 vars */) = 0"#),
    ("exit_group", [0], nil, "exit_group(0)                           = ?"),
]

func nanoseconds() -> UInt64 {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
}

// The counter must see Swift's allocations, or every 0 below would mean nothing.
malloc_counter_start()
let probe = [Int](repeating: 7, count: 1000)
guard malloc_counter_stop() >= 1, probe.count == 1000 else {
    print("decode-benchmarks: the allocation counter does not see Swift's allocations")
    exit(2)
}

let formatter = SyscallFormatter()
var out = TextBuffer(capacity: 1 << 16)
var failed = false
print("| line | allocations | ns per decode |")
print("| --- | --- | --- |")
for (name, args, result, expected) in lines {
    let number = UInt64(SyscallTable.x86_64.number(of: name)!)
    let descriptor = DecoderTable.x86_64.descriptor(number)!
    let call = SyscallCall(arch: .x86_64, number: number, args: SyscallArgs(args))

    @inline(never) func decode() {
        out.bytes.removeAll(keepingCapacity: true)
        out.lineStart = 0
        var slot = CallSlot()
        formatter.appendEntry(to: &out, descriptor: descriptor, call: call, memory: memory, slot: &slot)
        if let result {
            formatter.appendExit(to: &out, descriptor: descriptor, call: call, memory: memory, slot: slot, result: result)
        } else {
            formatter.appendNoReturn(to: &out)
        }
    }

    decode()
    let text = String(decoding: out.bytes, as: UTF8.self)
    malloc_counter_start()
    decode()
    let allocations = malloc_counter_stop()
    var batches: [UInt64] = []
    for _ in 0..<5 {
        let start = nanoseconds()
        for _ in 0..<20_000 { decode() }
        batches.append((nanoseconds() - start) / 20_000)
    }
    let median = batches.sorted()[2]
    print("| `\(text)` | \(allocations) | \(median) |")
    if text != expected {
        print("  differs from strace's: \(expected)")
        failed = true
    }
    if allocations != 0 { failed = true }
}
exit(failed ? 1 : 0)
