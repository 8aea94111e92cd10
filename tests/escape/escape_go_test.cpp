// tests/escape/escape_go_test.cpp -- escape analysis end to end on Go snippets: parse, check,
// lower to IR, analyze, render. Each expectation is gc 1.27's output for the same file
// (`go build -gcflags='-m -l'`), in gc's emission order.
#include <gtest/gtest.h>

#include <string>

#include "escape/escape.h"
#include "inline/inline.h"
#include "ir/build.h"
#include "report/report.h"
#include "harness.h"  // tests/ir

namespace escapist::escape {
namespace {

// Analyzes `src` (file s.go) at -m level `m` and returns `line:col: message` lines.
std::string Analyzed(const std::string& src, int m) {
  auto l = irtest::LoadAndBuild("s.go", src);
  std::string out = irtest::FormatDiags(*l, l->diags);
  if (!out.empty()) return "load errors:\n" + out;
  Options opts;
  opts.debug_m = m;
  SourceSet names;  // positions quoted in -m=2 notes print as s.go:L:C
  names.Add(SourceFile{"s.go", "s.go", src});
  opts.sources = &names;
  // The driver's pipeline at -l: devirtualization (no inlining), deadlocals, then escape.
  inlining::Options io;
  io.level = 0;
  io.debug_m = m;
  for (const inlining::Remark& rem : inlining::InlinePackage(l->prog, *l->universe, io).remarks) {
    out += std::to_string(rem.pos.line) + ":" + std::to_string(rem.pos.col) + ": " + rem.text + "\n";
  }
  ir::DeadLocals(l->prog, *l->universe);
  Result r = Analyze(l->prog, *l->universe, opts);
  for (const Remark& rem : r.remarks) {
    out += std::to_string(rem.pos.line) + ":" + std::to_string(rem.pos.col) + ": " +
           report::RemarkText(rem, l->prog, *l->universe) + "\n";
  }
  return out;
}

TEST(EscapeGoTest, Mixed) {
  const char* src = R"(package snip

var sink interface{}

type T struct{ p *int }

func capture() func() int {
	x := 0
	y := 1
	y = 2
	return func() int { x++; return x + y }
}

func selfAssign(t *T) {
	t.p = t.p
}

func multiCallee(c bool) int {
	x := 1
	f := g
	if c {
		f = h
	}
	return f(&x)
}

func g(p *int) int { return *p }
func h(p *int) int { return *p + 1 }

func literals() {
	n := 5
	sink = n
	size := 128
	_ = make([]byte, size)
	var s []*int
	s = append(s, new(int))
	_ = s
}

func loops() *int {
	var p *int
	for i := 0; i < 3; i++ {
		p = &i
	}
	return p
}

type I interface{ M() }
type V struct{ p *int }

func (V) M() {}

func devirt() {
	x := 0
	var i I = V{&x}
	i.M()
}

func conv(s string) int {
	b := []byte(s)
	return len(b)
}
)";
  EXPECT_EQ(Analyzed(src, 1),
            "56:5: devirtualizing i.M to V\n"
            "8:2: moved to heap: x\n"
            "11:9: func literal escapes to heap\n"
            "15:6: selfAssign ignoring self-assignment in t.p = t.p\n"
            "14:17: t does not escape\n"
            "27:8: p does not escape\n"
            "28:8: p does not escape\n"
            "32:9: 5 escapes to heap\n"
            "34:10: make([]byte, 128) does not escape\n"
            "36:19: new(int) escapes to heap\n"
            "36:12: append does not escape\n"
            "42:6: moved to heap: i\n"
            "59:11: s does not escape\n"
            "60:14: ([]byte)(s) does not escape\n"
            "60:14: zero-copy string->[]byte conversion\n");
}

TEST(EscapeGoTest, Explanations) {
  const char* src = R"(package snip

var sink interface{}

func capture() func() int {
	x := 0
	y := 1
	return func() int { x++; return x + y }
}

func leak(p *int) {
	sink = p
}
)";
  EXPECT_EQ(Analyzed(src, 2),
            "6:2: capture capturing by ref: x (addr=false assign=true width=8)\n"
            "7:2: capture capturing by value: y (addr=false assign=false width=8)\n"
            "8:9: func literal escapes to heap in capture:\n"
            "8:9:   flow: ~r0 \u2190 &{storage for func literal}:\n"
            "8:9:     from func literal (spill) at s.go:8:9\n"
            "8:9:     from return func literal (return) at s.go:8:2\n"
            "6:2: x escapes to heap in capture:\n"
            "6:2:   flow: {storage for func literal} \u2190 &x:\n"
            "6:2:     from x (captured by a closure) at s.go:8:22\n"
            "6:2:     from x (reference) at s.go:8:22\n"
            "6:2: moved to heap: x\n"
            "8:9: func literal escapes to heap\n"
            "11:11: parameter p leaks to {heap} for leak with derefs=0:\n"
            "11:11:   flow: {heap} \u2190 p:\n"
            "11:11:     from p (interface-converted) at s.go:12:9\n"
            "11:11:     from sink = p (assign) at s.go:12:7\n"
            "11:11: leaking param: p\n");
}

}  // namespace
}  // namespace escapist::escape
