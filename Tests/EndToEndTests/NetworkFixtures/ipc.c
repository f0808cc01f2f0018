/* System V IPC and POSIX message queues, for NetworkDifferentialTests: every object is created
 * private (IPC_PRIVATE, or a queue name of this run) and removed before the program ends. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <mqueue.h>
#include <signal.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static void messages(void) {
    int queue = msgget(IPC_PRIVATE, IPC_CREAT | IPC_EXCL | 0600);
    struct { long type; char text[8]; } message = {1, "hello"};
    msgsnd(queue, &message, 6, 0);
    msgsnd(queue, &message, 6, IPC_NOWAIT);
    msgrcv(queue, &message, sizeof message.text, 0, MSG_NOERROR);
    msgrcv(queue, &message, sizeof message.text, 2, IPC_NOWAIT | MSG_EXCEPT);
    struct msqid_ds info;
    msgctl(queue, IPC_STAT, &info);
    msgctl(queue, IPC_RMID, NULL);
    msgget(0x1234abcd, 0);
}

static void semaphores(void) {
    int set = semget(IPC_PRIVATE, 2, IPC_CREAT | 0640);
    struct sembuf operations[2] = {{0, 1, 0}, {1, 1, SEM_UNDO | IPC_NOWAIT}};
    semop(set, operations, 2);
    struct timespec wait = {0, 1000};
    operations[0].sem_op = -1;
    semtimedop(set, operations, 1, &wait);
    operations[0].sem_flg = IPC_NOWAIT;
    semtimedop(set, operations, 1, NULL);
    semctl(set, 0, GETVAL);
    semctl(set, 1, SETVAL, 5);
    semctl(set, 0, IPC_RMID);
}

static void shared(void) {
    int segment = shmget(IPC_PRIVATE, 4096, IPC_CREAT | 0600);
    void *address = shmat(segment, NULL, SHM_RDONLY);
    shmdt(address);
    struct shmid_ds info;
    shmctl(segment, IPC_STAT, &info);
    shmctl(segment, IPC_RMID, NULL);
    /* IPC_PRIVATE makes a new segment even without IPC_CREAT: remove it too. */
    shmctl(shmget(IPC_PRIVATE, 4096, 0), IPC_RMID, NULL);
}

static void posix_queues(void) {
    char name[32] = "/swtrace-mq";
    struct mq_attr attributes = {.mq_maxmsg = 4, .mq_msgsize = 16};
    mqd_t queue = mq_open(name, O_RDWR | O_CREAT | O_EXCL, 0600, &attributes);
    mq_send(queue, "hello", 5, 3);
    struct timespec never = {0, 0};
    mq_timedsend(queue, "again", 5, 1, &never);
    char buffer[16];
    unsigned priority;
    mq_receive(queue, buffer, sizeof buffer, &priority);
    mq_timedreceive(queue, buffer, sizeof buffer, NULL, &never);
    struct sigevent event = {.sigev_notify = SIGEV_SIGNAL, .sigev_signo = SIGUSR1};
    mq_notify(queue, &event);
    mq_notify(queue, NULL);
    struct mq_attr now;
    mq_getattr(queue, &now);
    close(queue);
    mq_unlink(name);
    mq_open("/swtrace-mq-missing", O_RDONLY);
}

int main(void) {
    messages();
    semaphores();
    shared();
    posix_queues();
    return 0;
}
