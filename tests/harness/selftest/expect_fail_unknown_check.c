// Self-test: a misspelled check name must not pass silently -> FAIL.
// CHECKS: cgo-no-such-check

void free(void *);

void f(void) { free(0); }
