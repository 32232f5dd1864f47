/* cgocheck stand-in for parsing only: not Apple's header (see sys/types.h).
 * As the standard asks, assert is defined anew at every inclusion after
 * NDEBUG; only the declaration is guarded. */
#ifndef CGOCHECK_DARWIN_LIBC_ASSERT_H
#define CGOCHECK_DARWIN_LIBC_ASSERT_H
#ifdef __cplusplus
extern "C" {
#endif
void __assert_rtn(const char *func, const char *file, int line, const char *expr) __attribute__((__noreturn__));
#ifdef __cplusplus
}
#endif
#if !defined(__cplusplus) && defined(__STDC_VERSION__) && __STDC_VERSION__ >= 201112L && \
    __STDC_VERSION__ < 202311L && !defined(static_assert)
#define static_assert _Static_assert
#endif
#endif

#undef assert
#ifdef NDEBUG
#define assert(e) ((void)0)
#elif defined(__cplusplus) || (defined(__STDC_VERSION__) && __STDC_VERSION__ >= 199901L)
#define assert(e) (__builtin_expect(!(e), 0) ? __assert_rtn(__func__, __FILE__, __LINE__, #e) : (void)0)
#else
#define assert(e) (__builtin_expect(!(e), 0) ? __assert_rtn("", __FILE__, __LINE__, #e) : (void)0)
#endif
