// Package a leaks its parameter to a global; package b calls it through a local import.
package a

var Sink *int

func Keep(p *int) { Sink = p }

func Id(p *int) *int { return p }
