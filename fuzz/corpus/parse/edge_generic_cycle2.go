package p

type A[P any] = B[P]
type B[P any] = A[P]
type List[T any] struct{ next *List[T]; v T }
type X[T any] interface{ X[T] }
type Y[T Y[T]] int
func H[T interface{ *T }]() {}
func K[T any, U []T | []U]() {}
type S[T S[T]] struct{}
var _ S[S[S[int]]]
