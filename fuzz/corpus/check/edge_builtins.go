package p

var a = len()
var b = cap(1, 2)
var c = make(map[int]int, -1)
var d = new()
var e = append()
var f = copy(1)
var g = min()
var h = max(1, "a")
var i = complex(1)
var j = real("x")
func k() { clear(1); panic(); print(nil); close(1); delete(map[int]int{}); recover(1) }
var l = min(1, 2.5, 'a')
