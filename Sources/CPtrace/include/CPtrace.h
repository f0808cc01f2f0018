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

/// fork(2); the child restores the signal mask and disposition that swt_remember_signal_state
/// recorded, stops itself with SIGSTOP so the tracer can seize it before anything happens, then
/// execve(2)s `path`. On exec failure the child prints one line to
/// stderr and exits with 127 (ENOENT) or 126. Returns the child's pid, or -1 with errno.
pid_t swt_spawn_stopped(const char *path, char *const argv[], char *const envp[]);

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

#endif
