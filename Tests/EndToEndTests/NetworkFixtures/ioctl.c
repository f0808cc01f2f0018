/* ioctl requests, for NetworkDifferentialTests: terminal requests on a pseudo-terminal and on
 * non-terminals, requests that share a number (strace prints `A or B`), unknown requests as
 * `_IOC(...)`, NULL and unreadable arguments; inode flags and FIEMAP on this program's own file;
 * network interface requests on a socket (the loopback interface, one that does not exist). */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <termios.h>
#include <unistd.h>
#include <linux/fiemap.h>
#include <linux/fs.h>
#include <linux/random.h>
#include <net/if.h>
#include <string.h>
#include <sys/socket.h>

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

    int self = open("/proc/self/exe", O_RDONLY);
    int flags = 0;
    ioctl(self, FS_IOC_GETFLAGS, &flags);
    ioctl(-1, FS_IOC_GETFLAGS, &flags);
    flags = FS_IMMUTABLE_FL;
    ioctl(-1, FS_IOC_SETFLAGS, &flags);
    struct {
        struct fiemap map;
        struct fiemap_extent extents[2];
    } extents = {.map = {.fm_length = ~0ULL, .fm_flags = FIEMAP_FLAG_SYNC, .fm_extent_count = 2}};
    ioctl(self, FS_IOC_FIEMAP, &extents);
    ioctl(-1, FS_IOC_FIEMAP, &extents);
    ioctl(-1, FS_IOC_FIEMAP, NULL);
    close(self);

    int s = socket(AF_INET, SOCK_DGRAM, 0);
    struct ifreq request;
    memset(&request, 0, sizeof request);
    strcpy(request.ifr_name, "lo");
    ioctl(s, SIOCGIFINDEX, &request);
    ioctl(s, SIOCGIFFLAGS, &request);
    ioctl(s, SIOCGIFMTU, &request);
    ioctl(s, SIOCGIFADDR, &request);
    ioctl(s, SIOCGIFNETMASK, &request);
    ioctl(s, SIOCGIFHWADDR, &request);
    request.ifr_ifindex = 1;
    ioctl(s, SIOCGIFNAME, &request);
    request.ifr_ifindex = 99999;
    ioctl(s, SIOCGIFNAME, &request);
    strcpy(request.ifr_name, "swtrace0");
    ioctl(s, SIOCGIFINDEX, &request);
    ioctl(s, SIOCGIFINDEX, NULL);
    struct ifconf configuration = {.ifc_len = 0, .ifc_buf = NULL};
    ioctl(s, SIOCGIFCONF, &configuration);
    struct ifreq one[1];
    configuration.ifc_len = sizeof one;
    configuration.ifc_buf = (char *)one;
    ioctl(s, SIOCGIFCONF, &configuration);
    ioctl(-1, SIOCGIFCONF, &configuration);
    close(s);
    return 0;
}
