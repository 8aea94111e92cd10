package p

type A struct{ B }
type B struct{ *A; C }
type C struct{ A }
func (A) m() {}
func (*B) m() {}
var _ = A{}.m
var _ = A{}.x
