package p

const (
	a = 1 << (iota * 1000)
	b
	c
	d
	e
	f
	g
	h = iota * iota
	i, j
	k
)
var x = iota
