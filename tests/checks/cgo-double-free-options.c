// cgo-double-free with Deallocators set: the listed functions count as
// frees (g_free twice is flagged), and free, no longer listed, does not.
// CHECKS: cgo-double-free
// OPTION: cgo-double-free.Deallocators=g_free
// ARGS: -std=c11

void *g_malloc(unsigned long);
void g_free(void *);
void free(void *);

void twice_g_free(void) {
  void *p = g_malloc(8);
  g_free(p);
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'p' is first freed here
  g_free(p);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'g_free' frees 'p', which is already freed on a path to here
}

// Not flagged: free is not in the list.
void twice_free(void) {
  void *p = g_malloc(8);
  free(p);
  free(p);
}
