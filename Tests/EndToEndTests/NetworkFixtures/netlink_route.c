/* NETLINK_ROUTE messages whose payloads nest (route metrics and multipath, neighbour tables, a
 * queueing discipline's size table, next hop groups, link attributes), for
 * NetworkDifferentialTests. Every request is a get (RTM_GET*, which reads and never changes
 * anything) on a socket with NETLINK_GET_STRICT_CHK, whose attributes the kernel refuses: its
 * error answer carries the request back, so both sides decode, and the host's network stays as
 * it was. No namespace: strace finds a socket's protocol in its own network namespace only. */
#define _GNU_SOURCE
#include <linux/gen_stats.h>
#include <linux/if_bridge.h>
#include <linux/if_link.h>
#include <linux/if_tun.h>
#include <linux/lwtunnel.h>
#include <linux/neighbour.h>
#include <linux/netlink.h>
#include <linux/nexthop.h>
#include <linux/pkt_sched.h>
#include <linux/rtnetlink.h>
#include <arpa/inet.h>
#include <net/if.h>
#include <stdint.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static char reply[65536];

/* One request being built: a header, a fixed struct, then attributes (nested ones closed by
 * `end`). */
struct message {
    union {
        struct nlmsghdr header;
        char bytes[4096];
    };
};

static void start(struct message *m, int type, int flags, int seq, const void *body, size_t size) {
    memset(m, 0, sizeof *m);
    m->header = (struct nlmsghdr){NLMSG_LENGTH(size), type, NLM_F_REQUEST | flags, seq, 0};
    memcpy(NLMSG_DATA(&m->header), body, size);
    m->header.nlmsg_len = NLMSG_ALIGN(m->header.nlmsg_len);
}

/* Raw bytes at the end, 4-aligned; returns their offset. */
static size_t append(struct message *m, const void *data, size_t size) {
    size_t at = m->header.nlmsg_len;
    if (data) memcpy(m->bytes + at, data, size);
    m->header.nlmsg_len = NLMSG_ALIGN(at + size);
    return at;
}

static size_t attribute(struct message *m, int type, const void *data, size_t size) {
    struct nlattr head = {NLA_HDRLEN + size, type};
    size_t at = append(m, &head, NLA_HDRLEN);
    m->header.nlmsg_len = at + NLA_HDRLEN;
    append(m, data, size);
    return at;
}

static void u32(struct message *m, int type, uint32_t value) { attribute(m, type, &value, 4); }
static void u16(struct message *m, int type, uint16_t value) { attribute(m, type, &value, 2); }
static size_t nest(struct message *m, int type) { return attribute(m, type, NULL, 0); }
/* Closes a nested attribute (or an rtnexthop: its length is its first u16 too). */
static void end(struct message *m, size_t at) { *(uint16_t *)(m->bytes + at) = m->header.nlmsg_len - at; }

/* Sends one request and reads every answer up to NLMSG_DONE, an error or a non-multipart one. */
static void request(int fd, struct message *m) {
    struct sockaddr_nl kernel = {.nl_family = AF_NETLINK};
    sendto(fd, m, m->header.nlmsg_len, 0, (struct sockaddr *)&kernel, sizeof kernel);
    for (;;) {
        ssize_t got = recv(fd, reply, sizeof reply, 0);
        if (got <= 0) return;
        int more = 0;
        for (struct nlmsghdr *h = (struct nlmsghdr *)reply; NLMSG_OK(h, (size_t)got); h = NLMSG_NEXT(h, got)) {
            more = (h->nlmsg_flags & NLM_F_MULTI) && h->nlmsg_type != NLMSG_DONE && h->nlmsg_type != NLMSG_ERROR;
        }
        if (!more) return;
    }
}

/* Every request here is RTM_GET*: refused or answered, it changes nothing. */
static void get(int fd, struct message *m) {
    int type = m->header.nlmsg_type;
    if (type < RTM_BASE || (type - RTM_BASE) % 4 != 2) return;
    request(fd, m);
}

static const struct rtmsg unicast = {.rtm_family = AF_INET, .rtm_dst_len = 16, .rtm_table = RT_TABLE_MAIN,
                                     .rtm_protocol = RTPROT_BOOT, .rtm_scope = RT_SCOPE_UNIVERSE, .rtm_type = RTN_UNICAST};

/* Route metrics (RTA_METRICS) and next hops (RTA_MULTIPATH). */
static void routes(int fd) {
    struct message m;
    uint32_t destination = htonl(0x0a010000), gateway = htonl(0x0a000002), other = htonl(0x0a000003);
    /* A locked MTU, a round trip time, ECN, a congestion control algorithm by name. */
    start(&m, RTM_GETROUTE, NLM_F_ACK, 1, &unicast, sizeof unicast);
    attribute(&m, RTA_DST, &destination, 4);
    size_t metrics = nest(&m, RTA_METRICS);
    u32(&m, RTAX_LOCK, 1 << RTAX_MTU);
    u32(&m, RTAX_MTU, 1400);
    u32(&m, RTAX_RTT, 80);
    u32(&m, RTAX_HOPLIMIT, 5);
    u32(&m, RTAX_FEATURES, RTAX_FEATURE_ECN);
    attribute(&m, RTAX_CC_ALGO, "reno", 5);
    end(&m, metrics);
    get(fd, &m);
    /* Two next hops with gateways, one with only its device and flags. */
    start(&m, RTM_GETROUTE, NLM_F_ACK, 2, &unicast, sizeof unicast);
    attribute(&m, RTA_DST, &destination, 4);
    size_t multipath = nest(&m, RTA_MULTIPATH);
    struct rtnexthop hop = {.rtnh_hops = 1, .rtnh_ifindex = 1};
    size_t first = append(&m, &hop, sizeof hop);
    attribute(&m, RTA_GATEWAY, &gateway, 4);
    end(&m, first);
    hop.rtnh_hops = 0;
    size_t second = append(&m, &hop, sizeof hop);
    attribute(&m, RTA_GATEWAY, &other, 4);
    u32(&m, RTA_FLOW, 0x10002);
    end(&m, second);
    hop = (struct rtnexthop){.rtnh_len = sizeof hop, .rtnh_flags = RTNH_F_ONLINK | RTNH_F_DEAD, .rtnh_ifindex = 1};
    append(&m, &hop, sizeof hop);
    end(&m, multipath);
    get(fd, &m);
    /* Odd ones: an unknown metric, a short one, a long name; unknown next hop flags, a next hop
     * cut short. */
    start(&m, RTM_GETROUTE, NLM_F_ACK, 3, &unicast, sizeof unicast);
    metrics = nest(&m, RTA_METRICS);
    u32(&m, 0x30, 7);
    u16(&m, RTAX_MTU, 9);
    attribute(&m, RTAX_CC_ALGO, "no-such-algorithm-with-a-long-name", 34);
    end(&m, metrics);
    multipath = nest(&m, RTA_MULTIPATH);
    hop = (struct rtnexthop){.rtnh_len = sizeof hop, .rtnh_flags = 0x80, .rtnh_ifindex = 1};
    append(&m, &hop, sizeof hop);
    append(&m, &hop, 4);
    end(&m, multipath);
    multipath = nest(&m, RTA_MULTIPATH);
    hop = (struct rtnexthop){.rtnh_len = 100, .rtnh_ifindex = 1};
    append(&m, &hop, sizeof hop);
    attribute(&m, RTA_GATEWAY, &gateway, 4);
    end(&m, multipath);
    multipath = nest(&m, RTA_MULTIPATH);
    hop = (struct rtnexthop){.rtnh_len = 4, .rtnh_ifindex = 1};
    append(&m, &hop, sizeof hop);
    append(&m, &hop, sizeof hop);
    end(&m, multipath);
    get(fd, &m);
    /* IPv6: a next hop's gateway in the message's family. */
    struct rtmsg inet6 = unicast;
    inet6.rtm_family = AF_INET6;
    inet6.rtm_dst_len = 64;
    start(&m, RTM_GETROUTE, NLM_F_ACK, 4, &inet6, sizeof inet6);
    metrics = nest(&m, RTA_METRICS);
    u32(&m, RTAX_ADVMSS, 1300);
    end(&m, metrics);
    multipath = nest(&m, RTA_MULTIPATH);
    hop = (struct rtnexthop){.rtnh_ifindex = 1};
    first = append(&m, &hop, sizeof hop);
    unsigned char router[16] = {0xfe, 0x80, [15] = 1};
    attribute(&m, RTA_GATEWAY, router, 16);
    end(&m, first);
    end(&m, multipath);
    get(fd, &m);
}

static void u64(struct message *m, int type, uint64_t value) { attribute(m, type, &value, 8); }

/* Neighbour tables: RTM_GETNEIGHTBL has no single-table get, so the kernel refuses it whole. */
static void neighbour_tables(int fd) {
    struct message m;
    struct ndtmsg table = {.ndtm_family = AF_INET};
    start(&m, RTM_GETNEIGHTBL, NLM_F_ACK, 11, &table, sizeof table);
    attribute(&m, NDTA_NAME, "arp_cache", 10);
    u32(&m, NDTA_THRESH1, 128);
    u64(&m, NDTA_GC_INTERVAL, 30000);
    struct ndt_config config = {.ndtc_key_len = 4, .ndtc_entry_size = 456, .ndtc_entries = 3, .ndtc_last_flush = 1000,
                                .ndtc_last_rand = 2000, .ndtc_hash_rnd = 0xdeadbeef, .ndtc_hash_mask = 7,
                                .ndtc_hash_chain_gc = 1, .ndtc_proxy_qlen = 0};
    attribute(&m, NDTA_CONFIG, &config, sizeof config);
    size_t parameters = nest(&m, NDTA_PARMS);
    u32(&m, NDTPA_IFINDEX, 1);
    u32(&m, NDTPA_REFCNT, 2);
    u64(&m, NDTPA_REACHABLE_TIME, 30000);
    u64(&m, NDTPA_BASE_REACHABLE_TIME, 30000);
    u32(&m, NDTPA_QUEUE_LEN, 101);
    u32(&m, NDTPA_QUEUE_LENBYTES, 212992);
    u32(&m, NDTPA_APP_PROBES, 0);
    u32(&m, NDTPA_UCAST_PROBES, 3);
    u32(&m, NDTPA_MCAST_REPROBES, 0);
    u64(&m, NDTPA_LOCKTIME, 1000);
    u64(&m, 19 /* NDTPA_INTERVAL_PROBE_TIME_MS */, 5000);
    u32(&m, 0x30, 1);
    end(&m, parameters);
    struct ndt_stats stats = {.ndts_allocs = 1, .ndts_destroys = 2, .ndts_hash_grows = 3, .ndts_res_failed = 4,
                              .ndts_lookups = 5, .ndts_hits = 6, .ndts_rcv_probes_mcast = 7, .ndts_rcv_probes_ucast = 8,
                              .ndts_periodic_gc_runs = 9, .ndts_forced_gc_runs = 10, .ndts_table_fulls = 11};
    attribute(&m, NDTA_STATS, &stats, sizeof stats);
    get(fd, &m);
    /* Short structs, and a table of another family with no attributes. */
    start(&m, RTM_GETNEIGHTBL, NLM_F_ACK, 12, &table, sizeof table);
    attribute(&m, NDTA_CONFIG, &config, 8);
    attribute(&m, NDTA_STATS, &stats, 16);
    u16(&m, NDTA_GC_INTERVAL, 5);
    get(fd, &m);
    table.ndtm_family = AF_INET6;
    start(&m, RTM_GETNEIGHTBL, NLM_F_ACK, 13, &table, sizeof table);
    get(fd, &m);
}

/* A queueing discipline's attributes on an interface that does not exist (tcm_ifindex 0). */
static void traffic_control(int fd) {
    struct message m;
    struct tcmsg qdisc = {.tcm_family = AF_UNSPEC, .tcm_handle = 0x10000, .tcm_parent = TC_H_ROOT};
    start(&m, RTM_GETQDISC, NLM_F_ACK, 21, &qdisc, sizeof qdisc);
    attribute(&m, TCA_KIND, "pfifo", 6);
    struct tc_fifo_qopt fifo = {.limit = 100};
    attribute(&m, TCA_OPTIONS, &fifo, sizeof fifo);
    size_t table = nest(&m, TCA_STAB);
    struct tc_sizespec size = {.cell_log = 3, .size_log = 1, .cell_align = -1, .overhead = -4, .linklayer = TC_LINKLAYER_ATM,
                               .mpu = 64, .mtu = 2048, .tsize = 4};
    attribute(&m, TCA_STAB_BASE, &size, sizeof size);
    uint16_t cells[4] = {1, 2, 3, 65535};
    attribute(&m, TCA_STAB_DATA, cells, sizeof cells);
    end(&m, table);
    uint32_t extra[2] = {5, 6};
    attribute(&m, TCA_XSTATS, extra, sizeof extra);
    size_t statistics = nest(&m, TCA_STATS2);
    attribute(&m, TCA_STATS_APP, extra, sizeof extra);
    end(&m, statistics);
    get(fd, &m);
    /* A short size spec, an unknown TCA_STAB_* attribute. */
    start(&m, RTM_GETQDISC, NLM_F_ACK, 22, &qdisc, sizeof qdisc);
    table = nest(&m, TCA_STAB);
    attribute(&m, TCA_STAB_BASE, &size, 8);
    u32(&m, 9, 1);
    end(&m, table);
    get(fd, &m);
}

/* Next hop groups and encapsulations, refused by a get that takes only NHA_ID. */
static void next_hops(int fd) {
    struct message m;
    struct nhmsg hop = {.nh_family = AF_UNSPEC};
    start(&m, RTM_GETNEXTHOP, NLM_F_ACK, 31, &hop, sizeof hop);
    u32(&m, NHA_ID, 10);
    struct nexthop_grp group[3] = {{.id = 1, .weight = 0}, {.id = 2, .weight = 4, .resvd1 = 1, .resvd2 = 2},
                                  {.id = 3, .weight = 255, .resvd2 = 5}};
    attribute(&m, NHA_GROUP, group, sizeof group);
    u16(&m, NHA_GROUP_TYPE, NEXTHOP_GRP_TYPE_MPATH);
    attribute(&m, NHA_BLACKHOLE, NULL, 0);
    attribute(&m, NHA_FDB, NULL, 0);
    attribute(&m, NHA_GROUPS, NULL, 0);
    u16(&m, NHA_ENCAP_TYPE, LWTUNNEL_ENCAP_MPLS);
    size_t encapsulation = nest(&m, NHA_ENCAP);
    u32(&m, 1 /* MPLS_IPTUNNEL_DST */, htonl(100 << 12 | 1 << 8));
    end(&m, encapsulation);
    size_t resilient = nest(&m, NHA_RES_GROUP);
    u16(&m, 1 /* NHA_RES_GROUP_BUCKETS */, 32);
    u32(&m, 2 /* NHA_RES_GROUP_IDLE_TIMER */, 120);
    end(&m, resilient);
    get(fd, &m);
    /* A group cut short, a group type the kernel does not have, another encapsulation. */
    start(&m, RTM_GETNEXTHOP, NLM_F_ACK, 32, &hop, sizeof hop);
    attribute(&m, NHA_GROUP, group, 12);
    u16(&m, NHA_GROUP_TYPE, 7);
    u16(&m, NHA_GROUP_TYPE, NEXTHOP_GRP_TYPE_RES);
    u16(&m, NHA_ENCAP_TYPE, LWTUNNEL_ENCAP_IP);
    encapsulation = nest(&m, NHA_ENCAP);
    u64(&m, 1 /* LWTUNNEL_IP_ID */, 5);
    end(&m, encapsulation);
    u16(&m, NHA_ENCAP_TYPE, 10 /* LWTUNNEL_ENCAP_XFRM */);
    size_t bucket = nest(&m, NHA_RES_BUCKET);
    u64(&m, 0 /* NHA_RES_BUCKET_PAD */, 0);
    u16(&m, 1 /* NHA_RES_BUCKET_INDEX */, 7);
    u64(&m, 2 /* NHA_RES_BUCKET_IDLE_TIME */, 12345);
    u32(&m, 3 /* NHA_RES_BUCKET_NH_ID */, 1);
    end(&m, bucket);
    resilient = nest(&m, NHA_RES_GROUP);
    u64(&m, 0 /* NHA_RES_GROUP_PAD */, 0);
    u32(&m, 3 /* NHA_RES_GROUP_UNBALANCED_TIMER */, 0);
    u64(&m, 4 /* NHA_RES_GROUP_UNBALANCED_TIME */, 250);
    end(&m, resilient);
    get(fd, &m);
}

static void u8(struct message *m, int type, uint8_t value) { attribute(m, type, &value, 1); }

/* Rarer link attributes: a tun device's data, a bridge port's, a link event, alternative names;
 * the strict get takes none of them. */
static void links(int fd) {
    struct message m;
    struct ifinfomsg link = {.ifi_family = AF_UNSPEC};
    start(&m, RTM_GETLINK, NLM_F_ACK, 41, &link, sizeof link);
    size_t info = nest(&m, IFLA_LINKINFO);
    attribute(&m, IFLA_INFO_KIND, "tun", 4);
    size_t data = nest(&m, IFLA_INFO_DATA);
    u32(&m, IFLA_TUN_OWNER, -1);
    u32(&m, IFLA_TUN_GROUP, 1000);
    u8(&m, IFLA_TUN_TYPE, IFF_TAP);
    u8(&m, IFLA_TUN_TYPE, 7);
    u8(&m, IFLA_TUN_PI, 0);
    u8(&m, IFLA_TUN_PERSIST, 1);
    u32(&m, IFLA_TUN_NUM_QUEUES, 2);
    u16(&m, IFLA_TUN_OWNER, 1);
    end(&m, data);
    attribute(&m, IFLA_INFO_SLAVE_KIND, "bridge", 7);
    data = nest(&m, IFLA_INFO_SLAVE_DATA);
    u8(&m, IFLA_BRPORT_STATE, 3);
    u16(&m, IFLA_BRPORT_PRIORITY, 32);
    u32(&m, IFLA_BRPORT_COST, 100);
    u16(&m, IFLA_BRPORT_GROUP_FWD_MASK, 0);
    u16(&m, IFLA_BRPORT_GROUP_FWD_MASK, 0x4000);
    u32(&m, IFLA_BRPORT_BACKUP_PORT, 1);
    attribute(&m, IFLA_BRPORT_FLUSH, NULL, 0);
    end(&m, data);
    end(&m, info);
    get(fd, &m);
    /* A bridge's own data. */
    start(&m, RTM_GETLINK, NLM_F_ACK, 44, &link, sizeof link);
    info = nest(&m, IFLA_LINKINFO);
    attribute(&m, IFLA_INFO_KIND, "bridge", 7);
    data = nest(&m, IFLA_INFO_DATA);
    u32(&m, IFLA_BR_FORWARD_DELAY, 1500);
    u64(&m, IFLA_BR_HELLO_TIMER, 150);
    u64(&m, IFLA_BR_GC_TIMER, 0);
    attribute(&m, IFLA_BR_AGEING_TIME, "\1\2\3\4\5\6", 6);
    u32(&m, IFLA_BR_STP_STATE, 1);
    u16(&m, IFLA_BR_PRIORITY, 0x8000);
    u8(&m, IFLA_BR_VLAN_FILTERING, 1);
    u16(&m, IFLA_BR_VLAN_PROTOCOL, htons(ETH_P_8021Q));
    u16(&m, IFLA_BR_VLAN_PROTOCOL, htons(0x0501));
    u16(&m, IFLA_BR_GROUP_FWD_MASK, 0x4000);
    struct ifla_bridge_id root = {{0x80, 0}, {2, 0, 0, 0, 0, 1}};
    attribute(&m, IFLA_BR_ROOT_ID, &root, sizeof root);
    attribute(&m, IFLA_BR_GROUP_ADDR, "\x01\x80\xc2\x00\x00\x00", 6);
    struct br_boolopt_multi options = {.optval = 1 << BR_BOOLOPT_NO_LL_LEARN | 1 << BR_BOOLOPT_MST_ENABLE | 0x100,
                                       .optmask = 1 << BR_BOOLOPT_NO_LL_LEARN};
    attribute(&m, IFLA_BR_MULTI_BOOLOPT, &options, sizeof options);
    options = (struct br_boolopt_multi){0, 0};
    attribute(&m, IFLA_BR_MULTI_BOOLOPT, &options, sizeof options);
    size_t querier = nest(&m, IFLA_BR_MCAST_QUERIER_STATE);
    uint32_t address = htonl(0x0a000001);
    attribute(&m, BRIDGE_QUERIER_IP_ADDRESS, &address, 4);
    u32(&m, BRIDGE_QUERIER_IP_PORT, 1);
    u64(&m, BRIDGE_QUERIER_IP_OTHER_TIMER, 25500);
    unsigned char loopback6[16] = {[15] = 1};
    attribute(&m, BRIDGE_QUERIER_IPV6_ADDRESS, loopback6, 16);
    u32(&m, BRIDGE_QUERIER_IPV6_OTHER_TIMER, 0);
    end(&m, querier);
    u8(&m, 0x30, 1);
    end(&m, data);
    end(&m, info);
    info = nest(&m, IFLA_LINKINFO);
    attribute(&m, IFLA_INFO_KIND, "veth", 5);
    data = nest(&m, IFLA_INFO_DATA);
    u32(&m, 1, 5);
    end(&m, data);
    end(&m, info);
    u32(&m, IFLA_EVENT, IFLA_EVENT_REBOOT);
    u32(&m, IFLA_EVENT, 77);
    size_t list = nest(&m, IFLA_PROP_LIST);
    attribute(&m, IFLA_ALT_IFNAME, "alternative", 12);
    u32(&m, IFLA_MTU, 1500);
    end(&m, list);
    list = nest(&m, IFLA_PROTO_DOWN_REASON);
    u32(&m, IFLA_PROTO_DOWN_REASON_MASK, 3);
    u32(&m, IFLA_PROTO_DOWN_REASON_VALUE, 1);
    u16(&m, IFLA_PROTO_DOWN_REASON_VALUE, 1);
    u32(&m, 3, 1);
    end(&m, list);
    u32(&m, IFLA_NET_NS_FD, fd);
    u32(&m, IFLA_IF_NETNSID, -1);
    list = nest(&m, IFLA_PROTINFO);
    u8(&m, IFLA_BRPORT_STATE, 3);
    end(&m, list);
    get(fd, &m);
    /* A bridge port's protocol information, and IPv6's. */
    link.ifi_family = AF_BRIDGE;
    start(&m, RTM_GETLINK, NLM_F_ACK, 42, &link, sizeof link);
    list = nest(&m, IFLA_PROTINFO);
    u8(&m, IFLA_BRPORT_MODE, 1);
    u16(&m, IFLA_BRPORT_ID, 0x8001);
    struct ifla_bridge_id bridge = {{0x80, 0}, {2, 0, 0, 0, 0, 1}};
    attribute(&m, IFLA_BRPORT_ROOT_ID, &bridge, sizeof bridge);
    attribute(&m, IFLA_BRPORT_BRIDGE_ID, &bridge, 6);
    u64(&m, IFLA_BRPORT_MESSAGE_AGE_TIMER, 250);
    u64(&m, IFLA_BRPORT_HOLD_TIMER, 0);
    u8(&m, IFLA_BRPORT_LOCKED, 1);
    u8(&m, 0x30, 1);
    end(&m, list);
    get(fd, &m);
    link.ifi_family = AF_INET6;
    start(&m, RTM_GETLINK, NLM_F_ACK, 43, &link, sizeof link);
    list = nest(&m, IFLA_PROTINFO);
    u32(&m, IFLA_INET6_FLAGS, 0x80000000);
    end(&m, list);
    get(fd, &m);
}

int main(void) {
    int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
    struct sockaddr_nl self = {.nl_family = AF_NETLINK};
    bind(fd, (struct sockaddr *)&self, sizeof self);
    int strict = 1;
    setsockopt(fd, SOL_NETLINK, NETLINK_GET_STRICT_CHK, &strict, sizeof strict);
    routes(fd);
    neighbour_tables(fd);
    traffic_control(fd);
    next_hops(fd);
    links(fd);
    close(fd);
    return 0;
}
