// errorcheck -0 -race -d=checkptr -m=2

// Pragmas that only matter with some flags: go:norace with -race, go:nocheckptr (also implied
// by go:nosplit) with -d=checkptr.

package p

//go:norace
func norace() {} // ERROR "cannot inline norace: marked go:norace with -race compilation"

//go:nocheckptr
func nocheckptr() {} // ERROR "cannot inline nocheckptr: marked go:nocheckptr"

//go:nosplit
func nosplit() {} // ERROR "cannot inline nosplit: marked go:nocheckptr"

func plain() {} // ERROR "can inline plain with cost 0 as: func\(\) \{  \}"
