// cgo-stack-address-escape without Go-side facts (preamble mode): the
// address of a C local or parameter (or a local array) must not reach Go,
// since it is invalid once the C function returns: returned from a function
// Go can call, written through its out-parameter, or stored in a global or
// static variable (from any function).
// CHECKS: cgo-stack-address-escape
// ARGS: -std=c11

#include <stdlib.h>

struct result {
  char *data;
  int *count;
};
struct pair {
  int a, b;
};

int *g_ptr;
char *g_text;
void use(void *);

// Returned: a local's address, a local array, a parameter's address.
int *ret_local(void) {
  int x = 0;
  return &x;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: address of 'x', on the stack of 'ret_local', reaches Go (returned) and is invalid once 'ret_local' returns; allocate the memory with malloc, or let Go pass the memory in [cgo-stack-address-escape]
}
char *ret_array(void) {
  char buf[16] = "hi";
  return buf;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: address of 'buf', on the stack of 'ret_array', reaches Go (returned)
}
int *ret_param(int v) {
  return &v;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: address of 'v', on the stack of 'ret_param', reaches Go (returned)
}

// Derived addresses: through a local alias, a field, an offset.
char *ret_alias(void) {
  char buf[16];
  char *p = buf;
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: address of 'buf', on the stack of 'ret_alias', reaches Go (returned)
  return p;
}
int *ret_field(void) {
  struct pair pr = {1, 2};
  return &pr.b;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: address of 'pr', on the stack of 'ret_field', reaches Go (returned)
}
char *ret_offset(void) {
  char buf[16];
  return buf + 4;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: address of 'buf', on the stack of 'ret_offset', reaches Go (returned)
}

// Written through an out-parameter, directly or into a field.
// (A note says why the out-parameter's memory is Go's.)
void get_text(char **out) {
  // CHECK-NOTES: :[[@LINE-1]]:22: note: 'out' is assumed to hold Go memory: Go can call 'get_text' (no Go-side facts; preamble mode)
  char buf[32] = "text";
  *out = buf;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: address of 'buf', on the stack of 'get_text', reaches Go (written into memory that 'out' points to)
}
void get_result(struct result *res) {
  // CHECK-NOTES: :[[@LINE-1]]:32: note: 'res' is assumed to hold Go memory: Go can call 'get_result' (no Go-side facts; preamble mode)
  // CHECK-NOTES: :[[@LINE-2]]:32: note: 'res' is assumed to hold Go memory
  char buf[32];
  int n = 0;
  res->data = buf;
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: address of 'buf', on the stack of 'get_result', reaches Go (written into memory that 'res' points to)
  res->count = &n;
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: address of 'n', on the stack of 'get_result', reaches Go (written into memory that 'res' points to)
}

// Stored in a global or a static.
void save_global(void) {
  int x = 0;
  g_ptr = &x;
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: address of 'x', on the stack of 'save_global', reaches Go (stored in global 'g_ptr')
  static char *last;
  char buf[8];
  last = buf;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: address of 'buf', on the stack of 'save_global', reaches Go (stored in static variable 'last')
  use(last);
}

// Not flagged: static storage, heap memory, the caller's memory (a pointer
// parameter, a field of its memory), a string literal.
int *ret_static(void) {
  static int counter;
  return &counter;
}
char *ret_heap(size_t n) {
  char *p = malloc(n);
  return p;
}
int *ret_param_memory(int *p, struct pair *pr) {
  if (p)
    return p;
  return &pr->b;
}
const char *ret_literal(void) { return "literal"; }

// Not flagged: the address is only used during the call, or kept in a
// global that is cleared before returning.
int sum_local(void) {
  int x[4] = {1, 2, 3, 4};
  use(x);
  g_ptr = x;
  use(g_ptr);
  g_ptr = NULL;
  return x[0];
}

// Not flagged: Go cannot call a static function, so what it returns or
// writes through its parameters stays in C.
static char *static_ret(void) {
  static char fallback[4];
  char buf[4];
  use(buf);
  return fallback;
}
static void static_out(char **out) {
  char buf[4];
  *out = buf;
  use(*out);
}
void call_statics(void) {
  char *p;
  static_out(&p);
  use(static_ret());
}
