package imagecache

/*
#include <stdio.h>
#include <stdlib.h>

// A tile's kind is one byte: 'p' for photos, 'i' for icons; bytes from 0x80
// up mark tiles that came from a remote cache.
struct ic_kind_info {
	unsigned remote : 1; // Go never touches this field: C reads it below.
	unsigned age : 7;
	int hits;
};

// Bug(cgo-char-signedness, "kind)"): Go's C.char is int8 on darwin/arm64 and uint8 on linux/arm64.
static int ic_kind_is_remote(char kind) {
	// Bug(cgo-char-signedness, "<"): true for remote kinds where char is signed, never where it is unsigned.
	return kind < 0;
}

static int ic_kind_info_remote(const struct ic_kind_info *info) { return info->remote; }

typedef int (*ic_logger)(const char *format, const char *kind);

// Bug(cgo-variadic, "(ic_logger)"): printf is variadic; called through ic_logger, its arguments go astray on darwin/arm64.
static ic_logger ic_log = (ic_logger)printf;

static void ic_log_kind(const char *kind) { ic_log("kind %s\n", kind); }
*/
import "C"

import "unsafe"

// IsRemoteKind reports whether a tile kind byte marks a tile from a remote
// cache.
func IsRemoteKind(kind byte) bool {
	return C.ic_kind_is_remote(C.char(kind)) != 0
}

// kindInfo is the C view of a kind's statistics.
type kindInfo struct{ c C.struct_ic_kind_info }

// remote uses the C accessor: cgo leaves the bit-field out of the Go struct.
func (k *kindInfo) remote() bool { return C.ic_kind_info_remote(&k.c) != 0 }

// hits is an ordinary field, which Go reads directly.
func (k *kindInfo) hits() int { return int(k.c.hits) }

// logKind writes a kind to standard output through the C logger.
func logKind(kind string) {
	ck := C.CString(kind)
	defer C.free(unsafe.Pointer(ck))
	C.ic_log_kind(ck)
}
