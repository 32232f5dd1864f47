// Self-test: free(0) is flagged and the expectation matches -> PASS.
// CHECKS: cgo-nil-free

void free(void *);

void f(void) { free(0); }
// CHECK-MESSAGES: :[[@LINE-1]]:16: warning: [cgo-nil-free]
