# UNIX stream sockets: one bound to a path in the scratch directory, one to an abstract name
# (unique per scratch directory, so runs at the same time do not collide), connected, accepted,
# with data both ways and the peer's credentials.
import os
import socket

def serve(address):
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(address)
    server.listen(1)
    client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    client.connect(address)
    connection, _ = server.accept()
    client.sendall(b"ping")
    connection.recv(16)
    connection.sendall(b"pong")
    client.recv(16)
    client.getpeername()
    connection.getsockname()
    connection.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, 12)
    for s in (connection, client, server):
        s.close()

serve("stream.sock")
os.unlink("stream.sock")
serve("\0" + os.getcwd() + "/abstract-stream")
