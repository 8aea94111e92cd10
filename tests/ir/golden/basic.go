package p

type T struct{ a, b int }

func (t *T) Get() int { return t.a }

var sink any

func F(p *T, xs ...int) (r int, _ error) {
	x := 1
	for i, v := range xs {
		x += i + v
	}
	q := &T{a: x}
	sink = q.Get()
	defer func() { r = x }()
	if x > 0 {
		return p.a, nil
	}
	switch y := sink.(type) {
	case int:
		x = y
	case *T, nil:
		sink = y
	}
	return
}
