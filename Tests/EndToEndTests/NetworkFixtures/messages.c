/* Socket messages and options, for NetworkDifferentialTests: sendmsg/recvmsg with iovecs and
 * control messages (SCM_RIGHTS, SCM_CREDENTIALS, IP_PKTINFO, IP_TTL), sendmmsg, and
 * setsockopt/getsockopt at each level with short, long and NULL values. Only socketpairs and
 * loopback: nothing leaves the machine. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <string.h>
#include <time.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <sys/un.h>
#include <unistd.h>

static void unixMessages(void) {
    int pair[2];
    socketpair(AF_UNIX, SOCK_DGRAM, 0, pair);
    int one = 1;
    setsockopt(pair[1], SOL_SOCKET, SO_PASSCRED, &one, sizeof one);
    char data[] = "abc";
    struct iovec iov[2] = {{data, 3}, {data, 2}};
    char control[CMSG_SPACE(sizeof(int) * 2) + CMSG_SPACE(sizeof(struct ucred))];
    memset(control, 0, sizeof control);
    struct msghdr msg = {.msg_iov = iov, .msg_iovlen = 2, .msg_control = control, .msg_controllen = sizeof control};
    struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
    c->cmsg_level = SOL_SOCKET;
    c->cmsg_type = SCM_RIGHTS;
    c->cmsg_len = CMSG_LEN(sizeof(int) * 2);
    int fds[2] = {0, 1};
    memcpy(CMSG_DATA(c), fds, sizeof fds);
    c = CMSG_NXTHDR(&msg, c);
    c->cmsg_level = SOL_SOCKET;
    c->cmsg_type = SCM_CREDENTIALS;
    c->cmsg_len = CMSG_LEN(sizeof(struct ucred));
    struct ucred cred = {getpid(), 0, 0};
    memcpy(CMSG_DATA(c), &cred, sizeof cred);
    sendmsg(pair[0], &msg, MSG_DONTWAIT);

    char buffer[16], received[256];
    struct iovec riov[2] = {{buffer, 4}, {buffer + 4, sizeof buffer - 4}};
    struct msghdr rmsg = {.msg_iov = riov, .msg_iovlen = 2, .msg_control = received, .msg_controllen = sizeof received};
    recvmsg(pair[1], &rmsg, MSG_CMSG_CLOEXEC);
    struct sockaddr_un from;
    rmsg.msg_name = &from;
    rmsg.msg_namelen = sizeof from;
    msg.msg_controllen = CMSG_SPACE(sizeof(int) * 2);
    sendmsg(pair[0], &msg, 0);
    rmsg.msg_controllen = sizeof received;
    recvmsg(pair[1], &rmsg, 0);
    recvmsg(pair[1], &rmsg, MSG_DONTWAIT);
    rmsg.msg_iov = NULL;
    recvmsg(pair[1], &rmsg, MSG_DONTWAIT);

    struct mmsghdr many[2] = {{.msg_hdr = msg}, {.msg_hdr = msg}};
    many[0].msg_hdr.msg_control = NULL;
    many[0].msg_hdr.msg_controllen = 0;
    many[1].msg_hdr.msg_control = NULL;
    many[1].msg_hdr.msg_controllen = 0;
    many[1].msg_hdr.msg_iovlen = 1;
    sendmmsg(pair[0], many, 2, 0);
    sendmsg(pair[0], NULL, 0);
    sendmsg(pair[0], (void *)1, 0);
    recvmsg(-1, NULL, 0);

    socklen_t length = sizeof cred;
    getsockopt(pair[0], SOL_SOCKET, SO_PEERCRED, &cred, &length);
    length = 4;
    getsockopt(pair[0], SOL_SOCKET, SO_PEERCRED, &cred, &length);
    close(pair[0]);
    close(pair[1]);
}

static void udpMessages(void) {
    int udp = socket(AF_INET, SOCK_DGRAM, 0);
    struct sockaddr_in address = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    bind(udp, (struct sockaddr *)&address, sizeof address);
    socklen_t length = sizeof address;
    getsockname(udp, (struct sockaddr *)&address, &length);
    int one = 1;
    setsockopt(udp, SOL_IP, IP_PKTINFO, &one, sizeof one);
    setsockopt(udp, SOL_IP, IP_RECVTTL, &one, sizeof one);
    struct iovec iov = {"udp", 3};
    struct msghdr msg = {.msg_name = &address, .msg_namelen = sizeof address, .msg_iov = &iov, .msg_iovlen = 1};
    sendmsg(udp, &msg, 0);
    char buffer[8], control[128];
    struct sockaddr_in from;
    struct iovec riov = {buffer, sizeof buffer};
    struct msghdr rmsg = {.msg_name = &from, .msg_namelen = sizeof from, .msg_iov = &riov, .msg_iovlen = 1,
                          .msg_control = control, .msg_controllen = sizeof control};
    recvmsg(udp, &rmsg, 0);
    close(udp);
}

static void options(void) {
    int s = socket(AF_INET, SOCK_STREAM, 0);
    long long value = 1;
    setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &value, 8);
    setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &value, 3);
    setsockopt(s, SOL_SOCKET, SO_RCVBUF, NULL, 4);
    setsockopt(s, SOL_TCP, TCP_NODELAY, &value, 4);
    setsockopt(s, SOL_TCP, TCP_NODELAY, &value, 8);
    setsockopt(s, SOL_IP, IP_TTL, &value, 2);
    setsockopt(s, SOL_IPV6, IPV6_V6ONLY, &value, 4);
    setsockopt(s, SOL_SOCKET, SO_BINDTODEVICE, "lo", 3);
    setsockopt(s, 999, 1, &value, 8);
    setsockopt(s, SOL_SOCKET, 999, &value, 4);
    struct linger linger = {1, 5};
    setsockopt(s, SOL_SOCKET, SO_LINGER, &linger, sizeof linger);
    socklen_t length = 8;
    getsockopt(s, SOL_SOCKET, SO_RCVBUF, &value, &length);
    length = 2;
    getsockopt(s, SOL_SOCKET, SO_TYPE, &value, &length);
    length = 4;
    getsockopt(s, SOL_SOCKET, SO_ERROR, &value, &length);
    length = sizeof linger;
    getsockopt(s, SOL_SOCKET, SO_LINGER, &linger, &length);
    length = 8;
    getsockopt(s, SOL_TCP, TCP_NODELAY, &value, &length);
    getsockopt(s, 999, 2, &value, &length);
    getsockopt(s, SOL_SOCKET, SO_ERROR, &value, NULL);
    close(s);
}

/* recvmmsg: two datagrams at once, a timeout and the time it left, nothing waiting, a bad fd. */
static void multipleMessages(void) {
    int pair[2];
    socketpair(AF_UNIX, SOCK_DGRAM, 0, pair);
    write(pair[0], "one", 3);
    write(pair[0], "two!", 4);
    char first[8], second[8];
    struct iovec firstVector = {first, sizeof first}, secondVector = {second, sizeof second};
    struct mmsghdr messages[2];
    memset(messages, 0, sizeof messages);
    messages[0].msg_hdr.msg_iov = &firstVector;
    messages[0].msg_hdr.msg_iovlen = 1;
    messages[1].msg_hdr.msg_iov = &secondVector;
    messages[1].msg_hdr.msg_iovlen = 1;
    recvmmsg(pair[1], messages, 2, 0, NULL);
    write(pair[0], "three", 5);
    struct timespec timeout = {1, 0};
    recvmmsg(pair[1], messages, 2, MSG_DONTWAIT, &timeout);
    recvmmsg(pair[1], messages, 2, MSG_DONTWAIT, &timeout);
    recvmmsg(-1, messages, 2, 0, NULL);
    close(pair[0]);
    close(pair[1]);
}

int main(void) {
    unixMessages();
    udpMessages();
    options();
    multipleMessages();
    return 0;
}
