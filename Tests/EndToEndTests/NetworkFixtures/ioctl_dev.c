/* ioctl arguments of devices and kernel objects, for NetworkDifferentialTests: block and loop
 * devices (a free loop device, attached read-only to this program with LO_FLAGS_AUTOCLEAR for a
 * moment and detached again), the random device, perf events (a software clock counter),
 * namespaces, file system structs, the old termio and modem lines on a pseudo-terminal, and
 * network interface requests that set or map (on an interface that does not exist). Requests
 * that would change the machine go to /dev/null, which fails them with ENOTTY after strace has
 * printed their arguments. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <net/if.h>
#include <netinet/in.h>
#include <termio.h>
#include <linux/audit.h>
#include <linux/blkpg.h>
#include <linux/blktrace_api.h>
#include <linux/fs.h>
#include <linux/loop.h>
#include <linux/nsfs.h>
#include <linux/perf_event.h>
#include <linux/random.h>
#include <linux/seccomp.h>
#include <linux/sockios.h>

/* The kernel's struct termios2 (<asm/termbits.h>, which cannot be included with glibc's
 * <termios.h>) and its requests. */
struct kernel_termios2 {
    tcflag_t c_iflag, c_oflag, c_cflag, c_lflag;
    cc_t c_line;
    cc_t c_cc[19];
    speed_t c_ispeed, c_ospeed;
};
#undef TCGETS2
#undef TCSETS2
#define TCGETS2 _IOR('T', 0x2A, struct kernel_termios2)
#define TCSETS2 _IOW('T', 0x2B, struct kernel_termios2)

static void block_requests(int null) {
    int value = 1;
    unsigned long long size64 = 0;
    unsigned long size = 0;
    ioctl(null, BLKGETSIZE, &size);
    ioctl(null, BLKGETSIZE64, &size64);
    ioctl(null, BLKSSZGET, &value);
    ioctl(null, BLKROSET, &value);
    ioctl(null, BLKROSET, NULL);
    ioctl(null, BLKRRPART, 0);
    ioctl(null, BLKFLSBUF, 0);
    ioctl(null, BLKRASET, 256);
    ioctl(null, BLKRASET, -1L);
    ioctl(null, BLKFRAGET, &size);
    ioctl(null, BLKBSZSET, &value);
    ioctl(null, BLKSECTGET, &value);
    ioctl(null, BLKROTATIONAL, &value);
    ioctl(null, BLKGETDISKSEQ, &size64);
    unsigned long long range[2] = {4096, 8192};
    ioctl(null, BLKDISCARD, range);
    ioctl(null, BLKSECDISCARD, range);
    ioctl(null, BLKZEROOUT, range);
    ioctl(null, BLKZEROOUT, 8);
    struct blkpg_partition partition = {.start = 1, .length = 2, .pno = 3, .devname = "dev", .volname = "vol"};
    struct blkpg_ioctl_arg request = {.op = BLKPG_ADD_PARTITION, .datalen = sizeof partition, .data = &partition};
    ioctl(null, BLKPG, &request);
    request.op = 99;
    ioctl(null, BLKPG, &request);
    struct blk_user_trace_setup setup = {.name = "x", .act_mask = 3, .buf_size = 4, .buf_nr = 5, .start_lba = 6,
                                         .end_lba = 7, .pid = 8};
    ioctl(null, BLKTRACESETUP, &setup);
    ioctl(null, BLKTRACESTART, 0);
    ioctl(null, BLKTRACETEARDOWN, 0);
}

static void loop_requests(int null) {
    struct loop_info64 info64 = {.lo_device = 1, .lo_inode = 2, .lo_rdevice = 3, .lo_offset = 4, .lo_sizelimit = 5,
                                 .lo_number = 6, .lo_encrypt_type = LO_CRYPT_XOR, .lo_encrypt_key_size = 3,
                                 .lo_flags = LO_FLAGS_READ_ONLY | LO_FLAGS_AUTOCLEAR, .lo_file_name = "file",
                                 .lo_crypt_name = "crypt", .lo_encrypt_key = "key", .lo_init = {9, 10}};
    ioctl(null, LOOP_SET_STATUS64, &info64);
    memset(&info64, 0, sizeof info64);
    info64.lo_flags = 0x400;
    info64.lo_number = -1;
    memset(info64.lo_file_name, 'a', sizeof info64.lo_file_name);
    ioctl(null, LOOP_SET_STATUS64, &info64);
    ioctl(null, LOOP_SET_STATUS64, NULL);
    struct loop_info info = {.lo_number = 1, .lo_device = 2, .lo_inode = 3, .lo_rdevice = 4, .lo_offset = -1,
                             .lo_flags = LO_FLAGS_PARTSCAN, .lo_name = "name", .lo_init = {1, 2}};
    ioctl(null, LOOP_SET_STATUS, &info);
    info.lo_encrypt_type = 99;
    info.lo_encrypt_key_size = 40;
    memset(info.lo_encrypt_key, 'k', sizeof info.lo_encrypt_key);
    ioctl(null, LOOP_SET_STATUS, &info);
    info.lo_flags = 2; /* LO_FLAGS_USE_AOPS of old kernels */
    info.lo_encrypt_key_size = 5;
    memcpy(info.lo_encrypt_key, "k\0\1ey", 5);
    ioctl(null, LOOP_SET_STATUS, &info);
    ioctl(null, LOOP_GET_STATUS, &info);
    struct loop_config reserved = {.fd = -1, .block_size = 512};
    reserved.__reserved[7] = 1;
    ioctl(null, LOOP_CONFIGURE, &reserved);
    ioctl(null, LOOP_SET_FD, 0);
    ioctl(null, LOOP_CHANGE_FD, 4);
    ioctl(null, LOOP_SET_DIRECT_IO, 1);
    ioctl(null, LOOP_SET_BLOCK_SIZE, 4096);
    ioctl(null, LOOP_CTL_ADD, -1L);
    ioctl(null, LOOP_CTL_REMOVE, 5);

    /* A real loop device: attached read-only to this program, detached at once (AUTOCLEAR
     * detaches it at the last close too, should this program die first). */
    int control = open("/dev/loop-control", O_RDWR | O_CLOEXEC);
    int number = ioctl(control, LOOP_CTL_GET_FREE);
    if (number < 0) return;
    char path[32];
    snprintf(path, sizeof path, "/dev/loop%d", number);
    int loop = open(path, O_RDONLY | O_CLOEXEC);
    ioctl(loop, LOOP_GET_STATUS64, &info64);
    int self = open("/proc/self/exe", O_RDONLY | O_CLOEXEC);
    struct loop_config config = {.fd = self,
                                 .info = {.lo_flags = LO_FLAGS_READ_ONLY | LO_FLAGS_AUTOCLEAR, .lo_file_name = "swtrace"}};
    if (ioctl(loop, LOOP_CONFIGURE, &config) == 0) {
        ioctl(loop, LOOP_GET_STATUS64, &info64);
        ioctl(loop, LOOP_GET_STATUS, &info);
        unsigned long long size64;
        unsigned long size;
        int value;
        unsigned short half;
        ioctl(loop, BLKGETSIZE64, &size64);
        ioctl(loop, BLKGETSIZE, &size);
        ioctl(loop, BLKSSZGET, &value);
        ioctl(loop, BLKROGET, &value);
        ioctl(loop, BLKRAGET, &size);
        ioctl(loop, BLKSECTGET, &half);
        ioctl(loop, BLKIOMIN, &value);
        ioctl(loop, BLKALIGNOFF, &value);
        ioctl(loop, BLKPBSZGET, &value);
        ioctl(loop, BLKROTATIONAL, &half);
        ioctl(loop, BLKGETSIZE64, NULL);
        ioctl(loop, LOOP_CLR_FD, 0);
    }
    close(self);
    close(loop);
    close(control);
}

static void random_requests(int null) {
    int random = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
    int value = 0;
    ioctl(random, RNDGETENTCNT, &value);
    close(random);
    value = 8;
    ioctl(null, RNDADDTOENTCNT, &value);
    struct {
        struct rand_pool_info info;
        char buf[40];
    } pool = {{.entropy_count = 16, .buf_size = 8}, "abcdefg"};
    ioctl(null, RNDADDENTROPY, &pool);
    pool.info.buf_size = -1;
    ioctl(null, RNDADDENTROPY, &pool);
    ioctl(null, RNDADDENTROPY, 8);
    ioctl(null, RNDZAPENTCNT, 0);
    ioctl(null, RNDCLEARPOOL, 0);
    ioctl(null, RNDRESEEDCRNG, 0);
}

static void perf_requests(int null) {
    struct perf_event_attr attr = {.type = PERF_TYPE_SOFTWARE, .size = sizeof attr,
                                   .config = PERF_COUNT_SW_CPU_CLOCK, .disabled = 1, .exclude_kernel = 1};
    int event = syscall(SYS_perf_event_open, &attr, 0, -1, -1, PERF_FLAG_FD_CLOEXEC);
    ioctl(event, PERF_EVENT_IOC_RESET, 0);
    ioctl(event, PERF_EVENT_IOC_ENABLE, PERF_IOC_FLAG_GROUP);
    ioctl(event, PERF_EVENT_IOC_DISABLE, 0);
    ioctl(event, PERF_EVENT_IOC_SET_OUTPUT, -1);
    ioctl(event, PERF_EVENT_IOC_SET_FILTER, "filter");
    ioctl(event, PERF_EVENT_IOC_ENABLE, 2);
    close(event);
    unsigned long long period = 1000;
    ioctl(null, PERF_EVENT_IOC_REFRESH, 3);
    ioctl(null, PERF_EVENT_IOC_PERIOD, &period);
    ioctl(null, PERF_EVENT_IOC_ID, &period);
    ioctl(null, PERF_EVENT_IOC_SET_BPF, 0);
    ioctl(null, PERF_EVENT_IOC_PAUSE_OUTPUT, 1);
    struct {
        struct perf_event_query_bpf query;
        __u32 ids[4];
    } query = {{.ids_len = 4}};
    ioctl(null, PERF_EVENT_IOC_QUERY_BPF, &query);
}

static void seccomp_requests(int null) {
    struct seccomp_notif_resp response = {.id = 1, .val = 2, .error = -3, .flags = SECCOMP_USER_NOTIF_FLAG_CONTINUE};
    ioctl(null, SECCOMP_IOCTL_NOTIF_SEND, &response);
    response.error = -9999;
    response.flags = 6;
    ioctl(null, SECCOMP_IOCTL_NOTIF_SEND, &response);
    unsigned long long id = 5;
    ioctl(null, SECCOMP_IOCTL_NOTIF_ID_VALID, &id);
    struct seccomp_notif_addfd addfd = {.id = 1, .flags = SECCOMP_ADDFD_FLAG_SETFD, .srcfd = 0, .newfd = 4,
                                        .newfd_flags = O_CLOEXEC};
    ioctl(null, SECCOMP_IOCTL_NOTIF_ADDFD, &addfd);
    addfd.flags = 8;
    addfd.newfd_flags = 0x40000000;
    ioctl(null, SECCOMP_IOCTL_NOTIF_ADDFD, &addfd);
    struct seccomp_notif notification;
    memset(&notification, 0, sizeof notification);
    notification.data.arch = AUDIT_ARCH_X86_64;
    notification.data.args[1] = 0x21;
    ioctl(null, SECCOMP_IOCTL_NOTIF_RECV, &notification);
}

static void namespace_requests(int null) {
    int user = open("/proc/self/ns/user", O_RDONLY | O_CLOEXEC);
    int pid = open("/proc/self/ns/pid", O_RDONLY | O_CLOEXEC);
    unsigned int uid = 7;
    ioctl(user, NS_GET_NSTYPE);
    ioctl(pid, NS_GET_NSTYPE);
    ioctl(user, NS_GET_OWNER_UID, &uid);
    ioctl(user, NS_GET_USERNS);
    ioctl(user, NS_GET_PARENT);
    int owner = ioctl(pid, NS_GET_USERNS);
    ioctl(pid, NS_GET_PARENT);
    ioctl(null, NS_GET_OWNER_UID, &uid);
    close(owner);
    close(pid);
    close(user);
}

static void file_system_requests(int null) {
    int self = open("/proc/self/exe", O_RDONLY | O_CLOEXEC);
    struct fsxattr attributes;
    memset(&attributes, 0, sizeof attributes);
    ioctl(self, FS_IOC_FSGETXATTR, &attributes);
    attributes = (struct fsxattr){.fsx_xflags = FS_XFLAG_APPEND | FS_XFLAG_REALTIME | 0x40000000, .fsx_extsize = 1,
                                  .fsx_nextents = 2, .fsx_projid = 3, .fsx_cowextsize = 4};
    ioctl(null, FS_IOC_FSSETXATTR, &attributes);
    struct file_clone_range clone = {.src_fd = 0, .src_offset = 1, .src_length = 2, .dest_offset = 3};
    ioctl(null, FICLONERANGE, &clone);
    struct {
        struct file_dedupe_range range;
        struct file_dedupe_range_info info[3];
    } dedupe = {{.src_offset = 1, .src_length = 2, .dest_count = 2},
                {{.dest_fd = 0, .dest_offset = 4}, {.dest_fd = 5, .dest_offset = 6}, {.dest_fd = 7, .dest_offset = 8}}};
    ioctl(null, FIDEDUPERANGE, &dedupe);
    dedupe.range.dest_count = 3;
    ioctl(null, FIDEDUPERANGE, &dedupe);
    int flags = FS_INDEX_FL | FS_NOCOW_FL;
    ioctl(null, FS_IOC_SETFLAGS, &flags);
    struct fstrim_range trim = {1, 2, 3};
    ioctl(null, FITRIM, &trim);
    char label[FSLABEL_MAX] = "label";
    ioctl(null, FS_IOC_SETFSLABEL, label);
    ioctl(null, FS_IOC_GETFSLABEL, label);
    ioctl(self, FS_IOC_GETFSLABEL, label);
    ioctl(null, FIFREEZE, 0);
    ioctl(null, FITHAW, 0);
    close(self);
}

static void terminal_requests(int null) {
    int master = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
    unlockpt(master);
    int slave = open(ptsname(master), O_RDWR | O_NOCTTY | O_CLOEXEC);
    struct termio settings;
    ioctl(slave, TCGETA, &settings);
    ioctl(slave, TCSETA, &settings);
    ioctl(slave, TCSETAW, &settings);
    ioctl(slave, TCSETAF, &settings);
    ioctl(null, TCGETA, &settings);
    ioctl(null, TCSETA, NULL);
    struct termios locked;
    ioctl(slave, TIOCGLCKTRMIOS, &locked);
    struct kernel_termios2 settings2;
    memset(&settings2, 0, sizeof settings2);
    settings2.c_cflag = 0010000 | CS8; /* BOTHER */
    settings2.c_ispeed = 9600;
    settings2.c_ospeed = 115200;
    ioctl(null, TCSETS2, &settings2);
    ioctl(null, TCGETS2, &settings2);
    ioctl(null, TCXONC, 77);
    ioctl(null, TCFLSH, 77);
    ioctl(null, TIOCSSERIAL, &settings2);
    int lines = 0;
    ioctl(slave, TIOCMGET, &lines);
    lines = TIOCM_DTR | TIOCM_RTS;
    ioctl(slave, TIOCMSET, &lines);
    ioctl(slave, TIOCMBIS, &lines);
    lines = 0;
    ioctl(slave, TIOCMBIC, &lines);
    char c = 'x';
    ioctl(slave, TIOCSTI, &c);
    ioctl(slave, TIOCSCTTY, 0);
    int value = 0;
    ioctl(slave, TIOCGETD, &value);
    ioctl(slave, TIOCSETD, &value);
    ioctl(null, TIOCGDEV, &value);
    int peer = ioctl(master, TIOCGPTPEER, O_RDWR | O_NOCTTY | O_CLOEXEC);
    close(peer);
    close(slave);
    close(master);
}

static void interface_requests(int null) {
    int s = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    struct ifreq request;
    memset(&request, 0, sizeof request);
    strcpy(request.ifr_name, "lo");
    ioctl(s, SIOCGIFMETRIC, &request);
    ioctl(s, SIOCGIFTXQLEN, &request);
    ioctl(s, SIOCGIFMAP, &request);
    memset(&request, 0, sizeof request);
    strcpy(request.ifr_name, "swtrace0");
    request.ifr_flags = IFF_UP | IFF_LOOPBACK;
    ioctl(s, SIOCSIFFLAGS, &request);
    request.ifr_mtu = 1400;
    ioctl(s, SIOCSIFMTU, &request);
    ioctl(s, SIOCSIFMETRIC, &request);
    ioctl(s, SIOCSIFTXQLEN, &request);
    ioctl(s, SIOCGIFMETRIC, &request);
    struct sockaddr_in *address = (struct sockaddr_in *)&request.ifr_addr;
    address->sin_family = AF_INET;
    address->sin_addr.s_addr = htonl(0x7f000002);
    ioctl(s, SIOCSIFADDR, &request);
    ioctl(s, SIOCSIFNETMASK, &request);
    ioctl(s, SIOCSIFBRDADDR, &request);
    ioctl(s, SIOCSIFDSTADDR, &request);
    unsigned short families[] = {1, 772, 0, 24, 6};
    for (unsigned i = 0; i < sizeof families / sizeof *families; i++) {
        request.ifr_hwaddr.sa_family = families[i];
        memset(request.ifr_hwaddr.sa_data, 0xab, sizeof request.ifr_hwaddr.sa_data);
        ioctl(s, SIOCSIFHWADDR, &request);
    }
    ioctl(s, SIOCADDMULTI, &request);
    ioctl(s, SIOCDELMULTI, &request);
    memset(&request.ifr_map, 0, sizeof request.ifr_map);
    request.ifr_map.mem_start = 17;
    request.ifr_map.base_addr = 19;
    request.ifr_map.irq = 20;
    ioctl(s, SIOCSIFMAP, &request);
    strcpy(request.ifr_newname, "new0");
    ioctl(s, SIOCSIFNAME, &request);
    ioctl(s, SIOCSIFMTU, NULL);
    strcpy(request.ifr_slave, "slave0");
    ioctl(s, SIOCSIFSLAVE, &request);
    ioctl(s, SIOCGIFSLAVE, &request);
    ioctl(s, SIOCSIFHWBROADCAST, &request);
    request.ifr_ifindex = 99999;
    ioctl(null, SIOCBRADDIF, &request);
    ioctl(null, SIOCBRDELIF, &request);
    ioctl(null, SIOCBRADDBR, "swtrace-br0");
    ioctl(null, SIOCBRDELBR, "swtrace-br0");
    int encapsulation = 1;
    ioctl(null, SIOCSIFENCAP, &encapsulation);
    ioctl(null, SIOCGIFENCAP, &encapsulation);
    int owner = 0;
    ioctl(s, SIOCGPGRP, &owner);
    ioctl(s, SIOCSPGRP, &owner);
    ioctl(s, FIOGETOWN, &owner);
    ioctl(s, FIOSETOWN, &owner);
    ioctl(s, SIOCATMARK, &owner);
    close(s);
    ioctl(null, SIOCADDRT, &request);
}

int main(void) {
    int null = open("/dev/null", O_RDONLY | O_CLOEXEC);
    block_requests(null);
    loop_requests(null);
    random_requests(null);
    perf_requests(null);
    seccomp_requests(null);
    namespace_requests(null);
    file_system_requests(null);
    terminal_requests(null);
    interface_requests(null);
    ioctl(null, 0xc0081234, &null);
    return 0;
}
