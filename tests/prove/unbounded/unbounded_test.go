// Package proveunbounded holds benchmarks whose allocs/op and B/op escapist cannot predict: state
// kept across iterations grows with b.N, or a map's growth depends on its hash seed. prove must
// say "unknown" for each (a number would be a mismatch: go test measures amortized figures).
package proveunbounded

import "testing"

type holder struct{ v []int }

// The slice is never reset: the amortized B/op depends on b.N.
func BenchmarkAppendForever(b *testing.B) {
	var s []int
	for i := 0; i < b.N; i++ {
		s = append(s, i)
	}
}

func BenchmarkAppendForeverField(b *testing.B) {
	x := &holder{}
	for i := 0; i < b.N; i++ {
		x.v = append(x.v, i)
	}
}

type cache struct{ m map[string][]int }

// A map value that grows by one element per iteration.
func BenchmarkMapValueGrows(b *testing.B) {
	c := &cache{m: make(map[string][]int)}
	for i := 0; i < b.N; i++ {
		c.m["k"] = append(c.m["k"], i)
	}
}

// Past 896 entries a table splits by hash bits, which depend on the map's seed.
func BenchmarkMapSplit(b *testing.B) {
	for b.Loop() {
		m := make(map[int]int)
		for i := 0; i < 897; i++ {
			m[i] = i
		}
	}
}
