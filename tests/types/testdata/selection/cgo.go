package selection

// #include <stdio.h>
import "C"

var _ int = "not built without cgo"
