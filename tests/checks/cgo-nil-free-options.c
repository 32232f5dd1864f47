// cgo-nil-free with Deallocators set: the listed functions are checked (with
// either separator), and `free` is not, since the list replaces the default.
// CHECKS: cgo-nil-free
// OPTION: cgo-nil-free.Deallocators=sqlite3_free; g_free, CFRelease

void free(void *);
void sqlite3_free(void *);
void g_free(void *);
void CFRelease(const void *);
void release_all(void *);
#define NULL ((void *)0)

void bad_listed_deallocators(char *p) {
  sqlite3_free(NULL);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: call to 'sqlite3_free' with a null pointer constant frees nothing
  if (!p)
    g_free(p);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'p' is null on every path reaching this call to 'g_free'
  const void *ref = 0;
  CFRelease(ref);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'ref' is null on every path reaching this call to 'CFRelease'
}

void good_not_listed(char *p) {
  free(NULL);
  release_all(NULL);
  if (p == NULL)
    free(p);
}
