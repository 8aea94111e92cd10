package p

type A interface{ a() interface{ AB } }
type B interface{ b() interface{ AB } }
type AB interface {
	a() interface{ A; B }
	b() interface{ A; B }
}

var x AB
var y interface{ A; B }
var _ = x == y
