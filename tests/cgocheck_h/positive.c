/*
 * Uses every macro of cgocheck.h in a way that holds on the target the test
 * compiles for. check_header.py passes what differs between targets:
 *   CGOCHECK_TEST_CHAR_SIGNED        1 where plain char is signed, else 0
 *   CGOCHECK_TEST_LONG_DOUBLE_IS_DOUBLE 1 where long double is 8 bytes
 *   CGOCHECK_TEST_LONG_SIZE          sizeof(long)
 *   CGOCHECK_TEST_LONG_DOUBLE_ALIGN  the alignment of long double
 * Valid C89 (the fallback) up to C23, and C++98 up to C++17.
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
