// Shared by the family fixtures: every call goes through syscall(2), so that the C library cannot
// change what is called (or pick a *_time64 variant on i386), and the exact arguments are known.
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

// An address below mmap_min_addr: never mapped, so the kernel answers EFAULT and a tracer can
// read nothing there.
#define UNMAPPED ((void *)0x1000)
// A string longer than the default -s 32.
#define LONG_STRING "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJ"

// A 64-bit offset as the syscall takes it: one register, or two (low, high) on i386.
#if defined(__i386__)
#define LOFF(x) (uint32_t)(x), (uint32_t)((uint64_t)(x) >> 32)
#else
#define LOFF(x) (x)
#endif
