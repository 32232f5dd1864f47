//go:build linux && cgo
// +build linux,cgo

package imagecache

/*
#cgo CFLAGS: -O2
#cgo LDFLAGS: -lm
#include <stdlib.h>
#include "shim.h"
typedef struct { int w, h; } dims;
*/
import "C"

import (
	"errors"
	"runtime"
	"runtime/cgo"
	"unsafe"
)

type Cache struct{ c *C.struct_ic }

func (c *Cache) Put(key string, pixels []byte) error {
	ckey := C.CString(key)
	defer C.free(unsafe.Pointer(ckey))
	var p *C.uint8_t
	if len(pixels) > 0 {
		p = (*C.uint8_t)(unsafe.Pointer(&pixels[0]))
	}
	if C.ic_put(c.c, ckey, p, C.size_t(len(pixels))) != 0 {
		return errors.New("ic_put failed")
	}
	return nil
}

func (c *Cache) Watch(v any) {
	var pinner runtime.Pinner
	defer pinner.Unpin()
	d := new(C.dims)
	pinner.Pin(d)
	h := cgo.NewHandle(v)
	C.ic_watch(c.c, unsafe.Pointer(d), C.uintptr_t(h))
}

//export goCallback
func goCallback(x C.int) C.int { return x + 1 }
