// CONTRACT STUB: the filters helper writes the real installer.
#include "CPtrace.h"

int swt_install_seccomp_filter(const void *filter, unsigned short count) {
    (void)filter;
    (void)count;
    return 0;
}
