package p

type T[P any] struct{ f *T[T[P]] }
var _ T[int]

type U[P any] []U[[]P]
var _ U[int]

func F[P any](x P) { F[[]P](nil) }
func G[P any]() { G[*P]() }
var _ = F[int]

type I[P I[P]] interface{ m() P }
type C[P interface{ ~[]Q }, Q interface{ ~[]P }] struct{}
