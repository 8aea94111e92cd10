package provecorpus

import (
	"fmt"
	"io"
	"strconv"
	"testing"
)

var (
	sinkAny   any
	sinkBytes []byte
	sinkStr   string
	sinkInts  []int
	sinkPair  *Pair
	sinkInt   int
	sinkErr   error
	sinkFn    func() int
	sinkPairs []*Pair
	sinkBig   *[4096]byte
)

func BenchmarkNewPair(b *testing.B) {
	for b.Loop() {
		sinkPair = NewPair(1, 2)
	}
}

func BenchmarkMakeBuf64(b *testing.B) {
	for b.Loop() {
		sinkBytes = MakeBuf(64)
	}
}

func BenchmarkMakeBuf100(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sinkBytes = MakeBuf(100)
	}
}

func BenchmarkLocalBufSmall(b *testing.B) {
	for b.Loop() {
		sinkInt = LocalBuf(16)
	}
}

func BenchmarkLocalBufLarge(b *testing.B) {
	for b.Loop() {
		sinkInt = LocalBuf(200)
	}
}

func BenchmarkConcat(b *testing.B) {
	for b.Loop() {
		sinkStr = Concat("hello, ", "world")
	}
}

func BenchmarkAppendN(b *testing.B) {
	for b.Loop() {
		sinkInts = AppendN(10)
	}
}

func BenchmarkAppendLocal(b *testing.B) {
	for b.Loop() {
		sinkInt = AppendLocal(3)
	}
}

func BenchmarkAppendLocalGrow(b *testing.B) {
	for b.Loop() {
		sinkInt = AppendLocal(9)
	}
}

func BenchmarkBoxSmall(b *testing.B) {
	for b.Loop() {
		sinkAny = 7
	}
}

func BenchmarkBoxCall(b *testing.B) {
	n := 1000
	for b.Loop() {
		sinkInt++
		Boxed(n)
	}
}

func BenchmarkBoxString(b *testing.B) {
	s := "abc"
	for b.Loop() {
		sinkAny = s
	}
}

func BenchmarkBoxPair(b *testing.B) {
	p := Pair{A: 1}
	for b.Loop() {
		sinkAny = p
	}
}

func BenchmarkItoaSmall(b *testing.B) {
	for b.Loop() {
		sinkStr = Itoa(42)
	}
}

func BenchmarkItoaBig(b *testing.B) {
	for b.Loop() {
		sinkStr = Itoa(123456)
	}
}

func BenchmarkFail(b *testing.B) {
	for b.Loop() {
		sinkErr = Fail(false)
	}
}

func BenchmarkToBytes(b *testing.B) {
	for b.Loop() {
		sinkBytes = ToBytes("some bytes here")
	}
}

func BenchmarkToBytesLocal(b *testing.B) {
	for b.Loop() {
		sinkInt = ToBytesLocal("some bytes here")
	}
}

func BenchmarkCounter(b *testing.B) {
	var c Counter
	for b.Loop() {
		c.Inc()
	}
	sinkInt = c.n
}

func BenchmarkClosures(b *testing.B) {
	for b.Loop() {
		sinkFn = Closures(3)
	}
}

func BenchmarkSliceOfPtrs(b *testing.B) {
	for b.Loop() {
		sinkPairs = SliceOfPtrs(3)
	}
}

func BenchmarkTotalArea(b *testing.B) {
	shapes := []Shape{Sq{1}, Sq{2}, Sq{3}}
	for b.Loop() {
		sinkInt = TotalArea(shapes)
	}
}

func BenchmarkBig(b *testing.B) {
	for b.Loop() {
		sinkBig = Big()
	}
}

func BenchmarkLarge(b *testing.B) {
	for b.Loop() {
		sinkBytes = Large()
	}
}

func BenchmarkFprintf(b *testing.B) {
	for b.Loop() {
		fmt.Fprintf(io.Discard, "%d", 12345)
	}
}

func BenchmarkSprint(b *testing.B) {
	for b.Loop() {
		sinkStr = fmt.Sprint(12345)
	}
}

func BenchmarkStrconvAppend(b *testing.B) {
	buf := make([]byte, 0, 64)
	for b.Loop() {
		buf = strconv.AppendInt(buf[:0], 12345, 10)
	}
	sinkBytes = buf
}

func BenchmarkUpper(b *testing.B) {
	for b.Loop() {
		sinkStr = Upper("hello")
	}
}

func BenchmarkNLoop(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sinkPair = &Pair{A: i}
	}
}

func BenchmarkRangeN(b *testing.B) {
	for range b.N {
		sinkPair = NewPair(3, 4)
	}
}

func BenchmarkAppendShortReturn(b *testing.B) {
	for b.Loop() {
		sinkInts = AppendN(3)
	}
}

func BenchmarkAppendCap(b *testing.B) {
	for b.Loop() {
		sinkInts = AppendCap(3)
	}
}

func BenchmarkAppendCapGrow(b *testing.B) {
	for b.Loop() {
		sinkInts = AppendCap(7)
	}
}

func BenchmarkJoin(b *testing.B) {
	parts := []string{"a", "bb", "ccc"}
	for b.Loop() {
		sinkStr = Join(parts)
	}
}

var sinkNode *Node

func BenchmarkList(b *testing.B) {
	for b.Loop() {
		sinkNode = List(5)
	}
}

func BenchmarkSum3(b *testing.B) {
	for b.Loop() {
		sinkInt = Sum3(1, 2, 3)
	}
}

var sinkWords []string

func BenchmarkWords(b *testing.B) {
	for b.Loop() {
		sinkWords = Words("a b c")
	}
}
