package sub

const Suffix = "!"

var Value = 42

// New returns a fresh copy of Value.
func New() *int {
	v := Value
	return &v
}
