// errorcheck -0 -m=2

// The inliner's cost of calls (inline/inl.go hairyVisitor): a call of a function that can be
// inlined there costs the callee's own cost.

package p

type T struct {
	a, b int
}

// A method call costs its node and the callee's cost (when inlinable); OMETHEXPR is free.
func (t *T) get() int { return t.a } // ERROR "can inline \(\*T\)\.get with cost 3 as: method\(\*T\) func\(\) int \{ return t\.a \}" "t does not escape"

func callm(t *T) int { // ERROR "can inline callm with cost 6 as: func\(\*T\) int \{ return \(\*T\)\.get\(t\) \}" "t does not escape"
	return t.get() // ERROR "inlining call to \(\*T\)\.get"
}

// A func literal costs 16, its body is not counted; called directly, its cost is added.
func lit() int { // ERROR "can inline lit with cost 20 as: func\(\) int \{ return \(func literal\)\(\) \}"
	return func() int { return 2 }() // ERROR "can inline lit\.func1 with cost 2 as: func\(\) int \{ return 2 \}" "inlining call to lit\.func1"
}

// A literal called through a variable that is never reassigned is its static value.
func litvar(x int) int { // ERROR "can inline litvar with cost 27 as: func\(int\) int \{ f := func literal; return f\(\) \}"
	f := func() int { return x + 1 } // ERROR "can inline litvar\.func1 with cost 4 as: func\(\) int \{ return x \+ 1 \}"
	return f() // ERROR "inlining call to litvar\.func1"
}

// A multi-value assignment's temporaries are refunded (4 per value, plus 1).
func two() (int, int) { return 1, 2 } // ERROR "can inline two with cost 3 as: func\(\) \(int, int\) \{ return 1, 2 \}"
func pair() int { // ERROR "can inline pair with cost 16 as: func\(\) int \{ a, b := int\(\.autotmp_3\), \.autotmp_4; return a \+ b \}"
	a, b := two() // ERROR "inlining call to two"
	return a + b
}
