package p

type T[P *Q, Q any] int
type U[P *int,] int
type V[P] int
type W[P any, P any] int
func F[](){}
func G[P ~int | ~string, Q interface{ ~[]P }](p P, q Q) {}
var _ = G[int]
var _ = G[float64, []float64]
var _ T[int, int, int]
type X[P interface{ m() } | int] int
