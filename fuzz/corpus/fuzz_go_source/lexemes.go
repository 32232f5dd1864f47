package p
//line foo.go:10:3
var x = 0x1p-2i + .5 + 1_000 + 0o17 + 0b1 + 'a' + '\n' + "s\"\u00e9" + `raw
string`
var y = a &^= b <<= 2 ... <- ~x
