// errorcheck -0 -m=2

// Why a function cannot be inlined (inline/inl.go InlineImpossible and hairyVisitor), as -m=2
// prints it at the function's name; the first reason in the body's pre-order wins.

package p

//go:noinline
func noinline() {} // ERROR "cannot inline noinline: marked go:noinline"

//go:uintptrescapes
func uesc(p uintptr) {} // ERROR "cannot inline uesc: marked as having a keep-alive uintptr argument" "marking p as escaping uintptr"

// No body: implemented elsewhere.
func body() // ERROR "cannot inline body: no function body"

func rec() any { return recover() } // ERROR "cannot inline rec: call to recover"

func gostmt(x int) { // ERROR "cannot inline gostmt: unhandled op GO"
	go println(x) // ERROR "can inline gostmt\.gowrap1 with cost 2 as: func\(\) \{ println\(\.autotmp_1\) \}" "func literal escapes to heap in gostmt:" "flow: \{heap\} ← &\{storage for func literal\}:" "from func literal \(spill\) at .*reasons\.go:20:2" "gostmt capturing by value: \.autotmp_1 \(addr=false assign=false width=8\)"
}

func deferstmt() { // ERROR "cannot inline deferstmt: unhandled op DEFER"
	defer println() // ERROR "can inline deferstmt\.deferwrap1 with cost 1 as: func\(\) \{ println\(\) \}"
}

// recover comes before the defer in pre-order.
func both() { // ERROR "cannot inline both: call to recover"
	_ = recover()
	defer println() // ERROR "can inline both\.deferwrap1 with cost 1 as: func\(\) \{ println\(\) \}"
}

func opaque() int { return 0 } // ERROR "can inline opaque with cost 2 as: func\(\) int \{ return 0 \}"

// At -m=2 the cost is counted to the end.
func complex() int { // ERROR "cannot inline complex: function too complex: cost 180 exceeds budget 80"
	return noinlineint() + noinlineint() + noinlineint()
}

//go:noinline
func noinlineint() int { return 0 } // ERROR "cannot inline noinlineint: marked go:noinline"
