/*
 * Uses every macro of cgocheck.h in a way that holds on the target the test
 * compiles for. check_header.py passes what differs between targets:
 *   CGOCHECK_TEST_CHAR_SIGNED        1 where plain char is signed, else 0
 *   CGOCHECK_TEST_LONG_DOUBLE_IS_DOUBLE 1 where long double is 8 bytes
 *   CGOCHECK_TEST_LONG_SIZE          sizeof(long)
 *   CGOCHECK_TEST_LONG_DOUBLE_ALIGN  the alignment of long double
 * Valid C89 (the fallback) up to C23, and C++98 up to C++17. The pointer
 * annotations appear in every position the header documents; check_header.py
 * also compiles this file with CGOCHECK_NO_ANNOTATIONS defined.
 */
#include "cgocheck/cgocheck.h"
/* Twice: the include guard must hold. */
#include "cgocheck/cgocheck.h"

struct cgocheck_test_pair {
  int a;
  double b;
};

CGOCHECK_STATIC_ASSERT(sizeof(int) == 4, "test: int is 4 bytes");
CGOCHECK_ASSERT_SIZEOF(struct cgocheck_test_pair, 16);
CGOCHECK_ASSERT_ALIGNOF(struct cgocheck_test_pair, 8);
CGOCHECK_ASSERT_ALIGNOF(long double, CGOCHECK_TEST_LONG_DOUBLE_ALIGN);
CGOCHECK_ASSERT_OFFSETOF(struct cgocheck_test_pair, a, 0);
CGOCHECK_ASSERT_OFFSETOF(struct cgocheck_test_pair, b, 8);
#if CGOCHECK_TEST_CHAR_SIGNED
CGOCHECK_ASSERT_CHAR_SIGNED();
#else
CGOCHECK_ASSERT_CHAR_UNSIGNED();
#endif
#if CGOCHECK_TEST_LONG_DOUBLE_IS_DOUBLE
CGOCHECK_ASSERT_LONG_DOUBLE_IS_DOUBLE();
#endif
#if CGOCHECK_TEST_LONG_SIZE == 8
CGOCHECK_ASSERT_LP64();
CGOCHECK_ASSERT_GO_INT(long);
#endif
CGOCHECK_ASSERT_LONG_SIZE(CGOCHECK_TEST_LONG_SIZE);
CGOCHECK_ASSERT_POINTER_SIZE(8);
CGOCHECK_ASSERT_GO_INT(ptrdiff_t);
CGOCHECK_ASSERT_GO_INT(size_t);

/* The same guard again (a second header of the package may repeat it). */
CGOCHECK_ASSERT_SIZEOF(struct cgocheck_test_pair, 16);

/* At block scope. */
int cgocheck_test_sum(const struct cgocheck_test_pair *p);
int cgocheck_test_sum(const struct cgocheck_test_pair *p) {
  CGOCHECK_ASSERT_OFFSETOF(struct cgocheck_test_pair, b, 8);
#if CGOCHECK_TEST_CHAR_SIGNED
  CGOCHECK_ASSERT_CHAR_SIGNED();
#else
  CGOCHECK_ASSERT_CHAR_UNSIGNED();
#endif
  return p->a + (int)p->b;
}

/* Pointer annotations. */
struct cgocheck_test_registry {
  void *slots[4];
  int count;
};
void cgocheck_test_release(void *p); /* stands in for free */

/* Prototypes: on the function before the declaration; on a parameter after
 * its name, before its type, and after the type of an unnamed one. */
CGOCHECK_CALLED_FROM_GO int cgocheck_test_length(const char *s CGOCHECK_BORROWED);
CGOCHECK_CALLED_FROM_GO void cgocheck_test_consume(char *s CGOCHECK_TAKES_OWNERSHIP);
CGOCHECK_CALLED_FROM_GO int cgocheck_test_register(struct cgocheck_test_registry *r CGOCHECK_BORROWED,
                                                   void *ctx CGOCHECK_KEEPS);
int cgocheck_test_length_before(CGOCHECK_BORROWED const char *s);
void cgocheck_test_consume_before(CGOCHECK_TAKES_OWNERSHIP char *s);
int cgocheck_test_register_before(CGOCHECK_BORROWED struct cgocheck_test_registry *r, CGOCHECK_KEEPS void *ctx);
CGOCHECK_CALLED_FROM_GO void cgocheck_test_unnamed(const char *CGOCHECK_BORROWED, char *CGOCHECK_TAKES_OWNERSHIP,
                                                   CGOCHECK_KEEPS void *);

/* Definitions: some repeat the annotations of their prototype, some rely on
 * it, one has none. */
CGOCHECK_CALLED_FROM_GO int cgocheck_test_length(const char *s CGOCHECK_BORROWED) {
  int n = 0;
  while (s[n] != 0) {
    n++;
  }
  return n;
}
void cgocheck_test_consume(char *s) { cgocheck_test_release(s); }
int cgocheck_test_register(struct cgocheck_test_registry *r, void *ctx CGOCHECK_KEEPS) {
  r->slots[r->count & 3] = ctx;
  return r->count++;
}
int cgocheck_test_length_before(CGOCHECK_BORROWED const char *s) { return cgocheck_test_length(s); }
void cgocheck_test_consume_before(CGOCHECK_TAKES_OWNERSHIP char *s) { cgocheck_test_release(s); }
int cgocheck_test_register_before(CGOCHECK_BORROWED struct cgocheck_test_registry *r, CGOCHECK_KEEPS void *ctx) {
  return cgocheck_test_register(r, ctx);
}
CGOCHECK_CALLED_FROM_GO int cgocheck_test_unannotated_prototype(char *s);
CGOCHECK_CALLED_FROM_GO int cgocheck_test_unannotated_prototype(char *s CGOCHECK_TAKES_OWNERSHIP) {
  cgocheck_test_release(s);
  return 0;
}

/* Static functions, annotated on their only declaration, the function
 * annotation after and before static. */
static CGOCHECK_CALLED_FROM_GO int cgocheck_test_static_after(const char *s CGOCHECK_BORROWED,
                                                              char *t CGOCHECK_TAKES_OWNERSHIP,
                                                              void *ctx CGOCHECK_KEEPS) {
  static void *kept;
  kept = ctx;
  cgocheck_test_release(t);
  return s[0] + (kept != 0);
}
CGOCHECK_CALLED_FROM_GO static int cgocheck_test_static_before(CGOCHECK_BORROWED const char *s,
                                                               CGOCHECK_TAKES_OWNERSHIP char *t,
                                                               CGOCHECK_KEEPS void *ctx) {
  return cgocheck_test_static_after(s, t, ctx);
}
int cgocheck_test_call_statics(const char *s, char *t, void *ctx);
int cgocheck_test_call_statics(const char *s, char *t, void *ctx) {
  return cgocheck_test_static_before(s, t, ctx);
}

#ifdef __cplusplus
/* A C++ shim exports them with C linkage. */
extern "C" {
#endif
CGOCHECK_CALLED_FROM_GO void cgocheck_test_extern_c(void *p CGOCHECK_BORROWED, CGOCHECK_KEEPS void *ctx);
#ifdef __cplusplus
}
#endif
