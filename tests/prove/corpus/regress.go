package provecorpus

// Patterns a stress corpus found mispredicted (each fixed, kept here as regressions).

var sinkQ *int

//go:noinline
func LeakLoopVar(n int) {
	for i := 0; i < n; i++ { // Go 1.22 per-iteration i: the first pass runs with tmp_first
		sinkQ = &i
	}
}

//go:noinline
func Tripled() (n int) {
	defer func() { n *= 3 }()
	return 100
}

//go:noinline
func ConcatLoop(n int) string {
	s := ""
	for i := 0; i < n; i++ {
		s += "x"
	}
	return s
}

//go:noinline
func TwoSlices(n int) ([]int, []int) {
	var a, c []int
	for i := 0; i < n; i++ {
		a = append(a, i)
		c = append(c, i)
	}
	return a, c
}
