// errorcheck -0 -m -l

// Shaped instantiation (noder Shapify, funcInst, methodExpr): a generic function or method is
// compiled once per shape of its type arguments, as F[go.shape.int], dupok (no parameter
// lines); messages of each instance print at the generic body's positions. Pointer arguments of
// basic-interface constraints share go.shape.*uint8; method calls on type parameters are calls
// of unknown functions (dictionary entries); new(T) prints its dynamic type node.

package p

import "fmt"

var sink any

type List[T any] struct {
	items []T
	next  *List[T]
}

func (l *List[T]) Push(v T) {
	l.items = append(l.items, v) // ERROR "append escapes to heap"
}

func (l *List[T]) Get(i int) T { return l.items[i] }

func Box[T any](v T) *T {
	p := new(T) // ERROR "new\(<node DYNAMICTYPE>\) escapes to heap"
	*p = v
	return p
}

func Leak[T any](v T) {
	sink = v // ERROR "v escapes to heap"
}

type Stringer interface{ String() string }

func Str[T Stringer](v T) string {
	return v.String()
}

type S struct{ x *int }

func (s S) String() string { return "" } // ERROR "s does not escape"

func Keys[K comparable, V any](m map[K]V) []K {
	r := make([]K, 0, len(m)) // ERROR "make\(\[\]go.shape.string, 0, len\(m\)\) escapes to heap"
	for k := range m {
		r = append(r, k) // ERROR "append escapes to heap"
	}
	return r
}

func Pr[T any](v T) {
	fmt.Println(v) // ERROR "... argument does not escape" "v escapes to heap"
}

func Clo[T any](v T) func() T {
	return func() T { return v } // ERROR "func literal escapes to heap"
}

func Size[T any](v T) uintptr {
	if false {
		panic("unreachable") // dropped as dead code: no message
	}
	return 0
}

func use() {
	var l List[int]
	l.Push(1)
	x := 5 // ERROR "moved to heap: x"
	_ = Box(&x)
	Leak(3)
	Leak("s")
	y := 7 // ERROR "moved to heap: y"
	Leak(&y)
	_ = Str(S{})
	_ = Keys(map[string]int{}) // ERROR "map\[string\]int{} does not escape"
	Pr(1.5)
	_ = Clo(2)
	var l2 List[*int]
	l2.Push(&y)
	f := Box[string]
	_ = f
	_ = Size(1)
}

type Sizer interface{ Size() int }

// A method of an interface-shaped type parameter is still called through the dictionary:
// gc warns, and the callee prints as the dictionary entry.
func Alloc[H Sizer](h func() H) []byte {
	return make([]byte, h().Size()) // ERROR "imprecise interface call" "make\(\[\]byte, \(func\(go.shape.interface { Size\(\) int }\) int\)\(&.dict\[0\]\)\(h\(\)\)\) escapes to heap"
}

func useAlloc(h func() Sizer) []byte { // ERROR "h does not escape"
	return Alloc(h)
}
