// +build windows

package selection

var _ int = "not built"
