// inline/internal.h -- helpers shared by the inline phase's files (not part of its interface):
// IR walks, small node predicates, and gc's printing of an inlinable body for -m=2.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "inline/inline.h"
#include "ir/ir.h"
#include "syntax/ast.h"
#include "types/types.h"

namespace escapist::inlining {

using ir::Class;
using ir::FuncId;
using ir::NodeId;
using ir::Op;
using ir::VarId;

// Visits `root` and its sub-nodes pre-order (init, x, y, z, w, list, list2), not descending
// into func literal bodies; `fn(id, node)` returns false to skip the node's children.
template <typename Fn>
void ForEachNode(const ir::Program& prog, ir::NodeId root, Fn&& fn) {
  if (!root.has_value()) return;
  std::vector<ir::NodeId> stack{root};
  while (!stack.empty()) {
    ir::NodeId id = stack.back();
    stack.pop_back();
    if (!id.has_value()) continue;
    const ir::Node& n = prog.nodes.Get(id);
    if (!fn(id, n)) continue;
    for (uint32_t i = n.list2.count; i-- > 0;) stack.push_back(prog.At(n.list2, i));
    for (uint32_t i = n.list.count; i-- > 0;) stack.push_back(prog.At(n.list, i));
    stack.push_back(n.w);
    stack.push_back(n.z);
    stack.push_back(n.y);
    stack.push_back(n.x);
    for (uint32_t i = n.init.count; i-- > 0;) stack.push_back(prog.At(n.init, i));
  }
}

// The statements of `list` that gc's writer keeps (noder/writer.go stmts): after a terminating
// statement (return, goto, panic(...), an if or block ending in one) the rest is dropped, except
// labels and what precedes the last label.
std::vector<ir::NodeId> LiveStmts(const ir::Program& prog, const types::Universe& u,
                                  IdSpan<ir::NodeId> list);

// The number of gc IR nodes escapist's node stands for (IsBigFunc's count): 0 for wrappers gc
// does not have (expression statements, empty statements), 2 for ODCL (it holds its ONAME).
inline int GcNodeCount(const ir::Node& n) {
  switch (n.op) {
    case ir::Op::kExprStmt:
    case ir::Op::kEmpty:
      return 0;
    case ir::Op::kDcl:
      return 2;
    default:
      return 1;
  }
}

// gc's AssignListStmt ops (OAS2, OAS2FUNC, ...): the `a, b = f()` temporaries' assignment.
inline bool IsAssignList(ir::Op op) {
  return op == ir::Op::kAs2 || op == ir::Op::kAs2Func || op == ir::Op::kAs2DotType ||
         op == ir::Op::kAs2MapR || op == ir::Op::kAs2Recv;
}

// The byte offset of the field selected by an ODOT/ODOTPTR node (Selection.Offset).
int64_t FieldOffsetOf(const ir::Program& prog, const types::Universe& u, const ir::Node& dot);

// ir.IsConst(n, constant.Bool): 1 / 0 for a boolean literal, -1 otherwise.
int ConstBool(const ir::Program& prog, const types::Universe& u, ir::NodeId n);

// gc's op for a numeric conversion node (typecheck.convertOp and tcConv): true for OCONVNOP.
// escapist's IR says OCONV for int<->int64 and uint<->uint64<->uintptr, which gc's SimType makes
// OCONVNOP on amd64, and OCONVNOP for a float/complex converted to a type of the same kind, which
// tcConv keeps as OCONV (the conversion rounds).
bool GcConvIsNop(const ir::Program& prog, const types::Universe& u, const ir::Node& conv);

// Whether n is an integer literal equal to `v` (ir.Int64Val of an OLITERAL).
bool IsIntLiteral(const ir::Program& prog, const types::Universe& u, ir::NodeId n, int64_t v);

// Whether a and b are the same gc ONAME (gc shares one Name node per variable).
bool SameName(const ir::Program& prog, ir::NodeId a, ir::NodeId b);

// fn.Type() as gc prints it: `func(int) int`, `method(*T) func(int) int` (no parameter names).
std::string FuncTypeString(const ir::Program& prog, const types::Universe& u, ir::FuncId fn);

// fn.Body as gc's %v prints it (ir/fmt.go stmtFmt): statements joined by "; ", loops as
// `for loop`, switches as `switch statement`, ...
std::string BodyString(const ir::Program& prog, const types::Universe& u, ir::FuncId fn);

// A resolved callee: a function of this package or (func none) another package's function.
struct Callee {
  FuncId func;
  types::ObjId obj;
};


class Inliner {
 public:
  Inliner(const ir::Program& prog, const types::Universe& u, const Options& opts, Result& result)
      : prog(prog), u(u), opts(opts), result(result), ast(u.Pkg(prog.pkg).ast) {
    for (FuncId f : prog.target_funcs) {
      const ir::Func& fn = prog.funcs.Get(f);
      if (fn.obj.has_value()) func_by_obj[fn.obj.index()] = f;
    }
    result.funcs.Reserve(prog.funcs.size());
  }

  void Run();
  void CanInline(FuncId fn);
  // A function named `_` (or a literal inside one): gc's writer skips blank functions, so they
  // are never compiled.
  bool IsBlank(FuncId fn) const {
    for (int guard = 0; guard < 1000 && fn.has_value(); ++guard) {
      const ir::Func& f = F(fn);
      if (!f.outer.has_value()) return f.obj.has_value() && u.Obj(f.obj).name == "_";
      fn = f.outer;
    }
    return false;
  }
  std::string InlineImpossible(FuncId fn) const;
  bool IsBigFunc(FuncId fn) const;

  // inlCallee: the function a call's callee expression statically refers to; unless
  // `resolve_only`, a func literal's inlinability is decided (CanInline) on the way.
  std::optional<Callee> InlCallee(FuncId caller, NodeId fn, bool resolve_only = false);
  // The inline cost of `c` if it has an inline body (typecheck.HaveInlineBody).
  std::optional<int32_t> InlineCost(const Callee& c) const;
  // canInlineCallExpr(callerfn, n, callee, bigCaller, closureCalledOnce, log=false) without
  // the recursion checks: inlinable, within inlineCostOK's budget, and not excluded by
  // -race / -d=checkptr.
  bool CanInlineCallExpr(const Callee& c, bool big_caller, bool closure_called_once = false) const;
  // ssagen.IsIntrinsicCall for a call of function `name` of package `pkg`.
  bool IsIntrinsic(const std::string& pkg, const std::string& name) const;
  std::string PkgPathOf(types::ObjId obj) const;

  // ir.StaticValue and its helpers.
  NodeId StaticValue(NodeId n);
  NodeId StaticValue1(NodeId n);
  bool Reassigned(VarId v);
  VarId Canonical(VarId v) const {
    while (prog.vars.Get(v).outer.has_value()) v = prog.vars.Get(v).outer;
    return v;
  }
  // ir.OuterValue for a reassignment target: x of x.f, x[i] (array), conversions.
  NodeId OuterValue(NodeId n) const;

  const ir::Node& N(NodeId id) const { return prog.nodes.Get(id); }
  const ir::Func& F(FuncId id) const { return prog.funcs.Get(id); }
  const ir::Var& V(VarId id) const { return prog.vars.Get(id); }

  const ir::Program& prog;
  const types::Universe& u;
  const Options& opts;
  Result& result;
  const syntax::Ast& ast;
  std::unordered_map<uint32_t, FuncId> func_by_obj;
  std::unordered_map<uint32_t, bool> reassigned_;  // by canonical VarId
  std::vector<uint8_t> checked_;  // Func.InlinabilityChecked, by FuncId
};

// ---- the call graph, bottom-up (ir.VisitFuncsBottomUp)

// ir.VisitFuncsBottomUp over prog.target_funcs: `analyze(list)` for each strongly connected
// component of the static call graph (func literals join their enclosing function's), callees
// first. Bodies are read as each function is first visited, so `analyze` may rewrite the
// functions of the lists already passed (the inliner does).
class BottomUpVisitor {
 public:
  using Analyze = std::function<void(const std::vector<FuncId>& list)>;
  BottomUpVisitor(Inliner& in, Analyze analyze)
      : in_(in), analyze_(std::move(analyze)), node_id_(in.prog.funcs.size(), 0) {}

  void VisitAll() {
    std::vector<FuncId> roots = in_.prog.target_funcs;
    for (FuncId fn : roots) {
      if (!in_.F(fn).is_closure) Visit(fn);
    }
  }

 private:
  uint32_t Visit(FuncId n) {
    if (n.index() >= node_id_.size()) node_id_.resize(in_.prog.funcs.size(), 0);
    if (uint32_t id = node_id_[n.index()]; id > 0) return id;
    ++visitgen_;
    uint32_t id = visitgen_;
    node_id_[n.index()] = id;
    ++visitgen_;
    uint32_t min_visitgen = visitgen_;
    stack_.push_back(n);

    std::vector<FuncId> refs;
    ForEachNode(in_.prog, in_.F(n).body, [&](NodeId, const ir::Node& node) {
      switch (node.op) {
        case Op::kName:
          if (!node.var.has_value() && node.obj.has_value()) {
            auto it = in_.func_by_obj.find(node.obj.index());
            if (it != in_.func_by_obj.end()) refs.push_back(it->second);
          }
          break;
        case Op::kMethExpr:
        case Op::kMethValue:
          if (node.obj.has_value()) {
            auto it = in_.func_by_obj.find(node.obj.index());
            if (it != in_.func_by_obj.end()) refs.push_back(it->second);
          }
          break;
        case Op::kClosure:
          if (node.func.has_value()) refs.push_back(node.func);
          break;
        default:
          break;
      }
      return true;
    });
    for (FuncId f : refs) {
      uint32_t m = Visit(f);
      if (m < min_visitgen) min_visitgen = m;
    }

    if ((min_visitgen == id || min_visitgen == id + 1) && !in_.F(n).is_closure) {
      size_t i = stack_.size();
      while (i-- > 0) {
        FuncId x = stack_[i];
        node_id_[x.index()] = ~uint32_t{0};
        if (x == n) break;
      }
      std::vector<FuncId> block(stack_.begin() + i, stack_.end());
      stack_.resize(i);
      analyze_(block);
    }
    return min_visitgen;
  }

  Inliner& in_;
  Analyze analyze_;
  std::vector<uint32_t> node_id_;
  uint32_t visitgen_ = 0;
  std::vector<FuncId> stack_;
};


// noder.MakeWrappers: builds the method wrappers of the package's defined types and method
// values (inline/wrappers.cpp) and returns them in gc's order; the caller inlines their calls
// and appends them to prog.target_funcs.
std::vector<FuncId> MakeWrappers(ir::Program& prog, const types::Universe& u);

// gc's devirtualize.State with StaticCall: the concrete-type analysis of interface-typed locals
// (every assignment to them, computed per function on first use) and the rewrite of interface
// calls whose receiver has a single concrete type. Rewrites `prog` in place.
class Devirtualizer {
 public:
  // `remarks` receives the "devirtualizing x.M to T" lines (at -m).
  Devirtualizer(ir::Program& prog, const types::Universe& u, const Options& opts,
                std::vector<Remark>* remarks);
  // StaticCall on call `call` of function `fn`: an OCALLINTER whose receiver has one concrete
  // type T that implements the interface becomes OCALLFUNC of T's method expression with
  // receiver `x.(T)` (plus implicit dots, & or *), or, when the method is promoted from an
  // embedded interface, OCALLINTER on that field. `go_defer`: the call of a go/defer statement
  // (never devirtualized).
  void StaticCall(FuncId fn, NodeId call, bool go_defer);
  // State.InlinedCall: `call` (an OCALLFUNC of `fn`) was replaced in place by an OINLCALL;
  // the assignments its body makes, and those that took the call's interface results, are
  // recorded.
  void InlinedCall(FuncId fn, NodeId inlined);

 private:
  struct Assignment {
    types::TypeId type;  // a concrete (or unknown: none) type
    NodeId node;         // or an expression whose concrete type is the assignment's
  };
  struct CallAssign {
    VarId var;
    int index;   // into assignments_[var]
    int result;  // the call's result index
  };
  types::TypeId ConcreteType(NodeId n);
  types::TypeId ConcreteType1(NodeId n, std::unordered_map<uint32_t, bool>& seen, bool* no_type);
  const std::vector<Assignment>& Assignments(VarId n);
  int Assign(NodeId name, Assignment as, VarId* out);
  void AssignCallResult(NodeId lhs, NodeId call, size_t i);
  types::TypeId ResultType(NodeId call, size_t i) const;
  void Analyze(NodeId root);
  void Do(const ir::Node& n);
  VarId Canonical(VarId v) const;

  ir::Program& prog_;
  const types::Universe& u_;
  const Options& opts_;
  std::vector<Remark>* remarks_;
  std::unordered_map<uint32_t, bool> analyzed_;                        // by FuncId
  std::unordered_map<uint32_t, std::vector<Assignment>> assignments_;  // by canonical VarId
  std::unordered_map<uint32_t, std::vector<CallAssign>> call_assigns_;  // by call NodeId
};

}  // namespace escapist::inlining
