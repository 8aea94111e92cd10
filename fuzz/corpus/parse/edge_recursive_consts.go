package p

const a = b
const b = a
var x = y
var y = x
func f() int { return g() }
func g() int { return len([f()]int{}) }
const c = len([c]int{})
var z = func() int { return z }()
