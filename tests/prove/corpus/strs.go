package provecorpus

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// ReverseRunes converts to []rune and back (runtime.stringtoslicerune, slicerunetostring).
func ReverseRunes(s string) string {
	r := []rune(s)
	for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
		r[i], r[j] = r[j], r[i]
	}
	return string(r)
}

// RuneCount is runtime.countrunes: no slice is made.
func RuneCount(s string) int { return len([]rune(s)) }

// KeyValue joins the two halves strings.Cut finds (bytealg.IndexByteString's result).
func KeyValue(s string) string {
	k, v, _ := strings.Cut(s, "=")
	return v + ":" + k
}

var errMissing = errors.New("missing")

// Wrap formats through fmt's pooled printer, whose New runs once.
func Wrap(code int) error { return fmt.Errorf("code %d: %w", code, errMissing) }

// ParseSum parses digits: the bytes of a zero-copy []byte(s) are known.
func ParseSum(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		return -1
	}
	return n
}

// SplitCount splits on a two-byte separator (bytealg.IndexString) and on one byte (CountString).
func SplitCount(s string) int {
	return len(strings.Split(s, ", ")) + len(strings.Split(s, ","))
}

// Price formats a float with fmt (runtime.convT64 of its bits, strconv's ftoa into fmt's buffer).
func Price(amount float64) string { return fmt.Sprintf("%.2f EUR", amount) }

// Ratio formats the shortest text of a float32 quotient.
func Ratio(a, b int) string { return strconv.FormatFloat(float64(float32(a)/float32(b)), 'g', -1, 32) }

// Scale parses a decimal float (no error, nothing allocated) and formats the product.
func Scale(s string) string {
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return ""
	}
	return strconv.FormatFloat(f*4, 'e', 3, 64)
}
