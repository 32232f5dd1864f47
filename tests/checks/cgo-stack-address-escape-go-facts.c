// cgo-stack-address-escape with Go-side facts (go/pointers.go, func Stack):
// the functions Go calls must not return or write out addresses of their
// stack; a note shows the Go argument whose memory receives the address.
// CHECKS: cgo-stack-address-escape
// ARGS: -std=c11

#include <stdlib.h>

struct box {
  void *p;
};

int *g_ptr;

// Go passes &out.
void stack_out(void **out) {
  int x = 0;
  *out = &x;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: address of 'x', on the stack of 'stack_out', reaches Go (written into memory that 'out' points to) and is invalid once 'stack_out' returns; allocate the memory with malloc, or let Go pass the memory in [cgo-stack-address-escape]
  // CHECK-NOTES: go/pointers.go:105:14: note: Go passes 'out' here: &out (address of a Go variable)
}

// Go uses the result.
int *stack_ret(void) {
  int x = 0;
  return &x;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: address of 'x', on the stack of 'stack_ret', reaches Go (returned)
}

// Go passes &b.
void stack_field(struct box *b) {
  char buf[8];
  b->p = buf;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: address of 'buf', on the stack of 'stack_field', reaches Go (written into memory that 'b' points to)
  // CHECK-NOTES: go/pointers.go:108:16: note: Go passes 'b' here: &b (address of a Go variable)
}

// Not flagged: heap memory.
void *stack_heap(void) { return malloc(8); }

// Not flagged: Go does not call it (the facts decide), so its result and
// out-parameters stay in C.
int *not_called_ret(void) {
  int x = 0;
  return &x;
}
void not_called_out(int **out) {
  int x = 0;
  *out = &x;
  g_ptr = *out;
  g_ptr = NULL;
}

__attribute__((unused)) static const char *const _cgocheck_go_facts[] = {
    "{\"file\":\"go/pointers.go\",\"package\":\"packets\"}",
    "{\"args\":[{\"at\":\"go/pointers.go:105:14\",\"freed_by_go\":false,\"kind\":\"go-memory\",\"why\":\"&out (address of a Go variable)\"}],\"at\":\"go/pointers.go:105:2\",\"call\":\"stack_out\",\"go_function\":\"Stack\"}",
    "{\"args\":[],\"at\":\"go/pointers.go:106:6\",\"call\":\"stack_ret\",\"go_function\":\"Stack\"}",
    "{\"args\":[{\"at\":\"go/pointers.go:108:16\",\"freed_by_go\":false,\"kind\":\"go-memory\",\"why\":\"&b (address of a Go variable)\"}],\"at\":\"go/pointers.go:108:2\",\"call\":\"stack_field\",\"go_function\":\"Stack\"}",
    "{\"args\":[],\"at\":\"go/pointers.go:109:6\",\"call\":\"stack_heap\",\"go_function\":\"Stack\"}",
    0};
