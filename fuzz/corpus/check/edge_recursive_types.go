package p

type A B
type B A
type C [len(C{})]int
type D struct{ d D }
type E interface{ E }
type F [1]F
type G *G
type H []H
type I func(I) I
type J = J
type K = [len(K{})]int
type L struct{ *L; M }
type M struct{ L }
type N map[N]N
type O chan O
