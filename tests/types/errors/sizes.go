// errorcheck

// Errors gc reports from its type layout once type checking succeeded.

package p

var c chan [1 << 16]byte // ERROR "channel element type too large \(>64kB\)"

type T [1 << 17]byte

var d chan T // ERROR "channel element type too large \(>64kB\)"

func f() {
	ch := make(chan struct{ v [65536]byte }) // ERROR "channel element type too large \(>64kB\)"
	close(ch)
}

func _() { // gc compiles no function named _
	ch := make(chan struct{ v [65536]byte })
	close(ch)
}

type Big [1 << 31]byte

func F(m map[int]Big) { // ERROR "map element type too large"
	_ = m[0]
}

type V [1 << 50]byte // ERROR "type \[1125899906842624\]byte larger than address space"
