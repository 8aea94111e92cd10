// errorcheck -0 -m -l

// The variable of a type switch clause sits where noder.typeExprEndPos puts it: at the start of
// the last type's innermost element name, or at the `struct`/`func` keyword of a type literal
// with nothing to descend into (the struct clause reports on its first line, not at `}`; the
// interface one at its last method's `(`).

package p

var sink interface{}

func f(v interface{}) { // ERROR "leaking param: v$"
	switch x := v.(type) {
	case struct { // ERROR "moved to heap: x$"
		a int
	}:
		sink = &x
	case func(
		int,
	) *int: // ERROR "moved to heap: x$"
		sink = &x
	case interface {
		M() // ERROR "moved to heap: x$"
	}:
		sink = &x
	case map[string]*[]byte: // ERROR "moved to heap: x$"
		sink = &x
	case string, []int: // ERROR "moved to heap: x$"
		sink = &x
	}
}
