/* cgocheck stand-in for parsing only: not Apple's header (see sys/types.h). */
#ifndef CGOCHECK_DARWIN_LIBC_STRINGS_H
#define CGOCHECK_DARWIN_LIBC_STRINGS_H

#define __need_size_t
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

int strcasecmp(const char *a, const char *b);
int strncasecmp(const char *a, const char *b, size_t n);
int bcmp(const void *a, const void *b, size_t n);
void bcopy(const void *src, void *dst, size_t n);
void bzero(void *s, size_t n);
char *index(const char *s, int c);
char *rindex(const char *s, int c);
int ffs(int i);

#ifdef __cplusplus
}
#endif

#endif
