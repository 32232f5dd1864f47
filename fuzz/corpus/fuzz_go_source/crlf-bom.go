package p

// #include <stdio.h>
/* int
 x; *//* y */
//z
import "C"

func F() { C.puts(nil) }
