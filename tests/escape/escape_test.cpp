// tests/escape/escape_test.cpp -- unit tests of escape analysis: gc's leak tag encoding, and the
// whole analysis (graph, solver, tags, verdicts) on small IR programs built by hand.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "escape/escape.h"
#include "ir/ir.h"
#include "types/types.h"

namespace escapist::escape {
namespace {

using ir::Class;
using ir::FuncId;
using ir::NodeId;
using ir::Op;
using ir::VarId;
using types::TypeId;

TEST(LeaksTest, EncodeDecode) {
  Leaks none;
  EXPECT_TRUE(none.Empty());
  EXPECT_EQ(none.Encode(), "esc:");
  EXPECT_EQ(Leaks::Decode("esc:"), none);

  Leaks heap;
  heap.AddHeap(0);
  EXPECT_EQ(heap.Encode(), "");  // the empty tag means "leaks to heap"
  EXPECT_EQ(Leaks::Decode("").Heap(), 0);
  EXPECT_EQ(Leaks::Decode("garbage").Heap(), 0);

  Leaks r;
  r.AddResult(1, 2);
  r.AddResult(1, 3);  // keeps the minimum
  EXPECT_EQ(r.Result(1), 2);
  EXPECT_EQ(r.Heap(), -1);
  std::string tag = r.Encode();
  EXPECT_EQ(tag, std::string("esc:\0\0\0\0\3", 9));
  EXPECT_EQ(Leaks::Decode(tag), r);

  Leaks big;
  big.AddHeap(1000);  // saturates
  EXPECT_EQ(big.Heap(), 254);
}

TEST(LeaksTest, Optimize) {
  Leaks l;
  l.AddHeap(1);
  l.AddResult(0, 1);
  l.AddResult(1, 0);
  l.AddMutator(2);
  l.Optimize();
  EXPECT_EQ(l.Heap(), 1);
  EXPECT_EQ(l.Result(0), -1);  // no shorter than the heap flow
  EXPECT_EQ(l.Result(1), 0);
  EXPECT_EQ(l.Mutator(), -1);
}

// Builds IR programs by hand, as ir::Build would produce them.
class IrBuilder {
 public:
  IrBuilder() {
    int_t = u.Basic(types::BasicKind::kInt);
    int_ptr = u.NewPointer(int_t);
    prog.pkg = types::PkgId();
  }

  FuncId Func(const std::string& name) {
    ir::Func f;
    f.name = name;
    f.pos = P();
    FuncId id = prog.funcs.Add(std::move(f));
    prog.target_funcs.push_back(id);
    return id;
  }
  VarId Var(FuncId fn, const std::string& name, TypeId t, Class cls) {
    ir::Var v;
    v.name = name;
    v.pos = P();
    v.type = t;
    v.cls = cls;
    v.curfn = fn;
    VarId id = prog.vars.Add(std::move(v));
    if (!fn) return id;
    ir::Func& f = prog.funcs.Get(fn);
    if (cls == Class::kParam) f.params.push_back(id);
    if (cls == Class::kParamOut) f.results.push_back(id);
    if (cls == Class::kAuto) f.dcl.push_back(id);
    return id;
  }
  VarId Global(const std::string& name, TypeId t) {
    return Var(FuncId(), name, t, Class::kExtern);
  }
  NodeId Node(Op op, TypeId t, NodeId x = NodeId(), NodeId y = NodeId()) {
    ir::Node n;
    n.op = op;
    n.pos = P();
    n.type = t;
    n.x = x;
    n.y = y;
    return prog.Add(std::move(n));
  }
  NodeId Name(VarId v) {
    NodeId n = Node(Op::kName, prog.vars.Get(v).type);
    prog[n].var = v;
    return n;
  }
  NodeId Addr(NodeId x) {
    prog.vars.Get(prog[x].var).addrtaken = true;
    return Node(Op::kAddr, u.NewPointer(prog[x].type), x);
  }
  NodeId Deref(NodeId x) { return Node(Op::kDeref, u.Get(prog[x].type).elem, x); }
  // x := y (defining) or x = y.
  NodeId As(NodeId x, NodeId y, bool define = false) {
    NodeId as = Node(Op::kAs, TypeId(), x, y);
    if (define) {
      prog[as].defining = true;
      VarId v = prog[x].var;
      prog.vars.Get(v).defn = as;
      NodeId d = Node(Op::kDcl, TypeId());
      prog[d].var = v;
      prog[as].init = prog.AddList({d});
    }
    return as;
  }
  NodeId Return(const std::vector<NodeId>& results) {
    NodeId r = Node(Op::kReturn, TypeId());
    prog[r].list = prog.AddList(results);
    return r;
  }
  void Body(FuncId fn, const std::vector<NodeId>& stmts) {
    NodeId b = Node(Op::kBlock, TypeId());
    prog[b].list = prog.AddList(stmts);
    prog.funcs.Get(fn).body = b;
  }
  // Each node gets its own line, so remarks can be told apart by position.
  Pos P() { return Pos{0, ++line_, 1}; }

  std::vector<std::string> Remarks(const Result& r) {
    std::vector<std::string> out;
    for (const Remark& m : r.remarks) {
      std::string name = m.var ? prog.vars.Get(m.var).name : std::string();
      switch (m.kind) {
        case Remark::Kind::kMovedToHeap:
          out.push_back("moved to heap: " + name);
          break;
        case Remark::Kind::kLeakingParam:
          out.push_back("leaking param: " + name);
          break;
        case Remark::Kind::kLeakingParamContent:
          out.push_back("leaking param content: " + name);
          break;
        case Remark::Kind::kLeakingParamToResult:
          out.push_back("leaking param: " + name + " to result " + m.text + " level=" +
                        std::to_string(m.level));
          break;
        case Remark::Kind::kDoesNotEscape:
          out.push_back((m.var ? name : "node@" + std::to_string(m.pos.line)) +
                        " does not escape");
          break;
        case Remark::Kind::kEscapesToHeap:
          out.push_back("node@" + std::to_string(m.pos.line) + " escapes to heap");
          break;
        default:
          out.push_back(m.text);
          break;
      }
    }
    return out;
  }

  types::Universe u;
  ir::Program prog;
  TypeId int_t, int_ptr;

 private:
  uint32_t line_ = 0;
};

using Strings = std::vector<std::string>;

// var sink *int
// func f() { x := 0; p := &x; sink = p }
TEST(EscapeTest, AddressStoredInGlobalMovesToHeap) {
  IrBuilder b;
  VarId sink = b.Global("sink", b.int_ptr);
  FuncId f = b.Func("f");
  VarId x = b.Var(f, "x", b.int_t, Class::kAuto);
  VarId p = b.Var(f, "p", b.int_ptr, Class::kAuto);
  types::Constant zero;
  zero.kind = types::Constant::Kind::kInt;
  NodeId lit = b.Node(Op::kLiteral, b.int_t);
  b.prog[lit].value = b.u.NewConstant(zero);
  b.Body(f, {b.As(b.Name(x), lit, true), b.As(b.Name(p), b.Addr(b.Name(x)), true),
             b.As(b.Name(sink), b.Name(p))});
  Result r = Analyze(b.prog, b.u, Options{});
  EXPECT_EQ(b.Remarks(r), Strings({"moved to heap: x"}));
  EXPECT_EQ(r.heap_vars.Get(x), 1);
  EXPECT_EQ(r.heap_vars.Get(p), 0);
}

// func f() *int { x := 0; return &x }   (results outlive the frame)
// func g() int { x := 0; p := &x; return *p }
TEST(EscapeTest, ReturnedAddressEscapesLocalDoesNot) {
  IrBuilder b;
  FuncId f = b.Func("f");
  b.Var(f, "~r0", b.int_ptr, Class::kParamOut);
  VarId x = b.Var(f, "x", b.int_t, Class::kAuto);
  b.Body(f, {b.As(b.Name(x), NodeId(), true), b.Return({b.Addr(b.Name(x))})});
  FuncId g = b.Func("g");
  b.Var(g, "~r0", b.int_t, Class::kParamOut);
  VarId y = b.Var(g, "y", b.int_t, Class::kAuto);
  VarId p = b.Var(g, "p", b.int_ptr, Class::kAuto);
  b.Body(g, {b.As(b.Name(y), NodeId(), true), b.As(b.Name(p), b.Addr(b.Name(y)), true),
             b.Return({b.Deref(b.Name(p))})});
  Result r = Analyze(b.prog, b.u, Options{});
  EXPECT_EQ(b.Remarks(r), Strings({"moved to heap: x"}));
}

// func id(p *int) *int { return p }
// func leak(q *int) { sink = q }
// func read(s *int) int { return *s }
// func deep(pp **int) { sink = *pp }
TEST(EscapeTest, ParameterTags) {
  IrBuilder b;
  VarId sink = b.Global("sink", b.int_ptr);
  TypeId pp_t = b.u.NewPointer(b.int_ptr);

  FuncId id = b.Func("id");
  VarId p = b.Var(id, "p", b.int_ptr, Class::kParam);
  b.Var(id, "~r0", b.int_ptr, Class::kParamOut);
  b.Body(id, {b.Return({b.Name(p)})});

  FuncId leak = b.Func("leak");
  VarId q = b.Var(leak, "q", b.int_ptr, Class::kParam);
  b.Body(leak, {b.As(b.Name(sink), b.Name(q))});

  FuncId read = b.Func("read");
  VarId s = b.Var(read, "s", b.int_ptr, Class::kParam);
  b.Var(read, "~r0", b.int_t, Class::kParamOut);
  b.Body(read, {b.Return({b.Deref(b.Name(s))})});

  FuncId deep = b.Func("deep");
  VarId pp = b.Var(deep, "pp", pp_t, Class::kParam);
  b.Body(deep, {b.As(b.Name(sink), b.Deref(b.Name(pp)))});

  Result r = Analyze(b.prog, b.u, Options{});
  EXPECT_EQ(b.Remarks(r), Strings({"leaking param: p to result ~r0 level=0", "leaking param: q",
                                   "s does not escape", "leaking param content: pp"}));
  ASSERT_EQ(r.leaks.Get(id).size(), 1u);
  EXPECT_EQ(r.leaks.Get(id)[0].Result(0), 0);
  EXPECT_EQ(r.leaks.Get(leak)[0].Encode(), "");
  EXPECT_TRUE(r.leaks.Get(read)[0].Empty());
  EXPECT_EQ(r.leaks.Get(deep)[0].Heap(), 1);
}

// func id(p *int) *int { return p }
// func f() { x := 0; sink = id(&x) }   (x escapes through id's tag)
// func g() int { y := 0; return *id(&y) }   (y does not)
TEST(EscapeTest, CallsUseCalleeTags) {
  IrBuilder b;
  VarId sink = b.Global("sink", b.int_ptr);
  FuncId id = b.Func("id");
  VarId p = b.Var(id, "p", b.int_ptr, Class::kParam);
  b.Var(id, "~r0", b.int_ptr, Class::kParamOut);
  b.Body(id, {b.Return({b.Name(p)})});
  types::Object obj;
  obj.kind = types::ObjKind::kFunc;
  obj.name = "id";
  types::ObjId id_obj = b.u.NewObject(obj);
  b.prog.funcs.Get(id).obj = id_obj;

  auto call = [&](NodeId arg) {
    NodeId fn = b.Node(Op::kName, TypeId());
    b.prog[fn].obj = id_obj;
    NodeId c = b.Node(Op::kCallFunc, b.int_ptr, fn);
    b.prog[c].list = b.prog.AddList({arg});
    return c;
  };
  FuncId f = b.Func("f");
  VarId x = b.Var(f, "x", b.int_t, Class::kAuto);
  b.Body(f, {b.As(b.Name(x), NodeId(), true), b.As(b.Name(sink), call(b.Addr(b.Name(x))))});
  FuncId g = b.Func("g");
  b.Var(g, "~r0", b.int_t, Class::kParamOut);
  VarId y = b.Var(g, "y", b.int_t, Class::kAuto);
  b.Body(g, {b.As(b.Name(y), NodeId(), true), b.Return({b.Deref(call(b.Addr(b.Name(y))))})});

  Result r = Analyze(b.prog, b.u, Options{});
  EXPECT_EQ(b.Remarks(r),
            Strings({"leaking param: p to result ~r0 level=0", "moved to heap: x"}));
  EXPECT_EQ(r.heap_vars.Get(y), 0);
}

// func f() { for { x := 0; sink2 = &x... } } is covered end to end; here: a new(int) stored in a
// variable declared outside the loop escapes (outlives), one declared inside does not.
TEST(EscapeTest, LoopDepth) {
  IrBuilder b;
  FuncId f = b.Func("f");
  VarId outer = b.Var(f, "outer", b.int_ptr, Class::kAuto);
  VarId inner = b.Var(f, "inner", b.int_ptr, Class::kAuto);
  NodeId new1 = b.Node(Op::kNew, b.int_ptr);
  NodeId new2 = b.Node(Op::kNew, b.int_ptr);
  NodeId loop = b.Node(Op::kFor, TypeId());
  NodeId as_outer = b.As(b.Name(outer), new1);
  NodeId as_inner = b.As(b.Name(inner), new2, true);
  b.prog[loop].list = b.prog.AddList({as_inner, as_outer});
  NodeId dcl = b.Node(Op::kDcl, TypeId());
  b.prog[dcl].var = outer;
  b.Body(f, {dcl, loop});
  Result r = Analyze(b.prog, b.u, Options{});
  uint32_t l1 = b.prog[new1].pos.line, l2 = b.prog[new2].pos.line;
  Strings want = {"node@" + std::to_string(l2) + " does not escape",
                  "node@" + std::to_string(l1) + " escapes to heap"};
  Strings got = b.Remarks(r);
  std::sort(got.begin(), got.end());
  std::sort(want.begin(), want.end());
  EXPECT_EQ(got, want);
}

}  // namespace
}  // namespace escapist::escape
