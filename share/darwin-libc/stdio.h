/* cgocheck stand-in for parsing only: not Apple's header (see sys/types.h). */
#ifndef CGOCHECK_DARWIN_LIBC_STDIO_H
#define CGOCHECK_DARWIN_LIBC_STDIO_H

#define __need_size_t
#define __need_NULL
#include <stddef.h>
#include <sys/types.h>

/* Opaque here: code that only passes FILE pointers around parses. */
typedef struct cgocheck_darwin_file FILE;
typedef long long fpos_t;

#define EOF (-1)
#define BUFSIZ 1024
#define FILENAME_MAX 1024
#define FOPEN_MAX 20
#define L_tmpnam 1024
#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2
#define _IOFBF 0
#define _IOLBF 1
#define _IONBF 2

#ifdef __cplusplus
extern "C" {
#endif

extern FILE *__stdinp;
extern FILE *__stdoutp;
extern FILE *__stderrp;
#define stdin __stdinp
#define stdout __stdoutp
#define stderr __stderrp

int printf(const char *__restrict format, ...);
int fprintf(FILE *__restrict stream, const char *__restrict format, ...);
int sprintf(char *__restrict str, const char *__restrict format, ...);
int snprintf(char *__restrict str, size_t size, const char *__restrict format, ...);
int dprintf(int fd, const char *__restrict format, ...);
int asprintf(char **__restrict ret, const char *__restrict format, ...);
int vprintf(const char *__restrict format, __builtin_va_list ap);
int vfprintf(FILE *__restrict stream, const char *__restrict format, __builtin_va_list ap);
int vsprintf(char *__restrict str, const char *__restrict format, __builtin_va_list ap);
int vsnprintf(char *__restrict str, size_t size, const char *__restrict format, __builtin_va_list ap);
int vasprintf(char **__restrict ret, const char *__restrict format, __builtin_va_list ap);
int scanf(const char *__restrict format, ...);
int fscanf(FILE *__restrict stream, const char *__restrict format, ...);
int sscanf(const char *__restrict str, const char *__restrict format, ...);

FILE *fopen(const char *__restrict path, const char *__restrict mode);
FILE *fdopen(int fd, const char *mode);
FILE *freopen(const char *__restrict path, const char *__restrict mode, FILE *__restrict stream);
FILE *fmemopen(void *__restrict buf, size_t size, const char *__restrict mode);
FILE *tmpfile(void);
int fclose(FILE *stream);
size_t fread(void *__restrict ptr, size_t size, size_t count, FILE *__restrict stream);
size_t fwrite(const void *__restrict ptr, size_t size, size_t count, FILE *__restrict stream);
int fflush(FILE *stream);
int fputs(const char *__restrict s, FILE *__restrict stream);
int puts(const char *s);
int fputc(int c, FILE *stream);
int putc(int c, FILE *stream);
int putchar(int c);
int fgetc(FILE *stream);
int getc(FILE *stream);
int getchar(void);
int ungetc(int c, FILE *stream);
char *fgets(char *__restrict s, int size, FILE *__restrict stream);
ssize_t getline(char **__restrict line, size_t *__restrict cap, FILE *__restrict stream);
int fseek(FILE *stream, long offset, int whence);
int fseeko(FILE *stream, off_t offset, int whence);
long ftell(FILE *stream);
off_t ftello(FILE *stream);
void rewind(FILE *stream);
int fgetpos(FILE *__restrict stream, fpos_t *__restrict pos);
int fsetpos(FILE *stream, const fpos_t *pos);
int feof(FILE *stream);
int ferror(FILE *stream);
void clearerr(FILE *stream);
int fileno(FILE *stream);
void setbuf(FILE *__restrict stream, char *__restrict buf);
int setvbuf(FILE *__restrict stream, char *__restrict buf, int mode, size_t size);
void perror(const char *s);
int remove(const char *path);
int rename(const char *from, const char *to);
FILE *popen(const char *command, const char *mode);
int pclose(FILE *stream);

#ifdef __cplusplus
}
#endif

#endif
