package packets

// The Go side of the fixtures of the pointer checks with Go-side facts
// (cgo-pointer-retained-go-facts.c, cgo-go-pointer-in-go-memory-go-facts.c,
// cgo-free-go-memory-go-facts.c, cgo-double-free-go-facts.c,
// cgo-stack-address-escape-go-facts.c): their facts tables are what
// `cgocheck compdb` writes for this file, and point at its lines.

/*
#cgo noescape keep_noescape
#include <stdint.h>
#include <stdlib.h>
#include "pointers.h"
*/
import "C"

import (
	"runtime"
	"runtime/cgo"
	"unsafe"
)

type holder struct {
	p unsafe.Pointer
}

// cgo-pointer-retained
func Retained(s string, h *holder, v any, up unsafe.Pointer) {
	var x C.int
	C.keep_global(unsafe.Pointer(&x))
	C.keep_helper(unsafe.Pointer(&x))
	C.keep_noescape(unsafe.Pointer(&x))
	cs := C.CString(s)
	C.keep_cstring(cs)
	m := C.malloc(16)
	C.keep_cmalloc(m)
	b := C.CBytes([]byte(s))
	C.keep_cbytes(b)
	C.keep_handle(C.uintptr_t(cgo.NewHandle(v)))
	var pin runtime.Pinner
	pin.Pin(&x)
	C.keep_pinned(unsafe.Pointer(&x))
	pin.Unpin()
	C.keep_unknown(up)
	C.keep_held(h.p)
	box := (*C.struct_box)(C.malloc(C.sizeof_struct_box))
	C.keep_in_c_memory(box, unsafe.Pointer(&x))
	C.keep_in_unknown((*C.struct_box)(up), unsafe.Pointer(&x))
	C.keep_mixed(unsafe.Pointer(cs))
	C.keep_mixed(unsafe.Pointer(&x))
	C.keep_go_string(s)
}

// cgo-go-pointer-in-go-memory
func InGoMemory(v any) {
	var x C.int
	var b C.struct_box
	C.box_store(&b, unsafe.Pointer(&x))
	C.box_store_c(&b, C.malloc(4))
	C.box_store_handle(&b, C.uintptr_t(cgo.NewHandle(v)))
	var pin runtime.Pinner
	pin.Pin(&x)
	C.box_store_pinned(&b, unsafe.Pointer(&x))
	pin.Unpin()
	C.box_store_unknown(unknownBox(), unsafe.Pointer(&x))
	C.box_store_helper(&b, unsafe.Pointer(&x))
}

func unknownBox() *C.struct_box {
	return nil
}

// cgo-free-go-memory
func FreeGo(h *holder, up unsafe.Pointer) {
	var x C.int
	C.free_go(unsafe.Pointer(&x))
	C.free_helper(unsafe.Pointer(&x))
	C.free_c(C.malloc(4))
	C.free_unknown(up)
	C.free_held(h.p)
	var pin runtime.Pinner
	pin.Pin(&x)
	C.free_pinned(unsafe.Pointer(&x))
	pin.Unpin()
	C.free_through_owner(unsafe.Pointer(&x))
}

// cgo-double-free
func DoubleFree(s string) {
	cs := C.CString(s)
	defer C.free(unsafe.Pointer(cs))
	C.df_frees(cs)
	C.df_borrows(cs)
	m := C.malloc(8)
	C.df_frees_after(m)
	C.free(m)
	C.df_go_keeps(C.CString(s))
	C.df_frees_helper(cs)
	C.df_gives(cs)
}

// cgo-stack-address-escape
func Stack() {
	var out unsafe.Pointer
	C.stack_out(&out)
	_ = C.stack_ret()
	var b C.struct_box
	C.stack_field(&b)
	_ = C.stack_heap()
}
