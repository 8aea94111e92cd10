// errorcheck -complete

// gc's noder checks function directives against bodies once type checking succeeded; with
// -complete (no assembly in the package) a function without body is an error.

package p

import _ "unsafe"

func F() // ERROR "missing function body"

//go:noescape
func f() {} // ERROR "can only use //go:noescape with external func implementations"

//go:linkname g runtime.g
func g()
