package imagecache

/*
#cgo CFLAGS: -DIC_STATS_BUCKETS=8
#cgo linux LDFLAGS: -lm
#include <stdlib.h>
#include <string.h>
#include "shim.h"

// Sizes of the cached tiles, bucketed by powers of two.
typedef struct ic_stats {
	size_t buckets[IC_STATS_BUCKETS];
	size_t total;
} ic_stats;

static ic_stats *ic_collect(const ic_cache *c) {
	ic_stats *s = calloc(1, sizeof(*s));
	char *scratch = NULL;
	if (s == NULL) {
		// Bug: nothing was allocated yet; this frees nothing.
		free(scratch);
		return NULL;
	}
	for (const ic_tile *t = c->head; t != NULL; t = t->next) {
		size_t b = 0;
		while (b + 1 < IC_STATS_BUCKETS && ((size_t)1 << (b + 10)) < t->len)
			b++;
		s->buckets[b]++;
		s->total += t->len;
	}
	return s;
}
*/
import "C"

import "unsafe"

// Stats reports how many tiles fall in each size bucket (1 KiB, 2 KiB, ...)
// and the total number of cached bytes.
func (c *Cache) Stats() (buckets []uint64, total uint64) {
	s := C.ic_collect(c.c)
	if s == nil {
		return nil, 0
	}
	defer C.free(unsafe.Pointer(s))
	for _, n := range s.buckets {
		buckets = append(buckets, uint64(n))
	}
	return buckets, uint64(s.total)
}
