// The fuzz targets' invariant check: unlike assert(), it stays on under
// NDEBUG (the fuzz preset builds RelWithDebInfo) and aborts, which libFuzzer
// reports as a crash and saves the input for.
#ifndef CGOCHECK_FUZZ_CHECK_HPP
#define CGOCHECK_FUZZ_CHECK_HPP

#include <cstdio>
#include <cstdlib>

#define FUZZ_CHECK(cond)                                                                   \
  do {                                                                                     \
    if (!(cond)) {                                                                         \
      std::fprintf(stderr, "%s:%d: invariant violated: %s\n", __FILE__, __LINE__, #cond); \
      std::abort();                                                                        \
    }                                                                                      \
  } while (false)

#endif // CGOCHECK_FUZZ_CHECK_HPP
