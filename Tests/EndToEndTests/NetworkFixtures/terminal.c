/* Terminal ioctls with their structures on a pseudo-terminal this program opens itself, for
 * NetworkDifferentialTests: TCGETS and the three TCSETS* (termios with every flag word, the line
 * discipline and the control characters), window sizes, the foreground process group. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

int main(void) {
    int master = posix_openpt(O_RDWR | O_NOCTTY);
    int unlock = 0;
    ioctl(master, TIOCSPTLCK, &unlock);
    int slave = open(ptsname(master), O_RDWR | O_NOCTTY);
    struct termios settings;
    ioctl(slave, TCGETS, &settings);
    settings.c_lflag &= ~(ICANON | ECHO);
    settings.c_iflag |= IGNBRK | IXANY;
    settings.c_cflag = (settings.c_cflag & ~CSIZE) | CS7 | PARENB;
    settings.c_cc[VMIN] = 1;
    settings.c_cc[VTIME] = 5;
    ioctl(slave, TCSETS, &settings);
    ioctl(slave, TCSETSW, &settings);
    settings.c_oflag &= ~OPOST;
    ioctl(slave, TCSETSF, &settings);
    ioctl(slave, TCGETS, &settings);
    ioctl(master, TCGETS, &settings);
    ioctl(slave, TCGETS, NULL);
    ioctl(slave, TCSETS, (void *)8);
    struct winsize size = {.ws_row = 40, .ws_col = 132, .ws_xpixel = 1, .ws_ypixel = 2};
    ioctl(master, TIOCSWINSZ, &size);
    ioctl(slave, TIOCGWINSZ, &size);
    /* The terminal becomes this session's controlling terminal: its process group is ours. */
    setsid();
    ioctl(slave, TIOCSCTTY, 0);
    pid_t group = 0;
    ioctl(slave, TIOCGPGRP, &group);
    ioctl(slave, TIOCSPGRP, &group);
    /* No close: closing the master hangs our controlling terminal up (SIGHUP, SIGCONT), while
     * the descriptors exit_group closes are closed after the process stopped taking signals. */
    return 0;
}
