// errorcheck -0 -m

// Inlining before escape analysis (inline/inl.go mkinlcall, noder/reader.go unifiedInlineCall):
// the inlined body's allocations are decided in the caller, reported at the call, and a func
// literal whose every call was inlined is dropped (deadlocals) without a verdict.

package p

import (
	"errors"
	"strings"
)

var sink interface{}

type T struct{ p *int }

func newT(p *int) *T { return &T{p: p} } // ERROR "can inline newT" "leaking param: p" "&T\{\.\.\.\} escapes to heap"

func (t T) get() *int { return t.p } // ERROR "can inline T\.get" "leaking param: t to result ~r0 level=0"

// newT's &T{...} is allocated in the caller, where it does not escape.
func local() int { // ERROR "can inline local"
	x := 1
	t := newT(&x) // ERROR "inlining call to newT" "&T\{\.\.\.\} does not escape"
	return *t.get() // ERROR "inlining call to T\.get"
}

// The same call with its result stored: the allocation escapes in this caller only.
func stored() { // ERROR "can inline stored"
	y := 2 // ERROR "moved to heap: y"
	sink = newT(&y) // ERROR "inlining call to newT" "&T\{\.\.\.\} escapes to heap"
}

// A func literal called through a variable is inlined and then gone.
func closureCall() int { // ERROR "can inline closureCall"
	f := func(a int) int { return a + 1 } // ERROR "can inline closureCall\.func1"
	return f(2) // ERROR "inlining call to closureCall\.func1"
}

type I interface{ M() int }
type V struct{ n int }

func (v V) M() int { return v.n } // ERROR "can inline V\.M"

// Devirtualized first, then inlined.
func devirt() int { // ERROR "can inline devirt"
	var i I = V{3} // ERROR "V\{\.\.\.\} does not escape"
	return i.M() // ERROR "devirtualizing i\.M to V" "inlining call to V\.M"
}

// A recursive function is inlined once into its caller, not into itself.
func fact(n int) int { // ERROR "can inline fact"
	if n <= 1 {
		return 1
	}
	return n * fact(n-1) // ERROR "inlining call to fact"
}

func useFact() int { return fact(5) } // ERROR "can inline useFact" "inlining call to fact"

// Other packages' bodies are pasted too.
func imported(s string) (error, bool) { // ERROR "can inline imported" "s does not escape"
	return errors.New("boom"), strings.HasPrefix(s, "a") // ERROR "inlining call to errors\.New" "inlining call to strings\.HasPrefix" "inlining call to stringslite\.HasPrefix" "&errors\.errorString\{\.\.\.\} escapes to heap"
}

// A package-level initializer made static by inlining (staticinit.staticAssignInlinedCall):
// the errorString is static data, so there is no allocation to report.
var errStatic = errors.New("static") // ERROR "inlining call to errors\.New"

// A variable argument becomes a store into the static data: still no allocation.
var dynamicText = strings.Repeat("x", 2)
var errDynamic = errors.New(dynamicText) // ERROR "inlining call to errors\.New"
