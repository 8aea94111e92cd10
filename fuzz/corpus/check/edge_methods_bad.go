package p

func (x int) m() {}
func (x *[]int) m() {}
func (T) m() {}
func (*T[int]) n() {}
type T[P any] int
func (T[P, Q]) o() {}
func (t T[_]) p() {}
func (a, b T[int]) q() {}
func () r() {}
