// errorcheck -0 -m -l

// walk's "index bounds check elided": an index of an array or of a constant string whose
// non-constant index cannot exceed the length (walk.bounded). Inside append's arguments the
// index is first copied into a temporary (walkExprListSafe), so only its type bounds it.

package p

const hex = "0123456789abcdef"

var (
	tab  [16]byte
	big  [256]int
	sink []int
	b    byte
)

func f(c byte, d uint16, i int) byte {
	x := hex[c&0xF]                                 // ERROR "index bounds check elided"
	y := tab[c>>4]                                  // ERROR "index bounds check elided"
	z := tab[d%16]                                  // ERROR "index bounds check elided"
	w := tab[i&7]                                   // ERROR "index bounds check elided"
	v := tab[d/4096]                                // ERROR "index bounds check elided"
	u := tab[i%16]                                  // signed: not bounded
	t := tab[3]                                     // constant index: no remark
	return x + y + z + w + v + u + t + byte(big[c]) // ERROR "index bounds check elided"
}

func g(c byte, d uint16) {
	sink = append(sink, big[c], big[c>>1], big[d>>8], big[d&0xff]) // ERROR "append escapes to heap" "index bounds check elided"
	b = hex[c>>4]                                                  // ERROR "index bounds check elided"
}
