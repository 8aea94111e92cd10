// escape/batch.h -- private state of the escape analysis: the location graph of one batch
// (escape/graph.go), the per-function walker (escape.go `escape`), and the analyzer state that
// outlives batches (function tags, reassignment oracles). Only src/escape/*.cpp include it.
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "escape/escape.h"
#include "ir/ir.h"
#include "ir/reassign.h"
#include "types/types.h"

namespace escapist::escape {

using LocId = Id<struct EscLocTag>;
using ir::FuncId;
using ir::NodeId;
using ir::Op;
using ir::VarId;
using types::TypeId;

constexpr uint32_t kNoNote = 0xFFFF'FFFF;

// gc's locAttr bits.
enum LocAttr : uint8_t {
  kAttrEscapes = 1 << 0,   // the address escapes: heap allocate
  kAttrPersists = 1 << 1,  // the address outlives the statement
  kAttrMutates = 1 << 2,   // pointed-to memory may be written
  kAttrCalls = 1 << 3,     // reachable closures may be called with results lost
};
constexpr uint8_t kAttrAll = kAttrEscapes | kAttrPersists | kAttrMutates | kAttrCalls;

// gc's Func.Esc() states during escape analysis.
enum FuncEsc : uint8_t { kEscFuncUnknown, kEscFuncPlanned, kEscFuncStarted, kEscFuncTagged };

// Pragma bits (syntax::Pragma) the analysis reads.
constexpr uint32_t kPragmaNoescape = 1 << 1;
constexpr uint32_t kPragmaUintptrEscapes = 1 << 3;
constexpr uint32_t kPragmaUintptrKeepAlive = 1 << 4;

// A note on an edge, kept only at -m>=2: why a flow exists (`from WHERE (WHY)`).
struct EdgeNote {
  NodeId where;
  const char* why;
  uint32_t next = kNoNote;
  VarId where_var;  // instead of `where`: a variable (closure captures)
};

// gc's hole: "evaluate an expression into dst with this many dereferences".
struct Hole {
  LocId dst;
  int derefs = 0;  // >= -1
  uint32_t notes = kNoNote;
  bool addrtaken = false;  // this context takes the expression's address
};

// An assignment edge, stored on its destination.
struct Edge {
  LocId src;
  int derefs = 0;  // >= -1
  uint32_t notes = kNoNote;
};

// gc's location: a variable (var), an allocating expression (n), or an anonymous temporary.
struct Location {
  NodeId n;
  VarId var;
  FuncId curfn;
  std::vector<Edge> edges;  // incoming
  int loop_depth = 0;
  int result_index = 0;  // 1-based for results, else 0
  // walkOne scratch.
  int derefs = 0;
  uint32_t walkgen = 0;
  LocId dst;
  int dst_edge_idx = 0;
  bool queued_walk_all = false;
  uint32_t queued_walk_one = 0;
  uint8_t attrs = 0;
  Leaks param_esc;
  bool captured = false;
  bool reassigned = false;
  bool addrtaken = false;
  bool param = false;
  bool param_out = false;
  bool HasAttr(uint8_t a) const { return (attrs & a) != 0; }
};

// A statically known callee (gc's *ir.Name of class PFUNC): a function of this package (fn), or
// of another package (obj only).
struct Callee {
  FuncId fn;
  types::ObjId obj;
  friend bool operator==(const Callee&, const Callee&) = default;
};

class Analyzer;

// gc's ir.ReassignOracle; escape builds one per outermost function, shared by its closures.
using ReassignOracle = ir::ReassignOracle;

// Analysis state shared by all batches of one program.
class Analyzer {
 public:
  Analyzer(const ir::Program& prog, const types::Universe& u, const Options& opts, Result& result);
  void Run();

  const ir::Program& prog;
  const types::Universe& u;
  const Options& opts;
  Result& result;

  const ir::Node& N(NodeId id) const { return prog.nodes.Get(id); }
  const ir::Var& V(VarId id) const { return prog.vars.Get(id); }
  const ir::Func& F(FuncId id) const { return prog.funcs.Get(id); }
  std::vector<NodeId> List(IdSpan<NodeId> s) const { return prog.List(s); }

  // gc's Name.Canonical: a closure variable stands for the variable it captures.
  VarId Canonical(VarId v) const;
  // Name.Addrtaken as seen by later phases: the IR's flag or set by escape (by-ref capture).
  bool Addrtaken(VarId v) const;
  // The Func of this package declaring `obj`, if any.
  FuncId FuncOf(types::ObjId obj) const;
  // The callee named by n (ir.StaticCalleeName): PFUNC name, method expression, func literal.
  std::optional<Callee> StaticCalleeName(NodeId n) const;
  // The function's ReassignOracle, shared with its closures (batch.reassignOracle).
  const ReassignOracle& Oracle(FuncId fn);
  // Pragma bits of a callee (Func.Pragma, plus UintptrKeepAlive for bodyless functions).
  uint32_t Pragmas(const Callee& c) const;
  // ir.ContainsClosure(f, c).
  bool ContainsClosure(FuncId f, FuncId c) const;
  // Visits n and its sub-nodes pre-order, not descending into func literals; `fn` returns
  // false to skip the children.
  template <typename Fn>
  void Visit(NodeId n, Fn&& fn) const;

  std::vector<uint8_t> func_esc;          // FuncEsc per FuncId
  std::vector<uint8_t> results_lost;      // Func.ClosureResultsLost per FuncId
  std::vector<uint32_t> extra_pragmas;    // pragma bits set by escape (UintptrKeepAlive)
  std::vector<uint8_t> addrtaken_extra;   // per VarId
  std::unordered_map<uint32_t, FuncId> func_by_obj;
  std::unordered_map<uint32_t, std::shared_ptr<ReassignOracle>> oracles;
};

template <typename Fn>
void Analyzer::Visit(NodeId root, Fn&& fn) const {
  if (!root) return;
  std::vector<NodeId> stack{root};
  while (!stack.empty()) {
    NodeId id = stack.back();
    stack.pop_back();
    if (!id) continue;
    const ir::Node& n = N(id);
    if (!fn(id, n)) continue;
    // Push children in reverse so they are visited in order: init, x, y, z, w, list, list2.
    for (uint32_t i = n.list2.count; i-- > 0;) stack.push_back(prog.At(n.list2, i));
    for (uint32_t i = n.list.count; i-- > 0;) stack.push_back(prog.At(n.list, i));
    stack.push_back(n.w);
    stack.push_back(n.z);
    stack.push_back(n.y);
    stack.push_back(n.x);
    for (uint32_t i = n.init.count; i-- > 0;) stack.push_back(prog.At(n.init, i));
  }
}

class Escape;

// gc's batch: the location graph of one strongly connected set of functions.
class Batch {
 public:
  Batch(Analyzer& a, const std::vector<FuncId>& fns);
  void Run();

  Analyzer& a;
  std::vector<FuncId> fns;
  Store<LocId, Location> locs;
  std::vector<LocId> all_locs;
  struct Closure {
    Hole k;
    NodeId clo;
  };
  std::vector<Closure> closures;
  std::vector<EdgeNote> notes;
  std::unordered_map<uint32_t, LocId> var_loc;  // canonical var -> location (gc's Name.Opt)
  std::unordered_map<uint32_t, LocId> conv_tmp;  // rewriteArgument: OCONVNOP -> its temp
  LocId heap_loc, mutator_loc, callee_loc, blank_loc;

  Location& L(LocId id) { return locs.Get(id); }
  Hole HeapHole() const { return Hole{heap_loc}; }
  Hole MutatorHole() const { return Hole{mutator_loc}; }
  Hole CalleeHole() const { return Hole{callee_loc}; }
  Hole DiscardHole() const { return Hole{blank_loc}; }

  // graph.cpp
  Hole Note(Hole k, NodeId where, const char* why);
  Hole NoteVar(Hole k, VarId where, const char* why);
  Hole Shift(Hole k, int delta);
  Hole Deref(Hole k, NodeId where, const char* why) { return Note(Shift(k, 1), where, why); }
  Hole Addr(Hole k, NodeId where, const char* why) { return Note(Shift(k, -1), where, why); }
  Hole DotType(Hole k, TypeId t, NodeId where, const char* why);
  void Flow(Hole k, LocId src);
  LocId OldLoc(VarId v);
  bool InMutualBatch(FuncId fn) const;

  // closure.cpp
  void FlowClosure(Hole k, NodeId clo);

  // solve.cpp
  void WalkAll();
  void WalkOne(LocId root, uint32_t walkgen, std::deque<LocId>& todo_all);
  void EnqueueWalkAll(LocId l, std::deque<LocId>& todo_all);
  bool Outlives(LocId l, LocId other);
  void LeakTo(Location& l, LocId sink, int derefs);
  void ExplainPath(LocId root, LocId src);
  void ExplainFlow(const std::string& pos, LocId dst, LocId src, int derefs, uint32_t notes,
                   Pos remark_pos);
  std::string ExplainLoc(LocId l);
  std::string LocString(LocId l);  // gc's %v of location.n
  Pos LocPos(LocId l);
  std::string FmtPos(Pos p) const;
  void Explain(Pos pos, std::string text);  // one -m=2 line
  void StartExplanation(Explanation::Kind kind, LocId l, int derefs);

  // finish.cpp
  void RewriteWithLiterals(LocId loc);
  const char* HeapAllocReason(LocId loc);
  void Finish();
  void ParamTag(FuncId fn, int narg, VarId param, std::vector<Leaks>& out);
  void ReportLeaks(Pos pos, VarId param, const std::string& name, const Leaks& esc, FuncId fn);
  void AddRemark(Remark r);
  std::unordered_map<uint32_t, std::string> rewritten_text;  // node -> EXPR after rewrite
  std::unordered_map<uint32_t, int64_t> make_size;  // OMAKESLICE -> constant cap/len (rewritten)
};

// gc's escape: walks one function's body into the batch's graph.
class Escape {
 public:
  Escape(Batch& b, FuncId fn) : b(b), a(b.a), curfn(fn) {}
  Batch& b;
  Analyzer& a;
  FuncId curfn;
  std::map<std::string, int> labels;  // 1 looping, 2 nonlooping
  int loop_depth = 1;

  const ir::Node& N(NodeId id) const { return a.N(id); }

  // graph.cpp
  LocId NewLoc(NodeId n, VarId var, bool persists);
  Hole TeeHole(const std::vector<Hole>& ks);
  Hole Later(Hole k);
  Hole Spill(Hole k, NodeId n);

  // escape.cpp / stmt.cpp
  void InitFunc();
  void WalkFunc();
  void Stmt(NodeId n);
  void Stmts(IdSpan<NodeId> l);
  void Block(IdSpan<NodeId> l);
  Hole Dcl(VarId v);

  // expr.cpp
  void Expr(Hole k, NodeId n);
  void ExprSkipInit(Hole k, NodeId n);
  void UnsafeValue(Hole k, NodeId n);
  void Discard(NodeId n) { Expr(b.DiscardHole(), n); }
  void Discards(IdSpan<NodeId> l);
  void FlowVar(Hole k, VarId v);  // expr(k, ONAME v)

  // assign.cpp
  Hole AddrOf(NodeId n);  // gc's e.addr
  Hole AddrOfVar(VarId v);
  void Mutate(NodeId n) { Expr(b.MutatorHole(), n); }
  std::vector<Hole> Addrs(const std::vector<NodeId>& l);
  void AssignHeap(NodeId src, const char* why, NodeId where);
  void AssignList(const std::vector<NodeId>& dsts, const std::vector<NodeId>& srcs,
                  const char* why, NodeId where);
  void Reassigned(const std::vector<Hole>& ks, NodeId where);

  // call.cpp
  void Call(const std::vector<Hole>* ks, NodeId call);
  void GoDeferStmt(NodeId n);
  void RewriteArgument(NodeId arg, NodeId call, const std::vector<Callee>& fns);
  Hole MergedTagHole(const std::vector<Hole>* ks, const std::vector<Callee>& fns, int param_idx,
                     int nparams);
  Hole TagHole(const std::vector<Hole>* ks, const std::optional<Callee>& fn, int param);
};

// ---- type queries (utils.cpp)
types::TypeKind UKind(const types::Universe& u, TypeId t);
bool IsKindBasic(const types::Universe& u, TypeId t, types::BasicKind k);
bool IsArray(const types::Universe& u, TypeId t);
bool IsSlice(const types::Universe& u, TypeId t);
bool IsUintptr(const types::Universe& u, TypeId t);
bool IsUnsafePtr(const types::Universe& u, TypeId t);
bool IsPtr(const types::Universe& u, TypeId t);
TypeId Elem(const types::Universe& u, TypeId t);  // of the underlying (core) type
bool HasPtrs(const types::Universe& u, TypeId t);
bool IsUntypedT(const types::Universe& u, TypeId t);
using types::IsDirectIface;
using types::PtrDataSize;
bool IsInterfaceT(const types::Universe& u, TypeId t);
// Size of a struct of the given field types (gc's CalcStructSize).
int64_t StructSize(const types::Universe& u, const std::vector<TypeId>& fields);

// ---- IR queries (utils.cpp)
bool IsSelfAssign(const Analyzer& a, NodeId dst, NodeId src);
bool IsBlankNode(const Analyzer& a, NodeId n);
bool IsZeroNode(const Analyzer& a, NodeId n);
std::optional<int64_t> Int64Const(const Analyzer& a, NodeId n);  // OLITERAL integers
bool IsReflectHeaderDataField(const Analyzer& a, NodeId n);
bool IsCallOp(Op op);
// gc's %v of a node in messages: statements as ir/fmt.go stmtFmt prints them, else ExprString.
std::string NodeString(const Analyzer& a, NodeId n);

// Strongly connected components of the call graph, callees first (ir/scc.go).
void VisitFuncsBottomUp(const Analyzer& a,
                        const std::function<void(const std::vector<FuncId>&, bool)>& analyze);

}  // namespace escapist::escape
