package provecorpus

// Maps (Go 1.27 Swiss tables, internal/runtime/maps): a map that does not escape has its header
// and first group on the stack; the 9th key makes a 16-slot table; a table doubles when 7/8 full.

import "strconv"

var sinkMap map[string]int
var sinkAnyMap map[string]any

// FillMap puts n int keys in a map that does not escape.
func FillMap(n int) int {
	m := make(map[int]int)
	for i := 0; i < n; i++ {
		m[i] = i
	}
	return len(m)
}

// FillMapEscaping puts n int keys in a map that escapes (runtime.makemap_small).
func FillMapEscaping(n int) {
	m := make(map[int]int)
	for i := 0; i < n; i++ {
		m[i] = i
	}
	sinkIntMap = m
}

var sinkIntMap map[int]int

// FillMapHint sizes the map up front (maps.NewMap with a hint over 8: one table).
func FillMapHint(n, hint int) int {
	m := make(map[int]int, hint)
	for i := 0; i < n; i++ {
		m[i] = i
	}
	return len(m)
}

type bigValue struct{ a [20]int64 }

// FillBigValues stores elements over 128 bytes, which a map keeps behind a pointer each.
func FillBigValues(n int) int {
	m := make(map[int]bigValue)
	for i := 0; i < n; i++ {
		m[i] = bigValue{}
	}
	return len(m)
}

// CountWords counts with m[w]++ into a map sized by a variable hint.
func CountWords(words []string) map[string]int {
	m := make(map[string]int, len(words))
	for _, w := range words {
		m[w]++
	}
	return m
}

type pairKey struct {
	A int
	B string
}

// StructKeys uses struct keys, from an empty map literal.
func StructKeys(n int) int {
	m := map[pairKey]bool{}
	for i := 0; i < n; i++ {
		m[pairKey{i, "x"}] = true
	}
	return len(m)
}

// DeleteThenInsert deletes from a full small map and inserts again: the group has room.
func DeleteThenInsert() int {
	m := make(map[int]int)
	for i := 0; i < 8; i++ {
		m[i] = i
	}
	delete(m, 3)
	m[100] = 1
	return len(m)
}

// ClearAndRefill clears a 20-entry map and fills it again: clear keeps the table.
func ClearAndRefill() int {
	m := make(map[int]int)
	for i := 0; i < 20; i++ {
		m[i] = i
	}
	clear(m)
	for i := 0; i < 20; i++ {
		m[i] = i
	}
	return len(m)
}

// ItoaKeys uses string keys made by strconv.Itoa.
func ItoaKeys(n int) int {
	m := make(map[string]int)
	for i := 0; i < n; i++ {
		m[strconv.Itoa(i)] = i
	}
	return len(m)
}

var globalMap = map[string]int{"a": 1, "b": 2}

// LookupGlobal reads a package-level map.
func LookupGlobal(k string) int { return globalMap[k] }

func sumValues(m map[int]int) int {
	s := 0
	for _, v := range m {
		s += v
	}
	return s
}

// RangeLiteral ranges over a small literal map.
func RangeLiteral() int { return sumValues(map[int]int{1: 1, 2: 2, 3: 3}) }

// BoxedLiteral is an escaping map literal of interface values.
func BoxedLiteral() map[string]any { return map[string]any{"a": 1, "b": "x", "c": 3.5} }

// NestedMaps makes a map of maps; the inner ones escape into the outer.
func NestedMaps() int {
	m := make(map[int]map[int]int)
	for i := 0; i < 3; i++ {
		m[i] = make(map[int]int)
		m[i][i] = i
	}
	return len(m)
}

// OverwriteKeys assigns an existing key again and reads with comma-ok.
func OverwriteKeys() int {
	m := make(map[string]string)
	m["a"] = "1"
	m["b"] = "2"
	m["a"] = "3"
	if v, ok := m["a"]; ok && v == "3" {
		m["c"] = "4"
	}
	return len(m)
}

type sliceCache struct{ m map[string][]int }

func newSliceCache() *sliceCache { return &sliceCache{m: make(map[string][]int)} }

func (c *sliceCache) add(k string, v int) { c.m[k] = append(c.m[k], v) }

type pair struct{ a, b int }

// PointerValues fills a map whose groups hold pointers (20 keys: two rehashes).
func PointerValues(keys []string) map[string]*pair {
	m := make(map[string]*pair)
	for _, k := range keys {
		m[k] = nil
	}
	return m
}

func addAll(m map[int]struct{}, n int) {
	for i := 0; i < n; i++ {
		m[i] = struct{}{}
	}
}

// SetThroughCall fills a set passed to another function.
func SetThroughCall() {
	m := map[int]struct{}{}
	addAll(m, 30)
}

// ByteKeys fills a map of one-byte keys and values.
func ByteKeys() {
	m := make(map[uint8]bool)
	for j := 0; j < 40; j++ {
		m[uint8(j)] = true
	}
}

// CopyMap ranges over a map into another of the same size.
func CopyMap(src map[int]int) int {
	dst := make(map[int]int, len(src))
	for k, v := range src {
		dst[k] = v
	}
	return len(dst)
}

// DeleteAll empties a map while ranging over it, then inserts again.
func DeleteAll() {
	m := map[int]int{1: 1, 2: 2}
	for k := range m {
		delete(m, k)
	}
	m[3] = 3
}

// BytesKey stores a key converted from []byte (a copy) and looks it up (no copy).
func BytesKey(bs []byte) int {
	m := map[string]int{}
	m[string(bs)] = 1
	return m[string(bs)]
}

var sinkLitMap map[int]string

// LargeLiteral is an escaping literal of 10 entries: makemap with a hint of 10.
func LargeLiteral() {
	sinkLitMap = map[int]string{1: "a", 2: "b", 3: "c", 4: "d", 5: "e", 6: "f", 7: "g", 8: "h", 9: "i", 10: "j"}
}
