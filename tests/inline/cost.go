// errorcheck -0 -m=2

// The inliner's cost model (inline/inl.go hairyVisitor): every node costs 1, with gc's
// exceptions. Each function isolates one rule; the costs in the annotations are gc's.

package p

type T struct {
	a, b int
	c    chan int
}

type I interface{ M() int }

// An ODCL holds its ONAME: `y := ...` is OAS + ODCL + 2 names.
func decl(x int) int { // ERROR "can inline decl with cost 9 as: func\(int\) int \{ y := x \+ 1; return y \}"
	y := x + 1
	return y
}

// `var x T` prints as `x = <nil>`.
func zero() int { // ERROR "can inline zero with cost 6 as: func\(\) int \{ x = <nil>; return x \}"
	var x int
	return x
}

// An interface call costs 57 extra.
var gi I

func calli() int { // ERROR "can inline calli with cost 63 as: func\(\) int \{ return gi\.M\(\) \+ 1 \}"
	return gi.M() + 1
}

// A func literal costs 16; its body is not counted.
func lit() func() int { // ERROR "can inline lit with cost 17 as: func\(\) func\(\) int \{ return func literal \}"
	return func() int { return 2 } // ERROR "can inline lit\.func1 with cost 2 as: func\(\) int \{ return 2 \}" "func literal escapes to heap in lit:" "flow: ~r0 ← &\{storage for func literal\}:" "from func literal \(spill\) at .*cost\.go:36:9" "from return func literal \(return\) at .*cost\.go:36:2" "func literal escapes to heap"
}

// Calling a parameter costs 17 extra.
func callp(f func() int) int { // ERROR "can inline callp with cost 20 as: func\(func\(\) int\) int \{ return f\(\) \}" "f does not escape"
	return f()
}

//go:noinline
func opaque() int { return 0 } // ERROR "cannot inline opaque: marked go:noinline"

// A call of a function that cannot be inlined costs 57 extra.
func callo() int { // ERROR "can inline callo with cost 60 as: func\(\) int \{ return opaque\(\) \}"
	return opaque()
}

// &x.f of the field at offset 0 costs 1; of another field, 3.
func addr0(t *T) bool { return &t.a != nil } // ERROR "can inline addr0 with cost 4 as: func\(\*T\) bool \{ return &t\.a != nil \}" "t does not escape"
func addr8(t *T) bool { return &t.b != nil } // ERROR "can inline addr8 with cost 6 as: func\(\*T\) bool \{ return &t\.b != nil \}" "t does not escape"

// Superfluous slicing is cheap: s[0:len(s)] costs 1, s[0:] 2.
func reslice(s []int) int { return len(s[0:len(s)]) + len(s[0:]) + len(s[1:]) } // ERROR "can inline reslice with cost 13 as: func\(\[\]int\) int \{ return len\(s\[0:len\(s\)\]\) \+ len\(s\[0:\]\) \+ len\(s\[1:\]\) \}" "s does not escape"

// int <-> int64 is an OCONVNOP on amd64 (free); int32 -> int64 is an OCONV.
func conv(x int, y int32) int64 { return int64(x) + int64(y) } // ERROR "can inline conv with cost 5 as: func\(int, int32\) int64 \{ return int64\(x\) \+ int64\(y\) \}"

// panic costs one extra node, but not for the implicit conversion of its argument.
func pan(x int) { panic(x) } // ERROR "can inline pan with cost 3 as: func\(int\) \{ panic\(x\) \}" "x escapes to heap in pan:" "flow: \{heap\} ← &\{storage for x\}:" "from x \(spill\) at .*cost\.go:63:25" "from panic\(x\) \(call parameter\) at .*cost\.go:63:24" "x escapes to heap"

// Only the taken branch of an if with a constant condition counts.
const debug = false

func constif(x int) int { // ERROR "can inline constif with cost 2 as: func\(int\) int \{ return x \}"
	if debug {
		println(x, x, x, x, x, x, x, x, x, x, x, x, x)
	}
	return x
}

// Ranging over an array with at most one variable ranges over the constant len.
func rangearr(t *[8]int) int { // ERROR "can inline rangearr with cost 15 as: func\(\*\[8\]int\) int \{ n := 0; for loop; return n \}" "t does not escape"
	n := 0
	for i := range t {
		n += i
	}
	return n
}

// A blank range key is a blank ONAME.
func rangeval(s []int) int { // ERROR "can inline rangeval with cost 16 as: func\(\[\]int\) int \{ n := 0; for loop; return n \}" "s does not escape"
	n := 0
	for _, v := range s {
		n += v
	}
	return n
}

// make(map) and make(chan) carry a literal 0 length. (gc prints `(make(map[int]int)) != nil`:
// OMAKEMAP has no precedence in its table.)
func mk() bool { return make(map[int]int) != nil && make(chan int) != nil } // ERROR "can inline mk with cost 10 as: func\(\) bool" "make\(map\[int\]int\) does not escape"

// A select case `<-c` is `_, _ = <-c` (OSELRECV2); `v := <-c` is `v, _ = <-c`.
func sel(t *T) int { // ERROR "can inline sel with cost 21 as: func\(\*T\) int \{ select statement; return 0 \}" "t does not escape"
	select {
	case <-t.c:
	case v := <-t.c:
		return v
	}
	return 0
}

// A type switch's bound identifier and each clause's variable are nodes.
func tsw(v any) int { // ERROR "can inline tsw with cost 15 as: func\(any\) int \{ switch statement; return 0 \}" "v does not escape"
	switch y := v.(type) {
	case int:
		return y
	case string, nil:
		return 1
	}
	return 0
}

// Labels, loops, an empty body.
func lab(x int) int { // ERROR "can inline lab with cost 21 as: func\(int\) int \{ loop: ; for loop; return x \}"
loop:
	for i := 0; i < x; i++ {
		if i == 3 {
			break loop
		}
		goto loop
	}
	return x
}

func empty() {} // ERROR "can inline empty with cost 0 as: func\(\) \{  \}"

// Over budget: -m=2 reports the full cost.
func big(x int) int { // ERROR "cannot inline big: function too complex: cost 120 exceeds budget 80"
	return opaque() + opaque()
}
