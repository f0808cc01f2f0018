# A pseudo-terminal: open a pair, read and change its attributes (tcgetattr/tcsetattr, the three
# ways), set and read its window size (TIOCSWINSZ, TIOCGWINSZ), pass a line from the master to the
# slave, ask how much is left (FIONREAD, after the read: before it, the line may still be on its
# way), drain, flow control, exclusive mode, the line discipline, and what a terminal that is not
# the controlling one refuses (TIOCGPGRP, TIOCGSID).
import fcntl
import os
import pty
import struct
import termios

TIOCGSID = 0x5429  # <asm-generic/ioctls.h>; Python's termios module does not name it

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
termios.tcsetattr(slave, termios.TCSADRAIN, attributes)
termios.tcsetattr(slave, termios.TCSAFLUSH, attributes)
termios.tcdrain(slave)
termios.tcflow(slave, termios.TCOON)
fcntl.ioctl(slave, termios.TIOCOUTQ, b"\0" * 4)
fcntl.ioctl(slave, termios.TIOCEXCL)
fcntl.ioctl(slave, termios.TIOCNXCL)
fcntl.ioctl(slave, termios.TIOCGETD, b"\0" * 4)
for request in (termios.TIOCGPGRP, TIOCGSID):
    try:
        fcntl.ioctl(slave, request, b"\0" * 4)
    except OSError:
        pass
fcntl.ioctl(master, termios.FIONBIO, struct.pack("i", 1))
os.close(slave)
os.close(master)
