// cgo-nil-free with the system's <stdlib.h>: NULL, free and malloc as the C
// library declares them.
// CHECKS: cgo-nil-free

#include <stdlib.h>
#include <string.h>

char *bad_dup_or_null(const char *s) {
  char *copy = malloc(strlen(s) + 1);
  if (!copy) {
    free(copy);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'copy' is null on every path reaching this call to 'free'
    return NULL;
  }
  free(NULL);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: call to 'free' with a null pointer constant frees nothing
  return strcpy(copy, s);
}

void good_release(char *a, char *b) {
  free(a);
  if (b)
    free(b);
}
