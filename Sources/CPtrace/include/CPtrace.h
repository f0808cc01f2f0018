// The C side of swtrace: what Swift cannot call directly or must not do itself.
//
// - glibc's ptrace() is variadic, so Swift cannot import it: swt_ptrace() is a fixed-arity wrapper.
// - The wait-status macros (WIFEXITED, ...) are macros: they are functions here.
// - fork() is unsafe in a Swift process; the child side of "fork, stop, exec" is written here.
#ifndef SWTRACE_CPTRACE_H
#define SWTRACE_CPTRACE_H

#include <sys/types.h>

/// ptrace(2) with every argument spelled out. Returns the kernel's result; -1 with errno on failure
/// (for PEEK requests, check errno, since -1 can be data).
long swt_ptrace(int request, pid_t pid, unsigned long addr, unsigned long data);

struct rusage;
/// wait4(-1, status, options, usage) without glibc's wrapper, which makes every wait a thread
/// cancellation point (two calls around the syscall); swtrace cancels no thread.
pid_t swt_wait_any(int *status, int options, struct rusage *usage);

int swt_wifexited(int status);
int swt_wexitstatus(int status);
int swt_wifsignaled(int status);
int swt_wtermsig(int status);
int swt_wcoredump(int status);
int swt_wifstopped(int status);
int swt_wstopsig(int status);

/// Records this thread's signal mask and the disposition of `wake_signal` as swtrace found them,
/// before it changes either, so that the command it starts gets exactly what it would get untraced.
void swt_remember_signal_state(int wake_signal);

/// What the command swtrace starts is run as, and with what: everything the child side of fork and
/// exec needs, so that nothing but async-signal-safe calls happen between fork(2) and execve(2).
struct swt_spawn_request {
    const char *path;
    char *const *argv;
    char *const *envp;
    /// The name swtrace was invoked as, for the one line the child prints when execve fails.
    const char *program_name;
    /// Nonzero for `-u USER`: the child calls setgroups, setgid and setuid with these values.
    int switch_user;
    uid_t uid;
    gid_t gid;
    const gid_t *groups;
    int group_count;
    /// A classic BPF program (`seccomp_count` struct sock_filter entries) for
    /// swt_install_seccomp_filter(), or NULL for none.
    const void *seccomp_filter;
    unsigned short seccomp_count;
};

/// fork(2); the child restores the signal mask and disposition that swt_remember_signal_state
/// recorded, stops itself with SIGSTOP so the tracer can seize it before anything happens, then
/// switches user (`-u`), installs the seccomp filter, and execve(2)s `path`. On exec failure the
/// child prints one line to stderr and exits with 127 (ENOENT) or 126.
/// When a filter is given, `*report_fd` (else -1) receives the read end of a close-on-exec pipe on
/// which the child writes one byte before execve: 1 if the filter is installed, 0 if not (after
/// one notice line on stderr). Returns the child's pid, or -1 with errno.
pid_t swt_spawn_stopped(const struct swt_spawn_request *request, int *report_fd);

/// strace's -D: forks so that the tracer goes on in a grandchild while this process (the one the
/// shell started, whose pid the shell waits for) becomes the command. `mode` 2 puts the tracer in
/// its own process group, 3 in its own session.
/// Returns only in the tracer: the pid of the command (this process), with `*release_fd` a socket on
/// which the tracer, once it has seized the command, writes the byte 'G' and then the seccomp
/// program (struct sock_filter entries, possibly none) and shuts down writing; the command then
/// switches user, installs the program, writes its report byte (as swt_spawn_stopped) back on the
/// same socket and execs. If the socket closes without 'G', the command exits with status 1.
/// Returns -1 with errno if the fork fails (in the original process, which then is not split).
pid_t swt_daemonize(int mode, const struct swt_spawn_request *request, int *release_fd);

/// Installs a handler for `signo` that does nothing and does not set SA_RESTART, so that a blocked
/// waitpid(2) in the thread that receives the signal returns EINTR. Returns 0 or -1 with errno.
int swt_install_wake_handler(int signo);

/// Blocks (how = SIG_BLOCK) or unblocks (SIG_UNBLOCK) the signals in `signals` (0-terminated) for
/// the calling thread. Returns 0 or an errno value.
int swt_thread_sigmask(int how, const int *signals);

/// sigtimedwait(2) on the signals in `signals` (0-terminated) for at most `milliseconds`. Returns
/// the signal number and stores its si_code in `code` (SI_KERNEL for a signal from the terminal,
/// SI_USER for kill), or returns 0 when the time ran out.
int swt_sigtimedwait(const int *signals, int *code, int milliseconds);

/// In the child between fork and execve (async-signal-safe): sets no_new_privs and installs the
/// classic BPF program `filter` (`count` struct sock_filter entries) with seccomp(2), so that only
/// the calls it returns SECCOMP_RET_TRACE for stop the tracee. Returns 0 or an errno value.
int swt_install_seccomp_filter(const void *filter, unsigned short count);

struct iovec;
/// process_vm_readv(2), which glibc declares only under _GNU_SOURCE.
long swt_process_vm_readv(pid_t pid, const struct iovec *local, unsigned long local_count,
                          const struct iovec *remote, unsigned long remote_count);

/// The "environ" of this process.
char **swt_environ(void);

/// How many CPUs the calling thread may run on (sched_getaffinity(2) and CPU_COUNT, a macro), or
/// -1 with errno.
int swt_allowed_cpu_count(void);

/// A thread of idle priority (SCHED_IDLE) that keeps a CPU from halting while stops come fast:
/// it spins as long as `swt_keep_awake_note_stop` was called within the last `window_ns`
/// nanoseconds, then sleeps in futex(2) until the next call. All signals are blocked in it.
struct swt_keep_awake;
/// Starts the thread. Returns NULL with errno if it could not be created.
struct swt_keep_awake *swt_keep_awake_start(unsigned long window_ns);
/// A stop arrived: spin on, or wake the thread if it sleeps (one futex call).
void swt_keep_awake_note_stop(struct swt_keep_awake *keeper);
/// Ends the thread, waits for it and frees `keeper`.
void swt_keep_awake_end(struct swt_keep_awake *keeper);

/// Nonzero when this process's CPU time is rationed: a CPU bandwidth limit (cgroup v2 `cpu.max`,
/// v1 `cpu.cfs_quota_us`) on its cgroup or one above it. Time spent spinning there, even at idle
/// priority, would come out of the traced programs' share.
int swt_cpu_time_is_limited(void);

#endif
