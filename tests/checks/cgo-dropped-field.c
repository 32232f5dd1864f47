// cgo-dropped-field without Go-side facts: fields of this file's structs
// that cgo leaves out of the Go type on some listed target, reported at the
// field as a warning (with facts, only Go's accesses are reported).
// CHECKS: cgo-dropped-field
// ARGS: -std=c11
// VARIANT: --target=x86_64-linux-gnu
// VARIANT: --target=aarch64-linux-gnu -nostdlibinc
// VARIANT: --target=arm64-apple-macos11 -nostdlibinc

#include <stdint.h>

struct header {
  uint8_t version : 4;
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: field 'version' of 'header' is left out of the Go type by cgo (a bit-field on darwin/arm64, linux/arm64 and linux/amd64); Go cannot access it there: use a C accessor function [cgo-dropped-field]
  uint8_t ihl : 4;
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: field 'ihl' of 'header' is left out of the Go type by cgo (a bit-field
  uint16_t length;
};

struct __attribute__((packed)) wire {
  uint8_t tag;
  uint32_t value;
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: field 'value' of 'wire' is left out of the Go type by cgo (misaligned for its Go type on darwin/arm64, linux/arm64 and linux/amd64)
  uint64_t stamp;
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: field 'stamp' of 'wire' is left out of the Go type by cgo (misaligned for its Go type
};

struct buffer {
  uint32_t len;
  uint8_t data[];
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: field 'data' of 'buffer' is left out of the Go type by cgo (a flexible array member on darwin/arm64, linux/arm64 and linux/amd64)
};

// Go sees every field of these.
struct point {
  int32_t x, y;
  double weight;
  uint8_t name[8];
};
struct __attribute__((packed)) aligned_anyway {
  uint32_t a;
  uint32_t b;
};
union value {
  int64_t i;
  double d;
};
