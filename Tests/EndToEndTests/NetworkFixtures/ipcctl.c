/* System V IPC control commands other than IPC_STAT and IPC_RMID, for NetworkDifferentialTests:
 * IPC_SET, the *_INFO and *_STAT(_ANY) commands, SHM_LOCK/SHM_UNLOCK, semctl's value and array
 * commands, an unknown command, NULL and failing calls. The program first enters an IPC namespace of
 * its own (it runs as root in the tests), so that ids, indexes and the counts the *_INFO commands
 * write back are the same in every run, whatever else runs on the machine. Every object is
 * IPC_PRIVATE and removed before the program ends, on the failure paths too. */
#define _GNU_SOURCE
#include <sched.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/syscall.h>
#include <unistd.h>

/* The caller defines union semun (semctl(2)). */
union semun {
    int val;
    struct semid_ds *buf;
    unsigned short *array;
    struct seminfo *__buf;
};

/* <linux/ipc.h>'s numbers of the calls i386's ipc(2) carries (it cannot be included with
 * <sys/ipc.h>). */
enum { SEMCTL = 3, MSGCTL = 14, SHMCTL = 24 };

/* A command no kernel knows: glibc's wrappers do not pass it on, so the syscall direct (and on
 * i386 through ipc(2) too, with IPC_64 as glibc sets it); semctl's semaphore number is 0. */
static void unknown_command(long number, int call, int id, void *argument) {
    if (number == SYS_semctl)
        syscall(number, id, 0, 0x7f, argument);
    else
        syscall(number, id, 0x7f, argument);
#ifdef __i386__
    if (call == SEMCTL) {
        /* The multiplexed semctl passes the union's address. */
        syscall(SYS_ipc, call, id, 0, 0x7f | 0x100, &argument);
    } else {
        syscall(SYS_ipc, call, id, 0x7f | 0x100, 0, argument);
    }
#else
    (void)call;
#endif
}

static void messages(void) {
    int queue = msgget(IPC_PRIVATE, IPC_CREAT | 0600);
    if (queue < 0) return;
    struct msqid_ds state;
    memset(&state, 0, sizeof state);
    msgctl(queue, IPC_STAT, &state);
    state.msg_perm.mode = 0640;
    state.msg_qbytes = 8192;
    msgctl(queue, IPC_SET, &state);
    msgctl(queue, IPC_SET, NULL);
    struct msginfo info;
    memset(&info, 0, sizeof info);
    int top = msgctl(0, IPC_INFO, (struct msqid_ds *)&info);
    msgctl(0, MSG_INFO, (struct msqid_ds *)&info);
    msgctl(top, MSG_STAT, &state);
    msgctl(top, MSG_STAT_ANY, &state);
    unknown_command(SYS_msgctl, MSGCTL, queue, &state);
    msgctl(queue, IPC_RMID, NULL);
}

static void shared(void) {
    int segment = shmget(IPC_PRIVATE, 8192, IPC_CREAT | 0600);
    if (segment < 0) return;
    struct shmid_ds state;
    memset(&state, 0, sizeof state);
    shmctl(segment, IPC_STAT, &state);
    state.shm_perm.mode = 0640;
    shmctl(segment, IPC_SET, &state);
    /* The kernel's mode is 32 bits on x86_64 and 16 on i386 (then padding): strace prints those. */
    ((unsigned char *)&state.shm_perm.mode)[2] = 0x34;
    shmctl(segment, IPC_SET, &state);
    ((unsigned char *)&state.shm_perm.mode)[2] = 0;
    shmctl(segment, IPC_SET, NULL);
    struct shminfo limits;
    memset(&limits, 0, sizeof limits);
    int top = shmctl(0, IPC_INFO, (struct shmid_ds *)&limits);
    struct shm_info usage;
    memset(&usage, 0, sizeof usage);
    shmctl(0, SHM_INFO, (struct shmid_ds *)&usage);
    /* A failed *_INFO or *_STAT shows the pointer. */
    shmctl(-1, SHM_STAT, &state);
    shmctl(top, SHM_STAT, &state);
    shmctl(top, SHM_STAT_ANY, &state);
    shmctl(segment, SHM_LOCK, NULL);
    /* The lock shows in the mode (SHM_LOCKED). */
    shmctl(segment, IPC_STAT, &state);
    shmctl(segment, SHM_UNLOCK, NULL);
    unknown_command(SYS_shmctl, SHMCTL, segment, &state);
    shmctl(segment, IPC_RMID, NULL);
}

static void semaphores(void) {
    int set = semget(IPC_PRIVATE, 3, IPC_CREAT | 0600);
    if (set < 0) return;
    union semun argument;
    struct semid_ds state;
    memset(&state, 0, sizeof state);
    argument.buf = &state;
    semctl(set, 0, IPC_STAT, argument);
    state.sem_perm.mode = 0640;
    semctl(set, 0, IPC_SET, argument);
    argument.buf = NULL;
#ifdef __i386__
    /* i386's glibc reads the struct itself (to convert it) before the call. */
    syscall(SYS_ipc, SEMCTL, set, 0, IPC_SET | 0x100, &argument);
#else
    semctl(set, 0, IPC_SET, argument);
#endif
    struct seminfo limits;
    memset(&limits, 0, sizeof limits);
    argument.__buf = &limits;
    int top = semctl(0, 0, IPC_INFO, argument);
    semctl(0, 0, SEM_INFO, argument);
    semctl(-1, 0, SEM_STAT, argument);
    argument.buf = &state;
    semctl(top, 0, SEM_STAT, argument);
    semctl(top, 0, SEM_STAT_ANY, argument);
    unsigned short values[3] = {1, 2, 3};
    argument.array = values;
    semctl(set, 0, SETALL, argument);
    memset(values, 0, sizeof values);
    semctl(set, 0, GETALL, argument);
    memset(&argument, 0, sizeof argument);
    argument.val = 7;
    semctl(set, 2, SETVAL, argument);
    semctl(set, 2, GETVAL);
    semctl(set, 1, GETPID);
    semctl(set, 1, GETNCNT);
    semctl(set, 1, GETZCNT);
    argument.array = NULL;
    semctl(set, 0, GETALL, argument);
    unknown_command(SYS_semctl, SEMCTL, set, &state);
    semctl(set, 0, IPC_RMID);
}

int main(void) {
    /* Ids and counts of a namespace of our own; where it cannot be had, the host's. */
    unshare(CLONE_NEWIPC);
    messages();
    shared();
    semaphores();
    return 0;
}
