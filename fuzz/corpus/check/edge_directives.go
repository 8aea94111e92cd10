//go:build linux && (amd64 || !cgo

//line :0
//line foo.go:-1
/*line x.go:1:0*/ package p

//go:noinline
//go:linkname a b c
//go:embed
//go:nosplit
var x = 1

//go:noescape
func f()

//line x.go:99999999999
func g() {}
