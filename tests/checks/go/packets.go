package packets

// The Go side of the cgo-*-go-facts.c fixtures: their Go-side facts point at
// the lines of this file, as a generated unit's would.

/*
#include "packets.h"
*/
import "C"

func Flags(p *C.struct_packet) uint {
	return uint(p.flags)
}

func Log(n int) {
	C.log_printf(C.CString("%d"), C.int(n))
}

func Scale(x float64) float64 {
	return float64(C.scale(C.double(x)))
}

func Length(p *C.struct_packet) int {
	return int(p.len)
}

func Raw() byte {
	return byte(C.make_packet().data[0])
}

func Version(h *C.struct_header) uint {
	return uint(h.version)
}
