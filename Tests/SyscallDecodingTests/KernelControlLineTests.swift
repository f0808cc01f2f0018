import Foundation
import Testing

@testable import SyscallDecoding
import SyscallTables

/// Kernel control calls (bpf, perf_event_open, quotactl, kexec, modules, reboot) decoded with
/// aarch64's generated tables and layouts: no arm64 machine runs the tests, so these lines are
/// the x86_64 lines strace 6.1 printed (NetworkDifferentialTests' kernel fixture) with the
/// values that differ on arm64 (its KEXEC_ARCH, its O_* flags). The registers and memory are
/// what an arm64 tracee would pass.
@Suite struct KernelControlLineTests {
    typealias Memory = CatalogTests.Memory

    /// The line as the tracer writes it: entry and exit halves, with what the entry kept for the
    /// exit (perf_event_open's size, bpf's next_id) passed between them.
    func line(_ name: String, _ arch: SyscallArch, _ args: [UInt64], memory: Memory = Memory(),
              _ result: SyscallResult) -> String {
        let number = SyscallTable.forArch(arch).number(of: name)!
        let descriptor = DecoderTable.forArch(arch).descriptor(UInt64(number))!
        let call = SyscallCall(arch: arch, number: UInt64(number), args: SyscallArgs(args))
        let formatter = SyscallFormatter()
        var out = TextBuffer()
        var slot = CallSlot()
        formatter.appendEntry(to: &out, descriptor: descriptor, call: call, memory: memory, slot: &slot)
        formatter.appendExit(to: &out, descriptor: descriptor, call: call, memory: memory, slot: slot, result: result)
        return String(decoding: out.bytes, as: UTF8.self)
            .replacingOccurrences(of: #"\) +="#, with: ") =", options: .regularExpression)
    }

    func le(_ value: UInt64, _ size: Int) -> [UInt8] { (0..<size).map { UInt8(truncatingIfNeeded: value >> (8 * UInt64($0))) } }

    @Test func kexecAndModulesOnAarch64() {
        var memory = Memory()
        memory.put("swtrace_none", at: 0x1000)
        // KEXEC_ARCH_AARCH64 is 183 << 16 (<linux/kexec.h>).
        #expect(line("kexec_load", .aarch64, [0x100000, 0, 0, 183 << 16 | 1], CatalogTests.enosys)
                == "kexec_load(0x100000, 0, NULL, KEXEC_ARCH_AARCH64|KEXEC_ON_CRASH) = -1 ENOSYS (Function not implemented)")
        // arm64's O_NONBLOCK and O_TRUNC are asm-generic's, as x86's.
        #expect(line("delete_module", .aarch64, [0x1000, 0o4000 | 0o1000], memory: memory, CatalogTests.enosys)
                == #"delete_module("swtrace_none", O_NONBLOCK|O_TRUNC) = -1 ENOSYS (Function not implemented)"#)
        #expect(line("reboot", .aarch64, [0xfee1dead, 0x12345678, 0x01234567, 0], .failure(errno: 22))
                == "reboot(LINUX_REBOOT_MAGIC1, 0x12345678 /* LINUX_REBOOT_MAGIC_??? */, LINUX_REBOOT_CMD_RESTART) = -1 EINVAL (Invalid argument)")
        #expect(line("quotactl", .aarch64, [0x8000_0100, 0x1000, 0, 0], memory: memory, .failure(errno: 2))
                == #"quotactl(QCMD(Q_SYNC, USRQUOTA), "swtrace_none") = -1 ENOENT (No such file or directory)"#)
    }

    @Test func perfEventAttrOnAarch64() {
        var attr = [UInt8](repeating: 0, count: 128)
        attr.replaceSubrange(0..<4, with: le(1, 4))          // PERF_TYPE_SOFTWARE
        attr.replaceSubrange(4..<8, with: le(128, 4))        // PERF_ATTR_SIZE_VER7
        attr.replaceSubrange(16..<24, with: le(100000, 8))   // sample_period
        attr.replaceSubrange(40..<48, with: le(1 | 1 << 5, 8))  // disabled, exclude_kernel
        var memory = Memory()
        memory.putBytes(attr, at: 0x2000)
        #expect(line("perf_event_open", .aarch64, [0x2000, 0, UInt64(UInt32.max), UInt64(UInt32.max), 8], memory: memory, .success(3))
                == "perf_event_open({type=PERF_TYPE_SOFTWARE, size=PERF_ATTR_SIZE_VER7, config=PERF_COUNT_SW_CPU_CLOCK, "
                + "sample_period=100000, sample_type=0, read_format=0, disabled=1, exclude_kernel=1, "
                + "precise_ip=0 /* arbitrary skid */, ...}, 0, -1, -1, PERF_FLAG_FD_CLOEXEC) = 3")
    }

    @Test func bpfAttrOnAarch64() {
        var attr = [UInt8](repeating: 0, count: 144)
        attr.replaceSubrange(0..<4, with: le(2, 4))    // BPF_MAP_TYPE_ARRAY
        attr.replaceSubrange(4..<8, with: le(4, 4))    // key_size
        attr.replaceSubrange(8..<12, with: le(8, 4))   // value_size
        attr.replaceSubrange(12..<16, with: le(4, 4))  // max_entries
        attr.replaceSubrange(28..<35, with: Array("swtrace".utf8))  // map_name
        var memory = Memory()
        memory.putBytes(attr, at: 0x3000)
        #expect(line("bpf", .aarch64, [0, 0x3000, 144], memory: memory, .success(3))
                == "bpf(BPF_MAP_CREATE, {map_type=BPF_MAP_TYPE_ARRAY, key_size=4, value_size=8, max_entries=4, "
                + #"map_flags=0, inner_map_fd=0, map_name="swtrace", map_ifindex=0, btf_fd=0, btf_key_type_id=0, "#
                + "btf_value_type_id=0, btf_vmlinux_value_type_id=0, map_extra=0}, 144) = 3")
        // The next id the kernel wrote back shows after ` => `.
        var next = [UInt8](repeating: 0, count: 144)
        next.replaceSubrange(4..<8, with: le(116, 4))
        memory.putBytes(next, at: 0x4000)
        #expect(line("bpf", .aarch64, [0xc, 0x4000, 144], memory: memory, .success(0))
                == "bpf(BPF_MAP_GET_NEXT_ID, {start_id=0, next_id=116, open_flags=0}, 144) = 0")
    }
}
