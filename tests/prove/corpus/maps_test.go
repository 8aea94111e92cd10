package provecorpus

import "testing"

var mapWords = []string{"a", "b", "a", "c"}

func BenchmarkMapFill0(b *testing.B) {
	for b.Loop() {
		FillMap(0)
	}
}
func BenchmarkMapFill8(b *testing.B) {
	for b.Loop() {
		FillMap(8)
	}
}
func BenchmarkMapFill9(b *testing.B) {
	for b.Loop() {
		FillMap(9)
	}
}
func BenchmarkMapFill15(b *testing.B) {
	for b.Loop() {
		FillMap(15)
	}
}
func BenchmarkMapFill100(b *testing.B) {
	for b.Loop() {
		FillMap(100)
	}
}
func BenchmarkMapFill896(b *testing.B) {
	for b.Loop() {
		FillMap(896)
	}
}
func BenchmarkMapEscaping0(b *testing.B) {
	for b.Loop() {
		FillMapEscaping(0)
	}
}
func BenchmarkMapEscaping1(b *testing.B) {
	for b.Loop() {
		FillMapEscaping(1)
	}
}
func BenchmarkMapEscaping9(b *testing.B) {
	for b.Loop() {
		FillMapEscaping(9)
	}
}
func BenchmarkMapHint20(b *testing.B) {
	for b.Loop() {
		FillMapHint(20, 20)
	}
}
func BenchmarkMapHint5(b *testing.B) {
	for b.Loop() {
		FillMapHint(5, 5)
	}
}
func BenchmarkMapHint2000(b *testing.B) {
	for b.Loop() {
		FillMapHint(10, 2000)
	}
}
func BenchmarkMapBigValues(b *testing.B) {
	for b.Loop() {
		FillBigValues(3)
	}
}
func BenchmarkMapCountWords(b *testing.B) {
	for b.Loop() {
		sinkMap = CountWords(mapWords)
	}
}
func BenchmarkMapStructKeys(b *testing.B) {
	for b.Loop() {
		StructKeys(10)
	}
}
func BenchmarkMapDeleteInsert(b *testing.B) {
	for b.Loop() {
		DeleteThenInsert()
	}
}
func BenchmarkMapClearRefill(b *testing.B) {
	for b.Loop() {
		ClearAndRefill()
	}
}
func BenchmarkMapItoaKeys(b *testing.B) {
	for b.Loop() {
		ItoaKeys(20)
	}
}
func BenchmarkMapLookupGlobal(b *testing.B) {
	for b.Loop() {
		LookupGlobal("a")
	}
}
func BenchmarkMapRangeLiteral(b *testing.B) {
	for b.Loop() {
		RangeLiteral()
	}
}
func BenchmarkMapBoxedLiteral(b *testing.B) {
	for b.Loop() {
		sinkAnyMap = BoxedLiteral()
	}
}
func BenchmarkMapNested(b *testing.B) {
	for b.Loop() {
		NestedMaps()
	}
}
func BenchmarkMapOverwrite(b *testing.B) {
	for b.Loop() {
		OverwriteKeys()
	}
}
func BenchmarkMapFreshCache(b *testing.B) {
	for i := 0; i < b.N; i++ {
		c := newSliceCache()
		c.add("k", 1)
		c.add("j", 2)
	}
}

var letters = []string{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t"}
var sinkPairMap map[string]*pair

func BenchmarkMapPointerValues(b *testing.B) {
	for b.Loop() {
		sinkPairMap = PointerValues(letters)
	}
}
func BenchmarkMapSetThroughCall(b *testing.B) {
	for b.Loop() {
		SetThroughCall()
	}
}
func BenchmarkMapByteKeys(b *testing.B) {
	for b.Loop() {
		ByteKeys()
	}
}
func BenchmarkMapCopy(b *testing.B) {
	src := map[int]int{1: 1, 2: 2, 3: 3}
	for b.Loop() {
		CopyMap(src)
	}
}
func BenchmarkMapDeleteAll(b *testing.B) {
	for b.Loop() {
		DeleteAll()
	}
}
func BenchmarkMapBytesKey(b *testing.B) {
	bs := []byte("hello")
	for b.Loop() {
		BytesKey(bs)
	}
}
func BenchmarkMapLargeLiteral(b *testing.B) {
	for b.Loop() {
		LargeLiteral()
	}
}
func BenchmarkMapGlobalSameKeys(b *testing.B) {
	for i := 0; i < b.N; i++ {
		globalMap["x"]++
		globalMap["y"] = i
	}
}
