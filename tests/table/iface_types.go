// Interface conversions of the types in the seed table (an old blog post's table of which
// runtime routine stores each type in an interface), for `escapist table`: each type is stored in
// `sink` as a constant zero value, a constant non-zero value and a run-time value (a parameter;
// the test calls it with a zero and a non-zero value). One conversion per function, none inlined,
// so each function's assembly shows gc's choice for exactly one row.
//
// Checked by run_table_test.py against `go tool compile -S` and `-d=escapedebug=1`.

package p

var sink any

//go:noinline
func intConstZero() {
	sink = int(0)
}

//go:noinline
func intConstNonZero() {
	sink = int(1000)
}

//go:noinline
func intRunTime(v int) {
	sink = v
}

//go:noinline
func int8ConstZero() {
	sink = int8(0)
}

//go:noinline
func int8ConstNonZero() {
	sink = int8(100)
}

//go:noinline
func int8RunTime(v int8) {
	sink = v
}

//go:noinline
func int16ConstZero() {
	sink = int16(0)
}

//go:noinline
func int16ConstNonZero() {
	sink = int16(1000)
}

//go:noinline
func int16RunTime(v int16) {
	sink = v
}

//go:noinline
func int32ConstZero() {
	sink = int32(0)
}

//go:noinline
func int32ConstNonZero() {
	sink = int32(1000)
}

//go:noinline
func int32RunTime(v int32) {
	sink = v
}

//go:noinline
func int64ConstZero() {
	sink = int64(0)
}

//go:noinline
func int64ConstNonZero() {
	sink = int64(1000)
}

//go:noinline
func int64RunTime(v int64) {
	sink = v
}

//go:noinline
func uintConstZero() {
	sink = uint(0)
}

//go:noinline
func uintConstNonZero() {
	sink = uint(1000)
}

//go:noinline
func uintRunTime(v uint) {
	sink = v
}

//go:noinline
func uint8ConstZero() {
	sink = uint8(0)
}

//go:noinline
func uint8ConstNonZero() {
	sink = uint8(100)
}

//go:noinline
func uint8RunTime(v uint8) {
	sink = v
}

//go:noinline
func uint16ConstZero() {
	sink = uint16(0)
}

//go:noinline
func uint16ConstNonZero() {
	sink = uint16(1000)
}

//go:noinline
func uint16RunTime(v uint16) {
	sink = v
}

//go:noinline
func uint32ConstZero() {
	sink = uint32(0)
}

//go:noinline
func uint32ConstNonZero() {
	sink = uint32(1000)
}

//go:noinline
func uint32RunTime(v uint32) {
	sink = v
}

//go:noinline
func uint64ConstZero() {
	sink = uint64(0)
}

//go:noinline
func uint64ConstNonZero() {
	sink = uint64(1000)
}

//go:noinline
func uint64RunTime(v uint64) {
	sink = v
}

//go:noinline
func float32ConstZero() {
	sink = float32(0)
}

//go:noinline
func float32ConstNonZero() {
	sink = float32(1.5)
}

//go:noinline
func float32RunTime(v float32) {
	sink = v
}

//go:noinline
func float64ConstZero() {
	sink = float64(0)
}

//go:noinline
func float64ConstNonZero() {
	sink = float64(1.5)
}

//go:noinline
func float64RunTime(v float64) {
	sink = v
}

//go:noinline
func complex64ConstZero() {
	sink = complex64(0)
}

//go:noinline
func complex64ConstNonZero() {
	sink = complex64(1 + 2i)
}

//go:noinline
func complex64RunTime(v complex64) {
	sink = v
}

//go:noinline
func complex128ConstZero() {
	sink = complex128(0)
}

//go:noinline
func complex128ConstNonZero() {
	sink = complex128(1 + 2i)
}

//go:noinline
func complex128RunTime(v complex128) {
	sink = v
}

//go:noinline
func byteConstZero() {
	sink = byte(0)
}

//go:noinline
func byteConstNonZero() {
	sink = byte(100)
}

//go:noinline
func byteRunTime(v byte) {
	sink = v
}

//go:noinline
func boolConstZero() {
	sink = bool(false)
}

//go:noinline
func boolConstNonZero() {
	sink = bool(true)
}

//go:noinline
func boolRunTime(v bool) {
	sink = v
}

//go:noinline
func runeConstZero() {
	sink = rune(0)
}

//go:noinline
func runeConstNonZero() {
	sink = rune(1000)
}

//go:noinline
func runeRunTime(v rune) {
	sink = v
}

//go:noinline
func stringConstZero() {
	sink = string("")
}

//go:noinline
func stringConstNonZero() {
	sink = string("hello")
}

//go:noinline
func stringRunTime(v string) {
	sink = v
}

//go:noinline
func structIntConstZero() {
	sink = struct{ a int }{0}
}

//go:noinline
func structIntConstNonZero() {
	sink = struct{ a int }{1000}
}

//go:noinline
func structIntRunTime(v struct{ a int }) {
	sink = v
}

//go:noinline
func structInt8ConstZero() {
	sink = struct{ a int8 }{0}
}

//go:noinline
func structInt8ConstNonZero() {
	sink = struct{ a int8 }{100}
}

//go:noinline
func structInt8RunTime(v struct{ a int8 }) {
	sink = v
}

//go:noinline
func structInt16ConstZero() {
	sink = struct{ a int16 }{0}
}

//go:noinline
func structInt16ConstNonZero() {
	sink = struct{ a int16 }{1000}
}

//go:noinline
func structInt16RunTime(v struct{ a int16 }) {
	sink = v
}

//go:noinline
func structInt32ConstZero() {
	sink = struct{ a int32 }{0}
}

//go:noinline
func structInt32ConstNonZero() {
	sink = struct{ a int32 }{1000}
}

//go:noinline
func structInt32RunTime(v struct{ a int32 }) {
	sink = v
}

//go:noinline
func structInt64ConstZero() {
	sink = struct{ a int64 }{0}
}

//go:noinline
func structInt64ConstNonZero() {
	sink = struct{ a int64 }{1000}
}

//go:noinline
func structInt64RunTime(v struct{ a int64 }) {
	sink = v
}

//go:noinline
func structUintConstZero() {
	sink = struct{ a uint }{0}
}

//go:noinline
func structUintConstNonZero() {
	sink = struct{ a uint }{1000}
}

//go:noinline
func structUintRunTime(v struct{ a uint }) {
	sink = v
}

//go:noinline
func structUint8ConstZero() {
	sink = struct{ a uint8 }{0}
}

//go:noinline
func structUint8ConstNonZero() {
	sink = struct{ a uint8 }{100}
}

//go:noinline
func structUint8RunTime(v struct{ a uint8 }) {
	sink = v
}

//go:noinline
func structUint16ConstZero() {
	sink = struct{ a uint16 }{0}
}

//go:noinline
func structUint16ConstNonZero() {
	sink = struct{ a uint16 }{1000}
}

//go:noinline
func structUint16RunTime(v struct{ a uint16 }) {
	sink = v
}

//go:noinline
func structUint32ConstZero() {
	sink = struct{ a uint32 }{0}
}

//go:noinline
func structUint32ConstNonZero() {
	sink = struct{ a uint32 }{1000}
}

//go:noinline
func structUint32RunTime(v struct{ a uint32 }) {
	sink = v
}

//go:noinline
func structUint64ConstZero() {
	sink = struct{ a uint64 }{0}
}

//go:noinline
func structUint64ConstNonZero() {
	sink = struct{ a uint64 }{1000}
}

//go:noinline
func structUint64RunTime(v struct{ a uint64 }) {
	sink = v
}

//go:noinline
func structFloat32ConstZero() {
	sink = struct{ a float32 }{0}
}

//go:noinline
func structFloat32ConstNonZero() {
	sink = struct{ a float32 }{1.5}
}

//go:noinline
func structFloat32RunTime(v struct{ a float32 }) {
	sink = v
}

//go:noinline
func structFloat64ConstZero() {
	sink = struct{ a float64 }{0}
}

//go:noinline
func structFloat64ConstNonZero() {
	sink = struct{ a float64 }{1.5}
}

//go:noinline
func structFloat64RunTime(v struct{ a float64 }) {
	sink = v
}

//go:noinline
func structComplex64ConstZero() {
	sink = struct{ a complex64 }{0}
}

//go:noinline
func structComplex64ConstNonZero() {
	sink = struct{ a complex64 }{1 + 2i}
}

//go:noinline
func structComplex64RunTime(v struct{ a complex64 }) {
	sink = v
}

//go:noinline
func structComplex128ConstZero() {
	sink = struct{ a complex128 }{0}
}

//go:noinline
func structComplex128ConstNonZero() {
	sink = struct{ a complex128 }{1 + 2i}
}

//go:noinline
func structComplex128RunTime(v struct{ a complex128 }) {
	sink = v
}

//go:noinline
func structByteConstZero() {
	sink = struct{ a byte }{0}
}

//go:noinline
func structByteConstNonZero() {
	sink = struct{ a byte }{100}
}

//go:noinline
func structByteRunTime(v struct{ a byte }) {
	sink = v
}

//go:noinline
func structBoolConstZero() {
	sink = struct{ a bool }{false}
}

//go:noinline
func structBoolConstNonZero() {
	sink = struct{ a bool }{true}
}

//go:noinline
func structBoolRunTime(v struct{ a bool }) {
	sink = v
}

//go:noinline
func structRuneConstZero() {
	sink = struct{ a rune }{0}
}

//go:noinline
func structRuneConstNonZero() {
	sink = struct{ a rune }{1000}
}

//go:noinline
func structRuneRunTime(v struct{ a rune }) {
	sink = v
}

//go:noinline
func structStringConstZero() {
	sink = struct{ a string }{""}
}

//go:noinline
func structStringConstNonZero() {
	sink = struct{ a string }{"hello"}
}

//go:noinline
func structStringRunTime(v struct{ a string }) {
	sink = v
}

//go:noinline
func structInt32Int32ConstZero() {
	sink = struct{ a, b int32 }{0, 0}
}

//go:noinline
func structInt32Int32ConstNonZero() {
	sink = struct{ a, b int32 }{1000, 2000}
}

//go:noinline
func structInt32Int32RunTime(v struct{ a, b int32 }) {
	sink = v
}

//go:noinline
func structInt32Int64ConstZero() {
	sink = struct {
		a int32
		b int64
	}{0, 0}
}

//go:noinline
func structInt32Int64ConstNonZero() {
	sink = struct {
		a int32
		b int64
	}{1000, 2000}
}

//go:noinline
func structInt32Int64RunTime(v struct {
	a int32
	b int64
}) {
	sink = v
}

//go:noinline
func structArray7ByteConstZero() {
	sink = struct{ a [7]byte }{[7]byte{}}
}

//go:noinline
func structArray7ByteConstNonZero() {
	sink = struct{ a [7]byte }{[7]byte{1, 2, 3, 4, 5, 6, 7}}
}

//go:noinline
func structArray7ByteRunTime(v struct{ a [7]byte }) {
	sink = v
}

//go:noinline
func struct7BytesConstZero() {
	sink = struct{ a, b, c, d, e, f, g byte }{0, 0, 0, 0, 0, 0, 0}
}

//go:noinline
func struct7BytesConstNonZero() {
	sink = struct{ a, b, c, d, e, f, g byte }{1, 2, 3, 4, 5, 6, 7}
}

//go:noinline
func struct7BytesRunTime(v struct{ a, b, c, d, e, f, g byte }) {
	sink = v
}
