/* Netlink messages, for NetworkDifferentialTests: route requests and the kernel's answers
 * (addresses, one link, routes, errors and acks), short and odd buffers, sendmsg/recvmsg with
 * netlink iovecs, and the other families' headers (sock_diag, audit, generic). No packet leaves
 * the machine: netlink talks to this kernel only. */
#define _GNU_SOURCE
#include <linux/audit.h>
#include <linux/genetlink.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/sock_diag.h>
#include <linux/unix_diag.h>
#include <net/if.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

static char reply[65536];

/* Sends one request and reads every answer up to NLMSG_DONE, an error or a non-multipart one. */
static void request(int fd, void *message, size_t length) {
    struct sockaddr_nl kernel = {.nl_family = AF_NETLINK};
    sendto(fd, message, length, 0, (struct sockaddr *)&kernel, sizeof kernel);
    for (;;) {
        ssize_t got = recv(fd, reply, sizeof reply, 0);
        if (got <= 0) return;
        struct nlmsghdr *last = (struct nlmsghdr *)reply;
        int more = 0;
        for (struct nlmsghdr *h = last; NLMSG_OK(h, (size_t)got); h = NLMSG_NEXT(h, got)) {
            more = (h->nlmsg_flags & NLM_F_MULTI) && h->nlmsg_type != NLMSG_DONE && h->nlmsg_type != NLMSG_ERROR;
        }
        if (!more) return;
    }
}

static void route(void) {
    int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
    struct sockaddr_nl self = {.nl_family = AF_NETLINK};
    bind(fd, (struct sockaddr *)&self, sizeof self);
    struct {
        struct nlmsghdr header;
        struct ifaddrmsg body;
    } addresses = {{sizeof addresses, RTM_GETADDR, NLM_F_REQUEST | NLM_F_DUMP, 1, 0}, {.ifa_family = AF_INET}};
    request(fd, &addresses, sizeof addresses);
    struct {
        struct nlmsghdr header;
        struct ifinfomsg body;
    } link = {{sizeof link, RTM_GETLINK, NLM_F_REQUEST, 2, 0}, {.ifi_family = AF_UNSPEC, .ifi_index = 1}};
    request(fd, &link, sizeof link);
    struct {
        struct nlmsghdr header;
        struct rtmsg body;
    } routes = {{sizeof routes, RTM_GETROUTE, NLM_F_REQUEST | NLM_F_DUMP, 3, 0}, {.rtm_family = AF_INET}};
    request(fd, &routes, sizeof routes);
    /* An unknown interface: the kernel answers with NLMSG_ERROR carrying the request. */
    link.header.nlmsg_seq = 4;
    link.body.ifi_index = 99999;
    request(fd, &link, sizeof link);
    /* A request with an ack, and one the kernel refuses. */
    struct {
        struct nlmsghdr header;
        struct ifaddrmsg body;
    } remove = {{sizeof remove, RTM_DELADDR, NLM_F_REQUEST | NLM_F_ACK, 5, 0}, {.ifa_family = AF_INET, .ifa_index = 99999}};
    request(fd, &remove, sizeof remove);
    struct nlmsghdr odd = {sizeof odd, 0x7ff, NLM_F_REQUEST | NLM_F_ACK | 0x8000, 6, 0};
    request(fd, &odd, sizeof odd);
    /* Buffers shorter than a header, and two messages in one buffer. */
    sendto(fd, "abcd", 4, MSG_DONTWAIT, NULL, 0);
    struct nlmsghdr pair[2] = {{sizeof pair[0], NLMSG_NOOP, NLM_F_REQUEST, 7, 0}, {sizeof pair[1], NLMSG_NOOP, 0, 8, 0}};
    sendto(fd, pair, sizeof pair, MSG_DONTWAIT, NULL, 0);
    /* sendmsg and recvmsg carry netlink in their iovecs. */
    addresses.header.nlmsg_seq = 9;
    addresses.body.ifa_family = AF_INET6;
    struct iovec out = {&addresses, sizeof addresses};
    struct msghdr message = {.msg_iov = &out, .msg_iovlen = 1};
    sendmsg(fd, &message, 0);
    struct iovec in = {reply, sizeof reply};
    struct sockaddr_nl sender;
    struct msghdr answer = {.msg_name = &sender, .msg_namelen = sizeof sender, .msg_iov = &in, .msg_iovlen = 1};
    recvmsg(fd, &answer, 0);
    recvmsg(fd, &answer, MSG_DONTWAIT);
    close(fd);
}

static void others(void) {
    struct sockaddr_nl self = {.nl_family = AF_NETLINK};
    int diag = socket(AF_NETLINK, SOCK_RAW, NETLINK_SOCK_DIAG);
    /* Unbound, a netlink socket is in no table the tracer can look in: strace names no family. */
    sendto(diag, "\x14\0\0\0\x14\0\1\0\1\0\0\0\0\0\0\0", 16, MSG_DONTWAIT, NULL, 0);
    bind(diag, (struct sockaddr *)&self, sizeof self);
    struct {
        struct nlmsghdr header;
        struct unix_diag_req body;
    } unix_request = {{sizeof unix_request, SOCK_DIAG_BY_FAMILY, NLM_F_REQUEST | NLM_F_DUMP, 1, 0},
                      {.sdiag_family = AF_UNIX, .udiag_states = -1, .udiag_show = UDIAG_SHOW_NAME}};
    sendto(diag, &unix_request, sizeof unix_request, 0, NULL, 0);
    close(diag);
    int audit = socket(AF_NETLINK, SOCK_RAW, NETLINK_AUDIT);
    struct nlmsghdr status = {sizeof status, AUDIT_GET, NLM_F_REQUEST | NLM_F_ACK, 1, 0};
    bind(audit, (struct sockaddr *)&self, sizeof self);
    sendto(audit, &status, sizeof status, 0, NULL, 0);
    close(audit);
    int generic = socket(AF_NETLINK, SOCK_RAW, NETLINK_GENERIC);
    struct {
        struct nlmsghdr header;
        struct genlmsghdr body;
    } family = {{sizeof family, GENL_ID_CTRL, NLM_F_REQUEST, 1, 0}, {.cmd = CTRL_CMD_GETFAMILY, .version = 1}};
    bind(generic, (struct sockaddr *)&self, sizeof self);
    sendto(generic, &family, sizeof family, 0, NULL, 0);
    close(generic);
}

int main(void) {
    route();
    others();
    return 0;
}
