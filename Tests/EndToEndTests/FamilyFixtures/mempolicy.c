// NUMA memory policy: modes with their flags (and unknown ones), node masks of every length
// (none, less than a bit, one word, several, more than -s shows), get_mempolicy's answers,
// move_pages' per-page status and migrate_pages. Policies set here are the process's own.
#include "family.h"
#include <linux/mempolicy.h>
#include <sys/mman.h>

static unsigned long big[4096];  // zero: its contents are the same in every run

int main(void) {
    unsigned long mask[8] = {3, 5, 0, 7};
    big[1] = 0x11;
    syscall(SYS_set_mempolicy, MPOL_BIND, mask, 0);
    syscall(SYS_set_mempolicy, MPOL_BIND, mask, 1);
    syscall(SYS_set_mempolicy, MPOL_BIND, mask, 2);
    syscall(SYS_set_mempolicy, MPOL_BIND, mask, 66);
    syscall(SYS_set_mempolicy, MPOL_BIND, mask, 200);
    syscall(SYS_set_mempolicy, MPOL_BIND, big, 100000);
    syscall(SYS_set_mempolicy, MPOL_BIND, UNMAPPED, 10);
    syscall(SYS_set_mempolicy, MPOL_INTERLEAVE, mask, 65);
    syscall(SYS_set_mempolicy, MPOL_BIND | MPOL_F_STATIC_NODES | MPOL_F_RELATIVE_NODES, mask, 3);
    syscall(SYS_set_mempolicy, 99 | MPOL_F_STATIC_NODES, mask, 3);
    syscall(SYS_set_mempolicy, MPOL_PREFERRED_MANY | MPOL_F_NUMA_BALANCING, mask, 3);
    syscall(SYS_set_mempolicy, MPOL_LOCAL | 0x100, mask, 3);
    syscall(SYS_set_mempolicy, MPOL_PREFERRED | MPOL_F_RELATIVE_NODES, NULL, 0);

    int mode = -1;
    unsigned long nodes[4] = {0};
    syscall(SYS_get_mempolicy, &mode, nodes, 200, NULL, 0);
    syscall(SYS_get_mempolicy, &mode, nodes, 64, (void *)main, MPOL_F_NODE | MPOL_F_ADDR);
    syscall(SYS_get_mempolicy, UNMAPPED, UNMAPPED, 200, NULL, 0);
    syscall(SYS_get_mempolicy, &mode, NULL, 0, NULL, MPOL_F_MEMS_ALLOWED);
    syscall(SYS_get_mempolicy, NULL, NULL, 0, NULL, 0x100);
    syscall(SYS_set_mempolicy, MPOL_DEFAULT, NULL, 0);

    char *page = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    syscall(SYS_mbind, page, 4096, MPOL_BIND, mask, 65, MPOL_MF_STRICT | MPOL_MF_MOVE);
    syscall(SYS_mbind, page, 4096, MPOL_DEFAULT | MPOL_F_STATIC_NODES, NULL, 0, 0);
    syscall(SYS_mbind, NULL, 0, 99, mask, 2, 0x80);
    syscall(SYS_set_mempolicy_home_node, page, 4096, 0, 0);
    syscall(SYS_set_mempolicy_home_node, NULL, 4096, 5, 7);

    page[0] = 1;
    void *pages[3] = {page, UNMAPPED, NULL};
    int targets[3] = {0, 0, 1}, status[3] = {-1, -1, -1};
    syscall(SYS_move_pages, 0, 2, pages, NULL, status, 0);
    syscall(SYS_move_pages, 0, 3, pages, targets, status, MPOL_MF_MOVE);
    syscall(SYS_move_pages, 0, 3, UNMAPPED, UNMAPPED, UNMAPPED, 0x80);
    syscall(SYS_move_pages, 0, 0, pages, targets, status, 0);
    unsigned long one = 1;
    syscall(SYS_migrate_pages, 0, 64, &one, &one);
    syscall(SYS_migrate_pages, 0, 200, mask, UNMAPPED);
    return 0;
}
