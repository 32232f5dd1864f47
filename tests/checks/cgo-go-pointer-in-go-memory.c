// cgo-go-pointer-in-go-memory without Go-side facts (preamble mode): every
// pointer parameter of a function Go can call may be Go memory, so storing
// one such pointer into memory another (or the same) one points to stores a
// Go pointer in Go memory, which cgo forbids even temporarily. Storing C
// pointers or integers there is fine.
// CHECKS: cgo-go-pointer-in-go-memory
// ARGS: -std=c11 -I../../include

#include "cgocheck/cgocheck.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct inner {
  void *p;
};
struct box {
  void *p;
  struct inner in;
  void *slots[4];
  uintptr_t handle;
  struct box *next;
};

void use(void *);
static int g_static_int;

// Through a field, a pointer to a pointer, a nested field, an element, and
// (*b).p.
void box_store(struct box *b, void *v) {
  // CHECK-NOTES: :[[@LINE-1]]:37: note: 'v' is assumed to hold Go memory: Go can call 'box_store' (no Go-side facts; preamble mode)
  b->p = v;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'v' may point to Go memory and is stored in memory that 'b' points to, which may be Go memory; C must not store a Go pointer in Go memory: store a C pointer or a runtime/cgo.Handle value instead [cgo-go-pointer-in-go-memory]
}
void slot_store(void **slot, void *v) {
  // CHECK-NOTES: :[[@LINE-1]]:36: note: 'v' is assumed to hold Go memory: Go can call 'slot_store' (no Go-side facts; preamble mode)
  *slot = v;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'v' may point to Go memory and is stored in memory that 'slot' points to, which may be Go memory
}
void nested_store(struct box *b, void *v, int i) {
  // CHECK-NOTES: :[[@LINE-1]]:40: note: 'v' is assumed to hold Go memory: Go can call 'nested_store' (no Go-side facts; preamble mode)
  // CHECK-NOTES: :[[@LINE-2]]:40: note: 'v' is assumed to hold Go memory
  // CHECK-NOTES: :[[@LINE-3]]:40: note: 'v' is assumed to hold Go memory
  b->in.p = v;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'v' may point to Go memory and is stored in memory that 'b' points to, which may be Go memory
  b->slots[i] = v;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'v' may point to Go memory and is stored in memory that 'b' points to, which may be Go memory
  (*b).p = v;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'v' may point to Go memory and is stored in memory that 'b' points to, which may be Go memory
}

// Even temporarily: clearing the field before returning does not help.
void store_briefly(struct box *b, void *v) {
  // CHECK-NOTES: :[[@LINE-1]]:41: note: 'v' is assumed to hold Go memory: Go can call 'store_briefly' (no Go-side facts; preamble mode)
  b->p = v;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'v' may point to Go memory and is stored in memory that 'b' points to, which may be Go memory
  use(b);
  b->p = NULL;
}

// A derived pointer (a field's address, an offset) into memory derived from
// the target (through an alias).
void store_derived(struct box *b, char *v) {
  // CHECK-NOTES: :[[@LINE-1]]:41: note: 'v' is assumed to hold Go memory: Go can call 'store_derived' (no Go-side facts; preamble mode)
  struct inner *in = &b->in;
  in->p = v + 8;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'v' may point to Go memory and is stored in memory that 'b' points to, which may be Go memory
}

// A copy of the pointer's bytes.
void store_memcpy(struct box *b, void *v) {
  // CHECK-NOTES: :[[@LINE-1]]:40: note: 'v' is assumed to hold Go memory: Go can call 'store_memcpy' (no Go-side facts; preamble mode)
  memcpy(&b->p, &v, sizeof v);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'v' may point to Go memory and is stored in memory that 'b' points to, which may be Go memory
}

// Not flagged: C pointers, integers and null.
void store_c_values(struct box *b, uintptr_t h, size_t n) {
  b->p = malloc(n);
  b->in.p = "literal";
  b->slots[0] = &g_static_int;
  b->handle = h;
  b->next = NULL;
}

// Not flagged without facts: a pointer into an object stored into that same
// object is C maintaining its own structure (with facts, Go memory is
// flagged).
void link_self(struct box *b) {
  b->next = b;
  b->in.p = &b->handle;
}

// Not flagged: into this function's own memory (a local, a heap block it
// frees).
void store_locally(void *v) {
  struct box local;
  local.p = v;
  use(&local);
  struct box *heap = malloc(sizeof *heap);
  heap->p = v;
  use(heap);
  free(heap);
}

// Not flagged: Go cannot call a static function (unless annotated, below),
// and it is not called with a parameter of a function Go calls.
static void static_store(struct box *b, void *v) { b->p = v; }
void call_static(void) {
  struct box b;
  static_store(&b, NULL);
}

// Interprocedural: the static helper stores what a function Go calls passes
// it; the finding is at the store, with a note at the call.
static void set_inner(struct inner *in, void *q) {
  in->p = q;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'v' may point to Go memory and is stored in memory that 'b' points to, which may be Go memory
}
void store_through_helper(struct box *b, void *v) {
  // CHECK-NOTES: :[[@LINE-1]]:48: note: 'v' is assumed to hold Go memory: Go can call 'store_through_helper' (no Go-side facts; preamble mode)
  set_inner(&b->in, v);
  // CHECK-NOTES: :[[@LINE-1]]:3: note: through this call to 'set_inner'
}

// Annotations: a static function Go calls, and borrowed parameters of a
// static function, may hold Go memory.
static CGOCHECK_CALLED_FROM_GO void on_event(struct box *b, void *v) {
  // CHECK-NOTES: :[[@LINE-1]]:67: note: 'v' is assumed to hold Go memory: 'on_event' is annotated CGOCHECK_CALLED_FROM_GO
  b->p = v;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'v' may point to Go memory and is stored in memory that 'b' points to, which may be Go memory
}
static void borrowed_store(struct box *b CGOCHECK_BORROWED, void *v CGOCHECK_BORROWED) {
  // CHECK-NOTES: :[[@LINE-1]]:67: note: 'v' is assumed to hold Go memory: it is annotated CGOCHECK_BORROWED
  b->p = v;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'v' may point to Go memory and is stored in memory that 'b' points to, which may be Go memory
}
void call_borrowed(void) {
  struct box b;
  borrowed_store(&b, NULL);
}

// Not flagged: a CGOCHECK_KEEPS target is C memory (what it keeps is
// cgo-pointer-retained's concern), and so is a CGOCHECK_TAKES_OWNERSHIP value.
void store_into_kept(struct box *b CGOCHECK_KEEPS, struct box *owned CGOCHECK_TAKES_OWNERSHIP) {
  b->next = owned;
}
