/* Makes a known set of system calls for the summary tests (see README.md): the counts and errors
   below are what `strace -c` and `swtrace -c` must report, besides the C library's start-up calls. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sched.h>
#include <sys/syscall.h>
#include <unistd.h>

#if defined(__x86_64__)
/* An i386 system call from 64-bit code: strace counts it in its "32 bit mode" table. */
static long i386_syscall(long number, long argument) {
    long result;
    __asm__ volatile("int $0x80" : "=a"(result) : "a"(number), "b"(argument) : "memory");
    return result;
}
#endif

int main(void) {
    static char buffer[4 << 20];
    for (int i = 0; i < 10; i++) syscall(SYS_getpid);                     /* getpid: 10 */
    for (int i = 0; i < 7; i++) open("/nonexistent/summary", O_RDONLY);   /* openat: 7 errors */
    int null = open("/dev/null", O_WRONLY);                               /* openat: 8 calls */
    for (int i = 0; i < 5; i++) write(null, "x", 1);                      /* write: 5 */
    for (int i = 0; i < 3; i++) close(-1);                                /* close: 3 errors */
    close(null);                                                          /* close: 4 calls */
    int zero = open("/dev/zero", O_RDONLY);                               /* openat: 9 calls */
    for (int i = 0; i < 50; i++) read(zero, buffer, sizeof buffer);       /* read: 50, some system time */
    for (int i = 0; i < 4; i++) syscall(SYS_getppid);                     /* getppid: 4 */
    syscall(SYS_sched_get_priority_max, SCHED_OTHER);                     /* a 22-character name */
#if defined(__x86_64__)
    for (int i = 0; i < 6; i++) i386_syscall(20, 0);                      /* i386 getpid: 6 */
    for (int i = 0; i < 2; i++) i386_syscall(6, -1);                      /* i386 close: 2 errors */
#endif
    return 0;
}
