package provecorpus

import (
	"strings"
	"testing"
)

func BenchmarkReverseRunes(b *testing.B) {
	for b.Loop() {
		sinkStr = ReverseRunes("hello, wörld")
	}
}

func BenchmarkReverseRunesLong(b *testing.B) {
	for b.Loop() {
		sinkStr = ReverseRunes("a string of more than thirty-two runes, ok")
	}
}

func BenchmarkRuneCount(b *testing.B) {
	s := strings.Repeat("é", 40)
	for b.Loop() {
		sinkInt = RuneCount(s)
	}
}

func BenchmarkKeyValue(b *testing.B) {
	for b.Loop() {
		sinkStr = KeyValue("colour=blue-green")
	}
}

func BenchmarkWrap(b *testing.B) {
	for b.Loop() {
		sinkErr = Wrap(404)
	}
}

func BenchmarkParseSum(b *testing.B) {
	for b.Loop() {
		sinkInt = ParseSum("12345") + ParseSum("12x")
	}
}

func BenchmarkSplitCount(b *testing.B) {
	for b.Loop() {
		sinkInt = SplitCount("a, b, c,d")
	}
}

func BenchmarkReplaceAll(b *testing.B) {
	for b.Loop() {
		sinkStr = strings.ReplaceAll("banana", "an", "AN")
	}
}

func BenchmarkPrice(b *testing.B) {
	for b.Loop() {
		sinkStr = Price(1234.5)
	}
}

func BenchmarkPriceZero(b *testing.B) {
	for b.Loop() {
		sinkStr = Price(0)
	}
}

func BenchmarkRatio(b *testing.B) {
	for b.Loop() {
		sinkStr = Ratio(2, 3)
	}
}

func BenchmarkScale(b *testing.B) {
	for b.Loop() {
		sinkStr = Scale("2.5e-3")
	}
}
