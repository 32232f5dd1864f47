/* cgocheck stand-in for parsing only: not Apple's header (see sys/types.h). */
#ifndef CGOCHECK_DARWIN_LIBC_STDLIB_H
#define CGOCHECK_DARWIN_LIBC_STDLIB_H

#define __need_size_t
#define __need_wchar_t
#define __need_NULL
#include <stddef.h>

#define EXIT_SUCCESS 0
#define EXIT_FAILURE 1
#define RAND_MAX 0x7fffffff
#define MB_CUR_MAX 4

typedef struct { int quot; int rem; } div_t;
typedef struct { long quot; long rem; } ldiv_t;

#ifdef __cplusplus
extern "C" {
#endif

void *malloc(size_t size);
void *calloc(size_t count, size_t size);
void *realloc(void *ptr, size_t size);
void free(void *ptr);
void *aligned_alloc(size_t alignment, size_t size);
int posix_memalign(void **memptr, size_t alignment, size_t size);
void *reallocf(void *ptr, size_t size);

void abort(void) __attribute__((__noreturn__));
void exit(int status) __attribute__((__noreturn__));
void _Exit(int status) __attribute__((__noreturn__));
int atexit(void (*func)(void));

char *getenv(const char *name);
int setenv(const char *name, const char *value, int overwrite);
int unsetenv(const char *name);
int system(const char *command);

int atoi(const char *s);
long atol(const char *s);
long long atoll(const char *s);
double atof(const char *s);
long strtol(const char *__restrict s, char **__restrict end, int base);
unsigned long strtoul(const char *__restrict s, char **__restrict end, int base);
long long strtoll(const char *__restrict s, char **__restrict end, int base);
unsigned long long strtoull(const char *__restrict s, char **__restrict end, int base);
double strtod(const char *__restrict s, char **__restrict end);
float strtof(const char *__restrict s, char **__restrict end);

void qsort(void *base, size_t count, size_t size, int (*compar)(const void *, const void *));
void *bsearch(const void *key, const void *base, size_t count, size_t size,
              int (*compar)(const void *, const void *));

int abs(int j);
long labs(long j);
long long llabs(long long j);
div_t div(int num, int den);
ldiv_t ldiv(long num, long den);

int rand(void);
void srand(unsigned seed);
unsigned int arc4random(void);
unsigned int arc4random_uniform(unsigned int upper_bound);
void arc4random_buf(void *buf, size_t size);

char *realpath(const char *__restrict path, char *__restrict resolved);
int mkstemp(char *template_path);
char *mkdtemp(char *template_path);

#ifdef __cplusplus
}
#endif

#endif
