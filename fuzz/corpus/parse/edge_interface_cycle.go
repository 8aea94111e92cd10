package p

type I interface{ J; m() }
type J interface{ I }
type K interface{ ~int | K }
type L interface{ int | ~string | L; m() }
type M interface{ comparable; M }
