/* ioctl requests, for NetworkDifferentialTests: terminal requests on a pseudo-terminal and on
 * non-terminals, requests that share a number (strace prints `A or B`), unknown requests as
 * `_IOC(...)`, NULL and unreadable arguments. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <termios.h>
#include <unistd.h>
#include <linux/fs.h>
#include <linux/random.h>

int main(void) {
    struct winsize size = {.ws_row = 24, .ws_col = 80};
    int value = 0;
    int null = open("/dev/null", O_RDONLY);
    ioctl(null, TCGETS, &value);
    ioctl(null, TIOCGWINSZ, &size);
    ioctl(null, TIOCGPGRP, &value);
    ioctl(null, FIONBIO, NULL);
    int master = posix_openpt(O_RDWR | O_NOCTTY);
    ioctl(master, TIOCSPTLCK, &value);
    ioctl(master, TIOCGPTN, &value);
    int slave = open(ptsname(master), O_RDWR | O_NOCTTY);
    value = 0;
    ioctl(slave, TIOCSWINSZ, &size);
    ioctl(slave, TIOCGWINSZ, &size);
    ioctl(slave, TIOCGWINSZ, NULL);
    ioctl(slave, TIOCSPGRP, &value);
    ioctl(slave, FIONREAD, &value);
    value = 1;
    ioctl(slave, FIONBIO, &value);
    ioctl(slave, FIOCLEX);
    ioctl(slave, FIONCLEX);
    ioctl(slave, TCFLSH, TCIFLUSH);
    ioctl(slave, TCXONC, TCOON);
    ioctl(slave, TCSBRK, 1);
    ioctl(slave, TIOCOUTQ, &value);
    ioctl(slave, TIOCGSID, &value);
    ioctl(null, 0x80081234, &value);
    ioctl(null, 0x5499, &value);
    ioctl(null, 0x40041234, &value);
    ioctl(null, 0xc0101234, &value);
    ioctl(null, 0x1234, 5);
    ioctl(null, FICLONE, 3);
    ioctl(null, BLKGETSIZE64, &value);
    ioctl(null, RNDGETENTCNT, &value);
    ioctl(-1, TIOCGWINSZ, 8);
    return 0;
}
