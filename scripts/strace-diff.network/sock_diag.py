# NETLINK_SOCK_DIAG queries for this program's own sockets, so the answers do not depend on what
# else runs on the machine: a TCP listener on 127.0.0.1 looked up by its address (inet_diag_req_v2),
# and a unix listener looked up by its inode (unix_diag_req), each answered by one message.
import os
import socket
import struct

NETLINK_SOCK_DIAG, SOCK_DIAG_BY_FAMILY = 4, 20
NLM_F_REQUEST = 1
UDIAG_SHOW_NAME, UDIAG_SHOW_PEER, UDIAG_SHOW_RQLEN = 0x1, 0x4, 0x10


def ask(netlink, payload, sequence):
    netlink.send(struct.pack("=IHHII", 16 + len(payload), SOCK_DIAG_BY_FAMILY, NLM_F_REQUEST, sequence, 0) + payload)
    return netlink.recv(8192)


listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
listener.bind(("127.0.0.1", 0))
listener.listen(1)
port = listener.getsockname()[1]
netlink = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, NETLINK_SOCK_DIAG)
netlink.bind((0, 0))
inet_request = struct.pack("=BBBxI", socket.AF_INET, socket.IPPROTO_TCP, 0, 1 << 10) + struct.pack(
    ">HH", port, 0) + socket.inet_aton("127.0.0.1") + bytes(12) + bytes(16) + struct.pack("=III", 0, 0xffffffff, 0xffffffff)
ask(netlink, inet_request, 1)

unix_listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
unix_listener.bind("diag.sock")
unix_listener.listen(1)
inode = os.fstat(unix_listener.fileno()).st_ino
unix_request = struct.pack("=BBxxIIIII", socket.AF_UNIX, 0, 0xffffffff, inode, UDIAG_SHOW_NAME | UDIAG_SHOW_PEER | UDIAG_SHOW_RQLEN,
                           0xffffffff, 0xffffffff)
ask(netlink, unix_request, 2)

for s in (netlink, unix_listener, listener):
    s.close()
os.unlink("diag.sock")
