// Self-test: an expectation on code that is not flagged -> FAIL (exit 1).
// CHECKS: cgo-nil-free

void free(void *);

void release(char *p) {
  if (p)
    free(p);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: [cgo-nil-free]
}
