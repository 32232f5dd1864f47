package imagecache

/*
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

// The pixels of the tile being rendered, for the renderer's progress hook.
static const uint8_t *ic_progress_pixels;

static void ic_render_start(const uint8_t *pixels, size_t len) {
	// Bug(cgo-pointer-retained, "ic_progress_pixels = pixels"): Go's slice memory is kept after the call returns.
	ic_progress_pixels = pixels;
	(void)len;
}

// A view of pixels, filled in by C.
typedef struct ic_view {
	const uint8_t *data;
	size_t len;
} ic_view;

static void ic_view_init(ic_view *v, const uint8_t *data, size_t len) {
	// Bug(cgo-go-pointer-in-go-memory, "v->data = data"): v is a Go variable; a Go pointer must not be stored in it.
	v->data = data;
	v->len = len;
}

static void ic_scratch_done(uint8_t *scratch) {
	// Bug(cgo-free-go-memory, "free(scratch)"): Go passes a slice's memory, which only Go's collector frees.
	free(scratch);
}

static void ic_key_done(char *key) {
	// Bug(cgo-double-free, "free(key)"): Go frees the key again with its deferred C.free.
	free(key);
}

static void ic_kind_name(int photo, const char **out) {
	char name[16];
	strcpy(name, photo ? "photo" : "icon");
	// Bug(cgo-stack-address-escape, "name;"): Go reads the array after ic_kind_name has returned.
	*out = name;
}

// Copies the pixels: nothing of Go's is kept.
static size_t ic_checksum(const uint8_t *pixels, size_t len) {
	size_t sum = 0;
	for (size_t i = 0; i < len; i++)
		sum += pixels[i];
	return sum;
}
*/
import "C"

import "unsafe"

// Render hands a tile's pixels to the C renderer.
func Render(pixels []byte) {
	if len(pixels) == 0 {
		return
	}
	C.ic_render_start((*C.uint8_t)(unsafe.Pointer(&pixels[0])), C.size_t(len(pixels)))
}

// View describes pixels for C code that reads them.
func View(pixels []byte) (data unsafe.Pointer, n int) {
	if len(pixels) == 0 {
		return nil, 0
	}
	var v C.ic_view
	C.ic_view_init(&v, (*C.uint8_t)(unsafe.Pointer(&pixels[0])), C.size_t(len(pixels)))
	return unsafe.Pointer(v.data), int(v.len)
}

// Checksum adds up pixels in C.
func Checksum(pixels []byte) uint64 {
	if len(pixels) == 0 {
		return 0
	}
	scratch := make([]byte, len(pixels))
	copy(scratch, pixels)
	sum := C.ic_checksum((*C.uint8_t)(unsafe.Pointer(&scratch[0])), C.size_t(len(scratch)))
	C.ic_scratch_done((*C.uint8_t)(unsafe.Pointer(&scratch[0])))
	return uint64(sum)
}

// Forget drops the C side's state for key.
func Forget(key string) {
	ckey := C.CString(key)
	defer C.free(unsafe.Pointer(ckey))
	C.ic_key_done(ckey)
}

// KindName names a tile kind.
func KindName(photo bool) string {
	p := C.int(0)
	if photo {
		p = 1
	}
	var name *C.char
	C.ic_kind_name(p, &name)
	return C.GoString(name)
}
