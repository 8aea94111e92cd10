package provecorpus

import (
	"bytes"
	"strings"
)

// Patterns a stress corpus found mispredicted (each fixed, kept here as regressions).

var sinkQ *int

//go:noinline
func LeakLoopVar(n int) {
	for i := 0; i < n; i++ { // Go 1.22 per-iteration i: the first pass runs with tmp_first
		sinkQ = &i
	}
}

//go:noinline
func Tripled() (n int) {
	defer func() { n *= 3 }()
	return 100
}

//go:noinline
func ConcatLoop(n int) string {
	s := ""
	for i := 0; i < n; i++ {
		s += "x"
	}
	return s
}

//go:noinline
func TwoSlices(n int) ([]int, []int) {
	var a, c []int
	for i := 0; i < n; i++ {
		a = append(a, i)
		c = append(c, i)
	}
	return a, c
}

// append(s, make([]T, n)...) is walk's extendSlice: one growslice, the make is never made
// (bytes.Buffer's growth and slices.Grow are written this way).
//
//go:noinline
func Extend(s []byte, n int) []byte {
	return append(s, make([]byte, n)...)
}

//go:noinline
func BufferGrowth(n int) int {
	var b bytes.Buffer
	for i := 0; i < n; i++ {
		b.WriteString("hello")
	}
	return b.Len()
}

// A literal with an interface field, converted to an interface: order makes the field's constant
// a read-only static first, so the literal is not static and runtime.convT copies it (24 B).
type Tagged struct {
	Tag any
	N   int
}

var sinkTagged any

//go:noinline
func BoxTagged() {
	sinkTagged = Tagged{Tag: 1, N: 2}
}

// ContainsWord calls strings.Contains, whose search is internal/bytealg's assembly
// (IndexString): no allocation.
func ContainsWord(s, w string) bool { return strings.Contains(s, w) }
