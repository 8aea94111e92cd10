// errorcheck

// Copyright 2026 The escapist Authors.

// Misplaced branch statements, bad labels and directives not on a line of their own: gc reports
// them while parsing, so escapist must too.

package p

func f1() {
	break // ERROR "break is not in a loop, switch, or select"
}

func f2() {
L: // ERROR "label L defined and not used"
	for {
	}
}

func f3() {
	goto M // ERROR "label M not defined"
}

func f4(x int) {
	goto L // ERROR "goto L jumps over declaration of y at"
	y := x
L:
	_ = y
}

func f5(x int) {
	switch x {
	case 1:
		fallthrough // ERROR "cannot fallthrough final case in switch"
	}
}

func f6() {
	for {
		continue Q // ERROR "continue label not defined: Q"
	}
}

func f7() {
	_ = 1 //go:nosplit // ERROR "misplaced compiler directive"
}
