// C side of the imagecache package: a small cache of decoded image tiles
// that Go fills and reads through cgo.
#ifndef IMAGECACHE_SHIM_H
#define IMAGECACHE_SHIM_H

#include <stddef.h>
#include <stdint.h>

typedef struct ic_tile {
  char *key;
  uint8_t *pixels;
  size_t len;
  struct ic_tile *next;
} ic_tile;

typedef struct ic_cache {
  ic_tile *head;
  size_t count;
} ic_cache;

ic_cache *ic_new(void);
int ic_put(ic_cache *c, const char *key, const uint8_t *pixels, size_t len);
const ic_tile *ic_get(const ic_cache *c, const char *key);
int ic_remove(ic_cache *c, const char *key);
void ic_free(ic_cache *c);

#endif
