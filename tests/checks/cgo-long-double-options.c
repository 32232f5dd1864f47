// cgo-long-double when every listed target has an 8-byte long double: cgo
// maps it to float64 everywhere, so nothing is reported; with linux/amd64
// listed, only the rejection is named.
// CHECKS: cgo-long-double
// OPTION: cgo-long-double.Targets=linux/amd64
// ARGS: -std=c11 --target=arm64-apple-macos11 -nostdlibinc

long double twice(long double x);
// CHECK-MESSAGES: :[[@LINE-1]]:13: warning: result of 'twice' has type long double, which cgo rejects on linux/amd64 ("unexpected: 16-byte float type - long double"); use double [cgo-long-double]
// CHECK-MESSAGES: :[[@LINE-2]]:31: warning: parameter 'x' has type long double, which cgo rejects on linux/amd64 ("unexpected: 16-byte float type - long double"); use double [cgo-long-double]
