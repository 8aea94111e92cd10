// Package provecorpus holds allocation patterns for escapist prove's test: each Benchmark in
// corpus_test.go exercises one, and go test -benchmem is the oracle.
package provecorpus

import (
	"errors"
	"strconv"
	"strings"
)

type Pair struct {
	A, B int
	Name string
}

//go:noinline
func NewPair(a, b int) *Pair { return &Pair{A: a, B: b} }

//go:noinline
func MakeBuf(n int) []byte { return make([]byte, n) }

//go:noinline
func LocalBuf(n int) int {
	b := make([]byte, n)
	return len(b) + int(b[0])
}

//go:noinline
func Concat(a, b string) string { return a + b }

//go:noinline
func AppendN(n int) []int {
	var s []int
	for i := 0; i < n; i++ {
		s = append(s, i)
	}
	return s
}

//go:noinline
func AppendLocal(n int) int {
	var s []int
	for i := 0; i < n; i++ {
		s = append(s, i)
	}
	return len(s)
}

//go:noinline
func Boxed(v any) bool { return v != nil }

//go:noinline
func Itoa(n int) string { return strconv.Itoa(n) }

var ErrX = errors.New("x")

//go:noinline
func Fail(ok bool) error {
	if ok {
		return nil
	}
	return ErrX
}

//go:noinline
func ToBytes(s string) []byte { return []byte(s) }

//go:noinline
func ToBytesLocal(s string) int {
	b := []byte(s)
	return len(b)
}

type Counter struct{ n int }

func (c *Counter) Inc() { c.n++ }

//go:noinline
func Closures(n int) func() int {
	x := n
	return func() int { return x }
}

//go:noinline
func Upper(s string) string { return strings.ToUpper(s) }

//go:noinline
func SliceOfPtrs(n int) []*Pair {
	out := make([]*Pair, 0, 4)
	for i := 0; i < n; i++ {
		out = append(out, &Pair{A: i})
	}
	return out
}

type Shape interface{ Area() int }
type Sq struct{ s int }

func (q Sq) Area() int { return q.s * q.s }

//go:noinline
func TotalArea(shapes []Shape) int {
	t := 0
	for _, s := range shapes {
		t += s.Area()
	}
	return t
}

//go:noinline
func Big() *[4096]byte { return new([4096]byte) }

//go:noinline
func Large() []byte { return make([]byte, 40000) }

//go:noinline
func AppendCap(n int) []int {
	var s []int
	for i := 0; i < n; i++ {
		s = append(s, i)
	}
	if cap(s) > 100 {
		return nil
	}
	return s
}

//go:noinline
func Join(parts []string) string {
	var b strings.Builder
	for _, p := range parts {
		b.WriteString(p)
	}
	return b.String()
}

type Node struct {
	Val  int
	Next *Node
}

//go:noinline
func List(n int) *Node {
	var head *Node
	for i := 0; i < n; i++ {
		head = &Node{Val: i, Next: head}
	}
	return head
}

//go:noinline
func Sum3(a, b, c int) int {
	xs := []int{a, b, c}
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}

//go:noinline
func Words(s string) []string { return strings.Fields(s) }
