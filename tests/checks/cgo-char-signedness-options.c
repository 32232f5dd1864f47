// cgo-char-signedness when every listed target agrees: nothing to report.
// CHECKS: cgo-char-signedness
// OPTION: cgo-char-signedness.Targets=darwin/arm64, linux/amd64;windows/arm64
// ARGS: -std=c11

int sign_test(const char *p) { return *p < 0 || *p == 0xff; }
char kind(char c) { return (char)(c >> 1); }
