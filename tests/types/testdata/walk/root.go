package walk

import "example.com/walk/a"

var X = a.A
