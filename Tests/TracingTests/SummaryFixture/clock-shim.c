#define _GNU_SOURCE
#include <time.h>
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <sys/resource.h>
/* An LD_PRELOAD shim for strace that makes its clocks say what a test wants, so that strace's
   summary and timestamp layout can be recorded for exact, known times (see README.md).
   Each read of CLOCK_MONOTONIC advances it by the next step of SHIM_MONO_STEPS (nanoseconds,
   comma-separated, cycling); CLOCK_REALTIME starts at SHIM_REAL_BASE (ns since the epoch) and
   advances by SHIM_REAL_STEPS; the ru_stime that wait4 returns advances by SHIM_STIME_STEPS (us)
   at each wait4 that reports a child. */
static long long steps(const char *env, int *idx){
  const char *s=getenv(env); if(!s||!*s) return -1;
  long long v[256]; int n=0; char *e; const char *p=s;
  while(*p && n<256){ v[n++]=strtoll(p,&e,10); p=e; if(*p==',') p++; }
  long long r=v[*idx % n]; (*idx)++; return r;
}
static long long mono_ns; static int mono_i; static int mono_started;
int clock_gettime(clockid_t id, struct timespec *ts){
  static int (*real)(clockid_t, struct timespec*);
  if(!real) real=dlsym(RTLD_NEXT,"clock_gettime");
  int r=real(id,ts);
  if(id==CLOCK_MONOTONIC && getenv("SHIM_MONO_STEPS")){
    if(!mono_started){ mono_started=1; mono_ns=1000000000LL; }
    else mono_ns+=steps("SHIM_MONO_STEPS",&mono_i);
    ts->tv_sec=mono_ns/1000000000LL; ts->tv_nsec=mono_ns%1000000000LL;
  }
  if(id==CLOCK_REALTIME && getenv("SHIM_REAL_BASE")){
    static long long real_ns; static int real_i; static int real_started;
    if(!real_started){ real_started=1; real_ns=strtoll(getenv("SHIM_REAL_BASE"),0,10); }
    else if(getenv("SHIM_REAL_STEPS")) real_ns+=steps("SHIM_REAL_STEPS",&real_i);
    ts->tv_sec=real_ns/1000000000LL; ts->tv_nsec=real_ns%1000000000LL;
  }
  return r;
}
static long long st_us; static int st_i;
pid_t wait4(pid_t p, int *st, int o, struct rusage *ru){
  static pid_t (*real)(pid_t,int*,int,struct rusage*);
  if(!real) real=dlsym(RTLD_NEXT,"wait4");
  pid_t r=real(p,st,o,ru);
  if(r>0 && ru && getenv("SHIM_STIME_STEPS")){
    st_us+=steps("SHIM_STIME_STEPS",&st_i);
    ru->ru_stime.tv_sec=st_us/1000000; ru->ru_stime.tv_usec=st_us%1000000;
  }
  return r;
}
