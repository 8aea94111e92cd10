//go:build !linux || (amd64 && !unix)

package selection

var _ int = "not built"
