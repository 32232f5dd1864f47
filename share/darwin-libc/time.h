/* cgocheck stand-in for parsing only: not Apple's header (see sys/types.h). */
#ifndef CGOCHECK_DARWIN_LIBC_TIME_H
#define CGOCHECK_DARWIN_LIBC_TIME_H

#include <sys/types.h>

#define CLOCKS_PER_SEC 1000000
#define TIME_UTC 1

struct tm {
  int tm_sec;
  int tm_min;
  int tm_hour;
  int tm_mday;
  int tm_mon;
  int tm_year;
  int tm_wday;
  int tm_yday;
  int tm_isdst;
  long tm_gmtoff;
  char *tm_zone;
};

struct timespec {
  time_t tv_sec;
  long tv_nsec;
};

/* An enumeration on Apple, with these values. */
typedef enum {
  cgocheck_darwin_clock_realtime = 0,
  cgocheck_darwin_clock_monotonic_raw = 4,
  cgocheck_darwin_clock_monotonic_raw_approx = 5,
  cgocheck_darwin_clock_monotonic = 6,
  cgocheck_darwin_clock_uptime_raw = 8,
  cgocheck_darwin_clock_uptime_raw_approx = 9,
  cgocheck_darwin_clock_process_cputime_id = 12,
  cgocheck_darwin_clock_thread_cputime_id = 16
} clockid_t;
#define CLOCK_REALTIME cgocheck_darwin_clock_realtime
#define CLOCK_MONOTONIC_RAW cgocheck_darwin_clock_monotonic_raw
#define CLOCK_MONOTONIC_RAW_APPROX cgocheck_darwin_clock_monotonic_raw_approx
#define CLOCK_MONOTONIC cgocheck_darwin_clock_monotonic
#define CLOCK_UPTIME_RAW cgocheck_darwin_clock_uptime_raw
#define CLOCK_UPTIME_RAW_APPROX cgocheck_darwin_clock_uptime_raw_approx
#define CLOCK_PROCESS_CPUTIME_ID cgocheck_darwin_clock_process_cputime_id
#define CLOCK_THREAD_CPUTIME_ID cgocheck_darwin_clock_thread_cputime_id

#ifdef __cplusplus
extern "C" {
#endif

time_t time(time_t *t);
clock_t clock(void);
double difftime(time_t end, time_t start);
time_t mktime(struct tm *tm);
time_t timegm(struct tm *tm);
struct tm *gmtime(const time_t *t);
struct tm *localtime(const time_t *t);
struct tm *gmtime_r(const time_t *__restrict t, struct tm *__restrict result);
struct tm *localtime_r(const time_t *__restrict t, struct tm *__restrict result);
char *asctime(const struct tm *tm);
char *ctime(const time_t *t);
size_t strftime(char *__restrict s, size_t max, const char *__restrict format, const struct tm *__restrict tm);
int nanosleep(const struct timespec *request, struct timespec *remain);
int clock_gettime(clockid_t clock_id, struct timespec *tp);
int clock_getres(clockid_t clock_id, struct timespec *res);
int timespec_get(struct timespec *ts, int base);
void tzset(void);

#ifdef __cplusplus
}
#endif

#endif
