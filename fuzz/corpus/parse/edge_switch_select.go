package p

func f(x any, c chan int) {
	switch x := x.(type) {
	case int, int:
	case nil, nil:
	default:
	default:
	}
	switch 1 { case 1, 1: case 1.0: }
	select { case <-c: case c <- 1: case x := <-c: _ = x; default: default: }
	for i := range 10 { _ = i }
	for range f {}
	for k, v := range "s" { _, _ = k, v }
}
