// errorcheck -0 -d=escapedebug=1

// walk's dataWord (walk/convert.go) under -d=escapedebug=1: how the data word of each
// conversion of a concrete value to an interface is made without allocating. Constants and
// constant composite literals become read-only statics (.stmp_N, one counter per package shared
// with other static temporaries such as the backing arrays of large constant slice literals);
// all-zero literals use runtime.zeroVal; bools and bytes runtime.staticuint64s; zero-sized
// values runtime.zerobase; a conversion that does not escape a stack temporary. Allocating
// conversions (runtime.convT*) print nothing. Without -m, gc prints these lines sorted, those
// inside inlined calls last.

package p

import "errors"

var sink any

// staticinit makes package-level initializers linker data before any function is compiled, here
// after inlining errors.New: &errorString{...} takes .stmp_0.
var errStatic = errors.New("static")

type T struct{ a, b int64 }

type E struct{}

func constant() {
	sink = "abc" // ERROR "using global for interface value: .stmp_1$"
}

func staticValue() {
	v := 42
	sink = v // ERROR "using global for interface value: .stmp_2$"
}

func singleByte() {
	sink = true // ERROR "using global for single-byte interface value: .stmp_3$"
}

// A variable prints at its declaration.
func byteVar(b byte) { // ERROR "using global for single-byte interface value: b$"
	sink = b
}

func zeroValue() {
	sink = T{} // ERROR "using global for zero value interface value: \(T\)\(runtime.zeroVal@0\)$"
}

func zeroValueVar() {
	v := T{}
	sink = v // ERROR "using global for zero value interface value: \(T\)\(runtime.zeroVal@0\)$"
}

func composite() {
	v := T{1, 2}
	sink = v // ERROR "using global for interface value: .stmp_4$"
}

func zeroSized(e E) { // ERROR "using global for zero-sized interface value: e$"
	sink = e
	sink = E{} // ERROR "using global for zero-sized interface value: .stmp_5$"
}

// A slice literal with more than 256 bytes of constants has a static backing array, made by
// walk after order made the statics of the function's conversions: the conversion gets
// .stmp_6, the array .stmp_7 (so the next function's conversion gets .stmp_8).
func bigSlice() int {
	s := []int64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33}
	sink = "after" // ERROR "using global for interface value: .stmp_6$"
	return len(s)
}

//go:noinline
func show(a any) int {
	if _, ok := a.(int64); ok {
		return 1
	}
	return 0
}

func stack(x int64) int { // ERROR "using stack temporary for interface value: x$"
	return show(x)
}

func stackExpr(x int64) int {
	return show(x + 1) // ERROR "using stack temporary for interface value: x \+ int64\(1\)$"
}

// Heap copies by runtime.convT64 and convTstring: no line.
func allocates(x int64, s string) {
	sink = x
	sink = s
}

func put(v string) {
	sink = v
}

// Inlined: the conversion in put's body uses a static; gc prints it at the call, after every
// line outside inlined calls.
func viaInline() {
	s := "inlined"
	put(s) // ERROR "using global for interface value: .stmp_8$"
}

// A closure is walked after the function that contains it.
func withClosure() func() {
	n := 0
	f := func() {
		n++
		sink = 1.5 // ERROR "using global for interface value: .stmp_10$"
	}
	sink = "outer" // ERROR "using global for interface value: .stmp_9$"
	return f
}

type F5 struct{ a, b, c, d, e int }

// Other static temporaries: order's for a sent constant (.stmp_11), walk's for the constant part
// of a struct literal of more than 4 fields assigned to a variable (.stmp_13, after the
// conversion's .stmp_12).
func others(ch chan int, x int) int {
	ch <- 5
	v := F5{1, 2, 3, 4, x}
	sink = "y" // ERROR "using global for interface value: .stmp_12$"
	return v.a
}

func after() {
	sink = "z" // ERROR "using global for interface value: .stmp_14$"
}

// A switch whose cases return constants is served from a read-only lookup table (walk's
// tryLookupTable): .stmp_15, so the next conversion gets .stmp_16.
func table(x int) int {
	switch x {
	case 1:
		return 10
	case 2:
		return 20
	case 3:
		return 30
	case 4:
		return 40
	}
	return 0
}

func afterTable() {
	sink = "t" // ERROR "using global for interface value: .stmp_16$"
}

// A literal holding a conversion to interface is not static once order has moved the inner
// conversion's constant into a read-only static: the outer conversion is runtime.convT and
// prints nothing; an interface field left nil keeps the literal zero.
type withIface struct {
	x any
	n int
}

func literalWithIface() {
	sink = withIface{x: 1, n: 2} // ERROR "using global for interface value: .stmp_17$"
	sink = [2]any{"a", 2}        // ERROR "using global for interface value: .stmp_18$" "using global for interface value: .stmp_19$"
	sink = withIface{x: nil}     // ERROR "using global for zero value interface value: \(withIface\)\(runtime.zeroVal@0\)$"
}
