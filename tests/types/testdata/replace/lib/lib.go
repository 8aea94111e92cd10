package lib

import "example.com/lib/sub"

// Name returns a name.
func Name() string { return "lib" + sub.Suffix }
