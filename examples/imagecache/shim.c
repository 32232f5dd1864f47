// C side of the imagecache package. Go calls these through cgo (cache.go).
#include "shim.h"

#include <stdlib.h>
#include <string.h>

ic_cache *ic_new(void) { return calloc(1, sizeof(ic_cache)); }

static void tile_free(ic_tile *t) {
  free(t->key);
  free(t->pixels);
  free(t);
}

int ic_put(ic_cache *c, const char *key, const uint8_t *pixels, size_t len) {
  ic_tile *t = calloc(1, sizeof(*t));
  if (t == NULL)
    return -1;
  char *k = strdup(key);
  uint8_t *copy = malloc(len);
  if (copy == NULL) {
    // Bug: frees the allocation that failed; 'k' and 't' leak.
    free(copy);
    return -1;
  }
  memcpy(copy, pixels, len);
  t->key = k;
  t->pixels = copy;
  t->len = len;
  t->next = c->head;
  c->head = t;
  c->count++;
  return 0;
}

const ic_tile *ic_get(const ic_cache *c, const char *key) {
  for (const ic_tile *t = c->head; t != NULL; t = t->next)
    if (strcmp(t->key, key) == 0)
      return t;
  return NULL;
}

int ic_remove(ic_cache *c, const char *key) {
  ic_tile *prev = NULL;
  ic_tile *t = c->head;
  while (t != NULL && strcmp(t->key, key) != 0) {
    prev = t;
    t = t->next;
  }
  if (t == NULL) {
    // Bug: meant to report "not found"; this free does nothing.
    free(t);
    return -1;
  }
  if (prev)
    prev->next = t->next;
  else
    c->head = t->next;
  c->count--;
  tile_free(t);
  return 0;
}

void ic_free(ic_cache *c) {
  ic_tile *t = c->head;
  while (t) {
    ic_tile *next = t->next;
    tile_free(t);
    t = next;
  }
  // Bug: 't' is null here on every path; the cache itself ('c') leaks.
  free(t);
}
