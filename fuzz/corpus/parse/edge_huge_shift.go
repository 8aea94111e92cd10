package p

const a = 1 << 1000000
const b = a * a
const c = 1 << 100000000
const d = 1.0 << 500
const e = 1e1000000000
const f = 0x1p1000000000
var x = a >> 999990
const g = -1 << 62 << 62
