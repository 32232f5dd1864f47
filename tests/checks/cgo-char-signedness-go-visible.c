// cgo-char-signedness on what Go sees, without Go-side facts: parameters and
// results of the functions of this file that have external linkage, and the
// fields of its structs. Go's C.char is int8 where char is signed and uint8
// where it is not.
// CHECKS: cgo-char-signedness
// ARGS: -std=c11
// VARIANT: --target=aarch64-linux-gnu -nostdlibinc
// VARIANT: --target=arm64-apple-macos11 -nostdlibinc

#include <stdint.h>

struct token {
  char kind;
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: field 'kind' has type plain char, which Go sees as int8 on darwin/arm64 and linux/amd64 and uint8 on linux/arm64 (C.char follows the target); use signed char, unsigned char or uint8_t [cgo-char-signedness]
  char text[16];
  const char *name;
  signed char delta;
  uint8_t flags;
};

char token_kind(const struct token *t);
// CHECK-MESSAGES: :[[@LINE-1]]:6: warning: result of 'token_kind' has type plain char, which Go sees as int8

char token_kind(const struct token *t) { return t->kind; }

void set_kind(struct token *t, char kind) { t->kind = kind; }
// CHECK-MESSAGES: :[[@LINE-1]]:37: warning: parameter 'kind' has type plain char, which Go sees as int8

void set_code(struct token *t, char);
// CHECK-MESSAGES: :[[@LINE-1]]:32: warning: an unnamed parameter of 'set_code' has type plain char

// A union is [N]byte to Go: its members are not Go fields.
union cell {
  char c;
  int i;
};

// Strings are portable through C.CString and C.GoString; so are the explicit
// types.
const char *token_name(const struct token *t) { return t->name; }
void set_delta(struct token *t, signed char d, unsigned char f) { t->delta = d; t->flags = f; }

// Go cannot call a static function of a .c file.
static char first(const char *s) { return s[0]; }
int use_first(const char *s) { return first(s) == 'x'; }
