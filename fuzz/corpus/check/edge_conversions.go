package p

type S []byte
var a = string(1 << 40)
var b = []rune("\xff")
var c = int8(300)
var d = uint(-1)
var e = float32(1 << 200)
var f = S("x")
var g = [4]byte(S{})
var h = (*[1 << 50]byte)(nil)
var i = complex64(1e100i)
var j = string(rune(-1))
