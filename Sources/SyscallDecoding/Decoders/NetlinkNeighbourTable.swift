/// NETLINK_ROUTE payloads of neighbour tables (RTM_*NEIGHTBL, as `ip ntable` dumps them):
/// struct ndtmsg and the NDTA_* attributes, with the table's configuration (struct ndt_config),
/// its parameters (nested NDTPA_*) and its statistics (struct ndt_stats).
extension DecodeContext {
    /// `{ndtm_family=AF_INET}` (its padding unprinted), then the NDTA_* attributes.
    func printNeighbourTableMessage(at address: UInt64, length: Int, to out: inout Emitter) {
        let size = 4
        guard let bytes = read(address, count: min(length, size)) else { return out.hex(address) }
        out.beginStruct()
        out.field("ndtm_family")
        out.constant(UInt64(bytes[0]), constants.addressFamilies, unknown: "AF_???")
        guard length >= size else {
            out.abbreviated()
            return out.endStruct()
        }
        out.endStruct()
        guard length > size else { return }
        out.element()
        printNetlinkAttributes(at: address &+ UInt64(size), length: length - size, names: constants.neighbourTableAttributes,
                               unknown: "NDTA_???", printValue: { type, at, count, out in
            self.printNeighbourTableAttribute(type: type, at: at, length: count, to: &out)
        }, to: &out)
    }

    private func printNeighbourTableAttribute(type: UInt16, at address: UInt64, length: Int, to out: inout Emitter) -> Bool {
        guard let name = constants.neighbourTableAttributes.name(of: UInt64(type)) else { return false }
        if sameName(name, "NDTA_NAME") { return printAttributeString(at: address, length: length, to: &out) }
        if sameName(name, "NDTA_THRESH1") || sameName(name, "NDTA_THRESH2") || sameName(name, "NDTA_THRESH3") {
            return printAttributeNumber(at: address, length: length, size: 4, to: &out)
        }
        if sameName(name, "NDTA_GC_INTERVAL") { return printAttributeNumber(at: address, length: length, size: 8, to: &out) }
        if sameName(name, "NDTA_CONFIG") { return printNeighbourTableConfig(at: address, length: length, to: &out) }
        if sameName(name, "NDTA_STATS") { return printNeighbourTableStatistics(at: address, length: length, to: &out) }
        if sameName(name, "NDTA_PARMS") {
            printNetlinkAttributes(at: address, length: length, names: constants.neighbourTableParameters,
                                   unknown: "NDTPA_???", printValue: { type, at, count, out in
                self.printNeighbourTableParameter(type: type, at: at, length: count, to: &out)
            }, to: &out)
            return true
        }
        return false
    }

    private func printNeighbourTableParameter(type: UInt16, at address: UInt64, length: Int, to out: inout Emitter) -> Bool {
        guard let name = constants.neighbourTableParameters.name(of: UInt64(type)) else { return false }
        if sameName(name, "NDTPA_IFINDEX") { return printAttributeInterfaceIndex(at: address, length: length, to: &out) }
        for number in neighbourTableParameterCounts where sameName(name, number) {
            return printAttributeNumber(at: address, length: length, size: 4, to: &out)
        }
        for time in neighbourTableParameterTimes where sameName(name, time) {
            return printAttributeNumber(at: address, length: length, size: 8, to: &out)
        }
        return false
    }

    /// struct ndt_config: `{ndtc_key_len=4, ..., ndtc_hash_mask=0x000007, ...}`; hex if short.
    private func printNeighbourTableConfig(at address: UInt64, length: Int, to out: inout Emitter) -> Bool {
        let layout = layouts.ndtConfig
        guard length >= layout.size, let bytes = read(address, count: layout.size) else { return false }
        let fields: [(StaticString, FieldLayout)] = [
            ("ndtc_key_len", layout.ndtcKeyLen), ("ndtc_entry_size", layout.ndtcEntrySize), ("ndtc_entries", layout.ndtcEntries),
            ("ndtc_last_flush", layout.ndtcLastFlush), ("ndtc_last_rand", layout.ndtcLastRand),
            ("ndtc_hash_rnd", layout.ndtcHashRnd), ("ndtc_hash_mask", layout.ndtcHashMask),
            ("ndtc_hash_chain_gc", layout.ndtcHashChainGc), ("ndtc_proxy_qlen", layout.ndtcProxyQlen),
        ]
        out.beginStruct()
        for (name, field) in fields {
            out.field(name)
            // strace prints the mask as `%#08x`.
            if sameName(name, "ndtc_hash_mask") { out.paddedHex(field.unsigned(in: bytes), width: 8) } else { out.uint(field.unsigned(in: bytes)) }
        }
        out.endStruct()
        return true
    }

    /// struct ndt_stats: `{ndts_allocs=1, ..., ndts_table_fulls=0}`; hex if short.
    private func printNeighbourTableStatistics(at address: UInt64, length: Int, to out: inout Emitter) -> Bool {
        let layout = layouts.ndtStats
        guard length >= layout.size, let bytes = read(address, count: layout.size) else { return false }
        let fields: [(StaticString, FieldLayout)] = [
            ("ndts_allocs", layout.ndtsAllocs), ("ndts_destroys", layout.ndtsDestroys), ("ndts_hash_grows", layout.ndtsHashGrows),
            ("ndts_res_failed", layout.ndtsResFailed), ("ndts_lookups", layout.ndtsLookups), ("ndts_hits", layout.ndtsHits),
            ("ndts_rcv_probes_mcast", layout.ndtsRcvProbesMcast), ("ndts_rcv_probes_ucast", layout.ndtsRcvProbesUcast),
            ("ndts_periodic_gc_runs", layout.ndtsPeriodicGcRuns), ("ndts_forced_gc_runs", layout.ndtsForcedGcRuns),
            ("ndts_table_fulls", layout.ndtsTableFulls),
        ]
        out.beginStruct()
        for (name, field) in fields {
            out.field(name)
            out.uint(field.unsigned(in: bytes))
        }
        out.endStruct()
        return true
    }
}

/// The NDTPA_* parameters that are u32 counts; the times (in milliseconds) are u64.
private let neighbourTableParameterCounts: [StaticString] = [
    "NDTPA_REFCNT", "NDTPA_QUEUE_LEN", "NDTPA_APP_PROBES", "NDTPA_UCAST_PROBES", "NDTPA_MCAST_PROBES",
    "NDTPA_PROXY_QLEN", "NDTPA_QUEUE_LENBYTES", "NDTPA_MCAST_REPROBES",
]
private let neighbourTableParameterTimes: [StaticString] = [
    "NDTPA_REACHABLE_TIME", "NDTPA_BASE_REACHABLE_TIME", "NDTPA_RETRANS_TIME", "NDTPA_GC_STALETIME",
    "NDTPA_DELAY_PROBE_TIME", "NDTPA_ANYCAST_DELAY", "NDTPA_PROXY_DELAY", "NDTPA_LOCKTIME",
    "NDTPA_INTERVAL_PROBE_TIME_MS",
]
