// cgo-nil-free on a TU parsed for darwin/arm64 without an SDK, as
// `cgocheck lint --goos=darwin --goarch=arm64` runs it: same findings.
// CHECKS: cgo-nil-free
// ARGS: --target=arm64-apple-macos11 -nostdlibinc -std=c11

#include <stddef.h>
#include <stdint.h>
void free(void *);
void *malloc(size_t);

int bad_on_darwin(uint8_t **out, size_t n) {
  uint8_t *buf = malloc(n);
  if (buf == NULL) {
    free(buf);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'buf' is null on every path reaching this call to 'free'
    return -1;
  }
  *out = buf;
  return 0;
}

void good_on_darwin(uint8_t *p) {
  if (p != NULL)
    free(p);
}
