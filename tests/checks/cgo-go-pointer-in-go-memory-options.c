// cgo-go-pointer-in-go-memory with cgo-go-pointer-in-go-memory.Assume=strict:
// every pointer parameter of every function may be Go memory, static
// functions included.
// CHECKS: cgo-go-pointer-in-go-memory
// OPTION: cgo-go-pointer-in-go-memory.Assume=strict
// ARGS: -std=c11

#include <stddef.h>
#include <stdint.h>

struct box {
  void *p;
  uintptr_t handle;
};

static void static_store(struct box *b, void *v) {
  // CHECK-NOTES: :[[@LINE-1]]:47: note: 'v' is assumed to hold Go memory: strict mode assumes it of every pointer parameter
  b->p = v;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'v' may point to Go memory and is stored in memory that 'b' points to, which may be Go memory
}

// Not flagged in strict mode either: an integer, and null.
static void static_store_handle(struct box *b, uintptr_t h) {
  b->handle = h;
  b->p = NULL;
}

void call_all(struct box *b) {
  static_store(b, NULL);
  static_store_handle(b, 0);
}
