// cgo-double-free across the boundary, with Go-side facts (go/pointers.go,
// func DoubleFree): Go frees the C string after the call (`defer C.free`, or
// C.free after it), so C must not free it too. A note shows the Go argument.
// CHECKS: cgo-double-free
// ARGS: -std=c11 -I../../include

#include "cgocheck/cgocheck.h"

#include <stdlib.h>

void use(const void *);

// Go passes cs and frees it with `defer C.free(unsafe.Pointer(cs))`.
void df_frees(char *s) {
  free(s);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'free' frees 's', which Go frees again after the call; free it on one side only [cgo-double-free]
  // CHECK-NOTES: go/pointers.go:92:13: note: Go passes 's' here and frees it after the call
}

// Not flagged: C only reads it.
void df_borrows(char *s) { use(s); }

// Go calls C.free(m) after the call.
void df_frees_after(void *p) {
  free(p);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'free' frees 'p', which Go frees again after the call; free it on one side only
  // CHECK-NOTES: go/pointers.go:95:19: note: Go passes 'p' here and frees it after the call
}

// Not flagged: Go hands the C string over and does not free it.
void df_go_keeps(char *s) { free(s); }

// Through a static helper: the finding is at the helper's free.
static void release(char *q) {
  free(q);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'free' frees 's', which Go frees again after the call; free it on one side only
  // CHECK-NOTES: go/pointers.go:98:20: note: Go passes 's' here and frees it after the call
}
void df_frees_helper(char *s) {
  release(s);
  // CHECK-NOTES: :[[@LINE-1]]:3: note: through this call to 'release'
}

// Given to a CGOCHECK_TAKES_OWNERSHIP parameter, which frees it.
void buffer_release(CGOCHECK_TAKES_OWNERSHIP char *data);
void df_gives(char *s) {
  buffer_release(s);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'buffer_release' frees 's', which Go frees again after the call; free it on one side only
  // CHECK-NOTES: go/pointers.go:99:13: note: Go passes 's' here and frees it after the call
}

__attribute__((unused)) static const char *const _cgocheck_go_facts[] = {
    "{\"file\":\"go/pointers.go\",\"package\":\"packets\"}",
    "{\"args\":[{\"at\":\"go/pointers.go:92:13\",\"freed_by_go\":true,\"kind\":\"c-memory\",\"why\":\"C.CString at line 90\"}],\"at\":\"go/pointers.go:92:2\",\"call\":\"df_frees\",\"go_function\":\"DoubleFree\"}",
    "{\"args\":[{\"at\":\"go/pointers.go:93:15\",\"freed_by_go\":true,\"kind\":\"c-memory\",\"why\":\"C.CString at line 90\"}],\"at\":\"go/pointers.go:93:2\",\"call\":\"df_borrows\",\"go_function\":\"DoubleFree\"}",
    "{\"args\":[{\"at\":\"go/pointers.go:95:19\",\"freed_by_go\":true,\"kind\":\"c-memory\",\"why\":\"C.malloc at line 94\"}],\"at\":\"go/pointers.go:95:2\",\"call\":\"df_frees_after\",\"go_function\":\"DoubleFree\"}",
    "{\"args\":[{\"at\":\"go/pointers.go:97:16\",\"freed_by_go\":false,\"kind\":\"c-memory\",\"why\":\"C.CString at line 97\"}],\"at\":\"go/pointers.go:97:2\",\"call\":\"df_go_keeps\",\"go_function\":\"DoubleFree\"}",
    "{\"args\":[{\"at\":\"go/pointers.go:98:20\",\"freed_by_go\":true,\"kind\":\"c-memory\",\"why\":\"C.CString at line 90\"}],\"at\":\"go/pointers.go:98:2\",\"call\":\"df_frees_helper\",\"go_function\":\"DoubleFree\"}",
    "{\"args\":[{\"at\":\"go/pointers.go:99:13\",\"freed_by_go\":true,\"kind\":\"c-memory\",\"why\":\"C.CString at line 90\"}],\"at\":\"go/pointers.go:99:2\",\"call\":\"df_gives\",\"go_function\":\"DoubleFree\"}",
    0};
