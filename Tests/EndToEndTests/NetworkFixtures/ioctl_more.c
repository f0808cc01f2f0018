/* ioctl families beyond ioctl.c and ioctl_dev.c, for NetworkDifferentialTests: userfaultfd (a
 * real one: the handshake, a range registered, a page copied and one zeroed, and the same
 * requests failing on /dev/null), inotify's INOTIFY_IOC_SETNEXTWD, the real-time clock, the
 * watchdog, input event devices, network block devices, HDIO settings, and requests of other
 * families that swtrace names (SCSI generic, PTP, btrfs, device mapper, KVM). None of those devices
 * is here, and none may be touched: their requests go to /dev/null, which fails them with
 * ENOTTY after strace has printed what the tracee passes (the clock is never set). */
#define _GNU_SOURCE
#include <fcntl.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <linux/btrfs.h>
#include <linux/dm-ioctl.h>
#include <linux/hdreg.h>
#include <linux/input.h>
#include <linux/kvm.h>
#include <linux/nbd.h>
#include <linux/ptp_clock.h>
#include <linux/rtc.h>
#include <linux/userfaultfd.h>
#include <linux/watchdog.h>
#include <scsi/sg.h>

/* <linux/inotify.h> clashes with glibc's <sys/inotify.h>: the request as the kernel defines it. */
#define INOTIFY_IOC_SETNEXTWD _IOW('I', 0, int)

static void userfaultfd_requests(int null) {
    long page = 4096;
    int uffd = syscall(SYS_userfaultfd, O_CLOEXEC | O_NONBLOCK);
    struct uffdio_api api = { .api = UFFD_API, .features = 0 };
    ioctl(uffd, UFFDIO_API, &api);
    /* The same features asked for again: nothing changes, so strace shows no ` => `. */
    int again = syscall(SYS_userfaultfd, O_CLOEXEC | O_NONBLOCK);
    api.ioctls = 0;
    ioctl(again, UFFDIO_API, &api);
    api.api = 5;
    api.features = UFFD_FEATURE_EVENT_FORK;
    ioctl(again, UFFDIO_API, &api);
    ioctl(null, UFFDIO_API, &api);
    api.features = 1ULL << 40;                  /* no flag strace knows */
    ioctl(null, UFFDIO_API, &api);
    ioctl(null, UFFDIO_API, NULL);
    ioctl(null, UFFDIO_API, 8);

    char *area = mmap(NULL, 4 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    char *source = mmap(NULL, page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    memset(source, 'x', page);
    struct uffdio_register reg = {
        .range = { (unsigned long)area, 4 * page },
        .mode = UFFDIO_REGISTER_MODE_MISSING,
    };
    ioctl(uffd, UFFDIO_REGISTER, &reg);
    reg.mode = UFFDIO_REGISTER_MODE_MINOR | 0xf0;
    ioctl(null, UFFDIO_REGISTER, &reg);
    reg.mode = 0x100;
    ioctl(null, UFFDIO_REGISTER, &reg);
    ioctl(null, UFFDIO_REGISTER, NULL);

    struct uffdio_copy copy = { .dst = (unsigned long)area, .src = (unsigned long)source, .len = page };
    ioctl(uffd, UFFDIO_COPY, &copy);
    copy.copy = 0;
    ioctl(uffd, UFFDIO_COPY, &copy);            /* EEXIST: the page is there now */
    copy.mode = UFFDIO_COPY_MODE_DONTWAKE | UFFDIO_COPY_MODE_WP;
    ioctl(null, UFFDIO_COPY, &copy);
    copy.mode = 0x10;
    ioctl(null, UFFDIO_COPY, &copy);

    struct uffdio_zeropage zero = { .range = { (unsigned long)area + page, page } };
    ioctl(uffd, UFFDIO_ZEROPAGE, &zero);
    ioctl(uffd, UFFDIO_ZEROPAGE, &zero);        /* EEXIST */
    zero.mode = UFFDIO_ZEROPAGE_MODE_DONTWAKE;
    ioctl(null, UFFDIO_ZEROPAGE, &zero);
    zero.mode = 6;
    ioctl(null, UFFDIO_ZEROPAGE, &zero);

    struct uffdio_range range = { (unsigned long)area, page };
    ioctl(uffd, UFFDIO_WAKE, &range);
    ioctl(null, UFFDIO_WAKE, NULL);
    ioctl(null, UFFDIO_WAKE, 8);
    struct uffdio_writeprotect protect = { .range = { (unsigned long)area, page }, .mode = UFFDIO_WRITEPROTECT_MODE_WP };
    ioctl(uffd, UFFDIO_WRITEPROTECT, &protect);
    struct uffdio_continue cont = { .range = { (unsigned long)area, page } };
    ioctl(uffd, UFFDIO_CONTINUE, &cont);
    range.len = 4 * page;
    ioctl(uffd, UFFDIO_UNREGISTER, &range);
    ioctl(null, UFFDIO_UNREGISTER, &range);
    close(again);
    close(uffd);
}

static void inotify_requests(int null) {
    int inotify = syscall(SYS_inotify_init1, O_CLOEXEC);
    ioctl(inotify, INOTIFY_IOC_SETNEXTWD, 5);
    ioctl(null, INOTIFY_IOC_SETNEXTWD, -1);
    close(inotify);
}

static void rtc_requests(int null) {
    struct rtc_time time = { 1, 2, 3, 4, 5, 106, 6, 7, 0 };
    ioctl(null, RTC_RD_TIME, &time);
    ioctl(null, RTC_SET_TIME, &time);
    ioctl(null, RTC_ALM_SET, &time);
    ioctl(null, RTC_ALM_READ, &time);
    ioctl(null, RTC_SET_TIME, NULL);
    ioctl(null, RTC_SET_TIME, 8);
    ioctl(null, RTC_RD_TIME, NULL);
    struct rtc_wkalrm alarm = { 1, 0, { 59, 59, 23, 31, 11, 123, 0, 364, -1 } };
    ioctl(null, RTC_WKALM_SET, &alarm);
    ioctl(null, RTC_WKALM_RD, &alarm);
    unsigned long rate = 64;
    ioctl(null, RTC_IRQP_SET, 64);
    ioctl(null, RTC_IRQP_READ, &rate);
    ioctl(null, RTC_EPOCH_SET, 1900);
    ioctl(null, RTC_EPOCH_READ, &rate);
    ioctl(null, RTC_AIE_ON, 0);
    ioctl(null, RTC_AIE_OFF, 0);
    ioctl(null, RTC_UIE_ON, 0);
    ioctl(null, RTC_UIE_OFF, 0);
    ioctl(null, RTC_PIE_ON, 0);
    ioctl(null, RTC_PIE_OFF, 0);
    ioctl(null, RTC_WIE_ON, 0);
    ioctl(null, RTC_WIE_OFF, 0);
    struct rtc_pll_info pll = { 1, 2, 3, -4, 5, 6, 7 };
    ioctl(null, RTC_PLL_SET, &pll);
    ioctl(null, RTC_PLL_GET, &pll);
    struct rtc_param param = { .param = RTC_PARAM_FEATURES, .uvalue = 3, .index = 1 };
    ioctl(null, RTC_PARAM_GET, &param);
    ioctl(null, RTC_PARAM_SET, &param);
    param.uvalue = 0xff;
    ioctl(null, RTC_PARAM_SET, &param);
    param.uvalue = 0x100;
    ioctl(null, RTC_PARAM_SET, &param);
    param.param = RTC_PARAM_CORRECTION;
    param.svalue = -5;
    ioctl(null, RTC_PARAM_SET, &param);
    param.param = RTC_PARAM_BACKUP_SWITCH_MODE;
    param.uvalue = RTC_BSM_LEVEL;
    ioctl(null, RTC_PARAM_SET, &param);
    param.uvalue = 9;
    ioctl(null, RTC_PARAM_SET, &param);
    param.param = 7;
    param.uvalue = 0x10;
    ioctl(null, RTC_PARAM_SET, &param);
    ioctl(null, RTC_PARAM_GET, NULL);
    unsigned int voltage = 0;
    ioctl(null, RTC_VL_READ, &voltage);
    ioctl(null, RTC_VL_CLR, 0);
}

static void watchdog_requests(int null) {
    struct watchdog_info info = { WDIOF_SETTIMEOUT | WDIOF_MAGICCLOSE, 1, "wd" };
    int value = 30;
    ioctl(null, WDIOC_GETSUPPORT, &info);
    ioctl(null, WDIOC_GETSTATUS, &value);
    ioctl(null, WDIOC_GETBOOTSTATUS, &value);
    ioctl(null, WDIOC_GETTEMP, &value);
    value = WDIOS_DISABLECARD;
    ioctl(null, WDIOC_SETOPTIONS, &value);
    ioctl(null, WDIOC_KEEPALIVE, 0);
    value = 30;
    ioctl(null, WDIOC_SETTIMEOUT, &value);
    ioctl(null, WDIOC_GETTIMEOUT, &value);
    ioctl(null, WDIOC_SETPRETIMEOUT, &value);
    ioctl(null, WDIOC_GETPRETIMEOUT, &value);
    ioctl(null, WDIOC_GETTIMELEFT, &value);
    ioctl(null, WDIOC_SETTIMEOUT, NULL);
    ioctl(null, WDIOC_SETTIMEOUT, 8);
    ioctl(null, WDIOC_GETSUPPORT, NULL);
    ioctl(null, WDIOC_SETOPTIONS, NULL);
}

static void evdev_requests(int null) {
    int version = 0x10001;
    struct input_id id = { 1, 2, 3, 4 };
    unsigned int repeat[2] = { 250, 33 }, keycode[2] = { 30, KEY_APOSTROPHE };
    struct input_keymap_entry entry = {
        .flags = INPUT_KEYMAP_BY_INDEX, .len = 4, .index = 5, .keycode = KEY_A, .scancode = { 1, 2, 3, 4 },
    };
    struct input_absinfo axis = { 1, -100, -1, 2, 3, 4 };
    char name[64] = "";
    unsigned char bits[16] = { 0 };
    ioctl(null, EVIOCGVERSION, &version);
    ioctl(null, EVIOCGID, &id);
    ioctl(null, EVIOCGREP, repeat);
    ioctl(null, EVIOCSREP, repeat);
    ioctl(null, EVIOCSREP, NULL);
    ioctl(null, EVIOCGKEYCODE, keycode);
    ioctl(null, EVIOCSKEYCODE, keycode);
    keycode[1] = BTN_0;
    ioctl(null, EVIOCSKEYCODE, keycode);
    keycode[1] = KEY_ZOOM;
    ioctl(null, EVIOCSKEYCODE, keycode);
    keycode[1] = 0x2ff;
    ioctl(null, EVIOCSKEYCODE, keycode);
    ioctl(null, EVIOCGKEYCODE_V2, &entry);
    ioctl(null, EVIOCSKEYCODE_V2, &entry);
    ioctl(null, EVIOCGNAME(sizeof name), name);
    ioctl(null, EVIOCGPHYS(sizeof name), name);
    ioctl(null, EVIOCGUNIQ(sizeof name), name);
    ioctl(null, EVIOCGNAME(0), name);
    ioctl(null, _IOC(_IOC_READ, 'E', 0x07, 0x3fff), name);
    ioctl(null, EVIOCGPROP(sizeof bits), bits);
    ioctl(null, EVIOCGMTSLOTS(sizeof bits), bits);
    ioctl(null, EVIOCGKEY(sizeof bits), bits);
    ioctl(null, EVIOCGLED(sizeof bits), bits);
    ioctl(null, EVIOCGSND(sizeof bits), bits);
    ioctl(null, EVIOCGSW(sizeof bits), bits);
    ioctl(null, EVIOCGBIT(0, sizeof bits), bits);
    ioctl(null, EVIOCGBIT(EV_KEY, sizeof bits), bits);
    ioctl(null, EVIOCGBIT(EV_FF_STATUS, 8), bits);
    ioctl(null, EVIOCGBIT(0x1f, 8), bits);
    ioctl(null, EVIOCGABS(ABS_X), &axis);
    ioctl(null, EVIOCGABS(0x3f), &axis);
    ioctl(null, EVIOCSABS(ABS_MT_POSITION_X), &axis);
    ioctl(null, EVIOCSABS(0x3f), &axis);
    ioctl(null, EVIOCSABS(ABS_Y), NULL);
    ioctl(null, _IOC(_IOC_WRITE, 'E', 0xc0 + ABS_X, 20), &axis);  /* without resolution */
    ioctl(null, _IOC(_IOC_WRITE, 'E', 0xc0 + ABS_X, 8), &axis);   /* too short: an address */
    ioctl(null, _IOC(_IOC_READ, 'E', 0x40 + ABS_X, 8), &axis);
    ioctl(null, _IOC(_IOC_WRITE, 'E', 0x07, 10), name);           /* not evdev's */
    ioctl(null, _IOC(_IOC_READ, 'E', 0x99, 10), name);
    ioctl(null, EVIOCRMFF, 3);
    ioctl(null, EVIOCRMFF, -1);
    ioctl(null, EVIOCGEFFECTS, &version);
    ioctl(null, EVIOCGRAB, 1);
    ioctl(null, EVIOCGRAB, -1L);
    ioctl(null, EVIOCREVOKE, 0);
    int clock = CLOCK_MONOTONIC;
    ioctl(null, EVIOCSCLOCKID, &clock);
    struct input_mask mask = { EV_KEY, sizeof bits, (unsigned long)bits };
    ioctl(null, EVIOCGMASK, &mask);
    ioctl(null, EVIOCSMASK, &mask);
}

static void block_device_requests(int null) {
    ioctl(null, NBD_SET_SOCK, null);
    ioctl(null, NBD_SET_SOCK, -1);
    ioctl(null, NBD_SET_BLKSIZE, 4096);
    ioctl(null, NBD_SET_SIZE, -1L);
    ioctl(null, NBD_SET_SIZE_BLOCKS, 256);
    ioctl(null, NBD_SET_TIMEOUT, 30);
    ioctl(null, NBD_SET_FLAGS, NBD_FLAG_HAS_FLAGS | NBD_FLAG_READ_ONLY);
    ioctl(null, NBD_SET_FLAGS, 0);
    ioctl(null, NBD_SET_FLAGS, 0x10000);
    ioctl(null, NBD_SET_FLAGS, -1L);
    ioctl(null, NBD_DO_IT, 0);
    ioctl(null, NBD_CLEAR_SOCK, 0);
    ioctl(null, NBD_CLEAR_QUE, 0);
    ioctl(null, NBD_PRINT_DEBUG, 0);
    ioctl(null, NBD_DISCONNECT, 0);
    ioctl(null, HDIO_SET_32BIT, 1);
    ioctl(null, HDIO_SET_DMA, -1L);
    ioctl(null, HDIO_SET_MULTCOUNT, 16);
    ioctl(null, HDIO_SET_WCACHE, 0);
    ioctl(null, HDIO_SET_ACOUSTIC, 128);
    ioctl(null, HDIO_SET_ADDRESS, 1);
    ioctl(null, HDIO_SET_PIO_MODE, 4);
    ioctl(null, HDIO_SET_NOWERR, 1);
    ioctl(null, HDIO_SET_UNMASKINTR, 1);
    ioctl(null, HDIO_SET_KEEPSETTINGS, 1);
    char buffer[512] = { 0 };
    ioctl(null, HDIO_GET_IDENTITY, buffer);
    ioctl(null, HDIO_GET_32BIT, buffer);
    ioctl(null, BTRFS_IOC_SYNC, 0);
    ioctl(null, BTRFS_IOC_TRANS_START, 0);
    ioctl(null, BTRFS_IOC_TRANS_END, 0);
    ioctl(null, BTRFS_IOC_DEFRAG, buffer);
    ioctl(null, BTRFS_IOC_BALANCE, buffer);
    ioctl(null, BTRFS_IOC_SCRUB_CANCEL, 0);
    ioctl(null, BTRFS_IOC_QUOTA_RESCAN_WAIT, 0);
    ioctl(null, BTRFS_IOC_FS_INFO, buffer);
    ioctl(null, BTRFS_IOC_START_SYNC, buffer);
    ioctl(null, SG_GET_VERSION_NUM, buffer);
    ioctl(null, SG_EMULATED_HOST, buffer);
    ioctl(null, PTP_CLOCK_GETCAPS, buffer);
    ioctl(null, PTP_SYS_OFFSET_PRECISE, buffer);
    ioctl(null, DM_VERSION, NULL);
    ioctl(null, DM_LIST_DEVICES, NULL);
    ioctl(null, KVM_GET_API_VERSION, 0);
    ioctl(null, KVM_RUN, 0);
    ioctl(null, KVM_GET_REGS, buffer);
    ioctl(null, KVM_GET_SREGS, buffer);
    ioctl(null, KVM_GET_ONE_REG, NULL);
}

int main(void) {
    int null = open("/dev/null", O_RDONLY);
    userfaultfd_requests(null);
    inotify_requests(null);
    rtc_requests(null);
    watchdog_requests(null);
    evdev_requests(null);
    block_device_requests(null);
    close(null);
    return 0;
}
