// cgo-long-double with Go-side facts: only what Go calls or uses counts, and
// a note shows the Go call.
// CHECKS: cgo-long-double
// ARGS: -std=c11
// VARIANT: --target=x86_64-linux-gnu
// VARIANT: --target=arm64-apple-macos11 -nostdlibinc

long double scale(double x);
// CHECK-MESSAGES: :[[@LINE-1]]:13: warning: result of 'scale' has type long double, which cgo rejects on linux/arm64 and linux/amd64 ("unexpected: 16-byte float type - long double") and maps to float64 on darwin/arm64; use double [cgo-long-double]
// CHECK-NOTES: go/packets.go:20:17: note: Go calls 'scale' here

// Go uses struct outer, so cgo loads struct inner, which it holds.
struct inner {
  long double x;
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: field 'x' has type long double, which cgo rejects on linux/arm64 and linux/amd64
};
struct outer {
  struct inner in;
  struct internal_state *next;
};

// Go neither calls this function nor uses this struct.
long double internal(long double x);
struct internal_state {
  long double acc;
};


__attribute__((unused)) static const char *const _cgocheck_go_facts[] = {
    "{\"file\":\"go/packets.go\",\"package\":\"packets\"}",
    "{\"args\":[{\"at\":\"go/packets.go:20:25\",\"freed_by_go\":false,\"kind\":\"integer\",\"why\":\"conversion\"}],\"at\":\"go/packets.go:20:17\",\"call\":\"scale\",\"go_function\":\"Scale\"}",
    "{\"c_type\":\"struct_outer\"}",
    0};
