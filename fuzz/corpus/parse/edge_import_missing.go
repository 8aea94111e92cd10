package p

import (
	"fmt"
	x "nope/nope"
	. "strings"
	_ "unsafe"
	""
	"a b"
	"\x00"
)

var _ = fmt.Println
var _ = x.Y
var _ = ToUpper
