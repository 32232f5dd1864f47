// cgo-variadic in C: casts between variadic and fixed-arity function types
// (directly, through other casts and through a local void*), and calls
// through declarations without a prototype. With the default Targets, such
// calls go wrong on darwin/arm64.
// CHECKS: cgo-variadic
// ARGS: -std=c17
// VARIANT: --target=x86_64-linux-gnu
// VARIANT: --target=aarch64-linux-gnu -nostdlibinc
// VARIANT: --target=arm64-apple-macos11 -nostdlibinc

int log_printf(const char *format, ...);
int log_fixed(const char *format, int value);
typedef int (*fixed_fn)(const char *, int);
typedef int (*variadic_fn)(const char *, ...);

int bad_direct(void) {
  fixed_fn f = (fixed_fn)log_printf;
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: cast from 'int (const char *, ...)' to 'fixed_fn' (aka 'int (*)(const char *, int)') mixes variadic and fixed-arity function types; a call through it passes arguments in the wrong place on darwin/arm64 (variadic arguments go on the stack, fixed ones in registers) [cgo-variadic]
  return f("%d", 1);
}

int bad_through_void_pointer(void) {
  void *p = (void *)log_printf;
  fixed_fn f = (fixed_fn)p;
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: cast from 'int (const char *, ...)' to 'fixed_fn'
  return f("%d", 2);
}

int bad_reverse(void) {
  variadic_fn v = (variadic_fn)(void *)log_fixed;
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: cast from 'int (const char *, int)' to 'variadic_fn'
  return v("%d", 3);
}

int bad_unprototyped(void) {
  int legacy();
  return legacy(1, 2.5);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: call to 'legacy' through a declaration without a prototype; if 'legacy' is variadic or takes other parameters, its arguments arrive in the wrong place on darwin/arm64; declare the prototype [cgo-variadic]
}

int good(void) {
  fixed_fn f = log_fixed;
  variadic_fn v = (variadic_fn)log_printf;
  void *p = (void *)log_fixed;
  int known();
  return f("%d", 1) + v("%d", 2) + ((fixed_fn)p)("%d", 3) + known();
}

// The variable is assigned again: which function it holds is not known.
int unknown_behind(int which) {
  void *p = (void *)log_fixed;
  if (which)
    p = (void *)log_printf;
  return ((fixed_fn)p)("%d", 4);
}

int prototyped_later();
int prototyped_later(int a, int b) { return a + b; }
int good_prototype_elsewhere(void) { return prototyped_later(1, 2); }
