// cgo-stack-address-escape with Assume=strict: every function may be called
// by Go, static ones too, so their results and out-parameters must not carry
// addresses of their stack.
// CHECKS: cgo-stack-address-escape
// OPTION: cgo-stack-address-escape.Assume=strict
// ARGS: -std=c11

void use(void *);

static char *static_ret(void) {
  char buf[4];
  use(buf);
  return buf;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: address of 'buf', on the stack of 'static_ret', reaches Go (returned)
}
static void static_out(int **out) {
  // CHECK-NOTES: :[[@LINE-1]]:30: note: 'out' is assumed to hold Go memory: strict mode assumes it of every pointer parameter
  int x = 0;
  *out = &x;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: address of 'x', on the stack of 'static_out', reaches Go (written into memory that 'out' points to)
}

// Strict mode judges static functions on their own: a global store.
int *g_ptr;
static void static_global(void) {
  int x = 0;
  g_ptr = &x;
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: address of 'x', on the stack of 'static_global', reaches Go (stored in global 'g_ptr')
}

// Not flagged: static storage.
static int *static_counter(void) {
  static int counter;
  return &counter;
}

void call_statics(void) {
  int *p;
  static_out(&p);
  use(static_ret());
  use(static_counter());
  static_global();
}
