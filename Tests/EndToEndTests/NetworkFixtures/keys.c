/* File handles, keyctl's rarer commands, Landlock network rules and Bluetooth socket addresses, for
 * NetworkDifferentialTests. The handle opens /tmp again; the keys live in this process's keyring
 * (a user key, a keyring, and an asymmetric key made from the self-signed certificate below);
 * the Landlock rulesets are never enforced; the Bluetooth addresses go to an AF_INET socket,
 * which refuses them, so that no Bluetooth support is needed. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/keyctl.h>
#include <linux/landlock.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>

#define UNMAPPED ((void *)8)

/* A self-signed RSA-1024 certificate (openssl req -x509 -newkey rsa:1024 -outform DER): an
 * asymmetric key whose public half PKEY_QUERY describes and PKEY_ENCRYPT uses. */
static const unsigned char certificate[] = {
    0x30,0x82,0x02,0x02,0x30,0x82,0x01,0x6b,0xa0,0x03,0x02,0x01,0x02,0x02,0x14,0x40,
    0x7d,0x91,0xb8,0x3b,0x1f,0xa5,0x29,0x00,0x13,0x5f,0x7f,0x15,0xf5,0x7d,0x1d,0xe2,
    0xb6,0xc6,0x30,0x30,0x0d,0x06,0x09,0x2a,0x86,0x48,0x86,0xf7,0x0d,0x01,0x01,0x0b,
    0x05,0x00,0x30,0x12,0x31,0x10,0x30,0x0e,0x06,0x03,0x55,0x04,0x03,0x0c,0x07,0x73,
    0x77,0x74,0x72,0x61,0x63,0x65,0x30,0x20,0x17,0x0d,0x32,0x36,0x31,0x31,0x33,0x30,
    0x31,0x37,0x31,0x36,0x32,0x31,0x5a,0x18,0x0f,0x32,0x31,0x32,0x36,0x31,0x31,0x30,
    0x36,0x31,0x37,0x31,0x36,0x32,0x31,0x5a,0x30,0x12,0x31,0x10,0x30,0x0e,0x06,0x03,
    0x55,0x04,0x03,0x0c,0x07,0x73,0x77,0x74,0x72,0x61,0x63,0x65,0x30,0x81,0x9f,0x30,
    0x0d,0x06,0x09,0x2a,0x86,0x48,0x86,0xf7,0x0d,0x01,0x01,0x01,0x05,0x00,0x03,0x81,
    0x8d,0x00,0x30,0x81,0x89,0x02,0x81,0x81,0x00,0xa6,0xd2,0x10,0xa2,0x9b,0x70,0xcf,
    0xa6,0xc1,0x01,0xe9,0xed,0xfe,0x2f,0x35,0x1f,0xa5,0x4f,0xea,0xc4,0x8b,0x9f,0x7e,
    0xc3,0xc5,0x46,0x55,0x4a,0x24,0xc3,0x9b,0x8d,0x7f,0x5b,0xf4,0xbb,0xe3,0x24,0x73,
    0x2c,0x6d,0x49,0x50,0xcf,0x93,0x2d,0x8f,0xaf,0x1f,0xe6,0x34,0x21,0xde,0x7d,0x8b,
    0x80,0xd6,0xfb,0x29,0x23,0xb4,0x55,0xe3,0xf4,0xf3,0xd3,0xa6,0x66,0xfa,0xcb,0x6b,
    0xfe,0xa9,0x17,0xdd,0x4c,0x9e,0x9d,0x64,0x31,0x3a,0x72,0xa3,0xf1,0xc7,0x3d,0x8c,
    0xe3,0x55,0xd5,0x94,0xca,0x98,0xd1,0x83,0x9f,0x7e,0x07,0x0c,0x39,0x67,0xc0,0x22,
    0x22,0xdb,0x4e,0x11,0x87,0x33,0x74,0x8e,0x7f,0xff,0x1b,0x67,0xbc,0x86,0x60,0x55,
    0x95,0xbd,0x6f,0x7f,0x60,0x17,0xcf,0x47,0xe1,0x02,0x03,0x01,0x00,0x01,0xa3,0x53,
    0x30,0x51,0x30,0x1d,0x06,0x03,0x55,0x1d,0x0e,0x04,0x16,0x04,0x14,0x78,0x76,0x7b,
    0x21,0x72,0x15,0x2b,0xb3,0x0c,0xdf,0x85,0xcc,0xfa,0x58,0x42,0x36,0xce,0x2e,0x9f,
    0x0d,0x30,0x1f,0x06,0x03,0x55,0x1d,0x23,0x04,0x18,0x30,0x16,0x80,0x14,0x78,0x76,
    0x7b,0x21,0x72,0x15,0x2b,0xb3,0x0c,0xdf,0x85,0xcc,0xfa,0x58,0x42,0x36,0xce,0x2e,
    0x9f,0x0d,0x30,0x0f,0x06,0x03,0x55,0x1d,0x13,0x01,0x01,0xff,0x04,0x05,0x30,0x03,
    0x01,0x01,0xff,0x30,0x0d,0x06,0x09,0x2a,0x86,0x48,0x86,0xf7,0x0d,0x01,0x01,0x0b,
    0x05,0x00,0x03,0x81,0x81,0x00,0x93,0x18,0x4f,0xc7,0x85,0x51,0x6e,0xae,0xf1,0x0d,
    0xa5,0x9a,0xfc,0x66,0xc1,0x11,0x8b,0x43,0x29,0xe4,0x5e,0x4a,0x6a,0xa1,0x75,0xf0,
    0x2b,0x40,0xcd,0x61,0xcd,0x49,0x9b,0x90,0x8c,0xac,0xbb,0x27,0xbe,0xd1,0xc7,0x2a,
    0x60,0x32,0xa3,0x94,0xad,0x7b,0xcd,0x8e,0x2c,0xc7,0x5a,0xd1,0xcc,0x07,0x7b,0x95,
    0x57,0xa9,0x2d,0x21,0x89,0xdc,0xc8,0xfe,0xec,0xc4,0x58,0x3d,0x9c,0x77,0x13,0x71,
    0x25,0x94,0x0e,0xd3,0x36,0x10,0x13,0xae,0x1e,0x99,0x8f,0x4d,0xc8,0x66,0xbb,0xef,
    0xee,0xd4,0x98,0x04,0x87,0x1b,0xe6,0x41,0x42,0xfb,0x4d,0x13,0x90,0x11,0xb3,0xb8,
    0x7f,0x8d,0xe8,0x3d,0xf5,0x07,0xaa,0x87,0xaf,0xde,0xd1,0xc9,0x85,0x4a,0x67,0xcc,
    0x57,0x01,0x76,0xb0,0xc1,0xd5,
};

static void file_handles(void) {
    struct { unsigned int bytes; int type; unsigned char handle[128]; } handle = {.bytes = 128};
    int mount;
    syscall(SYS_name_to_handle_at, AT_FDCWD, "/tmp", &handle, &mount, 0);
    int directory = syscall(SYS_open_by_handle_at, AT_FDCWD, &handle, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    int again = syscall(SYS_open_by_handle_at, directory, &handle, O_RDONLY);
    close(again);
    unsigned int length = handle.bytes;
    handle.bytes = 0;
    syscall(SYS_open_by_handle_at, directory, &handle, O_RDWR);
    handle.bytes = 200;    /* past MAX_HANDLE_SZ: 128 bytes shown, then ... */
    syscall(SYS_open_by_handle_at, -1, &handle, O_WRONLY | O_NONBLOCK);
    handle.bytes = length;
    syscall(SYS_open_by_handle_at, -1, &handle, 0x40000000);
    syscall(SYS_open_by_handle_at, -1, NULL, 0);
    syscall(SYS_open_by_handle_at, -1, UNMAPPED, 0);
    close(directory);
}

static void keys(void) {
    long key = syscall(SYS_add_key, "user", "swtrace", "payload", 7, KEY_SPEC_PROCESS_KEYRING);
    long ring = syscall(SYS_add_key, "keyring", "swtrace-ring", NULL, 0, KEY_SPEC_PROCESS_KEYRING);
    char buffer[64];
    syscall(SYS_keyctl, KEYCTL_INSTANTIATE, key, "data", 4, KEY_SPEC_PROCESS_KEYRING);
    syscall(SYS_keyctl, KEYCTL_INSTANTIATE, key, "0123456789012345678901234567890123456789", 40, 0);
    syscall(SYS_keyctl, KEYCTL_INSTANTIATE, key, NULL, 0, 0);
    struct iovec payload[2] = {{"ab", 2}, {"cde", 3}};
    syscall(SYS_keyctl, KEYCTL_INSTANTIATE_IOV, key, payload, 2, KEY_SPEC_SESSION_KEYRING);
    syscall(SYS_keyctl, KEYCTL_INSTANTIATE_IOV, key, NULL, 0, 0);
    syscall(SYS_keyctl, KEYCTL_NEGATE, key, 60, KEY_SPEC_THREAD_KEYRING);
    syscall(SYS_keyctl, KEYCTL_NEGATE, key, -1, 0);
    syscall(SYS_keyctl, KEYCTL_REJECT, key, 60, EKEYREVOKED, KEY_SPEC_USER_KEYRING);
    syscall(SYS_keyctl, KEYCTL_REJECT, key, 0, 9999, 0);
    syscall(SYS_keyctl, KEYCTL_REJECT, key, 0, 512, 0);
    syscall(SYS_keyctl, KEYCTL_ASSUME_AUTHORITY, 0);
    syscall(SYS_keyctl, KEYCTL_ASSUME_AUTHORITY, key);
    syscall(SYS_keyctl, KEYCTL_GET_SECURITY, key, buffer, sizeof buffer);
    syscall(SYS_keyctl, KEYCTL_GET_SECURITY, key, NULL, 0);
    syscall(SYS_keyctl, KEYCTL_GET_PERSISTENT, 1000, 0);
    syscall(SYS_keyctl, KEYCTL_GET_PERSISTENT, 0, 5);

    // Diffie-Hellman: this kernel may lack it; the arguments print all the same.
    struct keyctl_dh_params dh = {.priv = key, .prime = KEY_SPEC_THREAD_KEYRING, .base = ring};
    syscall(SYS_keyctl, KEYCTL_DH_COMPUTE, &dh, buffer, sizeof buffer, NULL);
    struct keyctl_kdf_params kdf = {.hashname = "sha256", .otherinfo = "other", .otherinfolen = 3};
    syscall(SYS_keyctl, KEYCTL_DH_COMPUTE, &dh, buffer, sizeof buffer, &kdf);
    kdf.__spare[0] = 7;
    syscall(SYS_keyctl, KEYCTL_DH_COMPUTE, &dh, buffer, sizeof buffer, &kdf);
    kdf.hashname = NULL;
    kdf.otherinfo = NULL;
    syscall(SYS_keyctl, KEYCTL_DH_COMPUTE, UNMAPPED, buffer, sizeof buffer, &kdf);
    syscall(SYS_keyctl, KEYCTL_DH_COMPUTE, NULL, NULL, 0, UNMAPPED);

    // Public keys: a user key has none; the certificate's key answers.
    struct keyctl_pkey_params pkey = {.key_id = key, .in_len = 4, .out_len = 64};
    struct keyctl_pkey_query query;
    syscall(SYS_keyctl, KEYCTL_PKEY_QUERY, key, 0, "enc=pkcs1", &query);
    syscall(SYS_keyctl, KEYCTL_PKEY_QUERY, key, 5, NULL, NULL);
    syscall(SYS_keyctl, KEYCTL_PKEY_ENCRYPT, &pkey, "enc=pkcs1 hash=sha256", "data", buffer);
    syscall(SYS_keyctl, KEYCTL_PKEY_DECRYPT, &pkey, "enc=pkcs1", "data", buffer);
    syscall(SYS_keyctl, KEYCTL_PKEY_SIGN, &pkey, "", "da", buffer);
    syscall(SYS_keyctl, KEYCTL_PKEY_VERIFY, &pkey, "enc=pkcs1", "data", "signature");
    pkey.__spare[1] = 3;
    syscall(SYS_keyctl, KEYCTL_PKEY_VERIFY, &pkey, NULL, NULL, NULL);
    syscall(SYS_keyctl, KEYCTL_PKEY_ENCRYPT, UNMAPPED, "info", "data", buffer);
    syscall(SYS_keyctl, KEYCTL_PKEY_VERIFY, UNMAPPED, "info", "data", "sig");
    long public = syscall(SYS_add_key, "asymmetric", "swtrace-certificate", certificate, sizeof certificate,
                          KEY_SPEC_PROCESS_KEYRING);
    syscall(SYS_keyctl, KEYCTL_PKEY_QUERY, public, 0, "enc=pkcs1", &query);
    // Raw RSA is deterministic: the same output under both tracers.
    unsigned char plain[128] = {[127] = 2}, cipher[128];
    struct keyctl_pkey_params raw = {.key_id = public, .in_len = sizeof plain, .out_len = sizeof cipher};
    syscall(SYS_keyctl, KEYCTL_PKEY_ENCRYPT, &raw, "enc=raw", plain, cipher);
    raw.out_len = 200;
    syscall(SYS_keyctl, KEYCTL_PKEY_ENCRYPT, &raw, "enc=raw", plain, cipher);

    syscall(SYS_keyctl, KEYCTL_RESTRICT_KEYRING, ring, "asymmetric", "builtin_trusted");
    syscall(SYS_keyctl, KEYCTL_RESTRICT_KEYRING, ring, NULL, NULL);
    syscall(SYS_keyctl, KEYCTL_MOVE, key, KEY_SPEC_PROCESS_KEYRING, ring, KEYCTL_MOVE_EXCL);
    syscall(SYS_keyctl, KEYCTL_MOVE, key, ring, KEY_SPEC_PROCESS_KEYRING, 0x12);
    unsigned char capabilities[8];
    syscall(SYS_keyctl, KEYCTL_CAPABILITIES, capabilities, 1);
    syscall(SYS_keyctl, KEYCTL_CAPABILITIES, capabilities, sizeof capabilities);
    syscall(SYS_keyctl, KEYCTL_CAPABILITIES, NULL, 0);
    syscall(SYS_keyctl, KEYCTL_CAPABILITIES, UNMAPPED, 1);
    syscall(SYS_keyctl, KEYCTL_WATCH_KEY, KEY_SPEC_PROCESS_KEYRING, -1, 1, 0);
    syscall(SYS_keyctl, KEYCTL_INVALIDATE, ring);
    syscall(SYS_keyctl, KEYCTL_INVALIDATE, public);

    // The parent must be single-threaded (a tracer may not be): a child asks this process.
    // SIGCHLD stays blocked, so that it cannot arrive before or after wait4 returns by chance.
    sigset_t childSignal;
    sigemptyset(&childSignal);
    sigaddset(&childSignal, SIGCHLD);
    sigprocmask(SIG_BLOCK, &childSignal, NULL);
    pid_t child = fork();
    if (child == 0) {
        syscall(SYS_keyctl, KEYCTL_SESSION_TO_PARENT, 0, 0, 0, 0);
        _exit(0);
    }
    waitpid(child, NULL, 0);
}

/* struct landlock_net_port_attr (Linux 6.7; newer than these headers) */
struct net_port_attr { uint64_t allowed_access; uint64_t port; } __attribute__((packed));

static void landlock(void) {
    struct { uint64_t fs, net, scoped; } attributes = {LANDLOCK_ACCESS_FS_EXECUTE, 3, 0};
    int rules = syscall(SYS_landlock_create_ruleset, &attributes, 16, 0);
    int more = syscall(SYS_landlock_create_ruleset, &attributes, 24, 0);
    syscall(SYS_landlock_create_ruleset, &attributes, 12, 0);
    syscall(SYS_landlock_create_ruleset, &attributes, 4, 0);
    struct net_port_attr port = {.allowed_access = 1, .port = 8080};
    syscall(SYS_landlock_add_rule, rules, 2, &port, 0);
    syscall(SYS_landlock_add_rule, rules, 2, NULL, 0);
    close(more);
    close(rules);
}

/* The kernel's Bluetooth addresses (include/net/bluetooth/): HCI, L2CAP, RFCOMM, SCO. */
struct hci_address { uint16_t family, device, channel; };
struct l2cap_address { uint16_t family, psm; uint8_t bdaddr[6]; uint16_t cid; uint8_t type, pad; } __attribute__((packed));

static void bluetooth(void) {
    int s = socket(AF_INET, SOCK_DGRAM, 0);
    struct hci_address hci = {AF_BLUETOOTH, 0, 0};
    for (int channel = 0; channel < 6; channel++) {
        hci.channel = channel;
        hci.device = channel == 5 ? 0xffff : channel;
        bind(s, (void *)&hci, sizeof hci);
    }
    bind(s, (void *)&hci, 4);
    bind(s, (void *)&hci, 5);
    static const uint16_t psms[] = {0, 1, 2, 3, 0x21, 0x23, 0x80, 0x81, 0xff, 0x100, 0x1001, 0x10ff, 0x1234, 0xffff};
    static const uint16_t cids[] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 0x3f, 0x40, 0x41, 0x7f, 0x80, 0xffff};
    struct l2cap_address l2 = {AF_BLUETOOTH, 0, {1, 2, 3, 4, 5, 6}, 0x40, 0, 0};
    for (unsigned i = 0; i < sizeof psms / sizeof *psms; i++) {
        l2.psm = psms[i];
        bind(s, (void *)&l2, 14);
    }
    for (unsigned i = 0; i < sizeof cids / sizeof *cids; i++) {
        l2.cid = cids[i];
        l2.type = i % 5;
        connect(s, (void *)&l2, 14);
    }
    // Other lengths: L2CAP without its address type, RFCOMM (10), SCO (8), and the bytes.
    for (int length = 2; length <= 16; length++) bind(s, (void *)&l2, length);
    close(s);
}

int main(void) {
    file_handles();
    keys();
    landlock();
    bluetooth();
    return 0;
}
