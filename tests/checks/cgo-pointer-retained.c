// cgo-pointer-retained without Go-side facts (preamble mode): Go can call the
// non-static functions of this file, so their pointer parameters may be Go
// memory, and C must not keep them after the call returns. Each sink is shown
// flagged, next to the same code made safe.
// CHECKS: cgo-pointer-retained
// ARGS: -std=c11

#include <pthread.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <threads.h>

struct node {
  struct node *next;
  void *data;
};
struct box {
  void *p;
  char *name;
  int len;
};

void *g_saved;
struct box g_box;
struct node *g_list;
void *g_table[8];
uintptr_t g_bits;
uintptr_t g_handle;

void use(void *);
void *worker(void *);
int thrd_worker(void *);
void on_exit_cb(int, void *);

// Global: stored and never cleared.
void keep_global(void *p) {
  // CHECK-NOTES: :[[@LINE-1]]:24: note: 'p' is assumed to hold Go memory: Go can call 'keep_global' (no Go-side facts; preamble mode)
  g_saved = p;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'p' may point to Go memory and is kept after 'keep_global' returns (stored in global 'g_saved'); C must not keep a Go pointer after the call: copy the data into C memory, pin it with runtime.Pinner, or pass a runtime/cgo.Handle [cgo-pointer-retained]
}

// Not flagged: stored for the duration of the call and cleared before return.
void keep_global_cleared(void *p) {
  g_saved = p;
  use(g_saved);
  g_saved = NULL;
}

// Cleared on one path only: still kept on the other.
void keep_global_cleared_once(void *p, int n) {
  // CHECK-NOTES: :[[@LINE-1]]:37: note: 'p' is assumed to hold Go memory: Go can call 'keep_global_cleared_once' (no Go-side facts; preamble mode)
  g_saved = p;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'p' may point to Go memory and is kept after 'keep_global_cleared_once' returns (stored in global 'g_saved')
  if (n > 0)
    return;
  g_saved = NULL;
}

// Stored on one path only: kept.
void keep_global_conditionally(void *p, int n) {
  // CHECK-NOTES: :[[@LINE-1]]:38: note: 'p' is assumed to hold Go memory: Go can call 'keep_global_conditionally' (no Go-side facts; preamble mode)
  if (n > 0)
    g_saved = p;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'p' may point to Go memory and is kept after 'keep_global_conditionally' returns (stored in global 'g_saved')
}

// A local struct that holds the pointer, copied into a global.
void keep_global_struct_copy(void *p) {
  // CHECK-NOTES: :[[@LINE-1]]:36: note: 'p' is assumed to hold Go memory: Go can call 'keep_global_struct_copy' (no Go-side facts; preamble mode)
  struct box local = {0};
  local.p = p;
  g_box = local;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'p' may point to Go memory and is kept after 'keep_global_struct_copy' returns (stored in global 'g_box')
}

// Not flagged: a field of a global, cleared before returning.
void keep_global_field_cleared(void *p) {
  g_box.p = p;
  use(&g_box);
  g_box.p = NULL;
}

// Not flagged: overwritten with a C pointer before returning.
void keep_global_overwritten(void *p) {
  g_saved = p;
  use(g_saved);
  g_saved = malloc(4);
}

// A field of a global struct, and an element of a global array.
void keep_global_field(void *p) {
  // CHECK-NOTES: :[[@LINE-1]]:30: note: 'p' is assumed to hold Go memory: Go can call 'keep_global_field' (no Go-side facts; preamble mode)
  g_box.p = p;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'p' may point to Go memory and is kept after 'keep_global_field' returns (stored in global 'g_box')
}
void keep_global_element(void *p, int i) {
  // CHECK-NOTES: :[[@LINE-1]]:32: note: 'p' is assumed to hold Go memory: Go can call 'keep_global_element' (no Go-side facts; preamble mode)
  g_table[i] = p;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'p' may point to Go memory and is kept after 'keep_global_element' returns (stored in global 'g_table')
}

// Memory reached through a global pointer.
void keep_through_global(void *p) {
  // CHECK-NOTES: :[[@LINE-1]]:32: note: 'p' is assumed to hold Go memory: Go can call 'keep_through_global' (no Go-side facts; preamble mode)
  g_list->data = p;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'p' may point to Go memory and is kept after 'keep_through_global' returns (stored in global 'g_list')
}

// A nested field of memory reached through a global pointer.
struct outer {
  struct box in;
};
struct outer *g_outer;
void keep_through_global_nested(void *p) {
  // CHECK-NOTES: :[[@LINE-1]]:39: note: 'p' is assumed to hold Go memory: Go can call 'keep_through_global_nested' (no Go-side facts; preamble mode)
  g_outer->in.p = p;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'p' may point to Go memory and is kept after 'keep_through_global_nested' returns (stored in global 'g_outer')
}

// A function-local static.
void keep_static_local(void *p) {
  // CHECK-NOTES: :[[@LINE-1]]:30: note: 'p' is assumed to hold Go memory: Go can call 'keep_static_local' (no Go-side facts; preamble mode)
  static void *last;
  last = p;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'p' may point to Go memory and is kept after 'keep_static_local' returns (stored in static variable 'last')
}

// Heap memory the function allocates and does not free.
void keep_heap(void *p) {
  // CHECK-NOTES: :[[@LINE-1]]:22: note: 'p' is assumed to hold Go memory: Go can call 'keep_heap' (no Go-side facts; preamble mode)
  struct node *n = malloc(sizeof *n);
  n->data = p;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'p' may point to Go memory and is kept after 'keep_heap' returns (stored in heap memory that is not freed before returning)
  n->next = g_list;
  g_list = n;
}

// Not flagged: the heap block is freed before returning.
void keep_heap_freed(void *p) {
  struct node *n = malloc(sizeof *n);
  n->data = p;
  use(n);
  free(n);
}

// Not flagged: the heap block is freed before returning by a helper.
static void release_node(struct node *n) { free(n); }
void keep_heap_freed_by_helper(void *p) {
  struct node *n = malloc(sizeof *n);
  n->data = p;
  use(n);
  release_node(n);
}

// Keeping functions (the default KeepingFunctions): a thread's argument, a
// thread-specific value, an on_exit argument.
void keep_thread(void *p) {
  // CHECK-NOTES: :[[@LINE-1]]:24: note: 'p' is assumed to hold Go memory: Go can call 'keep_thread' (no Go-side facts; preamble mode)
  pthread_t t;
  pthread_create(&t, NULL, worker, p);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'p' may point to Go memory and is kept after 'keep_thread' returns (passed to 'pthread_create', which keeps it)
}
void keep_c11_thread(void *p) {
  // CHECK-NOTES: :[[@LINE-1]]:28: note: 'p' is assumed to hold Go memory: Go can call 'keep_c11_thread' (no Go-side facts; preamble mode)
  thrd_t t;
  thrd_create(&t, thrd_worker, p);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'p' may point to Go memory and is kept after 'keep_c11_thread' returns (passed to 'thrd_create', which keeps it)
}
void keep_specific(pthread_key_t key, void *p) {
  // CHECK-NOTES: :[[@LINE-1]]:45: note: 'p' is assumed to hold Go memory: Go can call 'keep_specific' (no Go-side facts; preamble mode)
  pthread_setspecific(key, p);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'p' may point to Go memory and is kept after 'keep_specific' returns (passed to 'pthread_setspecific', which keeps it)
}
int on_exit(void (*)(int, void *), void *);
void keep_on_exit(void *p) {
  // CHECK-NOTES: :[[@LINE-1]]:25: note: 'p' is assumed to hold Go memory: Go can call 'keep_on_exit' (no Go-side facts; preamble mode)
  on_exit(on_exit_cb, p);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'p' may point to Go memory and is kept after 'keep_on_exit' returns (passed to 'on_exit', which keeps it)
}

// Not flagged: the thread gets C memory (a copy), not the pointer.
void keep_thread_copy(void *p, size_t n) {
  pthread_t t;
  void *copy = malloc(n);
  memcpy(copy, p, n);
  pthread_create(&t, NULL, worker, copy);
}

// External registration functions (no body here, a name with register,
// callback, hook or handler, and a function-pointer parameter) keep their
// void * arguments.
void lib_register_listener(void (*fn)(void *), void *ctx);
void lib_set_callback(int event, void (*fn)(void *), void *user_data);
void lib_add_hook(void (*fn)(void *), void *arg);
void lib_install_handler(void (*fn)(void *), void *arg);
void notify(void *);
// (One note per finding, at the parameter.)
void keep_registered(void *p) {
  // CHECK-NOTES: :[[@LINE-1]]:28: note: 'p' is assumed to hold Go memory: Go can call 'keep_registered' (no Go-side facts; preamble mode)
  // CHECK-NOTES: :[[@LINE-2]]:28: note: 'p' is assumed to hold Go memory
  // CHECK-NOTES: :[[@LINE-3]]:28: note: 'p' is assumed to hold Go memory
  // CHECK-NOTES: :[[@LINE-4]]:28: note: 'p' is assumed to hold Go memory
  lib_register_listener(notify, p);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'p' may point to Go memory and is kept after 'keep_registered' returns (passed to 'lib_register_listener', which keeps it)
  lib_set_callback(1, notify, p);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'p' may point to Go memory and is kept after 'keep_registered' returns (passed to 'lib_set_callback', which keeps it)
  lib_add_hook(notify, p);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'p' may point to Go memory and is kept after 'keep_registered' returns (passed to 'lib_add_hook', which keeps it)
  lib_install_handler(notify, p);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'p' may point to Go memory and is kept after 'keep_registered' returns (passed to 'lib_install_handler', which keeps it)
}

// Not flagged: a registration name without a function-pointer parameter, a
// function-pointer parameter without such a name, and a registration
// function whose body is in this file (its body is analysed instead; it does
// not keep the argument).
void lib_register_name(const char *name, void *tag);
void lib_call_now(void (*fn)(void *), void *arg);
void local_register(void (*fn)(void *), void *arg) { fn(arg); }
void keep_not_registered(void *p) {
  lib_register_name("x", p);
  lib_call_now(notify, p);
  local_register(notify, p);
}

// `_GoStringPtr(s)` is the data of a Go string: keeping it keeps Go memory.
typedef struct { const char *p; ptrdiff_t n; } _GoString_;
const char *_GoStringPtr(_GoString_ s);
size_t _GoStringLen(_GoString_ s);
const char *g_name;
void keep_go_string(_GoString_ s) {
  // CHECK-NOTES: :[[@LINE-1]]:32: note: 's' is assumed to hold Go memory: Go can call 'keep_go_string' (no Go-side facts; preamble mode)
  g_name = _GoStringPtr(s);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 's' may point to Go memory and is kept after 'keep_go_string' returns (stored in global 'g_name')
}
// So is the data of a Go slice passed by value (a struct with a pointer).
typedef struct { void *data; long long len, cap; } GoSlice;
void keep_go_slice(GoSlice s) {
  // CHECK-NOTES: :[[@LINE-1]]:28: note: 's' is assumed to hold Go memory: Go can call 'keep_go_slice' (no Go-side facts; preamble mode)
  g_saved = s.data;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 's' may point to Go memory and is kept after 'keep_go_slice' returns (stored in global 'g_saved')
}

// Not flagged: the string's length is a number.
size_t g_name_len;
void keep_go_string_len(_GoString_ s) { g_name_len = _GoStringLen(s); }

// Derived pointers are the same memory: a field's address, an offset, a
// cast, a uintptr_t round trip, a copy of the pointer's bytes, an alias.
void keep_field_address(struct box *b) {
  // CHECK-NOTES: :[[@LINE-1]]:37: note: 'b' is assumed to hold Go memory: Go can call 'keep_field_address' (no Go-side facts; preamble mode)
  g_saved = &b->len;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'b' may point to Go memory and is kept after 'keep_field_address' returns (stored in global 'g_saved')
}
void keep_offset(char *p, int n) {
  // CHECK-NOTES: :[[@LINE-1]]:24: note: 'p' is assumed to hold Go memory: Go can call 'keep_offset' (no Go-side facts; preamble mode)
  g_saved = p + n;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'p' may point to Go memory and is kept after 'keep_offset' returns (stored in global 'g_saved')
}
void keep_cast(int *p) {
  // CHECK-NOTES: :[[@LINE-1]]:21: note: 'p' is assumed to hold Go memory: Go can call 'keep_cast' (no Go-side facts; preamble mode)
  g_name = (const char *)(void *)p;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'p' may point to Go memory and is kept after 'keep_cast' returns (stored in global 'g_name')
}
void keep_uintptr(void *p) {
  // CHECK-NOTES: :[[@LINE-1]]:25: note: 'p' is assumed to hold Go memory: Go can call 'keep_uintptr' (no Go-side facts; preamble mode)
  uintptr_t bits = (uintptr_t)p;
  g_bits = bits;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'p' may point to Go memory and is kept after 'keep_uintptr' returns (stored in global 'g_bits')
}
void keep_memcpy(void *p) {
  // CHECK-NOTES: :[[@LINE-1]]:24: note: 'p' is assumed to hold Go memory: Go can call 'keep_memcpy' (no Go-side facts; preamble mode)
  memcpy(&g_saved, &p, sizeof p);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'p' may point to Go memory and is kept after 'keep_memcpy' returns (stored in global 'g_saved')
}
void keep_alias(void *p) {
  // CHECK-NOTES: :[[@LINE-1]]:23: note: 'p' is assumed to hold Go memory: Go can call 'keep_alias' (no Go-side facts; preamble mode)
  void *q = p;
  void *r;
  r = q;
  g_saved = r;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'p' may point to Go memory and is kept after 'keep_alias' returns (stored in global 'g_saved')
}

// Not flagged: copying the data (not the pointer) into a global, and an
// alias reassigned to C memory before it is stored.
char g_copy[64];
void keep_data_copy(const char *p, size_t n) { memcpy(g_copy, p, n < sizeof g_copy ? n : sizeof g_copy); }
void keep_alias_reassigned(void *p) {
  void *q = p;
  use(q);
  q = malloc(8);
  g_saved = q;
}

// Not flagged: integers are not memory (a cgo.Handle value, a uintptr_t
// parameter), and neither is a pointer's difference.
void keep_handle(uintptr_t h) { g_handle = h; }
void keep_distance(char *begin, char *end) { g_bits = (uintptr_t)(end - begin); }

// Not flagged: C memory and string literals.
void keep_c_pointer(void) {
  g_saved = malloc(16);
  g_name = "static";
}

// Not flagged: Go cannot call a static function; only one that is called
// with a parameter of a function Go calls is analysed there (below).
static void keep_static_function(void *p) { g_saved = p; }

// Interprocedural: the static helper stores what a function Go calls hands
// it; the finding is at the store, with a note at the call.
static void remember(void *q) {
  g_saved = q;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'p' may point to Go memory and is kept after 'keep_through_helper' returns (stored in global 'g_saved')
}
void keep_through_helper(void *p) {
  // CHECK-NOTES: :[[@LINE-1]]:32: note: 'p' is assumed to hold Go memory: Go can call 'keep_through_helper' (no Go-side facts; preamble mode)
  remember(p);
  // CHECK-NOTES: :[[@LINE-1]]:3: note: through this call to 'remember'
}

// Two levels of helpers, through a field's address.
static void remember_name(void *q) {
  g_saved = q;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'b' may point to Go memory and is kept after 'keep_through_two_helpers' returns (stored in global 'g_saved')
}
static void remember_name_twice(void *q) {
  remember_name(q);
  // CHECK-NOTES: :[[@LINE-1]]:3: note: through this call to 'remember_name'
}
void keep_through_two_helpers(struct box *b) {
  // CHECK-NOTES: :[[@LINE-1]]:43: note: 'b' is assumed to hold Go memory: Go can call 'keep_through_two_helpers' (no Go-side facts; preamble mode)
  remember_name_twice(&b->name);
  // CHECK-NOTES: :[[@LINE-1]]:3: note: through this call to 'remember_name_twice'
}

// Not flagged: the helper stores a C copy; and a helper that stores, then
// clears.
static void remember_copy(const void *q, size_t n) {
  void *copy = malloc(n);
  memcpy(copy, q, n);
  g_saved = copy;
}
static void remember_briefly(void *q) {
  g_saved = q;
  use(g_saved);
  g_saved = NULL;
}
void keep_through_safe_helpers(void *p, size_t n) {
  remember_copy(p, n);
  remember_briefly(p);
}

// A helper that keeps its pointer only in one mode: the constant the call
// passes decides which branch runs (a constant argument specialises the
// helper's summary).
enum load_mode { LOAD_BY_COPY, LOAD_BY_REF };
static const void *g_dict;
static void load_advanced(const void *dict, enum load_mode how) {
  if (how == LOAD_BY_REF)
    g_dict = dict;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'dict' may point to Go memory and is kept after 'load_by_ref' returns (stored in global 'g_dict')
}
// Not flagged: by copy, the branch that keeps it cannot run.
void load_by_copy(const void *dict) { load_advanced(dict, LOAD_BY_COPY); }
// Flagged.
void load_by_ref(const void *dict) { load_advanced(dict, LOAD_BY_REF); }
// CHECK-NOTES: :[[@LINE-1]]:38: note: through this call to 'load_advanced'
// CHECK-NOTES: :[[@LINE-2]]:30: note: 'dict' is assumed to hold Go memory: Go can call 'load_by_ref'
static void keep_if(const void *d, int keep) {
  if (!keep)
    return;
  g_dict = d;
}
// Not flagged: keep is 0.
void keep_never(const void *d) { keep_if(d, 0); }
