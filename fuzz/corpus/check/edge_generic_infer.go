package p

func Map[S ~[]E, E, R any](s S, f func(E) R) []R { return nil }
var _ = Map([]int{1}, func(x int) string { return "" })
func Apply[T any, F ~func(T) T](f F, x T) T { return f(x) }
var _ = Apply(func(x int) int { return x }, 1)
func Rec[T any](x T) { Rec(&x) }
