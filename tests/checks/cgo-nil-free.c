// cgo-nil-free: every flagged and every not-flagged case of the check, with
// the deallocator declared here so the fixture parses for any target.
// CHECKS: cgo-nil-free

typedef __SIZE_TYPE__ size_t;
void free(void *);
void *malloc(size_t);
char *strdup(const char *);
#define NULL ((void *)0)

// --- flagged: a null pointer constant ---------------------------------------

void bad_null_macro(void) {
  free(NULL);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: call to 'free' with a null pointer constant frees nothing; remove the call or pass the pointer that was meant to be freed [cgo-nil-free]
}

void bad_zero_literal(void) {
  free(0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: call to 'free' with a null pointer constant frees nothing
}

// `(char *)0` is not a null pointer constant in C (only `(void *)0` is), but
// its value is null all the same.
void bad_cast_null(void) {
  free((char *)0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: argument to 'free' is null on every path reaching the call, so the call frees nothing
}

// --- flagged: assigned null on all incoming paths ---------------------------

void bad_initialized_null(void) {
  char *p = NULL;
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'p' is set to null here
  free(p);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'p' is null on every path reaching this call to 'free', so the call frees nothing; the memory meant to be freed here leaks, or a different pointer was meant [cgo-nil-free]
}

void bad_assigned_null_on_both_branches(int c) {
  char *p;
  if (c)
    p = NULL;
  // CHECK-NOTES: :[[@LINE-1]]:5: note: 'p' is set to null here
  else
    p = 0;
  free(p);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'p' is null on every path reaching this call to 'free'
}

void bad_reassigned_null(char *in) {
  char *p = strdup(in);
  p = NULL;
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'p' is set to null here
  free(p);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'p' is null on every path reaching this call to 'free'
}

void bad_null_through_conditional(int c) {
  char *p = c ? NULL : 0;
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'p' is set to null here
  free(p);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'p' is null on every path reaching this call to 'free'
  free(c ? NULL : (void *)0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: argument to 'free' is null on every path reaching the call, so the call frees nothing
}

void bad_loop_exit(char *p) {
  while (p)
  // CHECK-NOTES: :[[@LINE-1]]:10: note: 'p' is null on the branch taken after this test
    p = NULL;
  free(p);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'p' is null on every path reaching this call to 'free'
}

// --- flagged: the inverted test ---------------------------------------------

void bad_inverted_equal(char *p) {
  if (p == NULL)
  // CHECK-NOTES: :[[@LINE-1]]:7: note: 'p' is null on the branch taken after this test
    free(p);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'p' is null on every path reaching this call to 'free'
}

void bad_inverted_equal_reversed(char *p) {
  if (NULL == p)
  // CHECK-NOTES: :[[@LINE-1]]:7: note: 'p' is null on the branch taken after this test
    free(p);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'p' is null on every path reaching this call to 'free'
}

int bad_inverted_not(char *p, int *count) {
  if (!p) {
  // CHECK-NOTES: :[[@LINE-1]]:7: note: 'p' is null on the branch taken after this test
    *count = 0;
    free(p);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'p' is null on every path reaching this call to 'free'
    return -1;
  }
  return 0;
}

// The classic wrong-variable slip: the failed allocation is freed instead of
// the one that succeeded.
int bad_wrong_variable_freed(const char *name) {
  char *key = strdup(name);
  char *copy = malloc(64);
  if (copy == NULL) {
  // CHECK-NOTES: :[[@LINE-1]]:7: note: 'copy' is null on the branch taken after this test
    free(copy);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'copy' is null on every path reaching this call to 'free'
    return -1;
  }
  free(copy);
  free(key);
  return 0;
}

void bad_assignment_in_condition(void) {
  char *p;
  if ((p = malloc(8)) == NULL) {
  // CHECK-NOTES: :[[@LINE-1]]:7: note: 'p' is null on the branch taken after this test
    free(p);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'p' is null on every path reaching this call to 'free'
    return;
  }
  free(p);
}

void bad_unlikely_macro(char *p) {
  if (__builtin_expect(!p, 0))
  // CHECK-NOTES: :[[@LINE-1]]:7: note: 'p' is null on the branch taken after this test
    free(p);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'p' is null on every path reaching this call to 'free'
}

void bad_else_of_positive_test(char *p) {
  if (p)
  // CHECK-NOTES: :[[@LINE-1]]:7: note: 'p' is null on the branch taken after this test
    p[0] = 0;
  else
    free(p);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'p' is null on every path reaching this call to 'free'
}

// --- not flagged ---------------------------------------------------------------

void good_unknown(char *p) { free(p); }

void good_positive_test(char *p) {
  if (p)
    free(p);
}

void good_not_equal_test(char *p) {
  if (p != NULL)
    free(p);
}

void good_maybe_allocated(int c) {
  char *p = NULL;
  if (c)
    p = malloc(1);
  free(p);
}

// The cleanup idiom: each pointer is null on some paths to the label and
// allocated on others.
int good_goto_cleanup(void) {
  int rc = -1;
  char *a = NULL;
  char *b = NULL;
  a = malloc(8);
  if (!a)
    goto out;
  b = malloc(8);
  if (!b)
    goto out;
  rc = 0;
out:
  free(b);
  free(a);
  return rc;
}

// Written through its address: the analysis cannot follow it.
void good_address_taken(void) {
  char *p = NULL;
  char **pp = &p;
  *pp = malloc(4);
  free(p);
}

void good_reassigned_in_loop(int n) {
  char *p = NULL;
  for (int i = 0; i < n; ++i) {
    free(p);
    p = malloc(16);
  }
  free(p);
}

void good_pointer_arithmetic(char *base) {
  char *p = NULL;
  p = base;
  p += 4;
  free(p - 4);
}

void good_unreachable(void) {
  char *p = NULL;
  return;
  free(p);
}

void good_suppressed(void) {
  free(NULL); // NOLINT(cgo-nil-free)
}

static char *global;
void good_global_may_change(void) {
  global = NULL;
  free(global);
}
