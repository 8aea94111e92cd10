package lib_test

import (
	"testing"

	"example.com/lib"
	"example.com/lib/user"
)

// user.Make's lib.T must be the lib.T of the test variant of lib.
var t lib.T = user.Make()

func TestName(tt *testing.T) {
	if lib.Exported() != "lib!" {
		tt.Fatal(t)
	}
}
