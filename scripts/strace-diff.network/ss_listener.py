# `ss` with the options given (-tie, -tm, ...) about a connection of this program's own: a TCP
# listener on 127.0.0.1 with one accepted connection that has carried a few bytes, so that the
# kernel's answers hold INET_DIAG_INFO, the congestion-control info and the memory attributes.
import socket
import subprocess
import sys

listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
listener.bind(("127.0.0.1", 0))
listener.listen(1)
port = listener.getsockname()[1]
client = socket.create_connection(("127.0.0.1", port))
server, _ = listener.accept()
client.sendall(b"hello")
server.recv(5)
subprocess.run(["/usr/bin/ss", *sys.argv[1:], "sport", "=", ":%d" % port], check=True)
for s in (server, client, listener):
    s.close()
