// errorcheck -0 -m -l

// Package-level initializers are analyzed as the package's synthetic init function, after
// staticinit has made static whatever it can (pkginit.MakeTask, staticinit.StaticAssign):
// constants, addresses of globals, func literals that capture nothing, the backing stores of
// composite literals and interface conversions give no code and no remark; their non-static
// parts (calls, new, make, map literals, non-constant conversions) are stores into globals.

package p

import "strings"

type T struct {
	a, b *int
	s    []int
}

type V struct{ x int }

var g int

func f() *int { return nil }
func vi() V   { return V{} }

func use(x any) int { return 0 } // ERROR "x does not escape"

var (
	s1     = []int{1, 2, 3}
	s2     = []*int{&g, new(int), f()} // ERROR "new\(int\) escapes to heap"
	t1     = T{a: &g, s: []int{g}}
	t2     = &T{b: new(int), s: make([]int, 3)} // ERROR "new\(int\) escapes to heap" "make\(\[\]int, 3\) escapes to heap"
	m1     = map[string]*int{"a": &g}           // ERROR "map\[string\]\*int{...} escapes to heap"
	b1     = []byte("abc")
	b2     = []byte(strings.Repeat("a", 2)) // ERROR "\(\[\]byte\)\(strings.Repeat\(\x22a\x22, 2\)\) escapes to heap"
	e1 any = V{x: 1}
	e2 any = vi()
	e3 any = new(int)       // ERROR "new\(int\) escapes to heap"
	e4 any = T{a: new(int)} // ERROR "new\(int\) escapes to heap"
	p1     = &t1.s
	fn     = func(p *int) *int { return p } // ERROR "leaking param: p to result ~r0 level=0"
	_      = &T{}
	_      = func() *int { x := 1; return &x }() // ERROR "func literal does not escape" "moved to heap: x"
	ns     = []any{1, "b", new(int), V{}}        // ERROR "new\(int\) escapes to heap"
	u      = use(uint(0))                        // ERROR "uint\(0\) does not escape"
)
