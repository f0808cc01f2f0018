# UNIX datagram sockets: by path (sendto/recvfrom with the sender's bound name), by abstract
# name, and a SOCK_SEQPACKET socketpair.
import os
import socket

receiver = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
receiver.bind("receiver.sock")
sender = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
sender.bind("sender.sock")
sender.sendto(b"by path", "receiver.sock")
receiver.recvfrom(64)

abstract = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
name = "\0" + os.getcwd() + "/abstract-dgram"
abstract.bind(name)
sender.sendto(b"by abstract name", name)
abstract.recvfrom(64)

left, right = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
left.send(b"a packet")
right.recv(64)

for s in (receiver, sender, abstract, left, right):
    s.close()
os.unlink("receiver.sock")
os.unlink("sender.sock")
