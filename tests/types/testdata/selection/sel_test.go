package selection

var _ int = "only with tests"
