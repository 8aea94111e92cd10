package p

var s = `a
b`
// c
func f() {
}
