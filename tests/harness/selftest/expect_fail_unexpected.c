// Self-test: a flagged free without an expectation -> FAIL (exit 1).
// CHECKS: cgo-nil-free

void free(void *);

void f(void) {
  char *p = 0;
  free(p);
}
