// Package escapelab is the escape-analysis lab of Go Black Belt, chapter 1 ("Escape Analysis: The
// Compiler's Fragile Decision"): every function a micro-claim refers to, written out in full.
//
// Reproduce the chapter's evidence:
//
//	go build -gcflags='-m=2' .          # the compiler's decisions, with reasons
//	go test -bench=. -benchmem .        # the allocation benchmarks
//	escapist -m -l .                    # the same decisions, predicted without compiling
package escapelab

import (
	"fmt"
	"io"
)

// Point is a 16-byte value type.
type Point struct {
	X, Y int
}

// Experiment 1 — a pointer to a local escapes; the value does not.

//go:noinline
func NewPointPtr(x, y int) *Point {
	p := Point{x, y}
	return &p // p's address outlives this frame -> heap
}

//go:noinline
func NewPointVal(x, y int) Point {
	p := Point{x, y}
	return p // copied into the caller -> stack
}

// Experiment 2 — taking an address is not what allocates.

//go:noinline
func LocalAddr(x, y int) int {
	p := Point{x, y}
	q := &p          // address taken...
	return q.X + q.Y // ...but q never leaves the frame
}

// Experiment 3 — any always escapes, so the one-line surprise resolves.

//go:noinline
func SquareQuiet(n int) int {
	return n * n
}

//go:noinline
func SquareLogged(n int) int {
	x := n * n
	fmt.Fprint(io.Discard, x) // x is boxed into `any` -> escapes
	return x
}

// Experiment 4 — an escaping closure drags its captures to the heap.

//go:noinline
func MakeCounter() func() int {
	n := 0
	return func() int { // the closure escapes (it is returned)...
		n++
		return n // ...so n must outlive MakeCounter -> heap
	}
}

//go:noinline
func SumLocally(nums []int) int {
	total := 0
	add := func(v int) { total += v } // never leaves the frame
	for _, v := range nums {
		add(v)
	}
	return total
}

// Experiment 5 — the intraprocedural boundary, made visible.

type Transformer interface{ Transform(int) int }

type Doubler struct{}

func (Doubler) Transform(x int) int { return x * 2 }

//go:noinline
func UseConcrete(x int) int {
	d := Doubler{}
	return d.Transform(x) // concrete type known
}

//go:noinline
func UseInterface(t Transformer, x int) int {
	return t.Transform(x) // concrete type hidden
}

// Experiment 6 — assigning to a package-level variable escapes the value.

var Retained *Point

//go:noinline
func StashGlobal(x, y int) {
	p := Point{x, y}
	Retained = &p // lifetime now exceeds the function -> heap
}

// Drill 1 — a zero-allocation function.

//go:noinline
func Sum(nums []int) int {
	total := 0
	for _, v := range nums {
		total += v
	}
	return total
}

// Drill 2 — predict the -m output and allocs/op of each.

//go:noinline
func DrillA() *int { x := 1; return &x }

//go:noinline
func DrillB() int { x := 1; p := &x; return *p }

//go:noinline
func DrillC(w io.Writer) { fmt.Fprint(w, 1<<20) }
