# A socketpair passing an open descriptor with SCM_RIGHTS and the sender's credentials with
# SCM_CREDENTIALS (SO_PASSCRED), read back with recvmsg.
import array
import os
import socket
import struct

left, right = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
passed = os.open("a.txt", os.O_RDONLY)
socket.send_fds(left, [b"descriptor"], [passed])
message, descriptors, flags, _ = socket.recv_fds(right, 64, 1)
os.read(descriptors[0], 16)
os.close(descriptors[0])
os.close(passed)

right.setsockopt(socket.SOL_SOCKET, socket.SO_PASSCRED, 1)
credentials = struct.pack("3i", os.getpid(), os.getuid(), os.getgid())
left.sendmsg([b"credentials"], [(socket.SOL_SOCKET, socket.SCM_CREDENTIALS, credentials)])
right.recvmsg(64, socket.CMSG_SPACE(12))
left.close()
right.close()
