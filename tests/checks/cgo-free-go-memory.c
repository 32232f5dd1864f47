// cgo-free-go-memory without Go-side facts (preamble mode): a pointer
// parameter of a function Go can call may be Go memory, which only Go's
// garbage collector may free: free(p) on it, directly, through a local,
// through a static helper or through a CGOCHECK_TAKES_OWNERSHIP parameter,
// is flagged. Memory C allocated is not.
// CHECKS: cgo-free-go-memory
// ARGS: -std=c11 -I../../include

#include "cgocheck/cgocheck.h"

#include <stdint.h>
#include <stdlib.h>

struct msg {
  char *text;
  int len;
};

void use(void *);

void release(void *p) {
  // CHECK-NOTES: :[[@LINE-1]]:20: note: 'p' is assumed to hold Go memory: Go can call 'release' (no Go-side facts; preamble mode)
  free(p);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'free' frees 'p', which may point to Go memory; only C memory may be freed (memory from C.malloc, C.CString or C.CBytes), Go's garbage collector frees Go memory [cgo-free-go-memory]
}

// Through a local alias and a cast.
void release_msg(struct msg *m) {
  // CHECK-NOTES: :[[@LINE-1]]:30: note: 'm' is assumed to hold Go memory: Go can call 'release_msg' (no Go-side facts; preamble mode)
  void *block = (void *)m;
  free(block);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'free' frees 'm', which may point to Go memory
}

// Through a static helper: the finding is at the helper's free.
static void destroy(void *q) {
  free(q);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'free' frees 'p', which may point to Go memory
}
void release_through_helper(void *p) {
  // CHECK-NOTES: :[[@LINE-1]]:35: note: 'p' is assumed to hold Go memory: Go can call 'release_through_helper' (no Go-side facts; preamble mode)
  destroy(p);
  // CHECK-NOTES: :[[@LINE-1]]:3: note: through this call to 'destroy'
}

// A parameter annotated CGOCHECK_TAKES_OWNERSHIP frees what it is given.
void consume(CGOCHECK_TAKES_OWNERSHIP void *block);
void give(void *p) {
  // CHECK-NOTES: :[[@LINE-1]]:17: note: 'p' is assumed to hold Go memory: Go can call 'give' (no Go-side facts; preamble mode)
  consume(p);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'consume' frees 'p', which may point to Go memory
}

// A borrowed parameter of a static function.
static void drop(void *p CGOCHECK_BORROWED) {
  // CHECK-NOTES: :[[@LINE-1]]:24: note: 'p' is assumed to hold Go memory: it is annotated CGOCHECK_BORROWED
  free(p);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'free' frees 'p', which may point to Go memory
}
void call_drop(void) { drop(NULL); }

// Not flagged: memory this function allocated, C memory given to a
// CGOCHECK_TAKES_OWNERSHIP parameter, null.
void release_own(size_t n) {
  char *buf = malloc(n);
  use(buf);
  free(buf);
  consume(malloc(n));
  free(NULL);
}

// Not flagged: a parameter annotated CGOCHECK_TAKES_OWNERSHIP (or
// CGOCHECK_KEEPS) is C memory, so it may be freed.
void destroy_owned(CGOCHECK_TAKES_OWNERSHIP void *p) { free(p); }
void unregister(void *ctx CGOCHECK_KEEPS) { free(ctx); }

// Not flagged: an integer parameter, and a static function Go cannot call.
void release_handle(uintptr_t h) { free((void *)h); }
static void release_static(void *p) { free(p); }
void call_static(void) { release_static(NULL); }

// Not flagged: a pointer loaded from the Go memory is not that memory (Go
// may store C memory in it).
void release_text(struct msg *m) { free(m->text); }
