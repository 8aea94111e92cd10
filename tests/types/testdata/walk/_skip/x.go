package x

var _ int = "must be skipped"
