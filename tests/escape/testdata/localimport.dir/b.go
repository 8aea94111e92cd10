package b

import "./a"

func F() *int {
	x := 1
	a.Keep(&x)
	y := 2
	return a.Id(&y)
}

func G() int {
	z := 3
	return *a.Id(&z)
}
