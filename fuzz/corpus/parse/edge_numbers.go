package p

const (
	a = 0x_1p-2
	b = 0b102
	c = 0o78
	d = 1__0
	e = 0x.p1
	f = 1e+
	g = 0777_
	h = 09.5i
	i = 0xi
	j = 1_.5
)
