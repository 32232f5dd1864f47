// cgo-free-go-memory with Go-side facts (go/pointers.go, func FreeGo): Go
// memory (&x), memory Go cannot trace (a Go parameter) and pinned memory
// (still Go's) must not be freed by C; C memory (C.malloc) may be. A note
// shows the Go argument.
// CHECKS: cgo-free-go-memory
// ARGS: -std=c11 -I../../include

#include "cgocheck/cgocheck.h"

#include <stdlib.h>

// Go passes &x.
void free_go(void *p) {
  free(p);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'free' frees 'p', which may point to Go memory; only C memory may be freed (memory from C.malloc, C.CString or C.CBytes), Go's garbage collector frees Go memory [cgo-free-go-memory]
  // CHECK-NOTES: go/pointers.go:76:12: note: Go passes 'p' here: &x (address of a Go variable)
}

// Through a static helper.
static void destroy(void *q) {
  free(q);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'free' frees 'p', which may point to Go memory
  // CHECK-NOTES: go/pointers.go:77:16: note: Go passes 'p' here: &x (address of a Go variable)
}
void free_helper(void *p) {
  destroy(p);
  // CHECK-NOTES: :[[@LINE-1]]:3: note: through this call to 'destroy'
}

// Not flagged: Go passes C memory (C.malloc).
void free_c(void *p) { free(p); }

// Go passes a pointer it cannot trace (a parameter of the Go function): it
// may be Go memory.
void free_unknown(void *p) {
  free(p);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'free' frees 'p', which may point to Go memory
  // CHECK-NOTES: go/pointers.go:79:17: note: Go passes 'p' here: parameter up (unsafe.Pointer)
}

// Not flagged: a pointer Go holds in a struct field counts as C memory.
void free_held(void *p) { free(p); }

// Pinned memory is still Go memory.
void free_pinned(void *p) {
  free(p);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'free' frees 'p', which may point to Go memory
  // CHECK-NOTES: go/pointers.go:83:16: note: Go passes 'p' here: pinned with runtime.Pinner at line 82
}

// Given to a CGOCHECK_TAKES_OWNERSHIP parameter, which frees it.
void owner_release(CGOCHECK_TAKES_OWNERSHIP void *block);
void free_through_owner(void *p) {
  owner_release(p);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'owner_release' frees 'p', which may point to Go memory
  // CHECK-NOTES: go/pointers.go:85:23: note: Go passes 'p' here: &x (address of a Go variable)
}

// Not flagged: Go does not call it (the facts decide).
void free_not_called(void *p) { free(p); }

__attribute__((unused)) static const char *const _cgocheck_go_facts[] = {
    "{\"file\":\"go/pointers.go\",\"package\":\"packets\"}",
    "{\"args\":[{\"at\":\"go/pointers.go:76:12\",\"freed_by_go\":false,\"kind\":\"go-memory\",\"why\":\"&x (address of a Go variable)\"}],\"at\":\"go/pointers.go:76:2\",\"call\":\"free_go\",\"go_function\":\"FreeGo\"}",
    "{\"args\":[{\"at\":\"go/pointers.go:77:16\",\"freed_by_go\":false,\"kind\":\"go-memory\",\"why\":\"&x (address of a Go variable)\"}],\"at\":\"go/pointers.go:77:2\",\"call\":\"free_helper\",\"go_function\":\"FreeGo\"}",
    "{\"args\":[{\"at\":\"go/pointers.go:78:11\",\"freed_by_go\":false,\"kind\":\"c-memory\",\"why\":\"C.malloc at line 78\"}],\"at\":\"go/pointers.go:78:2\",\"call\":\"free_c\",\"go_function\":\"FreeGo\"}",
    "{\"args\":[{\"at\":\"go/pointers.go:79:17\",\"freed_by_go\":false,\"kind\":\"unknown\",\"why\":\"parameter up (unsafe.Pointer)\"}],\"at\":\"go/pointers.go:79:2\",\"call\":\"free_unknown\",\"go_function\":\"FreeGo\"}",
    "{\"args\":[{\"at\":\"go/pointers.go:80:14\",\"freed_by_go\":false,\"held\":true,\"kind\":\"unknown\",\"why\":\"h.p (field or package variable)\"}],\"at\":\"go/pointers.go:80:2\",\"call\":\"free_held\",\"go_function\":\"FreeGo\"}",
    "{\"args\":[{\"at\":\"go/pointers.go:83:16\",\"freed_by_go\":false,\"kind\":\"pinned\",\"why\":\"pinned with runtime.Pinner at line 82\"}],\"at\":\"go/pointers.go:83:2\",\"call\":\"free_pinned\",\"go_function\":\"FreeGo\"}",
    "{\"args\":[{\"at\":\"go/pointers.go:85:23\",\"freed_by_go\":false,\"kind\":\"go-memory\",\"why\":\"&x (address of a Go variable)\"}],\"at\":\"go/pointers.go:85:2\",\"call\":\"free_through_owner\",\"go_function\":\"FreeGo\"}",
    0};
