package p

const a = 1e300 * 1e300 * 1e300
const b = 1 / 3.0
const c = (1 + 2i) / (0 + 1e-300i)
const d = 1 / 0
const e = 1.0 / 0.0
const f = 10 % 0
const g = ^0 >> 1 << 63
const h = 1e-1000000000
var i int8 = 1 << 7
var j = float32(1e39)
var k = complex(1e400, 1)
