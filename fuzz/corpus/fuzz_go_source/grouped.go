package p // pkg

import ( // paren
	"fmt"

	// #include <stdio.h>
	// #cgo pkg-config: png
	"C"
)

var global = C.init_lib()

func f[T any](x T) {
	switch v := any(x).(type) {
	case int:
		C.take(C.int(v))
	}
	for i := 0; i < 3; i++ {
		fmt.Println(C.GoString(C.name(C.int(i))))
	}
}
