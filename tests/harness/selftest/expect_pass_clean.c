// Self-test: a guarded free is not flagged and nothing is expected -> PASS.
// CHECKS: cgo-nil-free

void free(void *);

void release(char *p) {
  if (p)
    free(p);
}
