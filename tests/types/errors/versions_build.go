// errorcheck -lang=go1.22

//go:build go1.21

// A //go:build goN line lowers the file's version (to go1.21 at the least); gc says so.

package p

func _() {
	for range 10 { // ERROR "cannot range over 10 \(untyped int constant\): requires go1.22 or later \(file declares //go:build go1.21\)"
	}
}
