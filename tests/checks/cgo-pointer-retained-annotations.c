// cgo-pointer-retained with the annotations of cgocheck.h (no Go-side facts):
// CGOCHECK_CALLED_FROM_GO makes a static function one Go calls,
// CGOCHECK_BORROWED makes a parameter possibly Go memory in any function (it
// must not be kept), CGOCHECK_KEEPS and CGOCHECK_TAKES_OWNERSHIP make a
// parameter C memory, and passing possibly-Go memory to a CGOCHECK_KEEPS
// parameter keeps it.
// CHECKS: cgo-pointer-retained
// ARGS: -std=c11 -I../../include

#include "cgocheck/cgocheck.h"

#include <stdlib.h>

void *g_saved;

// A static function Go calls (through an exported wrapper, say).
static CGOCHECK_CALLED_FROM_GO void on_event(void *p) {
  // CHECK-NOTES: :[[@LINE-1]]:52: note: 'p' is assumed to hold Go memory: 'on_event' is annotated CGOCHECK_CALLED_FROM_GO
  g_saved = p;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'p' may point to Go memory and is kept after 'on_event' returns (stored in global 'g_saved')
}

// The definition inherits the annotation of the prototype.
CGOCHECK_CALLED_FROM_GO static void on_close(void *p);
static void on_close(void *p) {
  // CHECK-NOTES: :[[@LINE-1]]:28: note: 'p' is assumed to hold Go memory: 'on_close' is annotated CGOCHECK_CALLED_FROM_GO
  g_saved = p;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'p' may point to Go memory and is kept after 'on_close' returns (stored in global 'g_saved')
}

// A borrowed parameter of a static function: it may be Go memory, so it
// must not be kept.
static void borrow(void *p CGOCHECK_BORROWED) {
  // CHECK-NOTES: :[[@LINE-1]]:26: note: 'p' is assumed to hold Go memory: it is annotated CGOCHECK_BORROWED
  g_saved = p;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'p' may point to Go memory and is kept after 'borrow' returns (stored in global 'g_saved')
}
void use_borrow(void) { borrow(NULL); }

// Not flagged: a parameter annotated CGOCHECK_KEEPS or
// CGOCHECK_TAKES_OWNERSHIP is C memory, so keeping it is fine.
void keep_context(void *ctx CGOCHECK_KEEPS) { g_saved = ctx; }
void take(CGOCHECK_TAKES_OWNERSHIP void *block) { g_saved = block; }

// Memory a CGOCHECK_KEEPS parameter points to is C memory that outlives the
// call: storing a possibly-Go pointer there keeps it.
struct slot {
  void *item;
};
void fill_slot(struct slot *s CGOCHECK_KEEPS, void *p) {
  // CHECK-NOTES: :[[@LINE-1]]:53: note: 'p' is assumed to hold Go memory: Go can call 'fill_slot' (no Go-side facts; preamble mode)
  s->item = p;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'p' may point to Go memory and is kept after 'fill_slot' returns (stored in memory that 's' points to)
}

// Passing possibly-Go memory to a CGOCHECK_KEEPS parameter keeps it: of an
// external function, of one in this file (one finding, at the call), and
// from a borrowed parameter.
void registry_add(int kind, void *item CGOCHECK_KEEPS);
void add(void *p) {
  // CHECK-NOTES: :[[@LINE-1]]:16: note: 'p' is assumed to hold Go memory: Go can call 'add' (no Go-side facts; preamble mode)
  registry_add(1, p);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'p' may point to Go memory and is kept after 'add' returns (passed to 'registry_add', which keeps it)
}
void set_context(void *p) {
  // CHECK-NOTES: :[[@LINE-1]]:24: note: 'p' is assumed to hold Go memory: Go can call 'set_context' (no Go-side facts; preamble mode)
  keep_context(p);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'p' may point to Go memory and is kept after 'set_context' returns (passed to 'keep_context', which keeps it)
}
static void forward(void *p CGOCHECK_BORROWED) {
  // CHECK-NOTES: :[[@LINE-1]]:27: note: 'p' is assumed to hold Go memory: it is annotated CGOCHECK_BORROWED
  registry_add(2, p);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'p' may point to Go memory and is kept after 'forward' returns (passed to 'registry_add', which keeps it)
}
void use_forward(void) { forward(NULL); }

// Not flagged: C memory and a null pointer given to the keeping parameter,
// and a plain parameter of the same function.
void add_c_memory(size_t n) {
  registry_add(3, malloc(n));
  registry_add(4, NULL);
}
void registry_note(void *tag, void *item CGOCHECK_KEEPS);
void add_tag(void *p) { registry_note(p, NULL); }
