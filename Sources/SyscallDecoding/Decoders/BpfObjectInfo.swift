import Glibc

/// What bpf(BPF_OBJ_GET_INFO_BY_FD) fills in, as strace 6.1 prints it with `-v`: struct
/// bpf_map_info or struct bpf_prog_info, chosen by what the descriptor is (`anon_inode:bpf-map`,
/// `anon_inode:bpf-prog`; anything else prints the address, as do BTF and link descriptors).
///
/// The struct is read as long as info_len says (the kernel's length after a success), zeros
/// beyond. Its fields come in the groups the kernel added them in: the first always prints, a
/// later one when info_len goes past the group's first byte. The program's counts that the
/// caller passes in and the kernel rewrites print `entry => exit` when they changed; the arrays
/// they count (translated instructions, map ids) print after a success, addresses otherwise.
/// Bytes past what strace knows print as `extra_data` when any is set.
private struct InfoField {
    enum Kind {
        case uint, pointer, name, tag, device, loadTime, gplCompatible
        case constant(KeyPath<ABIConstants, ConstantTable>, unknown: StaticString)
        case flags(KeyPath<ABIConstants, FlagTable>, unknown: StaticString)
        /// One of the counts kept at entry (`programInfoCounts`' index).
        case count(Int)
        /// The translated instructions, as many as both xlated_prog_len allow.
        case instructions
        /// The map ids, as many as both nr_map_ids allow.
        case mapIds
    }
    let name: StaticString
    let place: FieldLayout
    let kind: Kind
    /// Whether a group the kernel added later starts here.
    let startsGroup: Bool

    init(_ name: StaticString, _ place: FieldLayout, _ kind: Kind, group: Bool = false) {
        self.name = name
        self.place = place
        self.kind = kind
        self.startsGroup = group
    }
}

extension DecodeContext {
    /// The program info's in/out counts as the caller passed them, two to a word, for the exit.
    func bpfProgramInfoCountsBeforeCall() -> (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) {
        let attr = layouts.bpfAttr, info = layouts.bpfProgInfo
        guard let bytes = read(word(1), count: attr.info.offset + attr.info.size) else { return (0, 0, 0, 0, 0, 0) }
        let length = min(Int(attr.infoLen.unsigned(in: bytes)), info.size)
        let address = truncate(attr.info.unsigned(in: bytes))
        guard length > 0, let struct_ = read(address, count: length) else { return (0, 0, 0, 0, 0, 0) }
        var words: [UInt64] = [0, 0, 0, 0, 0, 0]
        for (index, field) in programInfoCounts(info).enumerated() {
            words[index / 2] |= field.unsigned(in: struct_) << (32 * UInt64(index % 2))
        }
        return (words[0], words[1], words[2], words[3], words[4], words[5])
    }

    /// The counts of struct bpf_prog_info that the caller sets and the kernel rewrites.
    private func programInfoCounts(_ info: BpfProgInfoLayout) -> [FieldLayout] {
        [info.jitedProgLen, info.xlatedProgLen, info.nrMapIds, info.nrJitedKsyms, info.nrJitedFuncLens,
         info.funcInfoRecSize, info.nrFuncInfo, info.nrLineInfo, info.nrJitedLineInfo, info.lineInfoRecSize,
         info.jitedLineInfoRecSize, info.nrProgTags]
    }

    private func countBeforeCall(_ index: Int) -> UInt64 {
        let words = slot.moreValues
        let word = [words.0, words.1, words.2, words.3, words.4, words.5][index / 2]
        return word >> (32 * UInt64(index % 2)) & 0xffff_ffff
    }

    /// `info=0x...` without `-v` or for a descriptor that is no map or program.
    func printBpfObjectInfo(at address: UInt64, fd: Int32, length: Int, to out: inout Emitter) {
        let address = truncate(address)
        guard !abbreviates, address != 0, let fields = bpfInfoFields(fd: fd) else { return out.pointer(address) }
        let known = fields.last.map { $0.place.offset + $0.place.size } ?? 0
        let readLength = min(length, bpfInfoReadLimit)
        guard let read = read(address, count: readLength), let whole = arena.take(max(readLength, known)) else {
            return out.hex(address)
        }
        whole.initializeMemory(as: UInt8.self, repeating: 0)
        whole.copyMemory(from: read)
        let bytes = UnsafeRawBufferPointer(whole)
        out.beginStruct()
        for field in fields {
            if field.startsGroup && length <= field.place.offset { break }
            printInfoField(field, bytes, to: &out)
        }
        if readLength > known {
            let extra = UnsafeRawBufferPointer(rebasing: read[known..<readLength])
            if extra.contains(where: { $0 != 0 }) {
                out.field("extra_data")
                out.hexBytes(extra)
                out.beginComment()
                out.raw("bytes ")
                out.text.appendDecimal(Int64(known))
                out.raw("..")
                out.text.appendDecimal(Int64(readLength - 1))
                out.endComment()
            }
        }
        out.endStruct()
    }

    /// The fields of the info struct for what `fd` is, from its /proc link; nil for other objects.
    private func bpfInfoFields(fd: Int32) -> [InfoField]? {
        var link = TextBuffer(capacity: 64)
        guard ProcessLinks.appendDescriptorPath(pid: pid, fd: fd, escapes: .octal, to: &link) else { return nil }
        // The link as `-y` shows it, in its brackets.
        if link.bytes.elementsEqual("<anon_inode:bpf-map>".utf8) { return mapInfoFields }
        if link.bytes.elementsEqual("<anon_inode:bpf-prog>".utf8) { return programInfoFields }
        return nil
    }

    private var mapInfoFields: [InfoField] {
        let info = layouts.bpfMapInfo
        return [
            .init("type", info.type, .constant(\.bpfMapTypes, unknown: "BPF_MAP_TYPE_???")),
            .init("id", info.id, .uint), .init("key_size", info.keySize, .uint),
            .init("value_size", info.valueSize, .uint), .init("max_entries", info.maxEntries, .uint),
            .init("map_flags", info.mapFlags, .flags(\.bpfMapCreateFlags, unknown: "BPF_F_???")),
            .init("name", info.name, .name, group: true),
            .init("ifindex", info.ifindex, .uint, group: true),
            .init("btf_vmlinux_value_type_id", info.btfVmlinuxValueTypeId, .uint),
            .init("netns_dev", info.netnsDev, .device), .init("netns_ino", info.netnsIno, .uint),
            .init("btf_id", info.btfId, .uint, group: true), .init("btf_key_type_id", info.btfKeyTypeId, .uint),
            .init("btf_value_type_id", info.btfValueTypeId, .uint),
        ]
    }

    private var programInfoFields: [InfoField] {
        let info = layouts.bpfProgInfo
        return [
            .init("type", info.type, .constant(\.bpfProgramTypes, unknown: "BPF_PROG_TYPE_???")),
            .init("id", info.id, .uint), .init("tag", info.tag, .tag),
            .init("jited_prog_len", info.jitedProgLen, .count(0)),
            .init("jited_prog_insns", info.jitedProgInsns, .pointer),
            .init("xlated_prog_len", info.xlatedProgLen, .count(1)),
            .init("xlated_prog_insns", info.xlatedProgInsns, .instructions),
            .init("load_time", info.loadTime, .loadTime, group: true),
            .init("created_by_uid", info.createdByUid, .uint), .init("nr_map_ids", info.nrMapIds, .count(2)),
            .init("map_ids", info.mapIds, .mapIds), .init("name", info.name, .name),
            .init("ifindex", info.ifindex, .uint, group: true),
            .init("gpl_compatible", FieldLayout(offset: info.ifindex.offset + 4, size: 4), .gplCompatible),
            .init("netns_dev", info.netnsDev, .device), .init("netns_ino", info.netnsIno, .uint),
            .init("nr_jited_ksyms", info.nrJitedKsyms, .count(3), group: true),
            .init("nr_jited_func_lens", info.nrJitedFuncLens, .count(4)),
            .init("jited_ksyms", info.jitedKsyms, .pointer), .init("jited_func_lens", info.jitedFuncLens, .pointer),
            .init("btf_id", info.btfId, .uint, group: true),
            .init("func_info_rec_size", info.funcInfoRecSize, .count(5)), .init("func_info", info.funcInfo, .pointer),
            .init("nr_func_info", info.nrFuncInfo, .count(6)), .init("nr_line_info", info.nrLineInfo, .count(7)),
            .init("line_info", info.lineInfo, .pointer), .init("jited_line_info", info.jitedLineInfo, .pointer),
            .init("nr_jited_line_info", info.nrJitedLineInfo, .count(8)),
            .init("line_info_rec_size", info.lineInfoRecSize, .count(9)),
            .init("jited_line_info_rec_size", info.jitedLineInfoRecSize, .count(10)),
            .init("nr_prog_tags", info.nrProgTags, .count(11)), .init("prog_tags", info.progTags, .pointer),
            .init("run_time_ns", info.runTimeNs, .uint, group: true), .init("run_cnt", info.runCnt, .uint),
            .init("recursion_misses", info.recursionMisses, .uint, group: true),
            .init("verified_insns", info.verifiedInsns, .uint, group: true),
        ]
    }

    private func printInfoField(_ field: InfoField, _ bytes: UnsafeRawBufferPointer, to out: inout Emitter) {
        let value = field.place.unsigned(in: bytes)
        out.field(field.name)
        switch field.kind {
        case .uint: out.uint(value)
        case .pointer: out.pointer(truncate(value))
        case .constant(let table, let unknown): out.constant(value, constants(table), unknown: unknown)
        case .flags(let table, let unknown): out.flags(value, constants(table), unknown: unknown)
        case .name:
            // A NUL-terminated name in BPF_OBJ_NAME_LEN bytes: without its NUL, the rest is cut.
            let name = UnsafeRawBufferPointer(rebasing: bytes[field.place.offset..<field.place.offset + field.place.size])
            let nul = name.firstIndex(of: 0)
            out.bytes(name[..<(nul ?? name.count - 1)], truncated: nul == nil)
        case .tag:
            out.hexBytes(UnsafeRawBufferPointer(rebasing: bytes[field.place.offset..<field.place.offset + field.place.size]))
        case .device:
            printDevice(value, to: &out)
        case .gplCompatible:
            out.uint(value & 1)
        case .loadTime:
            // Nanoseconds since boot: the date is the boot's wall-clock time plus that.
            out.uint(value)
            guard out.constantStyle != .raw else { return }
            out.beginComment()
            appendDate(bootTimeSeconds(plusNanoseconds: value), nanoseconds: nil, to: &out.text)
            out.endComment()
        case .count(let index):
            let before = countBeforeCall(index)
            if returned != nil && before != value {
                out.uint(before)
                out.changed()
            }
            out.uint(value)
        case .instructions, .mapIds:
            let address = truncate(value)
            let isInstructions = if case .instructions = field.kind { true } else { false }
            guard returned != nil, address != 0 else { return out.pointer(address) }
            let info = layouts.bpfProgInfo
            let countField = isInstructions ? info.xlatedProgLen : info.nrMapIds
            let count = min(countBeforeCall(isInstructions ? 1 : 2), countField.unsigned(in: bytes))
            if isInstructions {
                printBpfInstructions(at: address, count: Int(count) / layouts.bpfInsn.size, to: &out)
            } else {
                printBpfIds(at: address, count: Int(count), to: &out)
            }
        }
    }

    /// Whole seconds since the epoch of the moment `nanoseconds` after boot.
    private func bootTimeSeconds(plusNanoseconds nanoseconds: UInt64) -> Int64 {
        var now = timespec(), sinceBoot = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        clock_gettime(CLOCK_BOOTTIME, &sinceBoot)
        let bootNanoseconds = (Int64(now.tv_sec) - Int64(sinceBoot.tv_sec)) * 1_000_000_000
            + Int64(now.tv_nsec) - Int64(sinceBoot.tv_nsec)
        let at = bootNanoseconds &+ Int64(truncatingIfNeeded: nanoseconds)
        return at / 1_000_000_000
    }
}

/// The longest info struct read (a page): the kernel's are a few hundred bytes.
private let bpfInfoReadLimit = 4096
