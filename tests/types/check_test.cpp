// tests/types/check_test.cpp -- type-checks small Go snippets and inspects errors and Info: sizes
// of declared types, type strings, constant values, assignability, selections, defs/uses, and
// go/types' error texts.
#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "syntax/parse.h"
#include "types/check.h"
#include "types/checker.h"

namespace escapist::types {
namespace {

// A checked single-file package "p" (no imports besides unsafe).
struct Checked {
  Universe u;
  SourceSet sources;
  DiagnosticSink diags;
  PkgId pkg;

  explicit Checked(const std::string& src) {
    SourceFile f;
    f.path = f.display_name = "p.go";
    f.text = src;
    uint32_t idx = sources.Add(std::move(f));
    auto p = std::make_unique<Package>();
    p->path = "p";
    pkg = u.packages.Add(std::move(p));
    Package& pk = u.Pkg(pkg);
    syntax::ParseFile(sources, idx, pk.ast, diags);
    const syntax::Node& file = pk.ast[pk.ast.files[0].file];
    pk.name = std::string(pk.ast[file.x].text);
    CheckPackage(u, pkg, sources, [](const std::string&) { return PkgId(); }, diags);
  }

  std::vector<std::string> Errors() const {
    std::vector<std::string> out;
    for (const auto& d : diags.diags()) {
      out.push_back(std::to_string(d.pos.line) + ":" + std::to_string(d.pos.col) + ": " + d.text);
    }
    return out;
  }
  ObjId Lookup(const std::string& name) { return u.Lookup(u.Pkg(pkg).scope, name); }
  TypeId TypeOf(const std::string& name) { return u.Obj(Lookup(name)).type; }
  std::string TS(const std::string& name) { return TypeString(u, TypeOf(name), pkg); }
};

std::string Join(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += x + "\n";
  return s;
}

TEST(Check, ValidProgramHasNoErrors) {
  Checked c(R"(package p

type T struct{ x, y int }

func (t *T) Sum() int { return t.x + t.y }

func F(n int) *T {
	t := &T{x: n}
	s := []int{1, 2, 3}
	for i, v := range s {
		t.y += i * v
	}
	for i := range 10 {
		t.x += i
	}
	m := map[string]int{"a": 1}
	if v, ok := m["a"]; ok {
		t.x = v
	}
	var i interface{} = t
	switch v := i.(type) {
	case *T:
		_ = v.Sum()
	}
	return t
}
)");
  EXPECT_EQ(Join(c.Errors()), "");
}

TEST(Check, ErrorWording) {
  Checked c(R"(package p

func f() {
	var x int
	var s string = x
	y := 1
	_ = undefinedName
}
)");
  EXPECT_EQ(Join(c.Errors()),
            "5:17: cannot use x (variable of type int) as string value in variable declaration\n"
            "7:6: undefined: undefinedName\n"
            "5:6: declared and not used: s\n"
            "6:2: declared and not used: y\n");
}

TEST(Check, UntypedConstantsGetFinalType) {
  Checked c(R"(package p

const big = 1 << 100
const small = big >> 98
var f float32 = small
var g = 'a'
)");
  EXPECT_EQ(Join(c.Errors()), "");
  EXPECT_EQ(c.TS("small"), "untyped int");
  EXPECT_EQ(c.TS("f"), "float32");
  EXPECT_EQ(c.TS("g"), "rune");
  const Constant& v = c.u.constants.Get(c.u.Obj(c.Lookup("small")).value);
  EXPECT_EQ(constant::String(v), "4");
}

TEST(Check, HugeShiftIsAnErrorNotAHang) {
  Checked c("package p\n\nconst x = 1 << 1000000\n");
  ASSERT_EQ(c.Errors().size(), 1u);
  EXPECT_NE(c.Errors()[0].find("invalid shift count"), std::string::npos);
}

TEST(Check, SelfReferentialArrayType) {
  Checked c("package p\n\ntype T [len(T{})]int\n");
  EXPECT_EQ(Join(c.Errors()), "3:6: invalid recursive type: T refers to itself\n");
}

TEST(Check, InvalidRecursiveType) {
  Checked c("package p\n\ntype T struct{ a T }\n");
  ASSERT_EQ(c.Errors().size(), 1u);
  EXPECT_EQ(c.Errors()[0], "3:6: invalid recursive type: T refers to itself");
}

TEST(Check, DeepParens) {
  std::string e(3000, '(');
  e += "1";
  e += std::string(3000, ')');
  Checked c("package p\n\nvar x = " + e + "\n");
  // Either accepted or a clean error; never a crash.
  SUCCEED();
}

TEST(Check, SizesOfDeclaredTypes) {
  Checked c(R"(package p

type A struct {
	a bool
	b int64
	c bool
}
type B struct {
	x int32
	y struct{}
}
type C [3]complex64
type D struct{}
type E struct {
	s string
	i interface{}
	p *int
}
)");
  EXPECT_EQ(Join(c.Errors()), "");
  EXPECT_EQ(SizeOf(c.u, c.TypeOf("A")), 24);
  EXPECT_EQ(AlignOf(c.u, c.TypeOf("A")), 8);
  EXPECT_EQ(FieldOffset(c.u, c.TypeOf("A"), 1), 8);
  EXPECT_EQ(FieldOffset(c.u, c.TypeOf("A"), 2), 16);
  EXPECT_EQ(SizeOf(c.u, c.TypeOf("B")), 8);  // extra byte for the trailing zero-size field
  EXPECT_EQ(SizeOf(c.u, c.TypeOf("C")), 24);
  EXPECT_EQ(AlignOf(c.u, c.TypeOf("C")), 4);
  EXPECT_EQ(SizeOf(c.u, c.TypeOf("D")), 0);
  EXPECT_EQ(SizeOf(c.u, c.TypeOf("E")), 40);
  EXPECT_TRUE(HasPointers(c.u, c.TypeOf("E")));
  EXPECT_FALSE(HasPointers(c.u, c.TypeOf("A")));
}

TEST(Check, TypeStrings) {
  Checked c(R"(package p

type T struct{ x, y int }
var a *T
var b []int
var c map[string]*int
var d func(int) string
var e interface{}
var f struct{ x int; y int }
var g func(int, ...string) (int, error)
var h <-chan chan int
var i any
var j []byte
)");
  EXPECT_EQ(Join(c.Errors()), "");
  EXPECT_EQ(c.TS("a"), "*T");
  EXPECT_EQ(c.TS("b"), "[]int");
  EXPECT_EQ(c.TS("c"), "map[string]*int");
  EXPECT_EQ(c.TS("d"), "func(int) string");
  EXPECT_EQ(c.TS("e"), "interface {}");
  EXPECT_EQ(c.TS("f"), "struct { x int; y int }");
  EXPECT_EQ(c.TS("g"), "func(int, ...string) (int, error)");
  EXPECT_EQ(c.TS("h"), "<-chan chan int");
  EXPECT_EQ(c.TS("i"), "any");
  EXPECT_EQ(c.TS("j"), "[]byte");
}

TEST(Check, Assignability) {
  Checked c(R"(package p

type I interface{ M() }
type T struct{}
func (T) M() {}
type P struct{}
func (*P) M() {}
type MyInt int
var t T
var pp *P
var p P
var mi MyInt
var ch chan int
)");
  EXPECT_EQ(Join(c.Errors()), "");
  TypeId I = c.TypeOf("I");
  EXPECT_TRUE(AssignableTo(c.u, c.TypeOf("t"), I));
  EXPECT_TRUE(AssignableTo(c.u, c.TypeOf("pp"), I));
  EXPECT_FALSE(AssignableTo(c.u, c.TypeOf("p"), I));
  EXPECT_FALSE(AssignableTo(c.u, c.TypeOf("mi"), c.u.Basic(BasicKind::kInt)));
  EXPECT_TRUE(AssignableTo(c.u, c.u.Basic(BasicKind::kUntypedInt), c.TypeOf("mi")));
  EXPECT_TRUE(AssignableTo(c.u, c.TypeOf("ch"), c.u.NewChan(c.u.Basic(BasicKind::kInt),
                                                            ChanDir::kRecv)));
  EXPECT_TRUE(Implements(c.u, c.TypeOf("t"), I));
}

TEST(Check, SelectionsThroughEmbedding) {
  Checked c(R"(package p

type Inner struct{ v int }
func (i *Inner) Get() int { return i.v }
type Outer struct {
	*Inner
	w int
}
func f(o Outer) int { return o.v + o.Get() + o.w }
)");
  EXPECT_EQ(Join(c.Errors()), "");
  Selection sel;
  ObjId obj = LookupFieldOrMethod(c.u, c.TypeOf("Outer"), false, c.pkg, "v", &sel);
  ASSERT_TRUE(obj.has_value());
  EXPECT_EQ(sel.kind, Selection::Kind::kFieldVal);
  EXPECT_EQ(sel.path, (std::vector<uint32_t>{0, 0}));
  EXPECT_TRUE(sel.indirect);
  ObjId m = LookupFieldOrMethod(c.u, c.TypeOf("Outer"), false, c.pkg, "Get", &sel);
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(sel.kind, Selection::Kind::kMethodVal);
}

TEST(Check, GenericsInferAndInstantiate) {
  Checked c(R"(package p

type Number interface{ ~int | ~float64 }

func Sum[T Number](xs ...T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

type List[T any] struct {
	next *List[T]
	val  T
}

func (l *List[T]) Push(v T) *List[T] { return &List[T]{next: l, val: v} }

func Map[S ~[]E, E, R any](s S, f func(E) R) []R {
	r := make([]R, 0, len(s))
	for _, v := range s {
		r = append(r, f(v))
	}
	return r
}

var a = Sum(1, 2, 3)
var b = Sum(1.5, 2)
var l = (&List[string]{}).Push("x")
var m = Map([]int{1}, func(i int) string { return "" })
)");
  EXPECT_EQ(Join(c.Errors()), "");
  EXPECT_EQ(c.TS("a"), "int");
  EXPECT_EQ(c.TS("b"), "float64");
  EXPECT_EQ(c.TS("l"), "*List[string]");
  EXPECT_EQ(c.TS("m"), "[]string");
}

TEST(Check, FuncsAndParams) {
  Checked c(R"(package p

//go:noinline
func f(a int, _ string, b ...int) (r int) { return a }
func (T) m() {}
type T struct{}
)");
  EXPECT_EQ(Join(c.Errors()), "");
  const Package& p = c.u.Pkg(c.pkg);
  ASSERT_EQ(p.info.funcs.size(), 2u);
  const Object& f = c.u.Obj(p.info.funcs[0]);
  EXPECT_EQ(f.name, "f");
  EXPECT_TRUE(f.has_body);
  EXPECT_TRUE(f.pragmas & syntax::kPragmaNoinline);
  const Type& sig = c.u.Get(f.type);
  EXPECT_TRUE(sig.variadic);
  const auto& params = c.u.Get(sig.params).vars;
  ASSERT_EQ(params.size(), 3u);
  EXPECT_EQ(c.u.Obj(params[0]).var_kind, VarKind::kParam);
  EXPECT_EQ(TypeString(c.u, c.u.Obj(params[2]).type, c.pkg), "[]int");
  const auto& results = c.u.Get(sig.results).vars;
  EXPECT_EQ(c.u.Obj(results[0]).var_kind, VarKind::kResult);
  // defs[] gives the same Var objects.
  ObjId def = p.info.defs.Get(c.u.Obj(params[0]).decl);
  EXPECT_EQ(def, params[0]);
  EXPECT_EQ(c.u.Obj(p.info.funcs[1]).name, "m");
}

TEST(Check, UnusedImportAndLabels) {
  Checked c(R"(package p

import "unsafe"

func f() {
L:
	for {
		break
	}
}
)");
  // Labels are the parser's business (gc sets IgnoreBranchErrors).
  EXPECT_EQ(Join(c.Errors()),
            "6:1: label L defined and not used\n3:8: \"unsafe\" imported and not used\n");
}

// Every expression node of a valid program has a recorded type; every Name is a def or a use.
TEST(Check, InfoIsComplete) {
  Checked c(R"(package p

import "unsafe"

type S struct{ a, b int; next *S }

func (s *S) M(k int) (int, bool) { return s.a + k, true }

var g = unsafe.Sizeof(S{})

func F(xs []int, m map[string]S, ch chan int, i interface{}) int {
	s := &S{a: 1, b: (2)}
	v, ok := m["x"]
	_, _ = v, ok
	n, _ := s.M(len(xs))
	f := func(y int) int { return y * 2 }
	n += f(xs[0]) + xs[1:2][0] + int(g)
	if t, ok := i.(*S); ok && t != nil {
		n++
	}
	switch w := i.(type) {
	case int:
		n += w
	}
	select {
	case x := <-ch:
		n += x
	default:
	}
	for k, e := range m {
		_ = k
		n += e.a
	}
	return n
}
)");
  ASSERT_EQ(Join(c.Errors()), "");
  const Package& p = c.u.Pkg(c.pkg);
  const syntax::Ast& ast = p.ast;
  int missing = 0;
  std::string what;
  std::function<void(NodeId, bool)> walk = [&](NodeId id, bool is_expr) {
    if (!id.has_value()) return;
    const Node& n = ast[id];
    auto kids = [&](bool expr_kids) {
      for (NodeId k : {n.x, n.y, n.z, n.w}) walk(k, expr_kids);
      for (NodeId k : ast.List(n.list)) walk(k, expr_kids);
      for (NodeId k : ast.List(n.list2)) walk(k, expr_kids);
    };
    switch (n.kind) {
      case NodeKind::kName:
        if (!p.info.defs.Get(id).has_value() && !p.info.uses.Get(id).has_value() &&
            n.text != "_" && n.text != "p") {
          ++missing;
          what += "name " + std::string(n.text) + "\n";
        }
        return;
      case NodeKind::kSelector:
        if (p.info.types.Get(id).mode == Mode::kInvalid) {
          ++missing;
          what += "selector\n";
        }
        walk(n.x, true);
        walk(n.y, false);
        return;
      case NodeKind::kBasicLit:
      case NodeKind::kCompositeLit:
      case NodeKind::kFuncLit:
      case NodeKind::kParen:
      case NodeKind::kIndex:
      case NodeKind::kSlice:
      case NodeKind::kCall:
      case NodeKind::kUnary:
      case NodeKind::kBinary:
        if (p.info.types.Get(id).mode == Mode::kInvalid) {
          ++missing;
          what += std::string(syntax::NodeKindName(n.kind)) + " " + std::to_string(n.pos.line) + ":" + std::to_string(n.pos.col) + "\n";
        }
        kids(true);
        return;
      case NodeKind::kTypeSwitchGuard:
        walk(n.y, true);  // the lhs is defined per clause (Info::implicits)
        return;
      case NodeKind::kImportSpec:
        return;
      default: kids(false); return;
    }
  };
  for (const auto& f : ast.files) walk(f.file, false);
  EXPECT_EQ(missing, 0) << what;
}

// Converted bool and string constants keep their values; duplicate-case detection (go/types
// goVal) still ignores bools, so GOOS-style `case a == b` lists stay valid.
TEST(Check, ConvertedConstantsKeepValuesAndBoolCasesAreNotDuplicates) {
  Checked c(R"(package p

const goos = "linux"

var s string = "ab"

func f() int {
	switch {
	case goos == "darwin":
		return 1
	case goos == "ios":
		return 2
	}
	switch s {
	case "x", "y":
	}
	return 0
}
)");
  EXPECT_EQ(Join(c.Errors()), "");
  Checked d(R"(package p

func g(s string) {
	switch s {
	case "a", "a":
	}
}
)");
  ASSERT_EQ(d.Errors().size(), 1u);
  EXPECT_NE(d.Errors()[0].find("duplicate case"), std::string::npos);
}

}  // namespace
}  // namespace escapist::types
