package a

import "example.com/walk/a/b"

var A = b.B + 1
