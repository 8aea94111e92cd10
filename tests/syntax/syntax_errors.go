// errorcheck

// Copyright 2026 The escapist Authors.

// Syntax errors escapist must report exactly as gc does (text and line).

package p

func f1(a int, b) {} // ERROR "syntax error: missing parameter type"

func f2(x int) int {
	if x = 1 { // ERROR "syntax error: cannot use assignment x = 1 as value"
	}
	for i := 0; i < 10; j := 1 { // ERROR "syntax error: cannot declare in post statement of for loop"
	}
	return x
}

func f3(x []int) int {
	return x[1::3] // ERROR "middle index required in 3-index slice"
}

func f4() {
	defer (recover()) // ERROR "expression in defer must not be parenthesized"
}

type T interface {
	M[P any]() // ERROR "interface method must have no type parameters"
}

var _ = [3]int{1, 2 // ERROR "syntax error: unexpected newline in composite literal; possibly missing comma or }"
}
