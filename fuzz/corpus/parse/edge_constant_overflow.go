package p

const big = 1 << 10000
var a = big
var b int = big >> 9990
const c = big * big * big * big * big * big * big * big
const d = c * c * c * c
const e = d * d * d * d
const f = 1.0 * big / 3
const g = f * f * f * f
const h = g * g * g
