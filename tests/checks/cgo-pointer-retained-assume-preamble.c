// cgo-pointer-retained with Assume=preamble in a unit that has Go-side
// facts: the functions the facts say Go calls are judged, but what the Go
// calls pass is not used: every pointer parameter may be Go memory
// (docs/checks/pointer-assumptions.md, "Assumption modes").
// CHECKS: cgo-pointer-retained
// OPTION: cgo-pointer-retained.Assume=preamble
// ARGS: -std=c11

#include <stdlib.h>

void *g_saved;

// Go calls it with C memory (C.CString): in preamble mode it may be Go memory.
void keep_cstring(char *s) {
  // CHECK-NOTES: :[[@LINE-1]]:25: note: 's' is assumed to hold Go memory: Go calls 'keep_cstring' (Assume=preamble ignores what Go passes)
  g_saved = s;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 's' may point to Go memory and is kept after 'keep_cstring' returns (stored in global 'g_saved')
}

// Not flagged: the facts list no Go call of it.
void not_called_from_go(void *p) { g_saved = p; }

__attribute__((unused)) static const char *const _cgocheck_go_facts[] = {
    "{\"file\":\"go/pointers.go\",\"package\":\"packets\"}",
    "{\"args\":[{\"at\":\"go/pointers.go:34:17\",\"freed_by_go\":false,\"kind\":\"c-memory\",\"why\":\"C.CString at line 33\"}],\"at\":\"go/pointers.go:34:2\",\"call\":\"keep_cstring\",\"go_function\":\"Retained\"}",
    0};
