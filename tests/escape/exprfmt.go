// errorcheck -0 -m -l

// How -m prints expressions (ir/fmt.go exprFmt): an operand whose op is missing from gc's
// OpPrec table (precedence 0: OPTRLIT, OCLOSURE, OMAKEMAP, ORECOVER, OREAL, OADDSTR, ...) is
// parenthesized, and names of objects from other packages carry the package name.

package p

import (
	"os"
	"strings"
)

type t struct{ f, g int }

var sink interface{}

func prec(x, y string, c complex128) { // ERROR "x does not escape" "y does not escape"
	sink = (&t{f: 1}).g                // ERROR "\(&t{...}\).g escapes to heap" "&t{...} does not escape"
	sink = (func() int { return 1 })() // ERROR "func literal does not escape" "\(func literal\)\(\) escapes to heap"
	sink = make(map[string]int)[x]     // ERROR "\(make\(map\[string\]int\)\)\[x\] escapes to heap" "make\(map\[string\]int\) does not escape"
	sink = (x + y)[1:]                 // ERROR "\(x \+ y\)\[1:\] escapes to heap" "x \+ y escapes to heap"
	sink = real(c) * 2                 // ERROR "\(real\(c\)\) \* 2 escapes to heap"
}

func qual(s string) { // ERROR "leaking param: s"
	sink = strings.Repeat(s, 2) // ERROR "strings.Repeat\(s, 2\) escapes to heap"
	sink = os.Args              // ERROR "os.Args escapes to heap"
}
