// cgo-variadic with Go-side facts, as in a unit `cgocheck lint` generates:
// Go calls a variadic C function, which cgo cannot do. The finding is at the
// Go call (go/packets.go), the note at the C declaration.
// CHECKS: cgo-variadic
// ARGS: -std=c11
// VARIANT: --target=x86_64-linux-gnu
// VARIANT: --target=arm64-apple-macos11 -nostdlibinc

int log_printf(const char *format, ...);
// CHECK-NOTES: :[[@LINE-1]]:5: note: 'log_printf' is declared variadic here
int log_line(const char *text);

// CHECK-MESSAGES: go/packets.go:16:2: error: Go calls variadic C function 'log_printf', which cgo cannot call; call a fixed-arity C wrapper from Go instead, e.g. static int log_printf_fixed(const char * format, int value) { return log_printf(format, value); } [cgo-variadic]

__attribute__((unused)) static const char *const _cgocheck_go_facts[] = {
    "{\"file\":\"go/packets.go\",\"package\":\"packets\"}",
    "{\"args\":[],\"at\":\"go/packets.go:16:2\",\"call\":\"log_printf\",\"go_function\":\"Log\"}",
    "{\"args\":[],\"at\":\"go/packets.go:16:2\",\"call\":\"log_line\",\"go_function\":\"Log\"}",
    0};
