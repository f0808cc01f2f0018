#include <unistd.h>
#include <sys/syscall.h>
int main(void){ syscall(SYS_getpid); syscall(SYS_getppid); return 0; }
