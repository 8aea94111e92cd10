package p

import "unsafe"

type T struct{ a int8; b [1 << 20]int64; c string }
const s = unsafe.Sizeof(T{})
const o = unsafe.Offsetof(T{}.c)
const a = unsafe.Alignof(T{}.b)
var p = unsafe.Pointer(uintptr(0))
var q = unsafe.Slice((*int)(nil), 1<<62)
var r = unsafe.String(nil, -1)
var t = unsafe.Add(p, 1<<63)
var u [unsafe.Sizeof([1 << 40][1 << 40]int{})]int
