package p

var a [1 << 62]byte
var b [1 << 40][1 << 40]int
type T [1<<62]struct{ x [1<<62]int }
var s = make([]int, 1<<62)
var c [-1]int
var d [1e3]int
var e [1.5]int
