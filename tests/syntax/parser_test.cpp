// tests/syntax/parser_test.cpp -- unit tests of the parser: node shapes and positions as gc's
// syntax package assigns them, generics and generic methods, pragmas, const iota, error texts and
// recovery, nesting limits, and the helpers (UnquoteLiteral, ExprString, ParsePackageClause).
#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

#include "syntax/dump.h"
#include "syntax/parse.h"

namespace escapist::syntax {
namespace {

// One parsed file.
struct Parsed {
  SourceSet sources;
  Ast ast;
  DiagnosticSink diags;
  NodeId file;

  const Node& operator[](NodeId id) const { return ast[id]; }

  // The n-th node of `kind` in depth-first (slot) order.
  NodeId Find(NodeKind kind, int n = 0) const {
    NodeId found;
    int seen = 0;
    std::function<void(NodeId)> walk = [&](NodeId id) {
      if (!id || found) return;
      const Node& node = ast[id];
      if (node.kind == kind && seen++ == n) {
        found = id;
        return;
      }
      walk(node.x);
      walk(node.y);
      if (node.kind != NodeKind::kConstSpec) walk(node.z);
      walk(node.w);
      for (uint32_t i = 0; i < node.list.count; i++) walk(ast.At(node.list, i));
      for (uint32_t i = 0; i < node.list2.count; i++) walk(ast.At(node.list2, i));
    };
    walk(file);
    return found;
  }
  std::string PosOf(NodeId id) const {
    Pos p = ast[id].pos;
    return std::to_string(p.line) + ":" + std::to_string(p.col);
  }
  std::vector<std::string> Errors() const {
    std::vector<std::string> out;
    for (const Diagnostic& d : diags.diags()) {
      out.push_back(std::to_string(d.pos.line) + ":" + std::to_string(d.pos.col) + ": " + d.text);
    }
    return out;
  }
  std::string Text(NodeId id) const { return std::string(ast[id].text); }
};

std::unique_ptr<Parsed> Parse(const std::string& src) {
  auto p = std::make_unique<Parsed>();
  p->sources.Add(SourceFile{"x.go", "x.go", src});
  p->file = ParseFile(p->sources, 0, p->ast, p->diags);
  return p;
}

std::vector<std::string> ErrorsOf(const std::string& src) { return Parse(src)->Errors(); }

std::string PosStr(Pos p) { return std::to_string(p.line) + ":" + std::to_string(p.col); }

TEST(ParserTest, WorkedExample) {
  auto p = Parse("package p\nfunc f() {\n\tp := &T{a: 1}\n}\n");
  ASSERT_TRUE(p->Errors().empty());
  NodeId a = p->Find(NodeKind::kAssign);
  const Node& assign = (*p)[a];
  EXPECT_EQ(assign.op, Token::kDefine);
  EXPECT_EQ(p->PosOf(a), "3:4");
  ASSERT_EQ(assign.list.count, 1u);
  ASSERT_EQ(assign.list2.count, 1u);
  EXPECT_EQ(p->Text(p->ast.At(assign.list, 0)), "p");
  NodeId u = p->ast.At(assign.list2, 0);
  EXPECT_EQ((*p)[u].kind, NodeKind::kUnary);
  EXPECT_EQ((*p)[u].op, Token::kAnd);
  EXPECT_EQ(p->PosOf(u), "3:7");
  NodeId lit = (*p)[u].x;
  EXPECT_EQ((*p)[lit].kind, NodeKind::kCompositeLit);
  EXPECT_EQ(p->PosOf(lit), "3:9");
  EXPECT_EQ(PosStr((*p)[lit].pos2), "3:14");
  EXPECT_EQ(p->Text((*p)[lit].x), "T");
  NodeId kv = p->ast.At((*p)[lit].list, 0);
  EXPECT_EQ((*p)[kv].kind, NodeKind::kKeyValue);
  EXPECT_EQ(p->PosOf(kv), "3:10");  // at the key
  EXPECT_EQ((*p)[(*p)[kv].y].kind, NodeKind::kBasicLit);
  EXPECT_EQ((*p)[(*p)[kv].y].op, Token::kInt);
}

TEST(ParserTest, ExpressionPositions) {
  auto p = Parse("package p\nvar _ = a.b(c[d], e[1:2:3], x.(T), -y * z)\n");
  ASSERT_TRUE(p->Errors().empty());
  EXPECT_EQ(p->PosOf(p->Find(NodeKind::kCall)), "2:12");      // (
  EXPECT_EQ(p->PosOf(p->Find(NodeKind::kSelector)), "2:10");  // .
  EXPECT_EQ(p->PosOf(p->Find(NodeKind::kIndex)), "2:14");     // [
  NodeId sl = p->Find(NodeKind::kSlice);
  EXPECT_EQ(p->PosOf(sl), "2:20");
  EXPECT_TRUE((*p)[sl].flags & kFlagFull);
  EXPECT_EQ(p->PosOf(p->Find(NodeKind::kTypeAssert)), "2:30");
  NodeId bin = p->Find(NodeKind::kBinary);
  EXPECT_EQ(p->PosOf(bin), "2:39");  // *
  EXPECT_EQ((*p)[bin].op, Token::kMul);
  EXPECT_EQ((*p)[(*p)[bin].x].kind, NodeKind::kUnary);
}

TEST(ParserTest, ParenthesesAreKeptInExpressionsNotInTypes) {
  auto p = Parse("package p\nvar x = (a + b) * c\nvar y (int)\n");
  ASSERT_TRUE(p->Errors().empty());
  EXPECT_TRUE(p->Find(NodeKind::kParen));
  NodeId spec = p->Find(NodeKind::kVarSpec, 1);
  EXPECT_EQ((*p)[(*p)[spec].x].kind, NodeKind::kName);
}

TEST(ParserTest, FuncDeclAndMethodPositions) {
  auto p = Parse("package p\n\nfunc (r *T) M(x int) {}\nfunc F() {}\n");
  ASSERT_TRUE(p->Errors().empty());
  NodeId m = p->Find(NodeKind::kFuncDecl, 0);
  EXPECT_EQ(p->PosOf(m), "3:13");
  EXPECT_EQ(PosStr((*p)[m].pos2), "3:6");
  NodeId recv = (*p)[m].x;
  EXPECT_EQ(p->Text((*p)[recv].x), "r");
  EXPECT_EQ((*p)[(*p)[recv].y].kind, NodeKind::kUnary);
  EXPECT_EQ(p->PosOf((*p)[m].z), "3:14");  // the signature's (
  NodeId f = p->Find(NodeKind::kFuncDecl, 1);
  EXPECT_FALSE((*p)[f].x);
  EXPECT_FALSE((*p)[f].pos2.known());
  NodeId lit = Parse("package p\nvar f = func() {}\n")->file;
  (void)lit;
  auto q = Parse("package p\nvar f = func() {}\n");
  NodeId fl = q->Find(NodeKind::kFuncLit);
  EXPECT_EQ(q->PosOf(fl), "2:9");
  EXPECT_EQ(q->PosOf((*q)[fl].x), "2:9");
}

TEST(ParserTest, StatementPositions) {
  auto p = Parse(
      "package p\nfunc f() {\n\tx += 1\n\tx++\n\tch <- v\nL:\n\tfor i := range 10 {\n"
      "\t\tbreak L\n\t}\n\tgo g()\n\tdefer h()\n}\n");
  ASSERT_TRUE(p->Errors().empty()) << p->Errors()[0];
  NodeId a0 = p->Find(NodeKind::kAssign, 0);
  EXPECT_EQ((*p)[a0].op, Token::kAdd);
  EXPECT_EQ(p->PosOf(a0), "3:4");
  NodeId a1 = p->Find(NodeKind::kAssign, 1);
  EXPECT_TRUE((*p)[a1].flags & kFlagIncDec);
  EXPECT_EQ((*p)[a1].op, Token::kAdd);
  EXPECT_EQ(p->PosOf(a1), "4:3");
  EXPECT_EQ(p->PosOf(p->Find(NodeKind::kSendStmt)), "5:5");
  NodeId l = p->Find(NodeKind::kLabeledStmt);
  EXPECT_EQ(p->PosOf(l), "6:1");
  NodeId r = p->Find(NodeKind::kRangeStmt);
  EXPECT_EQ(p->PosOf(r), "7:2");
  EXPECT_EQ(PosStr((*p)[r].pos2), "7:11");
  EXPECT_EQ((*p)[r].op, Token::kDefine);
  EXPECT_EQ((*p)[r].list.count, 1u);
  EXPECT_EQ((*p)[(*p)[r].x].kind, NodeKind::kBasicLit);
  NodeId br = p->Find(NodeKind::kBranchStmt);
  EXPECT_EQ((*p)[br].op, Token::kBreak);
  EXPECT_EQ(p->Text((*p)[br].x), "L");
  EXPECT_EQ(p->PosOf(p->Find(NodeKind::kGoStmt)), "10:2");
  EXPECT_EQ((*p)[(*p)[p->Find(NodeKind::kDeferStmt)].x].kind, NodeKind::kCall);
}

TEST(ParserTest, RangeOverFuncAndBareRange) {
  auto p = Parse("package p\nfunc f() {\n\tfor range seq {\n\t}\n\tfor k, v = range m {\n\t}\n}\n");
  ASSERT_TRUE(p->Errors().empty());
  NodeId r0 = p->Find(NodeKind::kRangeStmt, 0);
  EXPECT_EQ((*p)[r0].op, Token::kNone);
  EXPECT_EQ((*p)[r0].list.count, 0u);
  NodeId r1 = p->Find(NodeKind::kRangeStmt, 1);
  EXPECT_EQ((*p)[r1].op, Token::kAssign);
  EXPECT_EQ((*p)[r1].list.count, 2u);
}

TEST(ParserTest, SwitchAndTypeSwitch) {
  auto p = Parse(
      "package p\nfunc f() {\n\tswitch x := y.(type) {\n\tcase int, string:\n\tdefault:\n\t}\n"
      "\tswitch z.(type) {\n\t}\n\t_ = w.(type)\n}\n");
  ASSERT_TRUE(p->Errors().empty());
  NodeId g0 = p->Find(NodeKind::kTypeSwitchGuard, 0);
  EXPECT_EQ(p->Text((*p)[g0].x), "x");
  EXPECT_EQ(p->Text((*p)[g0].y), "y");
  EXPECT_EQ(p->PosOf(g0), "3:11");  // :=
  NodeId g1 = p->Find(NodeKind::kTypeSwitchGuard, 1);
  EXPECT_FALSE((*p)[g1].x);
  EXPECT_EQ(p->PosOf(g1), "7:9");  // the operand
  NodeId ta = p->Find(NodeKind::kTypeAssert);
  EXPECT_FALSE((*p)[ta].y);  // x.(type) outside a switch
  NodeId c0 = p->Find(NodeKind::kCaseClause, 0);
  EXPECT_EQ((*p)[c0].list.count, 2u);
  NodeId c1 = p->Find(NodeKind::kCaseClause, 1);
  EXPECT_TRUE((*p)[c1].flags & kFlagDefault);
  NodeId sw = p->Find(NodeKind::kSwitchStmt);
  EXPECT_EQ(PosStr((*p)[sw].pos2), "6:2");
}

TEST(ParserTest, GenericTypesAndFunctions) {
  auto p = Parse(
      "package p\n"
      "type Number interface { ~int | ~float64 | MyInt }\n"
      "type Pair[K comparable, V any] struct { k K; v V }\n"
      "func Sum[T Number](xs ...T) (s T) { return }\n"
      "var _ = Sum[int]\n"
      "var _ Pair[string, int]\n"
      "type A [N]int\n"
      "type B[P *C] struct{}\n"
      "type C[P *Q,] int\n");
  ASSERT_TRUE(p->Errors().empty()) << p->Errors()[0];
  NodeId iface = p->Find(NodeKind::kInterfaceType);
  ASSERT_EQ((*p)[iface].list.count, 1u);
  NodeId elem = p->ast.At((*p)[iface].list, 0);
  EXPECT_TRUE((*p)[elem].flags & kFlagEmbedded);
  NodeId u = (*p)[elem].y;
  EXPECT_EQ((*p)[u].kind, NodeKind::kBinary);
  EXPECT_EQ((*p)[u].op, Token::kOr);
  NodeId tilde = p->Find(NodeKind::kUnary);
  EXPECT_EQ((*p)[tilde].op, Token::kTilde);
  EXPECT_TRUE((*p)[tilde].flags & kFlagTilde);

  NodeId pair = p->Find(NodeKind::kTypeSpec, 1);
  EXPECT_EQ((*p)[pair].list.count, 2u);
  NodeId sum = p->Find(NodeKind::kFuncDecl);
  EXPECT_EQ((*p)[sum].list.count, 1u);
  NodeId dots = p->Find(NodeKind::kDotsType);
  EXPECT_TRUE(dots);
  NodeId inst = p->Find(NodeKind::kIndex, 0);
  EXPECT_EQ((*p)[inst].list.count, 1u);
  NodeId inst2 = p->Find(NodeKind::kIndex, 1);
  EXPECT_EQ((*p)[inst2].list.count, 2u);

  NodeId a = p->Find(NodeKind::kTypeSpec, 2);
  EXPECT_EQ((*p)[(*p)[a].y].kind, NodeKind::kArrayType);  // type A [N]int
  EXPECT_EQ((*p)[a].list.count, 0u);
  NodeId b = p->Find(NodeKind::kTypeSpec, 3);
  EXPECT_EQ((*p)[(*p)[b].y].kind, NodeKind::kArrayType);  // type B[P *C] struct{}: array, as gc
  NodeId c = p->Find(NodeKind::kTypeSpec, 4);
  EXPECT_EQ((*p)[c].list.count, 1u);  // type C[P *Q,] int: the comma makes it a type parameter
}

TEST(ParserTest, GenericMethods) {
  auto p = Parse(
      "package p\n"
      "func (l *List[T]) Map[U any](f func(T) U) []U { return nil }\n"
      "var _ = l.Map[int]\n");
  ASSERT_TRUE(p->Errors().empty()) << p->Errors()[0];
  NodeId m = p->Find(NodeKind::kFuncDecl);
  EXPECT_EQ(p->Text((*p)[m].y), "Map");
  ASSERT_EQ((*p)[m].list.count, 1u);
  NodeId tp = p->ast.At((*p)[m].list, 0);
  EXPECT_EQ(p->Text((*p)[tp].x), "U");
  EXPECT_EQ(p->Text((*p)[tp].y), "any");
  EXPECT_TRUE((*p)[m].x);
  EXPECT_EQ(p->PosOf((*p)[m].z), "2:29");
}

TEST(ParserTest, InterfaceMethodTypeParamsAreAnError) {
  EXPECT_EQ(ErrorsOf("package p\ntype I interface{ M[T any]() }\n"),
            (std::vector<std::string>{"2:20: interface method must have no type parameters"}));
}

TEST(ParserTest, FieldGroupsShareTheirType) {
  auto p = Parse("package p\ntype S struct {\n\ta, b int `tag`\n\t*E\n\tpkg.F\n}\n");
  ASSERT_TRUE(p->Errors().empty());
  NodeId st = p->Find(NodeKind::kStructType);
  ASSERT_EQ((*p)[st].list.count, 4u);
  const Node& fa = (*p)[p->ast.At((*p)[st].list, 0)];
  const Node& fb = (*p)[p->ast.At((*p)[st].list, 1)];
  EXPECT_EQ(fa.y, fb.y);
  EXPECT_TRUE(fa.z);
  EXPECT_EQ(fa.z, fb.z);
  const Node& fe = (*p)[p->ast.At((*p)[st].list, 2)];
  EXPECT_TRUE(fe.flags & kFlagEmbedded);
  EXPECT_FALSE(fe.x);
  EXPECT_EQ(PosStr(fe.pos), "4:2");
}

TEST(ParserTest, ChannelTypes) {
  auto p = Parse("package p\nvar a chan<- int\nvar b <-chan int\nvar c = f(<-chan int)\n");
  ASSERT_TRUE(p->Errors().empty());
  NodeId a = p->Find(NodeKind::kChanType, 0);
  EXPECT_TRUE((*p)[a].flags & kFlagChanSend);
  NodeId b = p->Find(NodeKind::kChanType, 1);
  EXPECT_TRUE((*p)[b].flags & kFlagChanRecv);
  EXPECT_EQ(p->PosOf(b), "3:7");
  NodeId c = p->Find(NodeKind::kChanType, 2);  // re-associated <-: gc keeps the chan position
  EXPECT_TRUE((*p)[c].flags & kFlagChanRecv);
  EXPECT_EQ(p->PosOf(c), "4:13");
}

TEST(ParserTest, ConstIotaAndImplicitRepetition) {
  auto p = Parse("package p\nconst (\n\ta = iota\n\tb\n\tc, d = 1, 2\n\te, f\n)\nconst g = 1\n");
  ASSERT_TRUE(p->Errors().empty());
  const Node& f = (*p)[p->file];
  ASSERT_EQ(f.list.count, 5u);
  std::vector<NodeId> specs = p->ast.List(f.list);
  EXPECT_EQ((*p)[specs[0]].aux, 0u);
  EXPECT_EQ((*p)[specs[1]].aux, 1u);
  EXPECT_TRUE((*p)[specs[1]].flags & kFlagImplicitType);
  EXPECT_EQ((*p)[specs[1]].z, specs[0]);
  EXPECT_FALSE((*p)[specs[2]].flags & kFlagImplicitType);
  EXPECT_EQ((*p)[specs[3]].aux, 3u);
  EXPECT_EQ((*p)[specs[3]].z, specs[2]);
  EXPECT_EQ((*p)[specs[4]].aux, 0u);
}

TEST(ParserTest, Pragmas) {
  auto p = Parse(
      "//go:build linux && !cgo\n\npackage p\n\nimport _ \"unsafe\"\n\n"
      "//go:noinline\n//go:nosplit\nfunc f() {}\n\n"
      "//go:noescape\nfunc g(p *int)\n\n"
      "//go:linkname h runtime.h\nfunc h()\n\n"
      "//go:uintptrescapes\nfunc k(uintptr) {}\n"
      "func plain() {}\n");
  ASSERT_TRUE(p->Errors().empty()) << p->Errors()[0];
  EXPECT_EQ(p->ast.files.size(), 1u);
  const FileInfo& info = p->ast.files[0];
  EXPECT_EQ(info.build_constraint, "linux && !cgo");
  ASSERT_EQ(info.linknames.size(), 1u);
  EXPECT_EQ(info.linknames[0].local, "h");
  EXPECT_EQ(info.linknames[0].remote, "runtime.h");
  EXPECT_EQ(PosStr(info.linknames[0].pos), "14:3");
  auto fn = [&](int i) { return (*p)[p->Find(NodeKind::kFuncDecl, i)].aux; };
  EXPECT_EQ(fn(0), uint32_t{kPragmaNoinline | kPragmaNosplit | kPragmaNoCheckPtr});
  EXPECT_EQ(fn(1), uint32_t{kPragmaNoescape});
  EXPECT_EQ(fn(2), uint32_t{kPragmaLinkname});
  EXPECT_EQ(fn(3), uint32_t{kPragmaUintptrEscapes | kPragmaUintptrKeepAlive});
  EXPECT_EQ(fn(4), 0u);
}

TEST(ParserTest, MisplacedDirectives) {
  auto p = Parse("package p\n\n//go:noinline\nvar x int\n");
  EXPECT_TRUE(p->Errors().empty());  // gc reports it after type checking: a late error
  ASSERT_EQ(p->ast.files[0].late_errors.size(), 1u);
  EXPECT_EQ(PosStr(p->ast.files[0].late_errors[0].pos), "3:3");
  EXPECT_EQ(p->ast.files[0].late_errors[0].text, "misplaced compiler directive");
  EXPECT_EQ(ErrorsOf("package p\n\nfunc f() {\n\tx := 1 //go:noinline\n\t_ = x\n}\n"),
            (std::vector<std::string>{"4:11: misplaced compiler directive"}));
  EXPECT_EQ(ErrorsOf("package p\n\nfunc f() {\n\t//go:noinline\n\tg()\n}\n"),
            (std::vector<std::string>{"4:4: misplaced compiler directive"}));
}

TEST(ParserTest, SyntaxErrorTexts) {
  EXPECT_EQ(
      ErrorsOf("package p\nfunc f() {\n\tg(a, b\n}\n"),
      (std::vector<std::string>{
          "3:8: syntax error: unexpected newline in argument list; possibly missing comma or )"}));
  EXPECT_EQ(ErrorsOf("package p\nx := 1\n"),
            (std::vector<std::string>{
                "2:1: syntax error: non-declaration statement outside function body"}));
  EXPECT_EQ(
      ErrorsOf("package p\nfunc f()\n{\n}\n"),
      (std::vector<std::string>{"3:1: syntax error: unexpected semicolon or newline before {"}));
  EXPECT_EQ(ErrorsOf("package p\nfunc f() {\n\tif x := 1 {\n\t}\n}\n"),
            (std::vector<std::string>{"3:7: syntax error: cannot use x := 1 as value"}));
  EXPECT_EQ(ErrorsOf("package p\nfunc f() {\n\tif x = 1 {\n\t}\n}\n"),
            (std::vector<std::string>{"3:7: syntax error: cannot use assignment x = 1 as value"}));
  EXPECT_EQ(ErrorsOf("package p\nfunc f() {\n\tif {\n\t}\n}\n"),
            (std::vector<std::string>{"3:5: syntax error: missing condition in if statement"}));
  EXPECT_EQ(
      ErrorsOf("package p\nfunc f() {\n\tif x {\n\t} else for {\n\t}\n}\n"),
      (std::vector<std::string>{"4:9: syntax error: else must be followed by if or statement block",
                                "4:9: syntax error: unexpected keyword for at end of statement"}));
  EXPECT_EQ(ErrorsOf("package p\nfunc f() {\n\tfor i := 0; i < 10; j := 1 {\n\t}\n}\n"),
            (std::vector<std::string>{
                "3:24: syntax error: cannot declare in post statement of for loop"}));
  EXPECT_EQ(ErrorsOf("package p\nvar x = [3]int{1, 2, 3\n"),
            (std::vector<std::string>{"2:23: syntax error: unexpected newline in composite "
                                      "literal; possibly missing comma or }"}));
  EXPECT_EQ(ErrorsOf("p := 1\n"),
            (std::vector<std::string>{"1:1: syntax error: package statement must be first"}));
  EXPECT_EQ(ErrorsOf("package p\nimport 42\n"),
            (std::vector<std::string>{"2:8: syntax error: import path must be a string"}));
  EXPECT_EQ(ErrorsOf("package p\nfunc f(a int, b) {}\n"),
            (std::vector<std::string>{"2:16: syntax error: missing parameter type"}));
  EXPECT_EQ(ErrorsOf("package p\nfunc f(a ...int, b int) {}\n"),
            (std::vector<std::string>{"2:10: can only use ... with final parameter"}));
  EXPECT_EQ(ErrorsOf("package p\nvar x = a[1:]\nvar y = a[1::3]\n"),
            (std::vector<std::string>{"3:13: middle index required in 3-index slice"}));
  EXPECT_EQ(ErrorsOf("package p\nfunc f() {\n\tdefer (g())\n}\n"),
            (std::vector<std::string>{"3:8: expression in defer must not be parenthesized"}));
  EXPECT_EQ(ErrorsOf("package p\nvar x <-<-chan int\n"),
            (std::vector<std::string>{"2:9: syntax error: unexpected <-, expected keyword chan"}));
}

TEST(ParserTest, ErrorRecoveryContinues) {
  auto errs = ErrorsOf("package p\nfunc f() {\n\tx := \n}\nfunc g() {\n\ty := )\n}\n");
  ASSERT_EQ(errs.size(), 3u);
  EXPECT_EQ(errs[0], "4:1: syntax error: unexpected }, expected expression");
  EXPECT_EQ(errs[1], "6:7: syntax error: unexpected ), expected expression");
  EXPECT_EQ(errs[2], "6:7: syntax error: unexpected ) at end of statement");
}

TEST(ParserTest, BranchChecks) {
  EXPECT_EQ(ErrorsOf("package p\nfunc f() {\n\tbreak\n}\n"),
            (std::vector<std::string>{"3:2: break is not in a loop, switch, or select"}));
  EXPECT_EQ(ErrorsOf("package p\nfunc f() {\nL:\n\tfor {\n\t}\n}\n"),
            (std::vector<std::string>{"3:1: label L defined and not used"}));
  EXPECT_EQ(ErrorsOf("package p\nfunc f() {\n\tgoto L\n}\n"),
            (std::vector<std::string>{"3:7: label L not defined"}));
  EXPECT_EQ(ErrorsOf("package p\nfunc f() {\n\tgoto L\n\tx := 1\nL:\n\t_ = x\n}\n"),
            (std::vector<std::string>{"3:7: goto L jumps over declaration of x at x.go:4:4"}));
  EXPECT_EQ(
      ErrorsOf("package p\nfunc f(x int) {\n\tswitch x {\n\tcase 1:\n\t\tfallthrough\n\t}\n}\n"),
      (std::vector<std::string>{"5:3: cannot fallthrough final case in switch"}));
  EXPECT_TRUE(ErrorsOf("package p\nfunc f() {\nL:\n\tfor {\n\t\tcontinue L\n\t}\n}\n").empty());
}

TEST(ParserTest, DeepNestingTerminates) {
  std::string src = "package p\nvar x = " + std::string(200000, '(') + "1\n";
  auto p = Parse(src);
  ASSERT_FALSE(p->Errors().empty());
  EXPECT_EQ(p->Errors()[0].substr(p->Errors()[0].find(": ") + 2), "syntax error: nesting too deep");
  std::string src2 = "package p\nfunc f() {\n" + std::string(100000, '{') + "\n}\n";
  EXPECT_FALSE(ErrorsOf(src2).empty());
  std::string src3 = "package p\ntype T " + std::string(100000, '*') + "int\n";
  EXPECT_FALSE(ErrorsOf(src3).empty());
}

TEST(ParserTest, EmptyAndGarbageInputs) {
  EXPECT_EQ(ErrorsOf(""),
            (std::vector<std::string>{"1:1: syntax error: package statement must be first"}));
  EXPECT_FALSE(ErrorsOf("package").empty());
  EXPECT_FALSE(ErrorsOf(std::string("package p\n\0\xff}}}((", 18)).empty());
}

TEST(ParserTest, DumpFormat) {
  auto p = Parse("package p\nfunc f() { g(1) }\n");
  EXPECT_EQ(DumpFile(p->ast, p->file),
            "File 1:1\n"
            "  x: Name 1:9 \"p\"\n"
            "  list[0]: FuncDecl 2:6\n"
            "    y: Name 2:6 \"f\"\n"
            "    z: FuncType 2:7\n"
            "    w: Block 2:10 pos2=2:17\n"
            "      list[0]: ExprStmt 2:13\n"
            "        x: Call 2:13\n"
            "          x: Name 2:12 \"g\"\n"
            "          list[0]: BasicLit 2:14 op=INT \"1\"\n");
}

TEST(ParserTest, ExprString) {
  auto p = Parse(
      "package p\nvar _ = []struct{a, b int; c string}{{1, 2, \"x\"}}\n"
      "var _ = func(x int, y ...string) (int, error) { return 0, nil }\n"
      "var _ = m[k].f(a, b...) + *p - <-ch\n"
      "var _ chan (<-chan int)\n"
      "var _ interface{ M(int) bool; ~int | string }\n"
      "var _ = x[1:2:3]\n");
  ASSERT_TRUE(p->Errors().empty());
  auto spec_value = [&](int i) {
    const Node& s = (*p)[p->ast.At((*p)[p->file].list, i)];
    return ExprString(p->ast, s.list2.count ? p->ast.At(s.list2, 0) : s.x);
  };
  EXPECT_EQ(spec_value(0), "[]struct{a, b int; c string}{…}");
  EXPECT_EQ(spec_value(1), "func(x int, y ...string) (int, error) {…}");
  EXPECT_EQ(spec_value(2), "m[k].f(a, b...) + *p - <-ch");
  EXPECT_EQ(spec_value(3), "chan (<-chan int)");
  EXPECT_EQ(spec_value(4), "interface{M(int) bool; ~int | string}");
  EXPECT_EQ(spec_value(5), "x[1:2:3]");
}

TEST(ParserTest, UnquoteLiteral) {
  std::string out;
  EXPECT_TRUE(UnquoteLiteral("\"a\\tb\\x41\\101\\u00e9\\U0001F600\\\\\\\"\"", &out));
  EXPECT_EQ(out, "a\tbAA\xC3\xA9\xF0\x9F\x98\x80\\\"");
  EXPECT_TRUE(UnquoteLiteral("\"\\xff\"", &out));
  EXPECT_EQ(out, "\xff");
  EXPECT_TRUE(UnquoteLiteral("`a\\n\r\nb`", &out));
  EXPECT_EQ(out, "a\\n\nb");
  EXPECT_TRUE(UnquoteLiteral("'x'", &out));
  EXPECT_EQ(out, "x");
  EXPECT_TRUE(UnquoteLiteral("'\\''", &out));
  EXPECT_EQ(out, "'");
  EXPECT_TRUE(UnquoteLiteral("'\\xff'", &out));
  EXPECT_EQ(out, "\xC3\xBF");  // rune U+00FF
  EXPECT_TRUE(UnquoteLiteral("'\xe4\xb8\x96'", &out));
  EXPECT_EQ(out, "\xe4\xb8\x96");
  EXPECT_FALSE(UnquoteLiteral("\"\\q\"", &out));
  EXPECT_FALSE(UnquoteLiteral("'ab'", &out));
  EXPECT_FALSE(UnquoteLiteral("\"\\uD800\"", &out));
  EXPECT_FALSE(UnquoteLiteral("\"abc", &out));
  EXPECT_FALSE(UnquoteLiteral("\"\\'\"", &out));
}

TEST(ParserTest, ParsePackageClause) {
  SourceSet sources;
  sources.Add(
      SourceFile{"a.go", "a.go",
                 "// doc\npackage foo\n\nimport (\n\t\"fmt\"\n\tx \"a/b\"\n)\nimport \"os\"\n"
                 "func f() {}\n"});
  DiagnosticSink diags;
  std::vector<std::string> imports;
  EXPECT_EQ(ParsePackageClause(sources, 0, &imports, diags), "foo");
  EXPECT_EQ(imports, (std::vector<std::string>{"fmt", "a/b", "os"}));
  EXPECT_EQ(diags.error_count(), 0);
}

}  // namespace
}  // namespace escapist::syntax
