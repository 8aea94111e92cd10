package onlytests

var _ int = "test only"
