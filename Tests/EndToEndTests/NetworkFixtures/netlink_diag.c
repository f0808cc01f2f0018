/* sock_diag requests and answers of every family strace decodes (inet with its bytecode and
 * congestion-control infos, netlink, packet, smc), generic netlink messages of families numbered
 * at run time, and the other netlink protocols' message types (audit, xfrm, netfilter, selinux,
 * uevent), for NetworkDifferentialTests. Every socket is bound to one fixed port id and sends
 * its crafted messages to itself, never to the kernel (which would load diag modules, or act on
 * audit, xfrm and conntrack requests); only the generic family lookup and AUDIT_GET go to the
 * kernel. Nothing leaves the machine or changes it. */
#define _GNU_SOURCE
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/genetlink.h>
#include <linux/inet_diag.h>
#include <linux/netfilter/nfnetlink.h>
#include <linux/netfilter/nfnetlink_conntrack.h>
#include <linux/netlink.h>
#include <linux/netlink_diag.h>
#include <linux/packet_diag.h>
#include <linux/selinux_netlink.h>
#include <linux/smc_diag.h>
#include <linux/sock_diag.h>
#include <linux/tcp.h>
#include <linux/xdp_diag.h>
#include <linux/xfrm.h>
#include <netinet/in.h>
#include <stdint.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#ifndef AF_SMC
#define AF_SMC 43
#endif
#ifndef AF_XDP
#define AF_XDP 44
#endif

static unsigned char message[1024];
static size_t used;

/* A message is built in `message`: a header, a payload struct, then attributes. */
static void begin(uint16_t type, uint16_t flags) {
    memset(message, 0, sizeof message);
    struct nlmsghdr header = {0, type, flags, 1, 0};
    memcpy(message, &header, sizeof header);
    used = NLMSG_HDRLEN;
}

static void put(const void *data, size_t length) {
    memcpy(message + used, data, length);
    used += NLMSG_ALIGN(length);
}

static void attribute(uint16_t type, const void *data, size_t length) {
    struct nlattr header = {(uint16_t)(NLA_HDRLEN + length), type};
    memcpy(message + used, &header, sizeof header);
    memcpy(message + used + NLA_HDRLEN, data, length);
    used += NLA_HDRLEN + NLA_ALIGN(length);
}

/* The port id every socket here binds (one namespace per protocol), so that the addresses in
 * the trace are the same in every run. */
static const struct sockaddr_nl self = {.nl_family = AF_NETLINK, .nl_pid = 0x4e4c4447};

/* To this socket itself: the kernel never sees the message. */
static void send_message(int fd) {
    ((struct nlmsghdr *)message)->nlmsg_len = (uint32_t)used;
    sendto(fd, message, used, MSG_DONTWAIT, (const struct sockaddr *)&self, sizeof self);
}

static void send_to_kernel(int fd) {
    ((struct nlmsghdr *)message)->nlmsg_len = (uint32_t)used;
    sendto(fd, message, used, 0, NULL, 0);
}

static int netlink_socket(int protocol) {
    int fd = socket(AF_NETLINK, SOCK_RAW, protocol);
    bind(fd, (const struct sockaddr *)&self, sizeof self);
    return fd;
}

/* An inet request for one socket with a one-op bytecode whose data follows the op. */
static void inet_request(int fd, uint8_t family, struct inet_diag_bc_op op, const void *data, size_t length) {
    begin(SOCK_DIAG_BY_FAMILY, NLM_F_REQUEST);
    struct inet_diag_req_v2 request = {
        .sdiag_family = family, .sdiag_protocol = IPPROTO_TCP,
        .idiag_ext = 1 << (INET_DIAG_INFO - 1) | 1 << (INET_DIAG_CONG - 1) | 0x80,
        .idiag_states = 1 << 10, .id = {.idiag_sport = htons(1), .idiag_cookie = {INET_DIAG_NOCOOKIE, INET_DIAG_NOCOOKIE}},
    };
    put(&request, sizeof request);
    unsigned char bytecode[64];
    memcpy(bytecode, &op, sizeof op);
    memcpy(bytecode + sizeof op, data, length);
    attribute(INET_DIAG_REQ_BYTECODE, bytecode, sizeof op + length);
    send_message(fd);
}

static void inet(int fd) {
    struct {
        struct inet_diag_hostcond cond;
        uint32_t address[4];
    } host4 = {{AF_INET, 32, 80}, {htonl(INADDR_LOOPBACK)}}, host6 = {{AF_INET6, 128, -1}, {0, 0, 0, htonl(1)}};
    inet_request(fd, AF_INET, (struct inet_diag_bc_op){INET_DIAG_BC_S_COND, 4, 8}, &host4, sizeof host4.cond + 4);
    inet_request(fd, AF_INET6, (struct inet_diag_bc_op){INET_DIAG_BC_D_COND, 4, 8}, &host6, sizeof host6);
    inet_request(fd, AF_INET, (struct inet_diag_bc_op){INET_DIAG_BC_S_COND, 4, 8}, &host4, 3);
    struct inet_diag_bc_op port = {INET_DIAG_BC_NOP, 0, 1024};
    inet_request(fd, AF_INET, (struct inet_diag_bc_op){INET_DIAG_BC_D_GE, 8, 12}, &port, sizeof port);
    uint32_t loopback = 1;
    inet_request(fd, AF_INET, (struct inet_diag_bc_op){INET_DIAG_BC_DEV_COND, 8, 12}, &loopback, sizeof loopback);
    struct inet_diag_markcond mark = {0x10, 0xff};
    inet_request(fd, AF_INET, (struct inet_diag_bc_op){INET_DIAG_BC_MARK_COND, 12, 16}, &mark, sizeof mark);
    inet_request(fd, AF_INET, (struct inet_diag_bc_op){INET_DIAG_BC_JMP, 4, 8}, "\1\2\3\4", 4);
    inet_request(fd, AF_INET, (struct inet_diag_bc_op){INET_DIAG_BC_AUTO, 4, 8}, NULL, 0);
    inet_request(fd, AF_INET, (struct inet_diag_bc_op){99, 4, 8}, "\1\2", 2);

    /* An answer with the congestion-control infos and the attributes strace leaves in hex. */
    begin(SOCK_DIAG_BY_FAMILY, NLM_F_MULTI);
    struct inet_diag_msg answer = {.idiag_family = AF_INET, .idiag_state = 1, .idiag_inode = 1234,
                                   .id = {.idiag_sport = htons(80), .idiag_src = {htonl(INADDR_LOOPBACK)}}};
    put(&answer, sizeof answer);
    struct tcpvegas_info vegas = {1, 2, 3, 4};
    attribute(INET_DIAG_VEGASINFO, &vegas, sizeof vegas);
    struct tcp_dctcp_info dctcp = {1, 2, 3, 4, 5};
    attribute(INET_DIAG_DCTCPINFO, &dctcp, sizeof dctcp);
    struct tcp_bbr_info bbr = {0x12345678, 0x9abc, 18, 256, 512};
    attribute(INET_DIAG_BBRINFO, &bbr, sizeof bbr);
    attribute(INET_DIAG_VEGASINFO, &vegas, 8);
    struct tcp_info info = {.tcpi_state = 1, .tcpi_rto = 200000, .tcpi_snd_mss = 32768};
    attribute(INET_DIAG_INFO, &info, 40);
    attribute(INET_DIAG_SHUTDOWN, "\3", 1);
    attribute(INET_DIAG_LOCALS, "\1\2\3\4\5\6\7\10", 8);
    attribute(INET_DIAG_CLASS_ID, "\1\0\0\0", 4);
    send_message(fd);

    begin(SOCK_DIAG_BY_FAMILY, NLM_F_MULTI);
    put(&answer, 20);
    send_message(fd);
    begin(SOCK_DIAG_BY_FAMILY, NLM_F_REQUEST);
    struct inet_diag_req_v2 short_request = {.sdiag_family = AF_INET6};
    put(&short_request, 8);
    send_message(fd);

    begin(SOCK_DIAG_BY_FAMILY, NLM_F_MULTI);
    put(&answer, sizeof answer);
    struct tcp_diag_md5sig signature = {AF_INET, 32, 4, {htonl(INADDR_LOOPBACK)}, "key!"};
    attribute(INET_DIAG_MD5SIG, &signature, sizeof signature);
    unsigned char ulp[32] = {0};
    struct nlattr name = {NLA_HDRLEN + 4, INET_ULP_INFO_NAME};
    memcpy(ulp, &name, sizeof name);
    memcpy(ulp + NLA_HDRLEN, "tls", 4);
    attribute(INET_DIAG_ULP_INFO | NLA_F_NESTED, ulp, 8);
    attribute(INET_DIAG_SK_BPF_STORAGES, "\0\0\0\0", 4);
    attribute(INET_DIAG_SOCKOPT + 1, "\1\2", 2);
    send_message(fd);
}

static void netlink_family(int fd) {
    begin(SOCK_DIAG_BY_FAMILY, NLM_F_REQUEST | NLM_F_DUMP);
    struct netlink_diag_req all = {.sdiag_family = AF_NETLINK, .sdiag_protocol = NDIAG_PROTO_ALL,
                                   .ndiag_show = NDIAG_SHOW_MEMINFO | NDIAG_SHOW_GROUPS | NDIAG_SHOW_FLAGS | 0x100};
    put(&all, sizeof all);
    send_message(fd);
    begin(SOCK_DIAG_BY_FAMILY, NLM_F_REQUEST | NLM_F_DUMP);
    struct netlink_diag_req one = {.sdiag_family = AF_NETLINK, .sdiag_protocol = NETLINK_ROUTE, .ndiag_ino = 123,
                                   .ndiag_show = NDIAG_SHOW_RING_CFG, .ndiag_cookie = {1, 2}};
    put(&one, sizeof one);
    send_message(fd);

    begin(SOCK_DIAG_BY_FAMILY, NLM_F_MULTI);
    struct netlink_diag_msg answer = {.ndiag_family = AF_NETLINK, .ndiag_type = SOCK_RAW, .ndiag_protocol = NETLINK_GENERIC,
                                      .ndiag_state = 7, .ndiag_portid = 1000, .ndiag_dst_portid = 0, .ndiag_dst_group = 2,
                                      .ndiag_ino = 4321, .ndiag_cookie = {5, 6}};
    put(&answer, sizeof answer);
    uint32_t memory[9] = {1, 2, 3, 4, 5, 6, 7, 8, 9};
    attribute(NETLINK_DIAG_MEMINFO, memory, sizeof memory);
    unsigned long groups[2] = {0x5, 0};
    attribute(NETLINK_DIAG_GROUPS, groups, sizeof groups);
    struct netlink_diag_ring ring = {4096, 2, 2048, 4};
    attribute(NETLINK_DIAG_RX_RING, &ring, sizeof ring);
    attribute(NETLINK_DIAG_TX_RING, &ring, 8);
    uint32_t flags = NDIAG_FLAG_CB_RUNNING | NDIAG_FLAG_PKTINFO | NDIAG_FLAG_CAP_ACK | 0x100;
    attribute(NETLINK_DIAG_FLAGS, &flags, sizeof flags);
    attribute(NETLINK_DIAG_FLAGS + 1, &flags, sizeof flags);
    send_message(fd);
    begin(SOCK_DIAG_BY_FAMILY, NLM_F_MULTI);
    answer.ndiag_protocol = 99;
    answer.ndiag_state = 99;
    answer.ndiag_type = 99;
    put(&answer, sizeof answer);
    send_message(fd);
    begin(SOCK_DIAG_BY_FAMILY, NLM_F_MULTI);
    put(&answer, 12);
    send_message(fd);
}

static void packet_family(int fd) {
    begin(SOCK_DIAG_BY_FAMILY, NLM_F_REQUEST | NLM_F_DUMP);
    struct packet_diag_req request = {.sdiag_family = AF_PACKET, .pdiag_ino = 5,
                                      .pdiag_show = PACKET_SHOW_INFO | PACKET_SHOW_MCLIST | PACKET_SHOW_FILTER | 0x1000,
                                      .pdiag_cookie = {7, 8}};
    put(&request, sizeof request);
    send_message(fd);

    begin(SOCK_DIAG_BY_FAMILY, NLM_F_MULTI);
    struct packet_diag_msg answer = {.pdiag_family = AF_PACKET, .pdiag_type = SOCK_RAW, .pdiag_num = htons(0x0800),
                                     .pdiag_ino = 77, .pdiag_cookie = {1, 0}};
    put(&answer, sizeof answer);
    struct packet_diag_info info = {1, 1, 0, 100, 0, PDI_RUNNING | PDI_AUXDATA | PDI_VNETHDR | 0x100};
    attribute(PACKET_DIAG_INFO, &info, sizeof info);
    struct packet_diag_mclist list[2] = {{1, 2, 3, 6, {0x01, 0x00, 0x5e, 0, 0, 1}}, {1, 1, 1, 40}};
    attribute(PACKET_DIAG_MCLIST, list, sizeof list);
    struct packet_diag_ring ring = {4096, 4, 2048, 8, 60, 0, 1};
    attribute(PACKET_DIAG_RX_RING, &ring, sizeof ring);
    attribute(PACKET_DIAG_TX_RING, &ring, 12);
    uint32_t fanout = 0x10002, uid = 1000;
    attribute(PACKET_DIAG_FANOUT, &fanout, sizeof fanout);
    attribute(PACKET_DIAG_UID, &uid, sizeof uid);
    uint32_t memory[9] = {1, 2, 3, 4, 5, 6, 7, 8, 9};
    attribute(PACKET_DIAG_MEMINFO, memory, sizeof memory);
    struct sock_filter filter[2] = {BPF_STMT(BPF_LD | BPF_W | BPF_ABS, 12), BPF_STMT(BPF_RET | BPF_K, 0xffff)};
    attribute(PACKET_DIAG_FILTER, filter, sizeof filter);
    send_message(fd);
    begin(SOCK_DIAG_BY_FAMILY, NLM_F_MULTI);
    answer.pdiag_num = htons(0x1234);
    put(&answer, sizeof answer);
    attribute(PACKET_DIAG_FILTER + 1, "\1\2\3", 3);
    send_message(fd);
    begin(SOCK_DIAG_BY_FAMILY, NLM_F_REQUEST);
    put(&request, 6);
    send_message(fd);
}

static void smc_and_xdp(int fd) {
    begin(SOCK_DIAG_BY_FAMILY, NLM_F_REQUEST | NLM_F_DUMP);
    struct smc_diag_req smc = {.diag_family = AF_SMC, .diag_ext = 1 << (SMC_DIAG_CONNINFO - 1) | 1 << (SMC_DIAG_LGRINFO - 1),
                               .id = {.idiag_sport = htons(1), .idiag_src = {htonl(INADDR_LOOPBACK)}}};
    put(&smc, sizeof smc);
    send_message(fd);
    begin(SOCK_DIAG_BY_FAMILY, NLM_F_MULTI);
    struct smc_diag_msg answer = {.diag_family = AF_SMC, .diag_state = 1, .diag_mode = SMC_DIAG_MODE_FALLBACK_TCP,
                                  .diag_shutdown = 1, .diag_uid = 1000, .diag_inode = 99};
    put(&answer, sizeof answer);
    attribute(SMC_DIAG_SHUTDOWN, "\3", 1);
    struct smc_diag_fallback fallback = {0x03010000, 0};
    attribute(SMC_DIAG_FALLBACK, &fallback, sizeof fallback);
    struct smc_diag_conninfo connection = {.token = 1, .sndbuf_size = 2, .rx_prod = {0, 1, 2}, .tx_prod_flags = 3};
    attribute(SMC_DIAG_CONNINFO, &connection, sizeof connection);
    send_message(fd);

    begin(SOCK_DIAG_BY_FAMILY, NLM_F_REQUEST | NLM_F_DUMP);
    struct xdp_diag_req xdp = {.sdiag_family = AF_XDP, .xdiag_ino = 3, .xdiag_show = XDP_SHOW_INFO | XDP_SHOW_UMEM,
                               .xdiag_cookie = {1, 2}};
    put(&xdp, sizeof xdp);
    send_message(fd);
    begin(SOCK_DIAG_BY_FAMILY, NLM_F_MULTI);
    struct xdp_diag_msg xdp_answer = {.xdiag_family = AF_XDP, .xdiag_type = SOCK_RAW, .xdiag_ino = 3};
    put(&xdp_answer, sizeof xdp_answer);
    struct xdp_diag_info xdp_info = {1, 0};
    attribute(XDP_DIAG_INFO, &xdp_info, sizeof xdp_info);
    send_message(fd);
}

/* Finds a generic family's number as iproute2 does: CTRL_CMD_GETFAMILY by name. */
static uint16_t generic_family(int fd, const char *family) {
    begin(GENL_ID_CTRL, NLM_F_REQUEST);
    struct genlmsghdr header = {CTRL_CMD_GETFAMILY, 1};
    put(&header, sizeof header);
    attribute(CTRL_ATTR_FAMILY_NAME, family, strlen(family) + 1);
    send_to_kernel(fd);
    static unsigned char reply[8192];
    ssize_t got = recv(fd, reply, sizeof reply, 0);
    if (got < (ssize_t)(NLMSG_HDRLEN + GENL_HDRLEN)) return 0;
    struct nlmsghdr *answer = (struct nlmsghdr *)reply;
    if (answer->nlmsg_type != GENL_ID_CTRL) return 0;
    for (size_t at = NLMSG_HDRLEN + GENL_HDRLEN; at + NLA_HDRLEN <= answer->nlmsg_len;) {
        struct nlattr *found = (struct nlattr *)(reply + at);
        if (found->nla_len < NLA_HDRLEN) break;
        if (found->nla_type == CTRL_ATTR_FAMILY_ID) return *(uint16_t *)(reply + at + NLA_HDRLEN);
        at += NLA_ALIGN(found->nla_len);
    }
    return 0;
}

static void generic(void) {
    int fd = netlink_socket(NETLINK_GENERIC);
    uint16_t metrics = generic_family(fd, "tcp_metrics");
    /* A dump of no family's messages: sent, not read. */
    begin(metrics, NLM_F_REQUEST | NLM_F_DUMP);
    struct genlmsghdr header = {1, 1};
    put(&header, sizeof header);
    send_message(fd);
    begin(GENL_ID_CTRL, NLM_F_REQUEST | NLM_F_ACK);
    put(&header, sizeof header);
    send_message(fd);
    begin(0x7ff0, NLM_F_REQUEST);
    put(&header, sizeof header);
    send_message(fd);
    close(fd);
}

static void others(void) {
    int audit = netlink_socket(NETLINK_AUDIT);
    begin(AUDIT_GET, NLM_F_REQUEST);
    send_to_kernel(audit);
    static unsigned char reply[8192];
    recv(audit, reply, sizeof reply, 0);
    begin(AUDIT_USER_AVC, NLM_F_REQUEST);
    put("avc: ok", 8);
    send_message(audit);
    begin(AUDIT_SET, 0);
    struct audit_status status = {.mask = AUDIT_STATUS_PID, .pid = 1};
    put(&status, sizeof status);
    send_message(audit);
    close(audit);

    int xfrm = netlink_socket(NETLINK_XFRM);
    begin(XFRM_MSG_GETSA, NLM_F_REQUEST | NLM_F_DUMP);
    put("\0\0\0\0\0\0\0\0", 8);
    send_message(xfrm);
    begin(XFRM_MSG_NEWPOLICY, NLM_F_REQUEST | NLM_F_REPLACE | NLM_F_EXCL);
    send_message(xfrm);
    begin(XFRM_MSG_DELSA, NLM_F_REQUEST | NLM_F_NONREC);
    send_message(xfrm);
    begin(0x7f, NLM_F_REQUEST);
    send_message(xfrm);
    close(xfrm);

    int netfilter = netlink_socket(NETLINK_NETFILTER);
    begin(NFNL_SUBSYS_CTNETLINK << 8 | IPCTNL_MSG_CT_GET, NLM_F_REQUEST | NLM_F_DUMP);
    struct nfgenmsg generic_header = {AF_INET, NFNETLINK_V0, htons(3)};
    put(&generic_header, sizeof generic_header);
    send_message(netfilter);
    begin(NFNL_SUBSYS_CTNETLINK << 8 | IPCTNL_MSG_CT_DELETE, NLM_F_REQUEST | NLM_F_NONREC);
    put(&generic_header, sizeof generic_header);
    attribute(1, "\1\2\3\4", 4);
    send_message(netfilter);
    begin(NFNL_MSG_BATCH_BEGIN, NLM_F_REQUEST);
    put(&generic_header, sizeof generic_header);
    send_message(netfilter);
    begin(NFNL_SUBSYS_IPSET << 8 | 1, NLM_F_REQUEST);
    send_message(netfilter);
    begin(0x3f << 8 | 5, NLM_F_REQUEST);
    put(&generic_header, 2);
    send_message(netfilter);
    close(netfilter);

    int selinux = netlink_socket(NETLINK_SELINUX);
    begin(SELNL_MSG_SETENFORCE, NLM_F_REQUEST);
    struct selnl_msg_setenforce enforce = {1};
    put(&enforce, sizeof enforce);
    send_message(selinux);
    begin(SELNL_MSG_POLICYLOAD, 0);
    struct selnl_msg_policyload load = {42};
    put(&load, sizeof load);
    send_message(selinux);
    close(selinux);

    int uevent = netlink_socket(NETLINK_KOBJECT_UEVENT);
    sendto(uevent, "add@/devices/x\0ACTION=add\0", 26, MSG_DONTWAIT, (const struct sockaddr *)&self, sizeof self);
    unsigned char udev[40] = "libudev";
    uint32_t magic = htonl(0xfeedcafe);
    memcpy(udev + 8, &magic, 4);
    udev[12] = 40;
    udev[27] = 0x2a;
    udev[28] = 0x12;
    sendto(uevent, udev, sizeof udev, MSG_DONTWAIT, (const struct sockaddr *)&self, sizeof self);
    unsigned char properties[48] = {0};
    memcpy(properties, udev, sizeof udev);
    memcpy(properties + 40, "ACTION=\n", 8);
    sendto(uevent, properties, sizeof properties, MSG_DONTWAIT, (const struct sockaddr *)&self, sizeof self);
    close(uevent);
}

int main(void) {
    int diag = netlink_socket(NETLINK_SOCK_DIAG);
    inet(diag);
    netlink_family(diag);
    packet_family(diag);
    smc_and_xdp(diag);
    close(diag);
    generic();
    others();
    return 0;
}
