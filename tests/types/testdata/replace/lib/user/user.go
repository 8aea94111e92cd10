package user

import "example.com/lib"

// Make returns a lib.T.
func Make() lib.T { return lib.T{N: 1} }
