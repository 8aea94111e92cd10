// errorcheck -0 -m

// -m prints "can inline F" at the function's position: the name; for methods the receiver's
// `(`; for func literals `func`.

package p

type T struct{ x int }

func (t T) Get() int { return t.x } // ERROR "can inline T\.Get"

func (t *T) Set(x int) { t.x = x } // ERROR "can inline \(\*T\)\.Set" "t does not escape"

func outer(x int) func() int { // ERROR "can inline outer"
	return func() int { // ERROR "can inline outer\.func1" "func literal escapes to heap"
		return x
	}
}

//go:noinline
func never() {}
