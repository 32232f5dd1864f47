// cgo-double-free inside C: the same local or parameter passed to free twice
// on some path, with a note at the first free. Assigning the variable in
// between (a new block, or NULL) starts over.
// CHECKS: cgo-double-free
// ARGS: -std=c11 -I../../include

#include "cgocheck/cgocheck.h"

#include <stdlib.h>

void use(void *);

// Twice in a row.
void twice(size_t n) {
  char *p = malloc(n);
  free(p);
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'p' is first freed here
  free(p);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'free' frees 'p', which is already freed on a path to here; free it once (set it to NULL after the first free) [cgo-double-free]
}

// On the error path only.
int error_path(size_t n, int fail) {
  char *p = malloc(n);
  if (fail) {
    free(p);
    // CHECK-NOTES: :[[@LINE-1]]:5: note: 'p' is first freed here
  }
  use(p);
  free(p);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'free' frees 'p', which is already freed on a path to here
  return fail;
}

// A parameter, in a static function that Go cannot call.
static void param_twice(void *p) {
  free(p);
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'p' is first freed here
  free(p);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'free' frees 'p', which is already freed on a path to here
}
void call_param_twice(void) { param_twice(malloc(1)); }

// In a loop, without a new block on each iteration.
void in_loop(int n) {
  char *p = malloc(16);
  for (int i = 0; i < n; i++) {
    use(p);
    free(p);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'free' frees 'p', which is already freed on a path to here
    // CHECK-NOTES: :[[@LINE-2]]:5: note: 'p' is first freed here
  }
}

// First freed by a static helper, or by a CGOCHECK_TAKES_OWNERSHIP parameter.
static void destroy(void *q) { free(q); }
void consume(CGOCHECK_TAKES_OWNERSHIP void *block);
void helper_then_free(size_t n) {
  char *p = malloc(n);
  destroy(p);
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'p' is first freed here
  free(p);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'free' frees 'p', which is already freed on a path to here
  char *q = malloc(n);
  consume(q);
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'q' is first freed here
  free(q);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'free' frees 'q', which is already freed on a path to here
}

// The same with a parameter first freed by the helper.
static void param_helper_then_free(void *p) {
  destroy(p);
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'p' is first freed here
  free(p);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'free' frees 'p', which is already freed on a path to here
}
void call_param_helper_then_free(void) { param_helper_then_free(malloc(1)); }

// Not flagged: reassigned between the frees (a new block, or NULL).
void reassigned(size_t n) {
  char *p = malloc(n);
  free(p);
  p = malloc(n);
  free(p);
  p = NULL;
  free(p);
}

// Not flagged: a fresh block each iteration; the other branch; two variables;
// a return between the frees.
void fresh_in_loop(int n) {
  for (int i = 0; i < n; i++) {
    char *p = malloc(16);
    use(p);
    free(p);
  }
}
void either_branch(int c) {
  char *p = malloc(8);
  if (c)
    free(p);
  else {
    use(p);
    free(p);
  }
}
void two_variables(void) {
  char *p = malloc(8);
  char *q = malloc(8);
  free(p);
  free(q);
}
void early_return(int c) {
  char *p = malloc(8);
  if (c) {
    free(p);
    return;
  }
  free(p);
}

// Not flagged: a helper that frees its argument on either of two paths
// frees it once.
static void free_either(char *b, int c) {
  if (c) {
    free(b);
    return;
  }
  free(b);
}
void call_free_either(size_t n, int mode) {
  char *p = malloc(n);
  free_either(p, mode);
}
