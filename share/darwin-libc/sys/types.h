/* cgocheck stand-in for parsing only: not Apple's header. `cgocheck lint`
 * parses Apple targets with these when no macOS SDK is set; they declare
 * the types of Apple's 64-bit ABI (arm64 and x86_64) and nothing more. */
#ifndef CGOCHECK_DARWIN_LIBC_SYS_TYPES_H
#define CGOCHECK_DARWIN_LIBC_SYS_TYPES_H

#define __need_size_t
#define __need_NULL
#include <stddef.h>

typedef long ssize_t;
typedef long long off_t;
typedef int pid_t;
typedef unsigned int uid_t;
typedef unsigned int gid_t;
typedef unsigned int id_t;
typedef unsigned short mode_t;
typedef int dev_t;
typedef unsigned long long ino_t;
typedef unsigned short nlink_t;
typedef int blksize_t;
typedef long long blkcnt_t;
typedef long time_t;
typedef unsigned long clock_t;
typedef int suseconds_t;
typedef unsigned int useconds_t;
typedef int key_t;
typedef unsigned char u_char;
typedef unsigned short u_short;
typedef unsigned int u_int;
typedef unsigned long u_long;

/* pthread types: an opaque signature word and Apple's sizes. */
struct cgocheck_darwin_pthread { long sig; void *cleanup_stack; char opaque[8176]; };
typedef struct cgocheck_darwin_pthread *pthread_t;
typedef struct { long sig; char opaque[56]; } pthread_attr_t;
typedef struct { long sig; char opaque[56]; } pthread_mutex_t;
typedef struct { long sig; char opaque[8]; } pthread_mutexattr_t;
typedef struct { long sig; char opaque[40]; } pthread_cond_t;
typedef struct { long sig; char opaque[8]; } pthread_condattr_t;
typedef struct { long sig; char opaque[192]; } pthread_rwlock_t;
typedef struct { long sig; char opaque[16]; } pthread_rwlockattr_t;
typedef struct { long sig; char opaque[8]; } pthread_once_t;
typedef unsigned long pthread_key_t;

#endif
