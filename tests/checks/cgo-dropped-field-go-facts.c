// cgo-dropped-field with Go-side facts: errors at the Go accesses of fields
// cgo leaves out (go/packets.go), notes at the C fields; fields Go does not
// touch are not reported.
// CHECKS: cgo-dropped-field
// ARGS: -std=c11
// VARIANT: --target=x86_64-linux-gnu
// VARIANT: --target=aarch64-linux-gnu -nostdlibinc
// VARIANT: --target=arm64-apple-macos11 -nostdlibinc

struct packet {
  unsigned flags : 3;
  // CHECK-NOTES: :[[@LINE-1]]:12: note: 'flags' is declared here
  unsigned kind : 5;
  int len;
  unsigned char data[];
  // CHECK-NOTES: :[[@LINE-1]]:17: note: 'data' is declared here
};
struct packet *make_packet(void);

// C gives a struct declared inside another one file scope: Go can name it.
struct wrapper {
  struct header {
    unsigned version : 4;
    // CHECK-NOTES: :[[@LINE-1]]:14: note: 'version' is declared here
  } hdr;
};

// CHECK-MESSAGES: go/packets.go:12:16: error: Go accesses field 'flags' of 'packet', which cgo leaves out of the Go type (a bit-field on darwin/arm64, linux/arm64 and linux/amd64), so this Go code does not build there; read and write the field through a C accessor function [cgo-dropped-field]
// CHECK-MESSAGES: go/packets.go:28:30: error: Go accesses field 'data' of 'packet', which cgo leaves out of the Go type (a flexible array member on darwin/arm64, linux/arm64 and linux/amd64)
// CHECK-MESSAGES: go/packets.go:32:16: error: Go accesses field 'version' of 'header', which cgo leaves out of the Go type (a bit-field on

__attribute__((unused)) static const char *const _cgocheck_go_facts[] = {
    "{\"file\":\"go/packets.go\",\"package\":\"packets\"}",
    "{\"field\":\"flags\",\"of\":\"struct_packet\",\"at\":\"go/packets.go:12:16\",\"go_function\":\"Flags\"}",
    "{\"field\":\"len\",\"of\":\"struct_packet\",\"at\":\"go/packets.go:24:15\",\"go_function\":\"Length\"}",
    "{\"args\":[],\"at\":\"go/packets.go:28:14\",\"call\":\"make_packet\",\"go_function\":\"Raw\"}",
    "{\"field\":\"data\",\"via_call\":\"make_packet\",\"at\":\"go/packets.go:28:30\",\"go_function\":\"Raw\"}",
    "{\"field\":\"version\",\"of\":\"struct_header\",\"at\":\"go/packets.go:32:16\",\"go_function\":\"Version\"}",
    "{\"c_type\":\"struct_packet\"}",
    0};
