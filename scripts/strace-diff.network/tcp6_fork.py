# TCP on ::1 across a fork (traced with -f): the parent listens and accepts, the child connects,
# sends a line and exits; the parent reads to the end and reaps it.
import os
import socket

server = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
server.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
server.bind(("::1", 0))
server.listen(1)
port = server.getsockname()[1]

child = os.fork()
if child == 0:
    server.close()
    client = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
    client.connect(("::1", port))
    client.sendall(b"from the child\n")
    client.close()
    os._exit(0)

connection, peer = server.accept()
while connection.recv(64):
    pass
connection.close()
server.close()
os.waitpid(child, 0)
