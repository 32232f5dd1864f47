// cgo-pointer-retained with Go-side facts: the facts say what each Go call
// passes (go/pointers.go, func Retained), so only Go memory (&x, a Go string,
// a field Go does not know) is judged, C memory, integers and pinned memory
// are not, and a note shows where Go passes the memory.
// CHECKS: cgo-pointer-retained
// ARGS: -std=c11

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

struct box {
  void *p;
  char *name;
};

void *g_saved;
uintptr_t g_handle;
const char *g_name;

// Go passes &x: flagged, with a note at the Go argument.
void keep_global(void *p) {
  g_saved = p;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'p' may point to Go memory and is kept after 'keep_global' returns (stored in global 'g_saved'); C must not keep a Go pointer after the call: copy the data into C memory, pin it with runtime.Pinner, or pass a runtime/cgo.Handle [cgo-pointer-retained]
  // CHECK-NOTES: go/pointers.go:30:16: note: Go passes 'p' here: &x (address of a Go variable)
}

// Through a static helper: the finding is at the helper's store, with notes
// at the C call and at the Go argument.
static void remember(void *q) {
  g_saved = q;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'p' may point to Go memory and is kept after 'keep_helper' returns (stored in global 'g_saved')
  // CHECK-NOTES: go/pointers.go:31:16: note: Go passes 'p' here: &x (address of a Go variable)
}
void keep_helper(void *p) {
  remember(p);
  // CHECK-NOTES: :[[@LINE-1]]:3: note: through this call to 'remember'
}

// `#cgo noescape keep_noescape` promises that C keeps nothing: the message
// says the promise is broken.
void keep_noescape(void *p) {
  static void *last;
  last = p;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'p' may point to Go memory and is kept after 'keep_noescape' returns (stored in static variable 'last'), which breaks the promise of the #cgo noescape directive for 'keep_noescape'; copy the data into C memory, or remove the directive and pin the memory with runtime.Pinner [cgo-pointer-retained]
  // CHECK-NOTES: go/pointers.go:32:18: note: Go passes 'p' here: &x (address of a Go variable)
}

// Not flagged: C memory by the facts (C.CString, C.malloc, C.CBytes).
void keep_cstring(char *s) { g_name = s; }
void keep_cmalloc(void *p) { g_saved = p; }
void keep_cbytes(void *p) { g_saved = p; }

// Not flagged: a cgo.Handle value is an integer.
void keep_handle(uintptr_t h) { g_handle = h; }

// Not flagged: Go pins the memory with runtime.Pinner for as long as C
// keeps it.
void keep_pinned(void *p) { g_saved = p; }

// A pointer the Go side cannot trace (a parameter of the Go function) may be
// Go memory.
void keep_unknown(void *p) {
  g_saved = p;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'p' may point to Go memory and is kept after 'keep_unknown' returns (stored in global 'g_saved')
  // CHECK-NOTES: go/pointers.go:44:17: note: Go passes 'p' here: parameter up (unsafe.Pointer)
}

// Not flagged: a pointer Go holds in a struct field counts as C memory (a C
// handle kept by Go; Go memory kept there would have to be pinned).
void keep_held(void *p) { g_saved = p; }

// Memory reachable from a C-memory argument (C.malloc) outlives the call.
void keep_in_c_memory(struct box *b, void *p) {
  b->p = p;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'p' may point to Go memory and is kept after 'keep_in_c_memory' returns (stored in memory that 'b' points to)
  // CHECK-NOTES: go/pointers.go:47:26: note: Go passes 'p' here: &x (address of a Go variable)
}

// So may memory reachable from an argument of unknown provenance (a Go
// parameter) (judged as
// kept here, not as a store into Go memory).
void keep_in_unknown(struct box *b, void *p) {
  b->p = p;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'p' may point to Go memory and is kept after 'keep_in_unknown' returns (stored in memory that 'b' points to)
  // CHECK-NOTES: go/pointers.go:48:41: note: Go passes 'p' here: &x (address of a Go variable)
}

// Go calls it twice, with C memory and with &x: the Go call is noted.
void keep_mixed(void *p) {
  g_saved = p;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'p' may point to Go memory and is kept after 'keep_mixed' returns (stored in global 'g_saved')
  // CHECK-NOTES: go/pointers.go:50:15: note: Go passes 'p' here: &x (address of a Go variable)
}

// The data of a Go string.
typedef struct { const char *p; ptrdiff_t n; } _GoString_;
const char *_GoStringPtr(_GoString_ s);
void keep_go_string(_GoString_ s) {
  g_name = _GoStringPtr(s);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 's' may point to Go memory and is kept after 'keep_go_string' returns (stored in global 'g_name')
  // CHECK-NOTES: go/pointers.go:51:19: note: Go passes 's' here: Go string passed as _GoString_
}

// Not flagged: Go does not call this function (the facts decide, not its
// linkage).
void not_called_from_go(void *p) { g_saved = p; }

__attribute__((unused)) static const char *const _cgocheck_go_facts[] = {
    "{\"file\":\"go/pointers.go\",\"package\":\"packets\"}",
    "{\"args\":[{\"at\":\"go/pointers.go:30:16\",\"freed_by_go\":false,\"kind\":\"go-memory\",\"why\":\"&x (address of a Go variable)\"}],\"at\":\"go/pointers.go:30:2\",\"call\":\"keep_global\",\"go_function\":\"Retained\"}",
    "{\"args\":[{\"at\":\"go/pointers.go:31:16\",\"freed_by_go\":false,\"kind\":\"go-memory\",\"why\":\"&x (address of a Go variable)\"}],\"at\":\"go/pointers.go:31:2\",\"call\":\"keep_helper\",\"go_function\":\"Retained\"}",
    "{\"args\":[{\"at\":\"go/pointers.go:32:18\",\"freed_by_go\":false,\"kind\":\"go-memory\",\"why\":\"&x (address of a Go variable)\"}],\"at\":\"go/pointers.go:32:2\",\"call\":\"keep_noescape\",\"go_function\":\"Retained\"}",
    "{\"args\":[{\"at\":\"go/pointers.go:34:17\",\"freed_by_go\":false,\"kind\":\"c-memory\",\"why\":\"C.CString at line 33\"}],\"at\":\"go/pointers.go:34:2\",\"call\":\"keep_cstring\",\"go_function\":\"Retained\"}",
    "{\"args\":[{\"at\":\"go/pointers.go:36:17\",\"freed_by_go\":false,\"kind\":\"c-memory\",\"why\":\"C.malloc at line 35\"}],\"at\":\"go/pointers.go:36:2\",\"call\":\"keep_cmalloc\",\"go_function\":\"Retained\"}",
    "{\"args\":[{\"at\":\"go/pointers.go:38:16\",\"freed_by_go\":false,\"kind\":\"c-memory\",\"why\":\"C.CBytes at line 37\"}],\"at\":\"go/pointers.go:38:2\",\"call\":\"keep_cbytes\",\"go_function\":\"Retained\"}",
    "{\"args\":[{\"at\":\"go/pointers.go:39:16\",\"freed_by_go\":false,\"kind\":\"integer\",\"why\":\"cgo.NewHandle\"}],\"at\":\"go/pointers.go:39:2\",\"call\":\"keep_handle\",\"go_function\":\"Retained\"}",
    "{\"args\":[{\"at\":\"go/pointers.go:42:16\",\"freed_by_go\":false,\"kind\":\"pinned\",\"why\":\"pinned with runtime.Pinner at line 41\"}],\"at\":\"go/pointers.go:42:2\",\"call\":\"keep_pinned\",\"go_function\":\"Retained\"}",
    "{\"args\":[{\"at\":\"go/pointers.go:44:17\",\"freed_by_go\":false,\"kind\":\"unknown\",\"why\":\"parameter up (unsafe.Pointer)\"}],\"at\":\"go/pointers.go:44:2\",\"call\":\"keep_unknown\",\"go_function\":\"Retained\"}",
    "{\"args\":[{\"at\":\"go/pointers.go:45:14\",\"freed_by_go\":false,\"held\":true,\"kind\":\"unknown\",\"why\":\"h.p (field or package variable)\"}],\"at\":\"go/pointers.go:45:2\",\"call\":\"keep_held\",\"go_function\":\"Retained\"}",
    "{\"args\":[{\"at\":\"go/pointers.go:47:21\",\"freed_by_go\":false,\"kind\":\"c-memory\",\"why\":\"C.malloc at line 46\"},{\"at\":\"go/pointers.go:47:26\",\"freed_by_go\":false,\"kind\":\"go-memory\",\"why\":\"&x (address of a Go variable)\"}],\"at\":\"go/pointers.go:47:2\",\"call\":\"keep_in_c_memory\",\"go_function\":\"Retained\"}",
    "{\"args\":[{\"at\":\"go/pointers.go:48:20\",\"freed_by_go\":false,\"kind\":\"unknown\",\"why\":\"parameter up (unsafe.Pointer)\"},{\"at\":\"go/pointers.go:48:41\",\"freed_by_go\":false,\"kind\":\"go-memory\",\"why\":\"&x (address of a Go variable)\"}],\"at\":\"go/pointers.go:48:2\",\"call\":\"keep_in_unknown\",\"go_function\":\"Retained\"}",
    "{\"args\":[{\"at\":\"go/pointers.go:49:15\",\"freed_by_go\":false,\"kind\":\"c-memory\",\"why\":\"C.CString at line 33\"}],\"at\":\"go/pointers.go:49:2\",\"call\":\"keep_mixed\",\"go_function\":\"Retained\"}",
    "{\"args\":[{\"at\":\"go/pointers.go:50:15\",\"freed_by_go\":false,\"kind\":\"go-memory\",\"why\":\"&x (address of a Go variable)\"}],\"at\":\"go/pointers.go:50:2\",\"call\":\"keep_mixed\",\"go_function\":\"Retained\"}",
    "{\"args\":[{\"at\":\"go/pointers.go:51:19\",\"freed_by_go\":false,\"kind\":\"go-memory\",\"why\":\"Go string passed as _GoString_\"}],\"at\":\"go/pointers.go:51:2\",\"call\":\"keep_go_string\",\"go_function\":\"Retained\"}",
    "{\"noescape\":\"keep_noescape\"}",
    0};
