# getsockopt/setsockopt across levels: SOL_SOCKET (ints, linger, timeouts), IPPROTO_TCP,
# IPPROTO_IP, IPPROTO_IPV6; a failing option; the socket's domain, type and protocol.
import socket
import struct

tcp = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
tcp.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)
tcp.getsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE)
tcp.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 5))
tcp.getsockopt(socket.SOL_SOCKET, socket.SO_LINGER, 8)
tcp.setsockopt(socket.SOL_SOCKET, socket.SO_RCVTIMEO, struct.pack("ll", 2, 500000))
tcp.getsockopt(socket.SOL_SOCKET, socket.SO_RCVTIMEO, 16)
tcp.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 65536)
tcp.getsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF)
tcp.getsockopt(socket.SOL_SOCKET, socket.SO_TYPE)
tcp.getsockopt(socket.SOL_SOCKET, socket.SO_DOMAIN)
tcp.getsockopt(socket.SOL_SOCKET, socket.SO_PROTOCOL)
tcp.getsockopt(socket.SOL_SOCKET, socket.SO_ACCEPTCONN)
tcp.setsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPIDLE, 30)
tcp.getsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPIDLE)
tcp.getsockopt(socket.IPPROTO_TCP, socket.TCP_MAXSEG)
tcp.setsockopt(socket.IPPROTO_IP, socket.IP_TTL, 32)
tcp.getsockopt(socket.IPPROTO_IP, socket.IP_TTL)
try:
    tcp.setsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPIDLE, -1)
except OSError:
    pass
tcp.close()

six = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
six.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_UNICAST_HOPS, 7)
six.getsockopt(socket.IPPROTO_IPV6, socket.IPV6_UNICAST_HOPS)
six.getsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY)
six.close()
