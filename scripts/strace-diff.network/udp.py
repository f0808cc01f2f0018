# UDP on loopback: datagrams by address (sendto/recvfrom), on a connected socket (send/recv), and
# with ancillary data (IP_PKTINFO, IPV6_RECVPKTINFO, IP_RECVTTL) read by recvmsg.
import socket

IP_PKTINFO, IP_RECVTTL = 8, 12  # <linux/in.h>; Python's socket module names neither

receiver = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
receiver.bind(("127.0.0.1", 0))
sender = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
sender.setsockopt(socket.IPPROTO_IP, socket.IP_TOS, 0x10)
sender.sendto(b"first datagram", receiver.getsockname())
receiver.recvfrom(64)

sender.connect(receiver.getsockname())
sender.send(b"connected")
receiver.recv(64)

receiver.setsockopt(socket.IPPROTO_IP, IP_PKTINFO, 1)
receiver.setsockopt(socket.IPPROTO_IP, IP_RECVTTL, 1)
sender.send(b"with control data")
receiver.recvmsg(64, 256)

six = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
six.bind(("::1", 0))
six.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_RECVPKTINFO, 1)
sender6 = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
sender6.sendto(b"over ipv6", six.getsockname())
six.recvmsg(64, 256)

for s in (receiver, sender, six, sender6):
    s.close()
