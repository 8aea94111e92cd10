// errorcheck -lang=go1.12

// Signed shift counts need go1.13; nil == nil is invalid (untyped nil has no type with nil).

package p

var s int
var _ = 1 << s // ERROR "invalid operation: signed shift count s \(variable of type int\) requires go1.13 or later"

func _() bool {
	return nil == nil // ERROR "invalid operation: nil == nil \(operator == not defined on untyped nil\)"
}
