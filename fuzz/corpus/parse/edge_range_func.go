package p

func seq(yield func(int) bool) {}
func seq2(yield func(int, string) bool) {}
func f() {
	for x := range seq { _ = x }
	for k, v := range seq2 { _, _ = k, v }
	for a, b, c := range seq2 {}
	for range func(func() bool) {} {}
	for x := range func(func(int, int, int) bool) {} {}
}
