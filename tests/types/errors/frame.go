// errorcheck

// A function whose arguments do not fit in a stack frame (gc's back end, which runs only when
// nothing else was reported).

package p

type large struct{ b [1500000000]byte }

func G(x large) int { // ERROR "stack frame too large \(>1GB\): 0 MB locals \+ 1430 MB args"
	return 5
}

func H() (x large, i int) { // ERROR "stack frame too large"
	return
}
