# A pseudo-terminal: open a pair, read and change its attributes (tcgetattr/tcsetattr), set and
# read its window size (TIOCSWINSZ, TIOCGWINSZ), pass a line from the master to the slave, and ask
# how much is left (FIONREAD, after the read: before it, the line may still be on its way).
import fcntl
import os
import pty
import struct
import termios

master, slave = pty.openpty()
os.isatty(slave)
attributes = termios.tcgetattr(slave)
attributes[3] &= ~termios.ECHO
termios.tcsetattr(slave, termios.TCSANOW, attributes)
termios.tcgetattr(slave)
fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
fcntl.ioctl(slave, termios.TIOCGWINSZ, b"\0" * 8)
os.write(master, b"typed line\n")
os.read(slave, 64)
fcntl.ioctl(slave, termios.FIONREAD, b"\0" * 4)
termios.tcflush(slave, termios.TCIFLUSH)
os.close(slave)
os.close(master)
