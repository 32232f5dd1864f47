// cgo-free-go-memory with options: Deallocators replaces the default list
// (free is no longer checked), and the global Assume=strict makes every
// pointer parameter of every function possibly Go memory.
// CHECKS: cgo-free-go-memory
// OPTION: cgo-free-go-memory.Deallocators=g_free; sqlite3_free
// OPTION: Assume=strict
// ARGS: -std=c11

void free(void *);
void g_free(void *);
void sqlite3_free(void *);

static void release(void *p, void *q) {
  // CHECK-NOTES: :[[@LINE-1]]:27: note: 'p' is assumed to hold Go memory: strict mode assumes it of every pointer parameter
  // CHECK-NOTES: :[[@LINE-2]]:36: note: 'q' is assumed to hold Go memory: strict mode assumes it of every pointer parameter
  g_free(p);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'g_free' frees 'p', which may point to Go memory
  sqlite3_free(q);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'sqlite3_free' frees 'q', which may point to Go memory
}

// Not flagged: free is not in the replaced list.
static void release_with_free(void *p) { free(p); }

void call_all(void) {
  release(0, 0);
  release_with_free(0);
}
