// cgo-pointer-retained with options: KeepingFunctions replaces the default
// list (pthread_create is no longer a keeping function), and Assume=strict,
// set globally, makes every pointer parameter of every function (static ones
// too) possibly Go memory.
// CHECKS: cgo-pointer-retained
// OPTION: cgo-pointer-retained.KeepingFunctions=queue_push:1; cache_put:2
// OPTION: Assume=strict
// ARGS: -std=c11

#include <pthread.h>
#include <stddef.h>
#include <stdint.h>

struct queue;
void queue_push(struct queue *q, void *item);
void cache_put(const char *key, size_t len, void *value);
void *worker(void *);

void *g_saved;

// A listed keeping function keeps the argument at the listed index.
void push(struct queue *q, void *item) {
  // CHECK-NOTES: :[[@LINE-1]]:34: note: 'item' is assumed to hold Go memory: strict mode assumes it of every pointer parameter
  queue_push(q, item);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'item' may point to Go memory and is kept after 'push' returns (passed to 'queue_push', which keeps it)
}
void put(const char *key, void *value) {
  // CHECK-NOTES: :[[@LINE-1]]:33: note: 'value' is assumed to hold Go memory: strict mode assumes it of every pointer parameter
  cache_put(key, 3, value);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'value' may point to Go memory and is kept after 'put' returns (passed to 'cache_put', which keeps it)
}

// Not flagged: the arguments at other indexes are not kept.
void push_queue_only(struct queue *q, const char *key) {
  queue_push(q, NULL);
  cache_put(key, 3, NULL);
}

// Not flagged: pthread_create is not in the replaced list.
void start(void *arg) {
  pthread_t t;
  pthread_create(&t, NULL, worker, arg);
}

// Strict: a static function's parameter may be Go memory too.
static void keep_static(void *p) {
  // CHECK-NOTES: :[[@LINE-1]]:31: note: 'p' is assumed to hold Go memory: strict mode assumes it of every pointer parameter
  g_saved = p;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'p' may point to Go memory and is kept after 'keep_static' returns (stored in global 'g_saved')
}
void call_static(void) { keep_static(NULL); }

// Not flagged in strict mode either: integers, and a store cleared before
// returning.
uintptr_t g_handle;
static void keep_handle(uintptr_t h) { g_handle = h; }
static void keep_briefly(void *p) {
  g_saved = p;
  g_saved = NULL;
}
void call_others(void) {
  keep_handle(0);
  keep_briefly(NULL);
}
