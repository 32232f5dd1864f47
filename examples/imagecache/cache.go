// Package imagecache keeps decoded image tiles in C memory so that a C
// renderer can read them without copying.
package imagecache

/*
#include <stdlib.h>
#include "shim.h"
*/
import "C"

import (
	"errors"
	"unsafe"
)

// Cache is a set of tiles held in C memory.
type Cache struct{ c *C.ic_cache }

// New allocates an empty cache.
func New() *Cache { return &Cache{c: C.ic_new()} }

// Put copies pixels into C memory under key.
func (c *Cache) Put(key string, pixels []byte) error {
	ckey := C.CString(key)
	defer C.free(unsafe.Pointer(ckey))
	var p *C.uint8_t
	if len(pixels) > 0 {
		p = (*C.uint8_t)(unsafe.Pointer(&pixels[0]))
	}
	if C.ic_put(c.c, ckey, p, C.size_t(len(pixels))) != 0 {
		return errors.New("imagecache: out of memory")
	}
	return nil
}

// Get returns a Go copy of the tile's pixels.
func (c *Cache) Get(key string) ([]byte, bool) {
	ckey := C.CString(key)
	defer C.free(unsafe.Pointer(ckey))
	t := C.ic_get(c.c, ckey)
	if t == nil {
		return nil, false
	}
	return C.GoBytes(unsafe.Pointer(t.pixels), C.int(t.len)), true
}

// Remove drops the tile stored under key.
func (c *Cache) Remove(key string) bool {
	ckey := C.CString(key)
	defer C.free(unsafe.Pointer(ckey))
	return C.ic_remove(c.c, ckey) == 0
}

// Close frees the cache and all its tiles.
func (c *Cache) Close() { C.ic_free(c.c); c.c = nil }
