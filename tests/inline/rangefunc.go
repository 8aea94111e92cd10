// errorcheck -0 -m

// A range-over-func loop costs what gc's rewritten code costs (ir/rangefunc.cpp): its calls of
// runtime.panicrangestate are cheap, and a defer in a loop body (which calls
// runtime.deferrangefunc) makes the function not inlinable. The body closures are costed too.

package p

import "iter"

func sum(s iter.Seq[int]) int { // ERROR "can inline sum$" "s does not escape$"
	t := 0 // ERROR "moved to heap: t$"
	for x := range s { // ERROR "can inline sum-range1$" "func literal escapes to heap$" "moved to heap: #state1$"
		t += x
	}
	return t
}

func nested(s iter.Seq[int]) { // ERROR "can inline nested$" "leaking param: s$"
	for x := range s { // ERROR "can inline nested-range1$" "func literal escapes to heap$" "moved to heap: #state1$"
		for y := range s { // ERROR "can inline nested-range1-range1$" "func literal escapes to heap$" "moved to heap: #state2$"
			println(x, y)
		}
	}
}

func deferred(s iter.Seq[int]) { // ERROR "s does not escape$"
	for x := range s { // ERROR "func literal escapes to heap$" "moved to heap: #state1$"
		defer func() { println(x) }() // ERROR "can inline deferred-range1.1$" "func literal escapes to heap$"
	}
}
