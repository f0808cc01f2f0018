/* Sockets and their addresses, for NetworkDifferentialTests: every call here is compared line by
 * line with Debian's strace. Only loopback, socketpair and unix sockets: no packet leaves the
 * machine and no name is looked up. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <linux/netlink.h>
#include <linux/if_packet.h>
#include <linux/vm_sockets.h>
#include <linux/if_alg.h>
#include <linux/if_xdp.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <netinet/udp.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <unistd.h>

/* A page that is not mapped: reads there fail, so the tracer prints the address. */
static void *unmapped(void) {
    char *page = mmap(NULL, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    munmap(page, 4096);
    return page;
}

static void inet(void) {
    int server = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, IPPROTO_TCP);
    int one = 1;
    setsockopt(server, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in address = {.sin_family = AF_INET, .sin_port = 0, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    bind(server, (struct sockaddr *)&address, sizeof address);
    listen(server, 16);
    socklen_t length = sizeof address;
    getsockname(server, (struct sockaddr *)&address, &length);
    int client = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    connect(client, (struct sockaddr *)&address, sizeof address);
    struct sockaddr_storage peer;
    socklen_t peerLength = sizeof peer;
    int accepted = accept4(server, (struct sockaddr *)&peer, &peerLength, SOCK_CLOEXEC);
    peerLength = sizeof peer;
    getpeername(accepted, (struct sockaddr *)&peer, &peerLength);
    setsockopt(client, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    int value = 0;
    socklen_t valueLength = sizeof value;
    getsockopt(client, SOL_SOCKET, SO_ERROR, &value, &valueLength);
    getsockopt(client, SOL_SOCKET, SO_TYPE, &value, &valueLength);
    getsockopt(client, SOL_SOCKET, SO_RCVBUF, &value, &valueLength);
    sendto(client, "hello", 5, MSG_NOSIGNAL, NULL, 0);
    char buffer[64];
    recvfrom(accepted, buffer, sizeof buffer, 0, NULL, NULL);
    send(accepted, "x", 1, MSG_DONTWAIT);
    recv(client, buffer, sizeof buffer, MSG_PEEK);
    shutdown(client, SHUT_WR);
    shutdown(accepted, SHUT_RDWR);
    close(client);
    close(accepted);
    close(server);

    int udp = socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP);
    struct sockaddr_in any = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    bind(udp, (struct sockaddr *)&any, sizeof any);
    length = sizeof any;
    getsockname(udp, (struct sockaddr *)&any, &length);
    sendto(udp, "ping", 4, 0, (struct sockaddr *)&any, sizeof any);
    struct sockaddr_in from;
    socklen_t fromLength = sizeof from;
    recvfrom(udp, buffer, sizeof buffer, 0, (struct sockaddr *)&from, &fromLength);
    setsockopt(udp, IPPROTO_IP, IP_TTL, &one, sizeof one);
    setsockopt(udp, IPPROTO_IP, IP_PKTINFO, &one, sizeof one);
    close(udp);
}

static void inet6(void) {
    int server = socket(AF_INET6, SOCK_STREAM, 0);
    int one = 1;
    setsockopt(server, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof one);
    struct sockaddr_in6 address = {.sin6_family = AF_INET6, .sin6_addr = IN6ADDR_LOOPBACK_INIT};
    bind(server, (struct sockaddr *)&address, sizeof address);
    listen(server, 1);
    socklen_t length = sizeof address;
    getsockname(server, (struct sockaddr *)&address, &length);
    int client = socket(AF_INET6, SOCK_STREAM, IPPROTO_TCP);
    connect(client, (struct sockaddr *)&address, sizeof address);
    int accepted = accept(server, NULL, NULL);
    close(accepted);
    close(client);
    close(server);
    /* A scope id and flow info, and a v4-mapped address; the connect fails. */
    int udp = socket(AF_INET6, SOCK_DGRAM, 0);
    struct sockaddr_in6 scoped = {.sin6_family = AF_INET6, .sin6_port = htons(9), .sin6_flowinfo = htonl(5),
                                  .sin6_scope_id = 1};
    inet_pton(AF_INET6, "fe80::1", &scoped.sin6_addr);
    connect(udp, (struct sockaddr *)&scoped, sizeof scoped);
    inet_pton(AF_INET6, "::ffff:127.0.0.1", &scoped.sin6_addr);
    scoped.sin6_scope_id = 0;
    connect(udp, (struct sockaddr *)&scoped, sizeof scoped);
    close(udp);
}

static void unixSockets(void) {
    int pair[2];
    socketpair(AF_UNIX, SOCK_STREAM, 0, pair);
    write(pair[0], "a", 1);
    close(pair[0]);
    close(pair[1]);
    socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC | SOCK_NONBLOCK, 0, pair);
    close(pair[0]);
    close(pair[1]);

    int server = socket(AF_UNIX, SOCK_STREAM, 0);
    /* The 64-bit and i386 runs may overlap: each ABI has its own name. */
    struct sockaddr_un abstract = {.sun_family = AF_UNIX};
    memcpy(abstract.sun_path, sizeof(void *) == 8 ? "\0swtrace-net-64" : "\0swtrace-net-32", 16);
    bind(server, (struct sockaddr *)&abstract, offsetof(struct sockaddr_un, sun_path) + 16);
    listen(server, 4);
    int client = socket(AF_UNIX, SOCK_STREAM, 0);
    connect(client, (struct sockaddr *)&abstract, offsetof(struct sockaddr_un, sun_path) + 16);
    struct sockaddr_un peer;
    socklen_t peerLength = sizeof peer;
    int accepted = accept(server, (struct sockaddr *)&peer, &peerLength);
    peerLength = sizeof peer;
    getsockname(accepted, (struct sockaddr *)&peer, &peerLength);
    close(accepted);
    close(client);
    close(server);

    int dgram = socket(AF_UNIX, SOCK_DGRAM, 0);
    struct sockaddr_un autobind = {.sun_family = AF_UNIX};
    bind(dgram, (struct sockaddr *)&autobind, sizeof(sa_family_t));
    peerLength = sizeof peer;
    getsockname(dgram, (struct sockaddr *)&peer, &peerLength);
    struct sockaddr_un path = {.sun_family = AF_UNIX, .sun_path = "/nonexistent/swtrace.sock"};
    connect(dgram, (struct sockaddr *)&path, sizeof path);
    connect(dgram, (struct sockaddr *)&path, offsetof(struct sockaddr_un, sun_path) + strlen(path.sun_path) + 1);
    close(dgram);
}

static void otherFamilies(void) {
    int netlink = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
    struct sockaddr_nl nl = {.nl_family = AF_NETLINK, .nl_groups = 0x11};
    bind(netlink, (struct sockaddr *)&nl, sizeof nl);
    socklen_t length = sizeof nl;
    getsockname(netlink, (struct sockaddr *)&nl, &length);
    close(netlink);
    close(socket(AF_NETLINK, SOCK_DGRAM, NETLINK_SOCK_DIAG));
    close(socket(AF_NETLINK, SOCK_RAW, NETLINK_AUDIT));
    close(socket(AF_NETLINK, SOCK_RAW, NETLINK_GENERIC));
    close(socket(AF_NETLINK, SOCK_RAW, 99));

    /* Packet sockets need CAP_NET_RAW: the address is printed whether or not the call works. */
    int fd = socket(AF_INET, SOCK_DGRAM, 0);
    struct sockaddr_ll ll = {.sll_family = AF_PACKET, .sll_protocol = htons(0x0800), .sll_ifindex = 1,
                             .sll_hatype = 1, .sll_pkttype = 0, .sll_halen = 6, .sll_addr = {1, 2, 3, 4, 5, 6}};
    connect(fd, (struct sockaddr *)&ll, sizeof ll);
    struct sockaddr_vm vm = {.svm_family = AF_VSOCK, .svm_port = 1234, .svm_cid = VMADDR_CID_LOCAL};
    connect(fd, (struct sockaddr *)&vm, sizeof vm);
    struct sockaddr_alg alg = {.salg_family = AF_ALG, .salg_type = "hash", .salg_name = "sha256"};
    connect(fd, (struct sockaddr *)&alg, sizeof alg);
    struct sockaddr unknown = {.sa_family = 200, .sa_data = "abc"};
    connect(fd, &unknown, sizeof unknown);
    connect(fd, (struct sockaddr *)&unknown, 1);
    connect(fd, NULL, 0);
    connect(fd, unmapped(), 16);
    struct sockaddr_in shortInet = {.sin_family = AF_INET, .sin_port = htons(80)};
    connect(fd, (struct sockaddr *)&shortInet, 8);
    bind(fd, (struct sockaddr *)&shortInet, 200);
    close(fd);

    socket(AF_INET, SOCK_RAW, IPPROTO_ICMP);
    socket(AF_INET6, SOCK_DGRAM, IPPROTO_ICMPV6);
    socket(250, 77, 5);
    socket(AF_PACKET, SOCK_RAW, htons(0x0003));
    socket(AF_INET, SOCK_STREAM | 0x4000, 0);
    listen(-1, 0);
    getsockname(-1, NULL, NULL);
    getpeername(0, NULL, unmapped());
    accept(-1, NULL, NULL);
    shutdown(-1, 7);
}

/* AF_XDP and Bluetooth addresses, given to connect on no descriptor (EBADF): only printed. */
static void moreFamilies(void) {
    struct sockaddr_xdp xdp = {.sxdp_family = AF_XDP, .sxdp_flags = XDP_SHARED_UMEM | XDP_COPY,
                               .sxdp_ifindex = 1, .sxdp_queue_id = 3, .sxdp_shared_umem_fd = 4};
    connect(-1, (struct sockaddr *)&xdp, sizeof xdp);
    unsigned char bluetooth[14] = {AF_BLUETOOTH, 0, 1, 2, 3, 4, 5, 6, 7};
    connect(-1, (struct sockaddr *)bluetooth, 8);  /* SCO */
    connect(-1, (struct sockaddr *)bluetooth, 10); /* RFCOMM */
}

int main(int argc, char **argv) {
    inet();
    inet6();
    unixSockets();
    otherFamilies();
    moreFamilies();
    return 0;
}
