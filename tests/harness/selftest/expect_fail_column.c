// Self-test: the expectation has the wrong column (17, free is at 16) -> FAIL.
// CHECKS: cgo-nil-free

void free(void *);

void f(void) { free(0); }
// CHECK-MESSAGES: :[[@LINE-1]]:17: warning: [cgo-nil-free]
