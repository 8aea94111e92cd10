// errorcheck

// unsafe.Sizeof and unsafe.Offsetof of types whose size does not fit in an int64.

package p

import "unsafe"

type E [1 << 30]complex128

var a [1 << 30]E
var _ = unsafe.Sizeof(a) // ERROR "a \(variable of type \[1073741824\]E\) is too large"

var s struct {
	_ [1 << 30]E
	x int
}
var _ = unsafe.Offsetof(s.x) // ERROR "is too large"
