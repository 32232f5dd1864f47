// cgo-go-pointer-in-go-memory with Go-side facts (go/pointers.go, func
// InGoMemory): Go passes &b and &x, so storing x's address into b stores a
// Go pointer in Go memory, with a note at the Go argument. C memory, a
// cgo.Handle value and pinned memory may be stored; into a target of unknown
// provenance the store is judged by cgo-pointer-retained instead.
// CHECKS: cgo-go-pointer-in-go-memory
// ARGS: -std=c11

#include <stdint.h>

struct box {
  void *p;
  uintptr_t handle;
};

// Go passes &b and &x.
void box_store(struct box *b, void *v) {
  b->p = v;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'v' may point to Go memory and is stored in memory that 'b' points to, which may be Go memory; C must not store a Go pointer in Go memory: store a C pointer or a runtime/cgo.Handle value instead [cgo-go-pointer-in-go-memory]
  // CHECK-NOTES: go/pointers.go:58:18: note: Go passes 'v' here: &x (address of a Go variable)
}

// Not flagged: Go passes C memory (C.malloc), a cgo.Handle value, pinned
// memory.
void box_store_c(struct box *b, void *v) { b->p = v; }
void box_store_handle(struct box *b, uintptr_t h) { b->handle = h; }
void box_store_pinned(struct box *b, void *v) { b->p = v; }

// Not flagged here: the facts do not know what the target is (Go passes the
// result of a Go call); cgo-pointer-retained judges it.
void box_store_unknown(struct box *b, void *v) { b->p = v; }

// Through a static helper: the finding is at the helper's store.
static void set(void **slot, void *q) {
  *slot = q;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'v' may point to Go memory and is stored in memory that 'b' points to, which may be Go memory
  // CHECK-NOTES: go/pointers.go:66:25: note: Go passes 'v' here: &x (address of a Go variable)
}
void box_store_helper(struct box *b, void *v) {
  set(&b->p, v);
  // CHECK-NOTES: :[[@LINE-1]]:3: note: through this call to 'set'
}

__attribute__((unused)) static const char *const _cgocheck_go_facts[] = {
    "{\"file\":\"go/pointers.go\",\"package\":\"packets\"}",
    "{\"args\":[{\"at\":\"go/pointers.go:58:14\",\"freed_by_go\":false,\"kind\":\"go-memory\",\"why\":\"&b (address of a Go variable)\"},{\"at\":\"go/pointers.go:58:18\",\"freed_by_go\":false,\"kind\":\"go-memory\",\"why\":\"&x (address of a Go variable)\"}],\"at\":\"go/pointers.go:58:2\",\"call\":\"box_store\",\"go_function\":\"InGoMemory\"}",
    "{\"args\":[{\"at\":\"go/pointers.go:59:16\",\"freed_by_go\":false,\"kind\":\"go-memory\",\"why\":\"&b (address of a Go variable)\"},{\"at\":\"go/pointers.go:59:20\",\"freed_by_go\":false,\"kind\":\"c-memory\",\"why\":\"C.malloc at line 59\"}],\"at\":\"go/pointers.go:59:2\",\"call\":\"box_store_c\",\"go_function\":\"InGoMemory\"}",
    "{\"args\":[{\"at\":\"go/pointers.go:60:21\",\"freed_by_go\":false,\"kind\":\"go-memory\",\"why\":\"&b (address of a Go variable)\"},{\"at\":\"go/pointers.go:60:25\",\"freed_by_go\":false,\"kind\":\"integer\",\"why\":\"cgo.NewHandle\"}],\"at\":\"go/pointers.go:60:2\",\"call\":\"box_store_handle\",\"go_function\":\"InGoMemory\"}",
    "{\"args\":[{\"at\":\"go/pointers.go:63:21\",\"freed_by_go\":false,\"kind\":\"go-memory\",\"why\":\"&b (address of a Go variable)\"},{\"at\":\"go/pointers.go:63:25\",\"freed_by_go\":false,\"kind\":\"pinned\",\"why\":\"pinned with runtime.Pinner at line 62\"}],\"at\":\"go/pointers.go:63:2\",\"call\":\"box_store_pinned\",\"go_function\":\"InGoMemory\"}",
    "{\"args\":[{\"at\":\"go/pointers.go:65:22\",\"freed_by_go\":false,\"kind\":\"unknown\",\"why\":\"returned by Go call unknownBox\"},{\"at\":\"go/pointers.go:65:36\",\"freed_by_go\":false,\"kind\":\"go-memory\",\"why\":\"&x (address of a Go variable)\"}],\"at\":\"go/pointers.go:65:2\",\"call\":\"box_store_unknown\",\"go_function\":\"InGoMemory\"}",
    "{\"args\":[{\"at\":\"go/pointers.go:66:21\",\"freed_by_go\":false,\"kind\":\"go-memory\",\"why\":\"&b (address of a Go variable)\"},{\"at\":\"go/pointers.go:66:25\",\"freed_by_go\":false,\"kind\":\"go-memory\",\"why\":\"&x (address of a Go variable)\"}],\"at\":\"go/pointers.go:66:2\",\"call\":\"box_store_helper\",\"go_function\":\"InGoMemory\"}",
    0};
