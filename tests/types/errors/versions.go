// errorcheck -lang=go1.12

// Language features newer than -lang are errors: "X requires go1.N or later", with gc's hint.

package p

import "unsafe"

var _ = 1_000 // ERROR "underscore in numeric literal requires go1.13 or later \(-lang was set to go1.12; check go.mod\)"
var _ = 0b101 // ERROR "binary literal requires go1.13 or later"
var _ = 0o17  // ERROR "0o/0O-style octal literal requires go1.13 or later"
var _ = 0x1p4 // ERROR "hexadecimal floating-point literal requires go1.13 or later"

type _ interface {
	int // ERROR "embedding non-interface type int requires go1.18 or later"
}

type I interface{ M() }

type _ interface {
	I
	I // ERROR "duplicate method M"
}

type G[T any] struct{} // ERROR "type parameter requires go1.18 or later" "predeclared any requires go1.18 or later"

func F[T any]() {} // ERROR "type parameter requires go1.18 or later" "predeclared any requires go1.18 or later"

func _(p unsafe.Pointer) {
	_ = unsafe.Add(p, 1) // ERROR "unsafe.Add requires go1.17 or later"
	for range 10 {       // ERROR "cannot range over 10 \(untyped int constant\): requires go1.22 or later"
	}
	_ = min(1, 2) // ERROR "built-in min requires go1.21 or later"
}

type inner struct{ x int }
type outer struct{ inner }

var _ = outer{x: 1} // ERROR "use of promoted field inner.x in struct literal of type outer requires go1.27 or later"
