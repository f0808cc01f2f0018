# TCP on 127.0.0.1 in one process: a listening socket, a client that connects to it, the accepted
# connection; send/recv both ways, names, a few options, a half close, and an epoll wait on data
# that is already there (so the trace does not depend on timing).
import select
import socket

server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(("127.0.0.1", 0))
server.listen(4)
address = server.getsockname()

client = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
client.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
client.connect(address)
connection, peer = server.accept()

client.sendall(b"hello over tcp\n")
poller = select.epoll()
poller.register(connection.fileno(), select.EPOLLIN)
poller.poll(1)
data = connection.recv(64)
connection.send(data.upper())
client.recv(64)
client.getpeername()
connection.getsockname()
client.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
client.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)
client.shutdown(socket.SHUT_WR)
connection.recv(64)
poller.close()
connection.close()
client.close()
server.close()
