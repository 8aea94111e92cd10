// errorcheck -0 -m -l

// Range-over-func loops are lowered as gc's rangefunc rewrite does: the loop body becomes a
// closure (reported at `for`) that the iterator calls, the `:=` range variables are its
// parameters (`=` ones are assigned from parameters #p1, #p2), and the #stateN variable it
// assigns, like every variable the body assigns, is captured by reference: moved to heap when
// the iterator lets the closure escape.
//
// Exits through #next (return, labeled break/continue, goto) are tested with iterators that keep
// the closure on the stack: when #next moves to the heap gc reports it without a position, which
// no annotation can match.

package p

import "iter"

var sink any

func seq(yield func(*int) bool) { // ERROR "yield does not escape$"
	x := 0 // ERROR "moved to heap: x$"
	yield(&x)
}

func seq2(yield func(int, *int) bool) { // ERROR "yield does not escape$"
	yield(0, nil)
}

func sum(s iter.Seq[int]) int { // ERROR "s does not escape$"
	t := 0 // ERROR "moved to heap: t$"
	for x := range s { // ERROR "func literal escapes to heap$" "moved to heap: #state1$"
		t += x
	}
	return t
}

func keep(s iter.Seq[*int]) { // ERROR "s does not escape$"
	for x := range s { // ERROR "func literal escapes to heap$" "moved to heap: #state1$" "leaking param: x$"
		sink = x
	}
	for x := range s { // ERROR "func literal escapes to heap$" "moved to heap: #state2$" "x does not escape$"
		_ = *x
	}
}

func assign() {
	var k int
	var v *int
	for k, v = range seq2 { // ERROR "func literal does not escape$" "leaking param: #p2$"
		sink = v
	}
	_ = k
}

func first() *int {
	for x := range seq { // ERROR "func literal does not escape$" "leaking param: x$"
		return x
	}
	return nil
}

// The results are renamed #rv1, #rv2 so the body can assign them.
func result(p *int) (*int, bool) { // ERROR "leaking param: p to result #rv1 level=0$"
	for range seq { // ERROR "func literal does not escape$" "#p1 does not escape$"
		return p, true
	}
	return nil, false
}

func labeled() int {
	n := 0
outer:
	for x := range seq { // ERROR "func literal does not escape$" "x does not escape$"
		for y := range seq { // ERROR "func literal does not escape$" "y does not escape$"
			if x == y {
				continue outer
			}
			if *y > 0 {
				break outer
			}
			switch {
			case *y < 0:
				break
			}
			n++
		}
	}
	return n
}

func jumps() {
loop:
	for i := 0; i < 3; i++ {
		for x := range seq { // ERROR "func literal does not escape$" "x does not escape$"
			if *x == i {
				continue loop
			}
			if *x > 0 {
				goto done
			}
		}
	}
done:
}

// A defer in the body runs when deferred returns: its closure is heap allocated.
func deferred() {
	for x := range seq { // ERROR "func literal does not escape$" "leaking param: x$"
		defer func() { sink = x }() // ERROR "func literal escapes to heap$"
	}
}

// A generic function's loop, in its shaped instance.
func collect[E any](s iter.Seq[E]) []E {
	var out []E // ERROR "moved to heap: out$"
	for v := range s { // ERROR "func literal escapes to heap$" "moved to heap: #state1$"
		out = append(out, v) // ERROR "append escapes to heap$"
	}
	return out
}

func ints(n int) iter.Seq[int] {
	return func(yield func(int) bool) { // ERROR "func literal escapes to heap$" "yield does not escape$"
		for i := range n {
			if !yield(i) {
				return
			}
		}
	}
}

func useCollect() []int {
	return collect(ints(3))
}
