/* The console's KD* and VT_* ioctls, GPIO's, v4l2's and UBI's, for NetworkDifferentialTests. Every request goes to
 * /dev/null, which fails it with ENOTTY after strace has printed the request and the arguments
 * the tracee passes in: nothing touches the host's console. */
#include <fcntl.h>
#include <signal.h>
#include <unistd.h>
#include <string.h>
#include <sys/ioctl.h>
#include <linux/gpio.h>
#include <linux/videodev2.h>
#include <mtd/ubi-user.h>
#include <linux/kd.h>
#include <linux/vt.h>

int main(void)
{
    int fd = open("/dev/null", O_RDONLY);
    if (fd < 0)
        return 1;
    int value = 3;
    char byte = 0;

    /* Requests without an argument. */
    ioctl(fd, KDENABIO);
    ioctl(fd, KDDISABIO);
    ioctl(fd, KDMAPDISP);
    ioctl(fd, KDUNMAPDISP);
    ioctl(fd, PIO_FONTRESET);

    /* Modes and LEDs passed as the argument itself: known, zero and unknown values. */
    ioctl(fd, KDSETMODE, KD_GRAPHICS);
    ioctl(fd, KDSETMODE, KD_TEXT);
    ioctl(fd, KDSETMODE, 5);
    ioctl(fd, KDSKBMODE, K_UNICODE);
    ioctl(fd, KDSKBMODE, K_RAW);
    ioctl(fd, KDSKBMODE, 9);
    ioctl(fd, KDSKBMETA, K_METABIT);
    ioctl(fd, KDSKBMETA, 0);
    ioctl(fd, KDSKBMETA, 7);
    ioctl(fd, KDSETLED, LED_SCR | LED_CAP);
    ioctl(fd, KDSETLED, 0);
    ioctl(fd, KDSETLED, 0x8);
    ioctl(fd, KDSETLED, 0xff);

    /* A signal, a sound's period, a tone, I/O ports. */
    ioctl(fd, KDSIGACCEPT, SIGUSR1);
    ioctl(fd, KDSIGACCEPT, 0);
    ioctl(fd, KDSIGACCEPT, 99);
    ioctl(fd, KIOCSOUND, 1000);
    ioctl(fd, KIOCSOUND, 0);
    ioctl(fd, KIOCSOUND, -1);
    ioctl(fd, KDMKTONE, 0x12345678);
    ioctl(fd, KDMKTONE, 1000);
    ioctl(fd, KDMKTONE, 0);
    ioctl(fd, KDMKTONE, 0xffffffff);
    ioctl(fd, KDADDIO, 0x3c0);
    ioctl(fd, KDADDIO, 0x3b4);
    ioctl(fd, KDADDIO, 0x3df);
    ioctl(fd, KDDELIO, 0x3e0);
    ioctl(fd, KDDELIO, 0);

    /* Structs passed in. */
    struct kbkeycode keycode = { .scancode = 1, .keycode = 0xdeadface };
    ioctl(fd, KDSETKEYCODE, &keycode);
    ioctl(fd, KDSETKEYCODE, NULL);
    struct unimapinit init = { .advised_hashsize = 1, .advised_hashstep = 2, .advised_hashlevel = 65535 };
    ioctl(fd, PIO_UNIMAPCLR, &init);
    ioctl(fd, PIO_UNIMAPCLR, NULL);

    /* What the kernel would fill in: the address after the failure. */
    ioctl(fd, KDGETMODE, &value);
    ioctl(fd, KDGKBMODE, &value);
    ioctl(fd, KDGKBTYPE, &byte);

    /* The VT_* requests, whose arguments strace prints in hex. */
    struct vt_stat state = { 0 };
    ioctl(fd, VT_GETSTATE, &state);
    ioctl(fd, VT_OPENQRY, &value);
    ioctl(fd, VT_ACTIVATE, 3);
    ioctl(fd, VT_WAITACTIVE, 4);
    ioctl(fd, VT_DISALLOCATE, 5);
    ioctl(fd, VT_RELDISP, VT_ACKACQ);
    ioctl(fd, VT_LOCKSWITCH, 0);
    ioctl(fd, VT_UNLOCKSWITCH, 0);
    ioctl(fd, VT_SENDSIG, 1);

    /* GPIO: the lines asked about and the requests passed in. */
    struct gpiochip_info chip;
    ioctl(fd, GPIO_GET_CHIPINFO_IOCTL, &chip);
    struct gpioline_info line = { .line_offset = 5 };
    ioctl(fd, GPIO_GET_LINEINFO_IOCTL, &line);
    ioctl(fd, GPIO_GET_LINEINFO_WATCH_IOCTL, &line);
    ioctl(fd, GPIO_GET_LINEINFO_IOCTL, NULL);
    unsigned int offset = 7;
    ioctl(fd, GPIO_GET_LINEINFO_UNWATCH_IOCTL, &offset);
    struct gpio_v2_line_info line2;
    memset(&line2, 0, sizeof line2);
    line2.offset = 4;
    ioctl(fd, GPIO_V2_GET_LINEINFO_IOCTL, &line2);
    ioctl(fd, GPIO_V2_GET_LINEINFO_WATCH_IOCTL, &line2);
    struct gpiohandle_request handle = {
        .lineoffsets = { 1, 2 }, .default_values = { 1, 0 }, .consumer_label = "lbl", .lines = 2, .fd = -1,
        .flags = GPIOHANDLE_REQUEST_OUTPUT | GPIOHANDLE_REQUEST_ACTIVE_LOW,
    };
    ioctl(fd, GPIO_GET_LINEHANDLE_IOCTL, &handle);
    handle.flags = 0x100;
    handle.lines = 0;
    memset(handle.consumer_label, 'x', sizeof handle.consumer_label);
    ioctl(fd, GPIO_GET_LINEHANDLE_IOCTL, &handle);
    struct gpioevent_request event = {
        .lineoffset = 3, .handleflags = GPIOHANDLE_REQUEST_INPUT, .eventflags = GPIOEVENT_REQUEST_BOTH_EDGES,
        .consumer_label = "ev", .fd = -1,
    };
    ioctl(fd, GPIO_GET_LINEEVENT_IOCTL, &event);
    event.handleflags = 0;
    event.eventflags = GPIOEVENT_REQUEST_FALLING_EDGE | 0x10;
    ioctl(fd, GPIO_GET_LINEEVENT_IOCTL, &event);
    struct gpio_v2_line_values values = { .bits = 5, .mask = 7 };
    ioctl(fd, GPIO_V2_LINE_GET_VALUES_IOCTL, &values);
    ioctl(fd, GPIO_V2_LINE_SET_VALUES_IOCTL, &values);
    ioctl(fd, GPIO_V2_LINE_SET_VALUES_IOCTL, NULL);

    /* v4l2: buffer types, indexes and buffer requests. */
    struct v4l2_capability capability;
    ioctl(fd, VIDIOC_QUERYCAP, &capability);
    struct v4l2_fmtdesc description = { .index = 2, .type = V4L2_BUF_TYPE_VIDEO_CAPTURE };
    ioctl(fd, VIDIOC_ENUM_FMT, &description);
    description.type = 99;
    ioctl(fd, VIDIOC_ENUM_FMT, &description);
    ioctl(fd, VIDIOC_ENUM_FMT, NULL);
    struct v4l2_format format;
    memset(&format, 0, sizeof format);
    format.type = V4L2_BUF_TYPE_VIDEO_OUTPUT;
    ioctl(fd, VIDIOC_G_FMT, &format);
    struct v4l2_streamparm parameters;
    memset(&parameters, 0, sizeof parameters);
    parameters.type = V4L2_BUF_TYPE_META_CAPTURE;
    ioctl(fd, VIDIOC_G_PARM, &parameters);
    struct v4l2_requestbuffers buffers = { .count = 4, .type = V4L2_BUF_TYPE_VIDEO_CAPTURE, .memory = V4L2_MEMORY_MMAP };
    ioctl(fd, VIDIOC_REQBUFS, &buffers);
    buffers.memory = 9;
    ioctl(fd, VIDIOC_REQBUFS, &buffers);
    int type = V4L2_BUF_TYPE_VIDEO_CAPTURE_MPLANE;
    ioctl(fd, VIDIOC_STREAMON, &type);
    ioctl(fd, VIDIOC_STREAMOFF, &type);
    int input = 1;
    ioctl(fd, VIDIOC_G_INPUT, &input);
    ioctl(fd, VIDIOC_S_INPUT, &input);
    v4l2_std_id standard = V4L2_STD_PAL;
    ioctl(fd, VIDIOC_S_STD, &standard);
    struct v4l2_input input_description = { .index = 1 };
    ioctl(fd, VIDIOC_ENUMINPUT, &input_description);

    /* UBI: numbers passed by address and the resize and attach requests. */
    int volume = 1;
    long long bytes = 16384;
    ioctl(fd, UBI_IOCVOLUP, &bytes);
    ioctl(fd, UBI_IOCEBER, &volume);
    ioctl(fd, UBI_IOCEBUNMAP, &volume);
    ioctl(fd, UBI_IOCEBISMAP, &volume);
    ioctl(fd, UBI_IOCRMVOL, &volume);
    ioctl(fd, UBI_IOCDET, &volume);
    struct ubi_rsvol_req resize = { .bytes = 8192, .vol_id = 2 };
    ioctl(fd, UBI_IOCRSVOL, &resize);
    struct ubi_attach_req attach = { .ubi_num = -1, .mtd_num = 2, .vid_hdr_offset = 3, .max_beb_per1024 = 4 };
    ioctl(fd, UBI_IOCATT, &attach);
    ioctl(fd, UBI_IOCATT, NULL);
    ioctl(fd, UBI_IOCVOLCRBLK, &volume);
    ioctl(fd, UBI_IOCVOLRMBLK);
    close(fd);
    return 0;
}
