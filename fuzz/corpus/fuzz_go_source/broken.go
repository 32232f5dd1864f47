package p
import "C"
/* unterminated
func f() { C.g('ab', "x
