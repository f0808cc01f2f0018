/// bpf(2) as strace prints it: the command by name, then `union bpf_attr` as the command's
/// struct (`{map_type=BPF_MAP_TYPE_ARRAY, key_size=4, ...}`), then the size. Bytes the caller
/// passed beyond the fields a command has print as `...` when any is set (with `-v`, as
/// `extra_data="\x.."` and their range). A program's instructions print whole with `-v`.
///
/// Decoded: map create, element lookup/update/delete/next key and the batch commands, map
/// freeze, program load and test run, pin/get, attach/detach, BTF load, raw tracepoint open,
/// link create and update, the get-fd-by-id commands, and the two whose line prints at exit to
/// show what the kernel wrote back: get-next-id (`next_id=0 => 116`) and object info by fd
/// (`info_len=256 => 104`). Other commands print the attr's address (as strace 6.1 does for
/// LINK_DETACH, ENABLE_STATS, ITER_CREATE and PROG_BIND_MAP). PROG_QUERY and TASK_FD_QUERY print
/// at exit too: the ids or the name the kernel wrote, and their count or length.
extension SyscallCatalog {
    static let bpf: [String: SyscallSignature] = [
        "bpf": .init(count: 3, returns: .bpfResult, decoder: .bpf),
    ]
}

/// One field of a bpf command's struct: its name, where union bpf_attr has it, how it prints.
private struct BpfField {
    enum Kind {
        case uint, int, fd, hex, pointer, string, path, objectName, kernelVersion, instructions
        case buffer(length: KeyPath<BpfAttrLayout, FieldLayout>)
        case constant(KeyPath<ABIConstants, ConstantTable>, unknown: StaticString)
        case flags(KeyPath<ABIConstants, FlagTable>, unknown: StaticString)
        /// numa_node: shown only when map_flags asks for a node.
        case numaNode
        /// link_update's old_prog_fd: shown only with BPF_F_REPLACE.
        case oldProgramFd
        /// A value the kernel writes back (next_id): `0 => 116` when it changed.
        case changedAtExit
        /// PROG_QUERY's prog_ids: the ids the kernel wrote, as many as prog_cnt says at exit.
        case programIds
        /// TASK_FD_QUERY's buf: the name the kernel wrote, as long as both buf_lens allow.
        case taskBuffer
        /// OBJ_GET_INFO_BY_FD's info: with `-v` the map's or program's info (BpfObjectInfo.swift).
        case objectInfo
    }
    let name: StaticString
    let field: KeyPath<BpfAttrLayout, FieldLayout>
    let kind: Kind

    init(_ name: StaticString, _ field: KeyPath<BpfAttrLayout, FieldLayout>, _ kind: Kind) {
        self.name = name
        self.field = field
        self.kind = kind
    }
}

/// A command's struct: its fields, how many of them print whatever the size (the rest only
/// when the caller's size reaches them), and the name of the member it is in (`info={...}`).
private struct BpfCommand {
    let fields: [BpfField]
    var alwaysShown: Int
    var member: StaticString? = nil
    /// Whether the line waits for the exit, to show what the kernel wrote back (`.changedAtExit`).
    var printsAtExit: Bool { fields.contains { if case .changedAtExit = $0.kind { true } else { false } } }

    init(_ fields: [BpfField], alwaysShown: Int? = nil, member: StaticString? = nil) {
        self.fields = fields
        self.alwaysShown = alwaysShown ?? fields.count
        self.member = member
    }

    static func named(_ name: String) -> BpfCommand? {
        let element: [BpfField] = [.init("map_fd", \.mapFd, .fd), .init("key", \.key, .pointer)]
        let elementValue = element + [.init("value", \.value, .pointer),
                                      .init("flags", \.flags, .constant(\.bpfElementFlags, unknown: "BPF_???"))]
        func byID(_ idName: StaticString, nextID: BpfField.Kind) -> BpfCommand {
            BpfCommand([.init(idName, \.startId, .uint), .init("next_id", \.nextId, nextID),
                        .init("open_flags", \.openFlags, .flags(\.bpfFileFlags, unknown: "BPF_F_???"))], alwaysShown: 2)
        }
        switch name {
        case "BPF_MAP_CREATE":
            return BpfCommand([
                .init("map_type", \.mapType, .constant(\.bpfMapTypes, unknown: "BPF_MAP_TYPE_???")),
                .init("key_size", \.keySize, .uint), .init("value_size", \.valueSize, .uint),
                .init("max_entries", \.maxEntries, .uint),
                .init("map_flags", \.mapFlags, .flags(\.bpfMapCreateFlags, unknown: "BPF_F_???")),
                .init("inner_map_fd", \.innerMapFd, .fd), .init("numa_node", \.numaNode, .numaNode),
                .init("map_name", \.mapName, .objectName), .init("map_ifindex", \.mapIfindex, .uint),
                .init("btf_fd", \.btfFd, .fd), .init("btf_key_type_id", \.btfKeyTypeId, .uint),
                .init("btf_value_type_id", \.btfValueTypeId, .uint),
                .init("btf_vmlinux_value_type_id", \.btfVmlinuxValueTypeId, .uint),
                .init("map_extra", \.mapExtra, .hex),
            ], alwaysShown: 4)
        case "BPF_MAP_LOOKUP_ELEM", "BPF_MAP_UPDATE_ELEM", "BPF_MAP_LOOKUP_AND_DELETE_ELEM":
            return BpfCommand(elementValue)
        case "BPF_MAP_DELETE_ELEM":
            return BpfCommand(element)
        case "BPF_MAP_GET_NEXT_KEY":
            return BpfCommand(element + [.init("next_key", \.nextKey, .pointer)])
        case "BPF_MAP_FREEZE":
            return BpfCommand([.init("map_fd", \.mapFd, .fd)])
        case "BPF_PROG_LOAD":
            return BpfCommand([
                .init("prog_type", \.progType, .constant(\.bpfProgramTypes, unknown: "BPF_PROG_TYPE_???")),
                .init("insn_cnt", \.insnCnt, .uint), .init("insns", \.insns, .instructions),
                .init("license", \.license, .string), .init("log_level", \.logLevel, .uint),
                .init("log_size", \.logSize, .uint), .init("log_buf", \.logBuf, .pointer),
                .init("kern_version", \.kernVersion, .kernelVersion),
                .init("prog_flags", \.progFlags, .flags(\.bpfProgramFlags, unknown: "BPF_F_???")),
                .init("prog_name", \.progName, .objectName), .init("prog_ifindex", \.progIfindex, .uint),
                .init("expected_attach_type", \.expectedAttachType, .constant(\.bpfAttachTypes, unknown: "BPF_???")),
                .init("prog_btf_fd", \.progBtfFd, .fd), .init("func_info_rec_size", \.funcInfoRecSize, .uint),
                .init("func_info", \.funcInfo, .pointer), .init("func_info_cnt", \.funcInfoCnt, .uint),
                .init("line_info_rec_size", \.lineInfoRecSize, .uint), .init("line_info", \.lineInfo, .pointer),
                .init("line_info_cnt", \.lineInfoCnt, .uint), .init("attach_btf_id", \.attachBtfId, .uint),
                .init("attach_prog_fd", \.attachProgFd, .fd), .init("fd_array", \.fdArray, .pointer),
            ], alwaysShown: 4)
        case "BPF_OBJ_PIN", "BPF_OBJ_GET":
            return BpfCommand([.init("pathname", \.pathname, .path), .init("bpf_fd", \.bpfFd, .fd),
                               .init("file_flags", \.fileFlags, .flags(\.bpfFileFlags, unknown: "BPF_F_???"))])
        case "BPF_PROG_ATTACH":
            return BpfCommand([.init("target_fd", \.targetFd, .fd), .init("attach_bpf_fd", \.attachBpfFd, .fd),
                               .init("attach_type", \.attachType, .constant(\.bpfAttachTypes, unknown: "BPF_???")),
                               .init("attach_flags", \.attachFlags, .flags(\.bpfAttachFlags, unknown: "BPF_F_???")),
                               .init("replace_bpf_fd", \.replaceBpfFd, .fd)])
        case "BPF_PROG_DETACH":
            return BpfCommand([.init("target_fd", \.targetFd, .fd),
                               .init("attach_type", \.attachType, .constant(\.bpfAttachTypes, unknown: "BPF_???"))])
        case "BPF_PROG_GET_NEXT_ID", "BPF_MAP_GET_NEXT_ID", "BPF_BTF_GET_NEXT_ID", "BPF_LINK_GET_NEXT_ID":
            return byID("start_id", nextID: .changedAtExit)
        case "BPF_PROG_GET_FD_BY_ID": return byID("prog_id", nextID: .uint)
        case "BPF_MAP_GET_FD_BY_ID": return byID("map_id", nextID: .uint)
        case "BPF_BTF_GET_FD_BY_ID": return BpfCommand([.init("btf_id", \.startId, .uint)])
        case "BPF_LINK_GET_FD_BY_ID": return BpfCommand([.init("link_id", \.startId, .uint)])
        case "BPF_PROG_TEST_RUN":
            return BpfCommand([
                .init("prog_fd", \.testProgFd, .fd), .init("retval", \.testRetval, .uint),
                .init("data_size_in", \.testDataSizeIn, .uint), .init("data_size_out", \.testDataSizeOut, .uint),
                .init("data_in", \.testDataIn, .pointer), .init("data_out", \.testDataOut, .pointer),
                .init("repeat", \.testRepeat, .uint), .init("duration", \.testDuration, .uint),
                .init("ctx_size_in", \.testCtxSizeIn, .uint), .init("ctx_size_out", \.testCtxSizeOut, .uint),
                .init("ctx_in", \.testCtxIn, .pointer), .init("ctx_out", \.testCtxOut, .pointer),
                .init("flags", \.testFlags, .flags(\.bpfTestRunFlags, unknown: "BPF_F_???")),
                .init("cpu", \.testCpu, .uint), .init("batch_size", \.testBatchSize, .uint),
            ], member: "test")
        case "BPF_MAP_LOOKUP_BATCH", "BPF_MAP_LOOKUP_AND_DELETE_BATCH", "BPF_MAP_UPDATE_BATCH", "BPF_MAP_DELETE_BATCH":
            return BpfCommand([
                .init("in_batch", \.batchIn, .pointer), .init("out_batch", \.batchOut, .pointer),
                .init("keys", \.batchKeys, .pointer), .init("values", \.batchValues, .pointer),
                .init("count", \.batchCount, .uint), .init("map_fd", \.batchMapFd, .fd),
                .init("elem_flags", \.batchElemFlags, .constant(\.bpfElementFlags, unknown: "BPF_???")),
                .init("flags", \.batchFlags, .hex),
            ], member: "batch")
        case "BPF_PROG_QUERY":
            return BpfCommand([
                .init("target_fd", \.queryTargetFd, .fd),
                .init("attach_type", \.queryAttachType, .constant(\.bpfAttachTypes, unknown: "BPF_???")),
                .init("query_flags", \.queryFlags, .flags(\.bpfQueryFlags, unknown: "BPF_F_QUERY_???")),
                .init("attach_flags", \.queryAttachFlags, .flags(\.bpfAttachFlags, unknown: "BPF_F_???")),
                .init("prog_ids", \.queryProgIds, .programIds), .init("prog_cnt", \.queryProgCnt, .changedAtExit),
            ], member: "query")
        case "BPF_TASK_FD_QUERY":
            return BpfCommand([
                .init("pid", \.taskPid, .int), .init("fd", \.taskFd, .fd), .init("flags", \.taskFlags, .uint),
                .init("buf_len", \.taskBufLen, .changedAtExit), .init("buf", \.taskBuf, .taskBuffer),
                .init("prog_id", \.taskProgId, .uint),
                .init("fd_type", \.taskFdType, .constant(\.bpfTaskFdTypes, unknown: "BPF_FD_TYPE_???")),
                .init("probe_offset", \.taskProbeOffset, .uint), .init("probe_addr", \.taskProbeAddr, .hex),
            ], member: "task_fd_query")
        case "BPF_RAW_TRACEPOINT_OPEN":
            return BpfCommand([.init("name", \.rawTracepointName, .string),
                               .init("prog_fd", \.rawTracepointProgFd, .fd)], member: "raw_tracepoint")
        case "BPF_LINK_UPDATE":
            return BpfCommand([.init("link_fd", \.updateLinkFd, .fd), .init("new_prog_fd", \.updateNewProgFd, .fd),
                               .init("flags", \.updateFlags, .flags(\.bpfAttachFlags, unknown: "BPF_F_???")),
                               .init("old_prog_fd", \.updateOldProgFd, .oldProgramFd)], member: "link_update")
        case "BPF_OBJ_GET_INFO_BY_FD":
            return BpfCommand([.init("bpf_fd", \.infoBpfFd, .fd), .init("info_len", \.infoLen, .changedAtExit),
                               .init("info", \.info, .objectInfo)], member: "info")
        case "BPF_BTF_LOAD":
            return BpfCommand([.init("btf", \.btf, .buffer(length: \.btfSize)), .init("btf_log_buf", \.btfLogBuf, .pointer),
                               .init("btf_size", \.btfSize, .uint), .init("btf_log_size", \.btfLogSize, .uint),
                               .init("btf_log_level", \.btfLogLevel, .uint)])
        case "BPF_LINK_CREATE":
            return BpfCommand([.init("prog_fd", \.linkProgFd, .fd), .init("target_fd", \.linkTargetFd, .fd),
                               .init("attach_type", \.linkAttachType, .constant(\.bpfAttachTypes, unknown: "BPF_???")),
                               .init("flags", \.linkFlags, .hex)], member: "link_create")
        default:
            return nil
        }
    }
}

/// The largest attr that prints (a page, as the kernel takes at most): a larger one prints
/// as its address.
private let bpfAttrReadLimit = 4096

extension CallDecoder {
    static let bpf = CallDecoder(entry: { context, out in
        let command = UInt64(UInt32(truncatingIfNeeded: context.call.args[0]))
        out.constant(command, context.constants.bpfCommands, unknown: "BPF_???")
        out.raw(", ")
        let spec = context.bpfCommand
        if let spec, spec.printsAtExit {
            // Keep what the kernel may overwrite (next_id) and whether the attr was readable.
            context.slot.values = context.bpfValueBeforeCall(spec)
            if spec.fields.contains(where: { if case .objectInfo = $0.kind { true } else { false } }) {
                context.slot.moreValues = context.bpfProgramInfoCountsBeforeCall()
            }
            return
        }
        context.printBpfAttrAndSize(spec, to: &out)
    }, exit: { context, out in
        guard let spec = context.bpfCommand, spec.printsAtExit else { return }
        context.printBpfAttrAndSize(spec, to: &out)
    })
}

extension ReturnPrinter {
    /// The commands that make an object return its descriptor; the rest return 0 or a count.
    static let bpfResult = ReturnPrinter("bpfResult") { value, context, out in
        let command = UInt64(UInt32(truncatingIfNeeded: context.call.args[0]))
        switch context.constants.bpfCommands.name(of: command).map({ "\($0)" }) {
        case "BPF_MAP_CREATE", "BPF_PROG_LOAD", "BPF_OBJ_GET", "BPF_PROG_GET_FD_BY_ID", "BPF_MAP_GET_FD_BY_ID",
             "BPF_BTF_LOAD", "BPF_BTF_GET_FD_BY_ID", "BPF_RAW_TRACEPOINT_OPEN", "BPF_LINK_CREATE",
             "BPF_LINK_GET_FD_BY_ID", "BPF_ITER_CREATE":
            out.fd(Int32(truncatingIfNeeded: value))
        default:
            out.int(value)
        }
    }
}

extension DecodeContext {
    fileprivate var bpfCommand: BpfCommand? {
        let command = UInt64(UInt32(truncatingIfNeeded: call.args[0]))
        return constants.bpfCommands.name(of: command).flatMap { BpfCommand.named("\($0)") }
    }

    fileprivate func printBpfAttrAndSize(_ spec: BpfCommand?, to out: inout Emitter) {
        let address = word(1), size = Int(UInt32(truncatingIfNeeded: call.args[2]))
        if let spec {
            printBpfAttr(spec, at: address, size: size, to: &out)
        } else {
            out.pointer(address)
        }
        out.raw(", ")
        out.uint(UInt64(size))
    }

    /// At entry: the value of the command's `.changedAtExit` field (0 beyond the caller's size),
    /// and 1 when the attr can be read.
    fileprivate func bpfValueBeforeCall(_ spec: BpfCommand) -> (UInt64, UInt64) {
        let address = word(1), size = Int(UInt32(truncatingIfNeeded: call.args[2]))
        guard address != 0, let field = spec.fields.first(where: { if case .changedAtExit = $0.kind { true } else { false } })
        else { return (0, 0) }
        let place = layouts.bpfAttr[keyPath: field.field]
        guard let bytes = read(address, count: min(size, bpfAttrReadLimit)) else { return (0, 0) }
        // Beyond the caller's size the kernel reads zeros: so does this.
        return (place.offset + place.size <= bytes.count ? place.unsigned(in: bytes) : 0, 1)
    }

    fileprivate func printBpfAttr(_ command: BpfCommand, at address: UInt64, size: Int, to out: inout Emitter) {
        guard address != 0 else { return out.name("NULL") }
        guard size > 0, size <= bpfAttrReadLimit else { return out.hex(address) }
        if command.printsAtExit && slot.values.1 == 0 { return out.hex(address) }
        guard let read = read(address, count: size) else { return out.hex(address) }
        let layout = layouts.bpfAttr
        // The caller's bytes, zero-extended to the whole union so that every field reads.
        guard let whole = arena.take(max(size, layout.size)) else { return out.hex(address) }
        whole.initializeMemory(as: UInt8.self, repeating: 0)
        whole.copyMemory(from: read)
        let bytes = UnsafeRawBufferPointer(whole)

        out.beginStruct()
        if let member = command.member {
            out.field(member)
            out.beginStruct()
        }
        var end = 0
        for (index, field) in command.fields.enumerated() {
            let place = layout[keyPath: field.field]
            if index >= command.alwaysShown && size <= place.offset { break }
            end = place.offset + place.size
            printBpfField(field, place, bytes, layout: layout, to: &out)
        }
        if command.member != nil { out.endStruct() }
        // What the caller passed beyond the command's fields: `...`, or with -v its bytes.
        let extra = UnsafeRawBufferPointer(rebasing: read[min(end, size)..<size])
        if extra.contains(where: { $0 != 0 }) {
            if abbreviates {
                out.abbreviated()
            } else {
                out.field("extra_data")
                out.hexBytes(extra)
                out.beginComment()
                out.raw("bytes ")
                out.text.appendDecimal(Int64(end))
                out.raw("..")
                out.text.appendDecimal(Int64(size - 1))
                out.endComment()
            }
        }
        out.endStruct()
    }

    private func printBpfField(_ field: BpfField, _ place: FieldLayout, _ bytes: UnsafeRawBufferPointer,
                               layout: BpfAttrLayout, to out: inout Emitter) {
        let value = place.unsigned(in: bytes)
        switch field.kind {
        case .numaNode:
            let numaBit = constants.bpfMapCreateFlags.bits(named: "BPF_F_NUMA_NODE")
            guard layout.mapFlags.unsigned(in: bytes) & numaBit != 0 else { return }
            out.field(field.name)
            out.uint(value)
            return
        case .oldProgramFd:
            let replaceBit = constants.bpfAttachFlags.bits(named: "BPF_F_REPLACE")
            guard layout.updateFlags.unsigned(in: bytes) & replaceBit != 0 else { return }
            out.field(field.name)
            out.fd(Int32(truncatingIfNeeded: value))
            return
        default:
            out.field(field.name)
        }
        switch field.kind {
        case .uint: out.uint(value)
        case .int: out.int(place.signed(in: bytes))
        case .fd: out.fd(Int32(truncatingIfNeeded: value))
        case .hex: out.hex(value)
        case .pointer: out.pointer(value)
        case .string: printCString(at: value, limit: options.stringLimit, to: &out)
        case .path: printCString(at: value, limit: pathLimit, to: &out)
        case .objectName:
            // A NUL-terminated name in BPF_OBJ_NAME_LEN bytes: without its NUL, the rest is cut.
            let name = UnsafeRawBufferPointer(rebasing: bytes[place.offset..<place.offset + place.size])
            let nul = name.firstIndex(of: 0)
            out.bytes(name[..<(nul ?? name.count - 1)], truncated: nul == nil)
        case .kernelVersion:
            out.styled(number: { $0.hex(value) }, decoded: { out in
                out.beginCall("KERNEL_VERSION")
                out.element()
                out.uint(value >> 16)
                out.element()
                out.uint(value >> 8 & 0xff)
                out.element()
                out.uint(value & 0xff)
                out.endCall()
            })
        case .instructions:
            printBpfInstructions(at: value, count: Int(layout.insnCnt.unsigned(in: bytes)), to: &out)
        case .buffer(let length):
            printBuffer(at: value, length: layout[keyPath: length].unsigned(in: bytes), to: &out)
        case .constant(let table, let unknown):
            out.constant(value, constants(table), unknown: unknown)
        case .flags(let table, let unknown):
            out.flags(value, constants(table), unknown: unknown)
        case .changedAtExit:
            // The value at entry, then what the kernel wrote when it differs.
            out.uint(slot.values.0)
            if value != slot.values.0 {
                out.changed()
                out.uint(value)
            }
        case .programIds:
            let count = layout.queryProgCnt.unsigned(in: bytes)
            if value == 0 { return out.name("NULL") }
            if count == 0 {
                out.beginArray()
                return out.endArray()
            }
            guard returned != nil else { return out.hex(value) }
            printBpfIds(at: value, count: Int(min(count, UInt64(UInt32.max))), to: &out)
        case .taskBuffer:
            let length = min(slot.values.0, layout.taskBufLen.unsigned(in: bytes), UInt64(options.stringLimit))
            // `length` bytes at most, up to a NUL; without one in them, cut (`"sys_enter"...`).
            guard length > 0 else { return out.bytes(EmptyCollection<UInt8>()) }
            guard let name = read(value, count: Int(length)) else { return out.hex(value) }
            let nul = name.firstIndex(of: 0)
            out.bytes(name[..<(nul ?? name.count)], truncated: nul == nil)
        case .objectInfo:
            printBpfObjectInfo(at: value, fd: Int32(truncatingIfNeeded: layout.infoBpfFd.unsigned(in: bytes)),
                               length: Int(layout.infoLen.unsigned(in: bytes)), to: &out)
        case .numaNode, .oldProgramFd:
            break
        }
    }

    /// `[12, 15]`: u32 object ids, at most `-s` of them; the address when unreadable.
    func printBpfIds(at address: UInt64, count: Int, to out: inout Emitter) {
        guard let bytes = read(address, count: 4 * min(count, options.stringLimit)) else { return out.hex(address) }
        out.beginArray()
        for index in 0..<count {
            guard out.element(index) else { break }
            out.uint(UInt64(bytes.u32(4 * index)))
        }
        out.endArray()
    }

    /// A program's instructions: the address, or with `-v` each one
    /// (`{code=BPF_ALU64|BPF_K|BPF_MOV, dst_reg=BPF_REG_0, src_reg=BPF_REG_0, off=0, imm=0}`).
    func printBpfInstructions(at address: UInt64, count: Int, to out: inout Emitter) {
        guard address != 0 else { return out.name("NULL") }
        let layout = layouts.bpfInsn
        let shown = min(count, options.stringLimit)
        guard !abbreviates, let bytes = read(address, count: shown * layout.size) else { return out.hex(address) }
        out.beginArray()
        for index in 0..<count {
            guard out.element(index) else { break }
            let insn = UnsafeRawBufferPointer(rebasing: bytes[(index * layout.size)..<((index + 1) * layout.size)])
            let code = layout.code.unsigned(in: insn)
            let registers = UInt64(insn[layout.code.offset + layout.code.size])
            out.beginStruct()
            out.field("code")
            printBpfOpcode(code, to: &out)
            out.field("dst_reg")
            printBpfRegister(registers & 0xf, to: &out)
            out.field("src_reg")
            printBpfRegister(registers >> 4, to: &out)
            out.field("off")
            out.int(layout.off.signed(in: insn))
            out.field("imm")
            out.hex(UInt64(UInt32(truncatingIfNeeded: layout.imm.unsigned(in: insn))))
            out.endStruct()
        }
        out.endArray()
    }

    private func printBpfRegister(_ register: UInt64, to out: inout Emitter) {
        out.styled(number: { $0.uint(register) }, decoded: { out in
            out.raw("BPF_REG_")
            out.uint(register)
        })
    }

    /// `BPF_ALU64|BPF_K|BPF_MOV`: the class, then source and operation (arithmetic and jumps)
    /// or size and mode (loads and stores).
    private func printBpfOpcode(_ code: UInt64, to out: inout Emitter) {
        // Each part by name, or (`-X raw`, `-X verbose`) in hex as strace prints them: `0x7|0|0xb0`.
        let constants = constants
        let instructionClass = code & 0x07
        let className = constants.ebpfClasses.name(of: instructionClass)
        let isArithmetic = className.map {
            sameName($0, "BPF_ALU") || sameName($0, "BPF_ALU64") || sameName($0, "BPF_JMP") || sameName($0, "BPF_JMP32")
        } ?? false
        let isJump = className.map { sameName($0, "BPF_JMP") || sameName($0, "BPF_JMP32") } ?? false
        out.beginOperation(.or)
        out.operand()
        out.hexConstant(instructionClass, constants.ebpfClasses)
        out.operand()
        if isArithmetic {
            out.hexConstant(code & 0x08, constants.ebpfSources)
            out.operand()
            out.hexConstant(code & 0xf0, isJump ? constants.ebpfJumpOperations : constants.ebpfAluOperations)
        } else {
            out.hexConstant(code & 0x18, constants.ebpfSizes)
            out.operand()
            out.hexConstant(code & 0xe0, constants.ebpfModes)
        }
        out.endOperation()
    }
}
