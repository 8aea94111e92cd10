package escapelab

import (
	"io"
	"testing"
)

var (
	sinkInt   int
	sinkPoint Point
	sinkPtr   *Point
	sinkFunc  func() int
)

func BenchmarkNewPointVal(b *testing.B) {
	for b.Loop() {
		sinkPoint = NewPointVal(1, 2)
	}
}

func BenchmarkNewPointPtr(b *testing.B) {
	for b.Loop() {
		sinkPtr = NewPointPtr(1, 2)
	}
}

func BenchmarkLocalAddr(b *testing.B) {
	for b.Loop() {
		sinkInt = LocalAddr(1, 2)
	}
}

func BenchmarkSquareQuiet(b *testing.B) {
	for b.Loop() {
		sinkInt = SquareQuiet(1 << 20)
	}
}

// 1 << 20, not 5: boxing 0..255 reuses runtime.staticuint64s and reads as 0 allocs/op.
func BenchmarkSquareLogged(b *testing.B) {
	for b.Loop() {
		sinkInt = SquareLogged(1 << 20)
	}
}

func BenchmarkClosureLocal(b *testing.B) {
	nums := []int{1, 2, 3, 4, 5, 6, 7, 8}
	for b.Loop() {
		sinkInt = SumLocally(nums)
	}
}

func BenchmarkClosureEscape(b *testing.B) {
	for b.Loop() {
		sinkFunc = MakeCounter()
	}
}

func BenchmarkUseConcrete(b *testing.B) {
	for b.Loop() {
		sinkInt = UseConcrete(21)
	}
}

func BenchmarkUseInterface(b *testing.B) {
	var t Transformer = Doubler{}
	for b.Loop() {
		sinkInt = UseInterface(t, 21)
	}
}

func BenchmarkStashGlobal(b *testing.B) {
	for b.Loop() {
		StashGlobal(1, 2)
	}
}

func BenchmarkSum(b *testing.B) {
	nums := []int{1, 2, 3, 4, 5, 6, 7, 8}
	for b.Loop() {
		sinkInt = Sum(nums)
	}
}

func BenchmarkDrillA(b *testing.B) {
	for b.Loop() {
		sinkInt = *DrillA()
	}
}

func BenchmarkDrillB(b *testing.B) {
	for b.Loop() {
		sinkInt = DrillB()
	}
}

func BenchmarkDrillC(b *testing.B) {
	for b.Loop() {
		DrillC(io.Discard)
	}
}
