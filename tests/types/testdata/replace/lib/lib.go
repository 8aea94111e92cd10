package lib

import "example.com/lib/sub"

// Name returns a name.
func Name() string { return "lib" + sub.Suffix }

// T is a type the external test sees through package user as well.
type T struct{ N int }
