//go:build ignore

package selection

var _ int = "not built"
