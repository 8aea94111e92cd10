// errorcheck

// Duplicate constant map keys and switch cases: strings and booleans keep their values when
// converted to the key type; gc checks cases only for integer, float and string values.

package p

var _ = map[string]int{"a": 1, "a": 2}          // ERROR "duplicate key \x22a\x22 in map literal"
var _ = map[bool]int{true: 1, true: 2}          // ERROR "duplicate key true in map literal"
var _ = map[interface{}]int{"a": 1, "a": 1}     // ERROR "duplicate key \x22a\x22 in map literal"
var _ = map[interface{}]int{"a": 1, string("b"): 1}

type S string

var _ = map[S]int{S("x"): 1, "x": 2} // ERROR "duplicate key \x22x\x22 in map literal"

func _(s string, b bool) {
	switch s {
	case "a":
	case "a": // ERROR "duplicate case \x22a\x22 \(constant of type string\) in expression switch"
	}
	switch b {
	case true:
	case true:
	}
}
