package provecorpus

import (
	"slices"
	"testing"
)

func BenchmarkLeakLoopVar3(b *testing.B) {
	for b.Loop() {
		LeakLoopVar(3)
	}
}

func BenchmarkDeferResult(b *testing.B) {
	for b.Loop() {
		sinkBytes = make([]byte, Tripled())
	}
}

func BenchmarkConcatLoop(b *testing.B) {
	for b.Loop() {
		sinkStr = ConcatLoop(5)
	}
}

func BenchmarkTwoSlices(b *testing.B) {
	for b.Loop() {
		sinkInts, _ = TwoSlices(3)
	}
}

func BenchmarkStopTimer(b *testing.B) {
	for b.Loop() {
		b.StopTimer()
		sinkBytes = make([]byte, 1024)
		b.StartTimer()
		sinkBytes = make([]byte, 64)
	}
}

func BenchmarkExtendSlice(b *testing.B) {
	for b.Loop() {
		sinkBytes = Extend(nil, 100)
	}
}

func BenchmarkBufferGrowth(b *testing.B) {
	for b.Loop() {
		sinkInt = BufferGrowth(20)
	}
}

func BenchmarkSlicesGrow(b *testing.B) {
	for b.Loop() {
		sinkInts = slices.Grow(sinkInts[:0:0], 100)
	}
}

func BenchmarkBoxTagged(b *testing.B) {
	for b.Loop() {
		BoxTagged()
	}
}

func BenchmarkContainsAsm(b *testing.B) {
	for b.Loop() {
		ContainsWord("hello world", "wor")
	}
}
