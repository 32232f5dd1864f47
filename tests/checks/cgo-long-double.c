// cgo-long-double without Go-side facts: functions of this file with
// external linkage and the fields of its structs. cgo rejects a 16-byte long
// double (linux/amd64, linux/arm64) and maps an 8-byte one to float64
// (darwin/arm64).
// CHECKS: cgo-long-double
// ARGS: -std=c11
// VARIANT: --target=x86_64-linux-gnu
// VARIANT: --target=aarch64-linux-gnu -nostdlibinc
// VARIANT: --target=arm64-apple-macos11 -nostdlibinc

typedef long double real;

struct sample {
  double value;
  real weight;
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: field 'weight' has type long double, which cgo rejects on linux/arm64 and linux/amd64 ("unexpected: 16-byte float type - long double") and maps to float64 on darwin/arm64; use double [cgo-long-double]
  long double *history;
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: field 'history' has type long double
  _Complex long double z;
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: field 'z' has type long double
};

long double scale(long double x, double y);
// CHECK-MESSAGES: :[[@LINE-1]]:13: warning: result of 'scale' has type long double
// CHECK-MESSAGES: :[[@LINE-2]]:31: warning: parameter 'x' has type long double

long double scale(long double x, double y) { return x * y; }

long double unnamed(long double);
// CHECK-MESSAGES: :[[@LINE-1]]:13: warning: result of 'unnamed' has type long double
// CHECK-MESSAGES: :[[@LINE-2]]:21: warning: an unnamed parameter of 'unnamed' has type long double

// Fine: double, what Go cannot see, and the members of a union (cgo makes
// a union [N]byte without looking inside).
union number {
  long double ld;
  double d;
};
double good(double x) { return x; }
static long double helper(long double x) { return x / 2; }
double use_helper(double x) { return (double)helper(x); }
typedef void (*callback)(long double);
void set_callback(callback cb);
