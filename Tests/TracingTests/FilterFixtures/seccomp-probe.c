// Installs a seccomp BPF program with swtrace's installer (seccomp_install.c, compiled in) and
// makes two calls, with no tracer attached: a SECCOMP_RET_TRACE call must then fail with ENOSYS
// and an allowed one must run.
//   seccomp-probe FILE TRACED_NR ALLOWED_NR
// FILE holds raw struct sock_filter entries. Prints "traced=<ENOSYS, ok or the error> allowed=<ran or
// ENOSYS>".
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

int swt_install_seccomp_filter(const void *filter, unsigned short count);

static const char *outcome(long result, int error) {
    if (result != -1) return "ok";
    return error == ENOSYS ? "ENOSYS" : strerror(error);
}

int main(int argc, char **argv) {
    if (argc != 4) return 2;
    static unsigned char program[65536];
    int fd = open(argv[1], O_RDONLY);
    ssize_t size = fd < 0 ? -1 : read(fd, program, sizeof program);
    if (size <= 0 || size % 8 != 0) {
        fprintf(stderr, "seccomp-probe: cannot read %s\n", argv[1]);
        return 2;
    }
    close(fd);
    int error = swt_install_seccomp_filter(program, (unsigned short)(size / 8));
    if (error != 0) {
        fprintf(stderr, "seccomp-probe: install: %s\n", strerror(error));
        return 3;
    }
    // Arguments that make either call harmless if it does run: getppid takes none; the others
    // are given an invalid descriptor.
    errno = 0;
    long traced = syscall(atol(argv[2]), -1, 0, 0);
    int tracedErrno = errno;
    errno = 0;
    long allowed = syscall(atol(argv[3]), -1, 0, 0);
    int allowedErrno = errno;
    // After the install, only write and exit_group: a filter that traces everything else still
    // lets the probe report.
    char line[128];
    int length = snprintf(line, sizeof line, "traced=%s allowed=%s\n", outcome(traced, tracedErrno),
                          allowed == -1 && allowedErrno == ENOSYS ? "ENOSYS" : "ran");
    if (write(1, line, length) != length) return 4;
    return 0;
}
