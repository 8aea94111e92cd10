// driver/explain.cpp -- escapist explain (see driver/analysis.h): the model behind each account
// of report/explain.h, built from one package's analyses.
//
// Sources, for each fact stated:
//   * which values move, escape or leak, and why: escape analysis's verdicts in gc's emission
//     order (escape::Result::remarks, exactly gc's -m lines) and the -m=2 flow paths behind them
//     (escape::Result::explanations), gc's escape/solve.go explainPath;
//   * what a conversion to interface does at run time: walk's data-word choice
//     (walk::DataWords, gc's walk/convert.go dataWord) and runtime/iface.go's convT* routines;
//   * what the other allocations call and ask for: walk's lowering (walk/builtin.go
//     walkNew/walkMakeSlice/walkMakeChan, walk/closure.go, walk/string.go...) and the runtime
//     (runtime/malloc.go newobject, slice.go makeslice/growslice, string.go, chan.go makechan),
//     sized with types::SizeOf and served per cost::Classify;
//   * what is decided at run time although it does not escape: walkMakeSlice's 32-byte stack
//     buffer for non-constant sizes (base.Debug.VariableMakeThreshold) and ssagen's stack
//     backing store for appends (ssa.go getBackingStoreInfoForAppend, canSSA), and gc's slice
//     pass, which lets appends -m calls escaping start on the stack (cost/slice_pass.h);
//   * heap allocations -m has no line for: make(chan), go/defer wrapper closures.
// Whatever is not modelled is said so ("unknown: ..."), never guessed. Not modelled: map growth
// past one 1024-slot table (hash-dependent splits), -d=variablemakethreshold other than 32, the _defer records of
// defers in loops, GOEXPERIMENT=runtimefreegc.
#include "report/explain.h"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <iostream>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "cost/malloc.h"
#include "driver/analysis.h"
#include "cost/slice_pass.h"
#include "cost/swiss_map.h"
#include "ir/build.h"
#include "ir/reassign.h"
#include "report/report.h"
#include "walk/iface_table.h"
#include "walk/walk.h"

namespace escapist::driver {

namespace {

using ir::NodeId;
using ir::Op;
using ir::VarId;
using report::ExplainAllocation;
using report::ExplainEntry;
using report::ExplainSize;
using types::TypeId;
using When = ExplainAllocation::When;
using cost::ImportedLeaks;
using cost::RunSlicePass;
using cost::SliceMove;
using cost::SlicePassResult;

constexpr int64_t kPtrSize = 8;
// base.Debug.VariableMakeThreshold: bytes of the stack buffer walkMakeSlice and ssagen's append
// may use for results that do not escape.
constexpr int64_t kVariableMakeThreshold = 32;
// runtime/chan.go hchanSize on amd64: hchan's fields qcount, dataqsiz, buf (8 each), elemsize
// (2, padded to 4), closed (4), timer, elemtype, sendx, recvx (8 each), recvq, sendq (16 each),
// bubble (8), lock (mutex: key uintptr, 8) = 112 bytes, already a multiple of maxAlign (8).
constexpr int64_t kHchanSize = 112;
// internal/runtime/maps.Map on amd64: used, seed, dirPtr, dirLen (8 each), globalDepth,
// globalShift, writing, tombstonePossible (1 each, padded to 8), clearSeq (8) = 48 bytes, with a
// pointer (dirPtr). abi.MapGroupSlots = 8.
constexpr int64_t kMapHeaderSize = 48;
constexpr int64_t kMapGroupSlots = 8;
// ir.MaxImplicitStackVarSize and ir.MaxStackVarSize (escape's HeapAllocReason).
constexpr int64_t kMaxImplicitStackVarSize = 64 * 1024;
constexpr int64_t kMaxStackVarSize = 128 * 1024;

ExplainSize Fixed(int64_t bytes, bool noscan) {
  ExplainSize s;
  s.kind = ExplainSize::Kind::kFixed;
  s.bytes = bytes;
  s.noscan = noscan;
  cost::MallocClass m = cost::Classify(static_cast<uint64_t>(bytes), noscan);
  s.slot = m.slot;
  s.size_class = m.size_class;
  s.tiny = m.tiny;
  s.large = m.large;
  s.zero_size = m.zero_size;
  s.malloc = cost::Describe(m);
  return s;
}

ExplainSize Dynamic(std::string note, bool noscan) {
  ExplainSize s;
  s.kind = ExplainSize::Kind::kDynamic;
  s.noscan = noscan;
  s.note = std::move(note);
  return s;
}

ExplainSize Unknown(std::string why) {
  ExplainSize s;
  s.kind = ExplainSize::Kind::kUnknown;
  s.note = std::move(why);
  return s;
}

ExplainAllocation Alloc(std::string routine, When when, std::string condition, ExplainSize size) {
  ExplainAllocation a;
  a.routine = std::move(routine);
  a.when = when;
  a.condition = std::move(condition);
  a.size = std::move(size);
  return a;
}

// No allocation; `what` says what is used instead (the JSON's "routine" names it briefly:
// runtime.staticuint64s, runtime.zerobase, a static, "stack", ...).
ExplainAllocation NoAlloc(std::string what, std::string used = "") {
  ExplainAllocation a;
  a.when = When::kNever;
  a.routine = std::move(used);
  a.condition = std::move(what);
  return a;
}

std::string Quote(const std::string& s) { return "`" + s + "`"; }

// Builds the report for one analyzed package.
class Model {
 public:
  Model(PackageAnalysis& a, const Options& opts)
      : a_(a),
        u_(a.u),
        prog_(a.prog),
        esc_(a.esc),
        opts_(opts),
        words_(walk::DataWords(a.prog, a.u, a.esc)) {
    for (const escape::Explanation& e : esc_.explanations) {
      if (e.kind == escape::Explanation::Kind::kEscapes) {
        // The first explanation of a location is the one that made it escape.
        if (e.var) var_expl_.emplace(e.var.index(), &e);
        if (!e.var && e.node) node_expl_.emplace(e.node.index(), &e);
      } else if (e.var) {
        leak_expl_[e.var.index()].push_back(&e);
      }
    }
    IndexStatements();
    slices_ = RunSlicePass(prog_, u_, esc_, ImportedLeaksHook(), opts_.optimize_off);
  }

  report::ExplainReport Build();

 private:
  const ir::Node& N(NodeId id) const { return prog_.nodes.Get(id); }
  const ir::Var& V(VarId id) const { return prog_.vars.Get(id); }
  std::string Expr(NodeId id) const { return ir::ExprString(prog_, u_, id); }
  std::string Type(TypeId t) const { return t ? types::TypeString(u_, t, prog_.pkg) : "?"; }
  std::string FuncName(ir::FuncId f) const { return f ? ir::FuncName(prog_, f) : std::string(); }
  bool NoScan(TypeId t) const { return !t || !types::HasPointers(u_, t); }
  TypeId Elem(TypeId t) const;
  std::optional<int64_t> IntConst(NodeId id) const;
  // make(map) or a map literal at `id`: what making it and its first growths allocate
  // (cost/swiss_map.h); `escapes`: the map is on the heap.
  void MapAllocation(NodeId id, bool escapes, ExplainEntry& out);
  std::optional<std::string> StringConst(NodeId id) const;

  void IndexStatements();
  // Other packages' parameter leaks, from their analyses (PackageAnalysis::dependency).
  ImportedLeaks ImportedLeaksHook();
  const SliceMove* SliceMoveOf(NodeId append) const {
    auto it = slices_.by_append.find(append.index());
    return it == slices_.by_append.end() ? nullptr : &slices_.moves[it->second];
  }
  void SlicePassAllocation(NodeId id, const SliceMove& mv, ExplainEntry& out);
  void AddHeapEntry(const escape::Remark& r);
  void AddLeakEntries();
  void AddRunTimeAndStackEntries();
  void AddUnreportedEntries();
  void AddAddressTakenStackEntries();

  // The path of an explanation as source lines, and what it reaches; follows a root that is
  // itself an escaping location into its own explanation.
  void DescribePath(const escape::Explanation* e, Pos start, ExplainEntry& out);
  std::string RootText(const escape::Explanation& e, const escape::FlowStep& last,
                       const escape::Explanation** next);
  std::string CallText(NodeId call) const;

  // The allocations behind a verdict.
  void VarAllocation(VarId v, ExplainEntry& out);
  void NodeAllocation(NodeId id, bool escapes, ExplainEntry& out);
  void ConvAllocation(NodeId id, bool escapes, ExplainEntry& out);
  void MakeSliceAllocation(NodeId id, bool escapes, ExplainEntry& out);
  void AppendAllocation(NodeId id, bool escapes, ExplainEntry& out);
  bool CanSSA(NodeId lhs, std::string* why) const;
  bool SSAType(TypeId t) const;
  ExplainSize ClosureSize(NodeId id, std::string* layout) const;

  PackageAnalysis& a_;
  const types::Universe& u_;
  const ir::Program& prog_;
  const escape::Result& esc_;
  const Options& opts_;
  std::vector<walk::DataWord> words_;
  std::unordered_map<uint32_t, const escape::Explanation*> var_expl_, node_expl_;
  std::unordered_map<uint32_t, std::vector<const escape::Explanation*>> leak_expl_;
  // The assignment statement whose right-hand side is the node (appends), by NodeId.
  std::unordered_map<uint32_t, NodeId> assigned_by_;
  std::vector<ExplainEntry> entries_;
  SlicePassResult slices_;
  // make(chan) and func literal nodes with their function (for AddUnreportedEntries).
  std::vector<std::pair<NodeId, ir::FuncId>> unreported_candidates_;
  // Func literals called by a go or defer statement (OGO / ODEFER), by NodeId.
  std::unordered_map<uint32_t, Op> go_defer_;
  // The make([]T, n) operands of append(s, make([]T, n)...) (walk's isAppendOfMake), by NodeId:
  // walk's extendSlice grows s instead and never makes them.
  std::unordered_set<uint32_t> appended_makes_;
  // Variables whose address is taken explicitly (`&x`, implicit receivers included), by VarId:
  // the first position.
  std::map<uint32_t, Pos> addr_of_;
  // Function objects of other packages -> their FuncId in that package's IR (by PkgId).
  std::unordered_map<uint32_t, std::unordered_map<uint32_t, ir::FuncId>> dep_funcs_;
};

ImportedLeaks Model::ImportedLeaksHook() {
  return [this](types::ObjId obj, int param) -> std::optional<escape::Leaks> {
    const types::Object& o = u_.Obj(obj);
    if (!o.pkg || !a_.dependency) return std::nullopt;
    const DependencyAnalysis* d = a_.dependency(o.pkg);
    if (d == nullptr) return std::nullopt;
    auto [it, fresh] = dep_funcs_.try_emplace(o.pkg.index());
    if (fresh) {
      for (size_t i = 0; i < d->prog.funcs.size(); ++i) {
        ir::FuncId f(static_cast<uint32_t>(i));
        if (d->prog.funcs.Get(f).obj) it->second.emplace(d->prog.funcs.Get(f).obj.index(), f);
      }
    }
    auto f = it->second.find(obj.index());
    if (f == it->second.end()) return std::nullopt;
    const std::vector<escape::Leaks>& leaks = d->esc.leaks.Get(f->second);
    if (param < 0 || static_cast<size_t>(param) >= leaks.size()) return std::nullopt;
    return leaks[param];
  };
}

TypeId Model::Elem(TypeId t) const {
  if (!t) return TypeId();
  TypeId ut = types::Underlying(u_, t);
  if (ut && u_.Get(ut).kind == types::TypeKind::kTypeParam) ut = types::CoreType(u_, ut);
  if (!ut) return TypeId();
  const types::Type& tt = u_.Get(ut);
  return tt.elem;
}

std::optional<int64_t> Model::IntConst(NodeId id) const {
  if (!id || N(id).op != Op::kLiteral || !N(id).value) return std::nullopt;
  const types::Constant& c = u_.constants.Get(N(id).value);
  if (c.kind != types::Constant::Kind::kInt) return std::nullopt;
  mpz_class v = c.re.get_num();
  if (!v.fits_slong_p()) return std::nullopt;
  return v.get_si();
}

std::optional<std::string> Model::StringConst(NodeId id) const {
  if (!id || N(id).op != Op::kLiteral || !N(id).value) return std::nullopt;
  const types::Constant& c = u_.constants.Get(N(id).value);
  if (c.kind != types::Constant::Kind::kString) return std::nullopt;
  return c.s;
}

// Records, for every assignment `x = y` in every function, that y is assigned by it.
void Model::IndexStatements() {
  std::vector<std::pair<NodeId, ir::FuncId>> stack;
  for (size_t i = 0; i < prog_.funcs.size(); ++i) {
    ir::FuncId fid(static_cast<uint32_t>(i));
    const ir::Func& f = prog_.funcs.Get(fid);
    if (f.body) stack.push_back({f.body, fid});
  }
  std::unordered_set<uint32_t> seen;
  while (!stack.empty()) {
    auto [id, fid] = stack.back();
    stack.pop_back();
    if (!id || !seen.insert(id.index()).second) continue;
    const ir::Node& n = N(id);
    if (n.op == Op::kAs && n.y) assigned_by_.emplace(n.y.index(), id);
    if (n.op == Op::kMakeChan || n.op == Op::kClosure) unreported_candidates_.push_back({id, fid});
    if (n.op == Op::kAddr && n.x && N(n.x).op == Op::kName && N(n.x).var) {
      auto [it, fresh] = addr_of_.try_emplace(N(n.x).var.index(), n.pos);
      if (!fresh && n.pos < it->second) it->second = n.pos;
    }
    if ((n.op == Op::kGo || n.op == Op::kDefer) && n.x && N(n.x).op == Op::kCallFunc && N(n.x).x &&
        N(N(n.x).x).op == Op::kClosure) {
      go_defer_.emplace(N(n.x).x.index(), n.op);
    }
    if (n.op == Op::kAppend && n.has_dots && n.list.count == 2 && !opts_.optimize_off) {
      NodeId mk = prog_.At(n.list, 1);
      if (N(mk).op == Op::kMakeSlice && !N(mk).y) appended_makes_.insert(mk.index());
    }
    for (NodeId c : {n.x, n.y, n.z, n.w}) stack.push_back({c, fid});
    for (IdSpan<NodeId> s : {n.list, n.list2, n.init}) {
      for (uint32_t j = 0; j < s.count; ++j) stack.push_back({prog_.At(s, j), fid});
    }
  }
}

// ---- paths

std::string Model::CallText(NodeId call) const {
  if (!call) return "a call";
  const ir::Node& c = N(call);
  if (c.op == Op::kCallInter) {
    return "the interface method call " + Quote(Expr(call)) +
           ", whose implementation the compiler cannot see, so it assumes the argument is kept";
  }
  if (c.op == Op::kCallFunc && c.x) {
    const ir::Node& f = N(c.x);
    if ((f.op == Op::kName && !f.var && f.obj) || f.op == Op::kMethExpr) {
      return Quote(Expr(c.x)) +
             ", whose escape analysis (its parameter's leak tag) says the "
             "argument leaks to the heap";
    }
    if (f.op == Op::kClosure) {
      return "the func literal called at " + Quote(Expr(call)) +
             ", which leaks the argument to the heap";
    }
    return "the function value " + Quote(Expr(c.x)) +
           ", whose code the compiler cannot see, so it assumes the argument is kept";
  }
  if (c.op == Op::kGo || c.op == Op::kDefer) return "a go/defer statement";
  return Quote(Expr(call));
}

// What the last step of `e` reaches, in words. Sets *next to the explanation of that location
// when it is itself an escaping location (its path continues the story).
std::string Model::RootText(const escape::Explanation& e, const escape::FlowStep& last,
                            const escape::Explanation** next) {
  *next = nullptr;
  const escape::FlowNote* note = last.notes.empty() ? nullptr : &last.notes.back();
  std::string why = note ? note->why : "";
  if (last.dst_heap) {
    if (why == "call parameter") return "passed to " + CallText(note->node);
    if (auto it = e.node ? go_defer_.find(e.node.index()) : go_defer_.end();
        it != go_defer_.end() && (why.empty() || why == "spill")) {
      return it->second == Op::kGo
                 ? "started as a goroutine by a go statement: the goroutine may run after the "
                   "frame is gone"
                 : "deferred inside a loop (or a range-over-func body): the deferred closure is "
                   "heap-allocated because the frame cannot hold one per iteration";
    }
    if (why == "assign" && note->node && N(note->node).x) {
      NodeId lhs = N(note->node).x;
      const ir::Node& l = N(lhs);
      if (l.op == Op::kName && l.var && V(l.var).cls == ir::Class::kExtern) {
        return "stored in the package-level variable " + Quote(Expr(lhs)) +
               ", which lives for the whole program";
      }
      return "stored in " + Quote(Expr(lhs)) +
             ", memory reached through a pointer, which the compiler must assume is on the heap";
    }
    if (why == "too large for stack") {
      return fmt::format(
          "too large for the stack: gc heap-allocates variables over {} KiB and "
          "implicit allocations (new, &T{{}}, make, closures) over {} KiB",
          kMaxStackVarSize / 1024, kMaxImplicitStackVarSize / 1024);
    }
    if (why == "zero-sized element") {
      return "make of a zero-sized element type is always heap-allocated (it costs nothing: "
             "&runtime.zerobase)";
    }
    if (why == "send") return "sent on a channel: a channel's buffer is on the heap";
    if (why == "key of map put" || why == "map literal key" || why == "map literal value") {
      return "stored in a map: map storage is on the heap";
    }
    if (why == "appendee slice" || why == "appended slice..." || why == "copied slice") {
      return "copied by append or copy into a backing array the compiler assumes is on the heap";
    }
    if (why == "//go:uintptrescapes") return "passed to a //go:uintptrescapes function";
    if (note != nullptr) return fmt::format("the heap (gc's reason: {})", why);
    return "the heap";
  }
  if (last.dst_var) {
    const ir::Var& v = V(last.dst_var);
    if (v.cls == ir::Class::kParamOut) {
      std::string fn = FuncName(v.curfn);
      std::string r =
          "returned to the caller (result " + v.name + (fn.empty() ? "" : " of " + fn) + ")";
      if (e.kind == escape::Explanation::Kind::kLeaks) return r;
      return r + ", so it must outlive " + (fn.empty() ? "the" : fn + "'s") + " frame";
    }
    if (esc_.heap_vars.Get(last.dst_var) == 1) {
      auto it = var_expl_.find(last.dst_var.index());
      if (it != var_expl_.end() && it->second != &e) *next = it->second;
      return "stored in " + Quote(ir::VarName(prog_, u_, last.dst_var)) +
             ", which itself moves to the heap";
    }
    if (v.curfn && v.curfn != e.func) {
      return "stored in " + Quote(v.name) + " of the enclosing function " + FuncName(v.curfn) +
             ", which outlives the closure's frame";
    }
    return "stored in " + Quote(v.name) +
           ", declared outside the loop that creates the value, so it outlives one iteration";
  }
  if (last.dst_node) {
    auto it = node_expl_.find(last.dst_node.index());
    if (it != node_expl_.end() && it->second != &e) *next = it->second;
    bool heap = esc_.heap_nodes.Get(last.dst_node) == 1;
    return "held by " + Quote(Expr(last.dst_node)) +
           (heap ? ", which itself escapes to the heap" : "");
  }
  return "a compiler temporary that outlives the frame";
}

void Model::DescribePath(const escape::Explanation* e, Pos start, ExplainEntry& out) {
  auto add = [&](Pos p, const std::string& why) {
    if (!p.known()) return;
    if (!out.path.empty()) {
      report::ExplainPathLine& back = out.path.back();
      if (back.pos.file == p.file && back.pos.line == p.line) {
        if (!why.empty() && std::find(back.whys.begin(), back.whys.end(), why) == back.whys.end()) {
          back.whys.push_back(why);
        }
        return;
      }
    }
    report::ExplainPathLine l;
    l.pos = p;
    if (!why.empty()) l.whys.push_back(why);
    out.path.push_back(std::move(l));
  };
  add(start, "");
  std::vector<std::string> reaches;
  std::unordered_set<const escape::Explanation*> seen;
  while (e != nullptr && seen.insert(e).second && seen.size() <= 8) {
    for (const escape::FlowStep& s : e->steps) {
      for (const escape::FlowNote& n : s.notes) add(n.pos, n.why);
    }
    if (e->steps.empty()) break;
    const escape::Explanation* next = nullptr;
    reaches.push_back(RootText(*e, e->steps.back(), &next));
    if (e->truncated) {
      reaches.push_back(
          "(gc's explanation is truncated at an assignment cycle, "
          "golang.org/issue/35518)");
    }
    e = next;
  }
  for (size_t i = 0; i < reaches.size(); ++i) {
    out.outlives += (i == 0 ? "" : "; then ") + reaches[i];
  }
}

// ---- allocations

// The closure struct gc's walkClosure allocates: struct{F uintptr; captured...}, each captured
// variable by value (its type) or by reference (a pointer).
ExplainSize Model::ClosureSize(NodeId id, std::string* layout) const {
  const ir::Node& n = N(id);
  const ir::Func& fn = prog_.funcs.Get(n.func);
  int64_t off = kPtrSize;
  int64_t align = kPtrSize;
  bool noscan = true;
  bool last_zero = false;
  std::vector<std::string> parts{"F uintptr"};
  for (VarId cv : fn.closure_vars) {
    VarId c = ir::Canonical(prog_, cv);
    TypeId t = V(c).type;
    bool byval = esc_.byval.Get(c) == 1;
    int64_t size = byval ? types::SizeOf(u_, t) : kPtrSize;
    int64_t al = byval ? types::AlignOf(u_, t) : kPtrSize;
    if (al < 1) al = 1;
    off = (off + al - 1) / al * al + size;
    align = std::max(align, al);
    last_zero = size == 0;
    noscan = noscan && (byval ? NoScan(t) : false);
    parts.push_back(V(c).name + " " +
                    (byval ? Type(t) + " (by value)" : "*" + Type(t) + " (by reference)"));
  }
  if (last_zero) ++off;  // a trailing zero-size field gets a byte (types.CalcStructSize)
  off = (off + align - 1) / align * align;
  *layout = "struct{" + [&] {
    std::string s;
    for (size_t i = 0; i < parts.size(); ++i) s += (i ? "; " : "") + parts[i];
    return s;
  }() + "}";
  return Fixed(off, noscan);
}

void Model::VarAllocation(VarId v, ExplainEntry& out) {
  const ir::Var& var = V(v);
  TypeId t = var.type;
  if (!t) {
    out.allocations.push_back(
        Alloc("runtime.newobject", When::kAlways, "", Unknown("the variable's type is not known")));
    return;
  }
  int64_t size = types::SizeOf(u_, t);
  std::string when;
  if (var.cls == ir::Class::kParam) {
    out.notes.push_back(
        "a parameter that moves to the heap is copied into a new heap object "
        "when the function is entered (walk's heapmoves)");
  } else if (var.cls == ir::Class::kParamOut) {
    out.notes.push_back(
        "a result that moves to the heap is allocated when the function is "
        "entered and copied back into the result slot on return");
  }
  if (size == 0) {
    out.allocations.push_back(
        NoAlloc("zero-sized: runtime.newobject returns &runtime.zerobase, nothing is allocated",
                "runtime.zerobase"));
    return;
  }
  out.allocations.push_back(Alloc("runtime.newobject", When::kAlways, "", Fixed(size, NoScan(t))));
}

void Model::ConvAllocation(NodeId id, bool escapes, ExplainEntry& out) {
  const walk::DataWord* w = walk::FindDataWord(words_, id);
  const ir::Node& n = N(id);
  TypeId from = n.x ? N(n.x).type : TypeId();
  if (w == nullptr) {
    out.allocations.push_back(
        Alloc("runtime.convT*", When::kSometimes, "",
              Unknown("walk's data word for this conversion is not known (a function gc does not "
                      "compile, or an interface operand)")));
    return;
  }
  using DK = walk::DataWord::Kind;
  switch (w->kind) {
    case DK::kDirect:
      out.allocations.push_back(
          NoAlloc("a pointer-shaped value is its own data word", "direct interface"));
      return;
    case DK::kZeroSized:
      out.allocations.push_back(
          NoAlloc("a zero-sized value: the data word is &runtime.zerobase", "runtime.zerobase"));
      return;
    case DK::kSingleByte:
      out.allocations.push_back(
          NoAlloc("a single-byte value (bool or 1-byte integer): the data word points into "
                  "runtime.staticuint64s, a read-only table of the values 0..255",
                  "runtime.staticuint64s"));
      return;
    case DK::kZeroValue:
      out.allocations.push_back(
          NoAlloc("an all-zero literal: the data word points at runtime.zeroVal (1024 zero bytes)",
                  "runtime.zeroVal"));
      return;
    case DK::kStatic:
      out.allocations.push_back(
          NoAlloc("a constant: the compiler stores it in a read-only static (" + w->expr +
                      ") and the data word points there",
                  w->expr));
      return;
    case DK::kStack:
      out.allocations.push_back(
          NoAlloc("the conversion does not escape: the data word points at a stack temporary",
                  "stack temporary"));
      return;
    case DK::kRuntime:
      break;
  }
  const std::string routine = "runtime." + w->routine;
  if (!escapes) {
    out.notes.push_back(
        "the conversion does not escape, but its value is larger than 1024 bytes, so walk does "
        "not copy it to a stack temporary and calls " +
        routine + ", which allocates");
  }
  using RA = walk::IfaceConversion::Alloc;
  walk::RoutineCost cost =
      from ? walk::ConvRoutineCost(u_, w->routine, from) : walk::RoutineCost{RA::kUnknown};
  if (cost.when == RA::kIfAtLeast256) {
    out.allocations.push_back(
        Alloc(routine, When::kSometimes,
              "only when the value's bits, as an unsigned integer, are >= 256 (smaller values use "
              "&runtime.staticuint64s[v], no allocation)",
              Fixed(cost.size, cost.noscan)));
  } else if (cost.when == RA::kIfNonEmpty) {
    out.allocations.push_back(Alloc(routine, When::kSometimes,
                                    "unless the string is \"\" (then &runtime.zeroVal[0])",
                                    Fixed(cost.size, cost.noscan)));
    out.notes.push_back("convTstring copies the 16-byte string header, not its bytes");
  } else if (cost.when == RA::kIfNonNil) {
    out.allocations.push_back(Alloc(routine, When::kSometimes,
                                    "unless the slice's data pointer is nil (a nil slice); an "
                                    "empty non-nil slice allocates",
                                    Fixed(cost.size, cost.noscan)));
    out.notes.push_back("convTslice copies the 24-byte slice header, not the backing array");
  } else if (from) {
    out.allocations.push_back(Alloc(routine, When::kAlways, "", Fixed(cost.size, cost.noscan)));
  } else {
    out.allocations.push_back(
        Alloc(routine, When::kAlways, "", Unknown("the operand's type is not known")));
  }
}

void Model::MakeSliceAllocation(NodeId id, bool escapes, ExplainEntry& out) {
  const ir::Node& n = N(id);
  TypeId elem = Elem(n.type);
  NodeId cap_node = n.y ? n.y : n.x;
  std::optional<int64_t> cap = esc_.make_size.Get(id);
  if (!cap) cap = IntConst(cap_node);
  if (!elem) {
    out.allocations.push_back(
        Alloc("runtime.makeslice", When::kAlways, "", Unknown("the element type is not known")));
    return;
  }
  int64_t esize = types::SizeOf(u_, elem);
  bool noscan = NoScan(elem);
  std::string capname = cap_node ? Expr(cap_node) : "n";
  if (appended_makes_.count(id.index()) != 0) {
    out.summary = fmt::format(
        "{} is never made: append(s, make([]T, n)...) is walk's extendSlice, which grows s by {} "
        "zeroed elements in place (runtime.growslice, counted at the append, only when s's "
        "capacity is too small)",
        Quote(Expr(id)), capname);
    return;
  }
  if (escapes) {
    if (cap) {
      int64_t bytes = *cap * esize;
      if (bytes == 0) {
        out.allocations.push_back(
            NoAlloc("zero bytes: runtime.makeslice returns &runtime.zerobase", "runtime.zerobase"));
      } else {
        out.allocations.push_back(
            Alloc("runtime.makeslice", When::kAlways, "", Fixed(bytes, noscan)));
      }
    } else {
      out.allocations.push_back(
          Alloc("runtime.makeslice", When::kAlways, "",
                Dynamic(fmt::format("size depends on {} at run time: {}*{} bytes, rounded up to a "
                                    "size class",
                                    capname, esize, capname),
                        noscan)));
    }
    return;
  }
  // Does not escape.
  if (cap) {
    out.summary = fmt::format(
        "{} does not escape and its size is constant: its backing array "
        "[{}]{} ({} B) is a stack variable",
        Quote(Expr(id)), *cap, Type(elem), *cap * esize);
    return;
  }
  int64_t k = esize > 0 ? kVariableMakeThreshold / esize : 0;
  if (opts_.optimize_off) {
    out.summary = Quote(Expr(id)) +
                  " does not escape, but with -N walk does not try a stack buffer for a "
                  "non-constant size: it is allocated by runtime.makeslice";
    out.allocations.push_back(Alloc(
        "runtime.makeslice", When::kAlways, "",
        Dynamic(fmt::format("{}*{} bytes, rounded up to a size class", esize, capname), noscan)));
    return;
  }
  if (k == 0) {
    out.summary = fmt::format(
        "{} does not escape, but its size is not constant and its elements ({} B) are larger "
        "than the {}-byte stack buffer walk may use: it is allocated by runtime.makeslice",
        Quote(Expr(id)), esize, kVariableMakeThreshold);
    out.allocations.push_back(Alloc(
        "runtime.makeslice", When::kAlways, "",
        Dynamic(fmt::format("{}*{} bytes, rounded up to a size class", esize, capname), noscan)));
    return;
  }
  out.summary = fmt::format(
      "{} does not escape, but its size is not constant: walk (walkMakeSlice) gives it a "
      "{}-byte stack buffer of {} elements, used when the capacity fits",
      Quote(Expr(id)), kVariableMakeThreshold, k);
  out.allocations.push_back(Alloc(
      "runtime.makeslice", When::kSometimes,
      fmt::format("on the stack if {} <= {}, else on the heap", capname, k),
      Dynamic(fmt::format("{}*{} bytes, rounded up to a size class", esize, capname), noscan)));
}

// ssagen's canSSA of an assignment's destination: through fields and array elements to a local
// variable whose address is not taken, that stays in the frame (not a result of a function with
// defers), of a type SSA can hold (ssa.CanSSA). `why` says why not.
bool Model::CanSSA(NodeId lhs, std::string* why) const {
  if (opts_.optimize_off) {
    *why = "-N";
    return false;
  }
  NodeId n = lhs;
  while (n) {
    const ir::Node& x = N(n);
    if (x.op == Op::kDot) {
      n = x.x;
      continue;
    }
    if (x.op == Op::kIndex && x.x) {
      TypeId ut = N(x.x).type ? types::Underlying(u_, N(x.x).type) : TypeId();
      if (ut && u_.Get(ut).kind == types::TypeKind::kArray) {
        n = x.x;
        continue;
      }
    }
    break;
  }
  if (!n || N(n).op != Op::kName || !N(n).var) {
    *why = "it is memory reached through a pointer, not a local variable";
    return false;
  }
  VarId v = N(n).var;
  const ir::Var& var = V(v);
  VarId c = ir::Canonical(prog_, v);
  if (var.cls == ir::Class::kExtern) {
    *why = "it is a package-level variable";
    return false;
  }
  if (var.addrtaken || V(c).addrtaken || esc_.byval.Get(c) == 2) {
    *why = "the address of " + var.name + " is taken";
    return false;
  }
  if (esc_.heap_vars.Get(c) == 1) {
    *why = var.name + " is moved to the heap";
    return false;
  }
  if (var.cls == ir::Class::kParamOut && var.curfn && prog_.funcs.Get(var.curfn).has_defer) {
    *why = var.name + " is a result of a function with defers";
    return false;
  }
  if (!SSAType(var.type)) {
    *why = "the type of " + var.name + " is too big for SSA";
    return false;
  }
  return true;
}

// ssa.CanSSA: at most 4 words, structs of at most 4 fields and arrays of at most 1 element, all
// of them SSA-able.
bool Model::SSAType(TypeId t) const {
  if (!t) return false;
  if (types::SizeOf(u_, t) > 4 * kPtrSize) return false;
  TypeId ut = types::Underlying(u_, t);
  if (!ut) return false;
  const types::Type& tt = u_.Get(ut);
  if (tt.kind == types::TypeKind::kArray) return tt.len <= 1 && (tt.len == 0 || SSAType(tt.elem));
  if (tt.kind == types::TypeKind::kStruct) {
    if (tt.fields.size() > 4) return false;
    for (types::ObjId f : tt.fields) {
      if (!SSAType(u_.Obj(f).type)) return false;
    }
  }
  return true;
}

void Model::AppendAllocation(NodeId id, bool escapes, ExplainEntry& out) {
  const ir::Node& n = N(id);
  TypeId elem = Elem(n.type);
  int64_t esize = elem ? types::SizeOf(u_, elem) : -1;
  bool noscan = NoScan(elem);
  std::string grow =
      "size depends on the slice's length and capacity at run time: growslice "
      "doubles the capacity below 256 elements, then grows it by about 1.25x, and "
      "rounds the array up to a size class";
  if (const SliceMove* mv = SliceMoveOf(id)) {
    SlicePassAllocation(id, *mv, out);
    return;
  }
  if (escapes) {
    out.allocations.push_back(Alloc("runtime.growslice", When::kSometimes,
                                    "only when the slice's capacity is too small",
                                    Dynamic(grow, noscan)));
    return;
  }
  // Does not escape: ssagen's append may use a 32-byte stack backing store.
  std::string why_not;
  if (esize <= 0 || esize > kVariableMakeThreshold) {
    why_not = fmt::format("its elements ({} B) do not fit the {}-byte stack store", esize,
                          kVariableMakeThreshold);
  } else if (opts_.optimize_off) {
    why_not = "-N turns the stack store off";
  } else if (n.has_dots) {
    why_not = "append(s, t...) is lowered by walk and never uses the stack store";
  } else {
    auto it = assigned_by_.find(id.index());
    NodeId first = n.list.count > 0 ? prog_.At(n.list, 0) : NodeId();
    if (it != assigned_by_.end() && N(it->second).x && first &&
        Expr(N(it->second).x) == Expr(first)) {
      // `x = append(x, ...)` with x not SSA-able is done in place (ssagen's OAS case: SameSafeExpr
      // and !canSSA), and in-place appends never use the stack store.
      NodeId lhs = N(it->second).x;
      std::string why;
      if (!CanSSA(lhs, &why)) {
        why_not = fmt::format(
            "{} = append({}, ...) updates {} in place ({}), which never uses the stack store",
            Expr(lhs), Expr(lhs), Expr(lhs), why);
      }
    }
  }
  if (!why_not.empty()) {
    out.summary = "append does not escape, but " + why_not +
                  ": when it grows the slice, the "
                  "new array is allocated on the heap";
    out.allocations.push_back(Alloc("runtime.growslice", When::kSometimes,
                                    "only when the slice's capacity is too small",
                                    Dynamic(grow, noscan)));
    return;
  }
  int64_t k = kVariableMakeThreshold / esize;
  out.summary = fmt::format(
      "append does not escape: the first time in a call that it grows an empty slice to at most "
      "{} elements, it uses a {}-byte stack backing store (ssagen's getBackingStoreInfoForAppend); "
      "any other growth is allocated on the heap",
      k, kVariableMakeThreshold);
  out.allocations.push_back(Alloc(
      "runtime.growslice", When::kSometimes,
      fmt::format("on the stack for the first growth of an empty slice to at most {} elements "
                  "in each call, else on the heap when the capacity is too small",
                  k),
      Dynamic(grow, noscan)));
}

// An append the slice pass made EscNone: a 32-byte stack store while the slice is exclusive,
// move2heap at the transition (ssagen's append and move2heap; runtime/slice.go growsliceBuf,
// moveSlice*).
void Model::SlicePassAllocation(NodeId id, const SliceMove& mv, ExplainEntry& out) {
  const ir::Node& n = N(id);
  TypeId elem = Elem(n.type);
  int64_t esize = elem ? types::SizeOf(u_, elem) : 0;
  bool noscan = NoScan(elem);
  std::string s = Quote(ir::VarName(prog_, u_, mv.slice));
  const ir::Node& t = N(mv.transition);
  std::string at = fmt::format("line {}", t.pos.line);
  std::string where = t.op == Op::kReturn  ? "returned"
                      : t.op == Op::kRange ? "ranged over"
                                           : "assigned";
  std::string grow =
      "size depends on the slice's length and capacity at run time: growslice "
      "doubles the capacity below 256 elements, then grows it by about 1.25x, and "
      "rounds the array up to a size class";
  int64_t k = esize > 0 ? kVariableMakeThreshold / esize : 0;
  out.notes.push_back(fmt::format(
      "after escape analysis, gc's slice pass (slice/slice.go) proves that {} is only shared "
      "where it is {} at {}: it marks this append as not escaping and copies {} to the heap "
      "just before that statement (move2heap)",
      s, where, at, s));
  if (n.has_dots || k == 0) {
    out.allocations.push_back(Alloc(
        "runtime.growslice", When::kSometimes,
        n.has_dots ? "only when the capacity is too small (append(s, t...) never uses the stack "
                     "store)"
                   : "only when the capacity is too small",
        Dynamic(grow, noscan)));
  } else if (mv.cap_used) {
    out.allocations.push_back(Alloc(
        "runtime.growsliceBuf", When::kSometimes,
        fmt::format("on the stack while the length stays <= {} (growth steps up one size class "
                    "at a time inside the {}-byte stack buffer, because the capacity is "
                    "observed), else on the heap via growslice",
                    k, kVariableMakeThreshold),
        Dynamic(grow, noscan)));
  } else {
    out.allocations.push_back(Alloc(
        "runtime.growslice", When::kSometimes,
        fmt::format("on the stack for the first growth of an empty slice to at most {} elements "
                    "in each call ({}-byte stack store), else on the heap when the capacity is "
                    "too small",
                    k, kVariableMakeThreshold),
        Dynamic(grow, noscan)));
  }
  std::string move = mv.cap_used
                         ? (noscan ? "runtime.moveSliceNoScan" : "runtime.moveSlice")
                         : (noscan ? "runtime.moveSliceNoCapNoScan" : "runtime.moveSliceNoCap");
  if (n.has_dots || k == 0) return;
  out.allocations.push_back(
      Alloc(move, When::kSometimes,
            fmt::format("at {}, only when {} still points into the stack frame", at, s),
            Dynamic(mv.cap_used ? fmt::format("cap({})*{} bytes (the whole capacity is kept)",
                                              ir::VarName(prog_, u_, mv.slice), esize)
                                : fmt::format("len({})*{} bytes, rounded up to a size class",
                                              ir::VarName(prog_, u_, mv.slice), esize),
                    noscan)));
}

void Model::MapAllocation(NodeId id, bool escapes, ExplainEntry& out) {
  const ir::Node& n = N(id);
  cost::MapLayout l = cost::MapLayoutOf(u_, n.type);
  std::optional<int64_t> hint = n.op == Op::kMapLit ? std::optional<int64_t>(n.list.count)
                                : !n.x                 ? std::optional<int64_t>(0)
                                                       : IntConst(n.x);
  auto add = [&](const std::vector<cost::MapAlloc>& as, When when, const std::string& cond) {
    for (const cost::MapAlloc& a : as) {
      out.allocations.push_back(Alloc(a.what, when, cond,
                                      Fixed(static_cast<int64_t>(a.size), a.noscan)));
    }
  };
  cost::SwissMap m;
  if (hint.has_value()) {
    // walkMakeMap and maps.NewMap with the constant hint (a literal's hint is its length).
    add(cost::MakeMap(l, escapes, *hint, true, &m), When::kAlways, "");
  } else {
    if (escapes) {
      add({{kMapHeaderSize, false, "runtime.makemap (maps.Map)"}}, When::kAlways, "");
    }
    out.allocations.push_back(Alloc(
        "runtime.makemap (tables)", When::kSometimes,
        fmt::format("when the hint is over {} at run time", kMapGroupSlots),
        Dynamic(fmt::format("a directory of pointers, then per table 32 B and groups of {} B "
                            "for hint*8/7 slots (tables of at most 1024)",
                            l.group_size),
                l.group_noscan)));
    cost::MakeMap(l, escapes, 0, false, &m);
  }
  // The inserts that first grow it: the first group (a heap map), the 16-slot table at the 9th
  // key, the rehashes that follow (internal/runtime/maps PutSlot, growToTable, rehash).
  std::string why;
  int shown = 0;
  for (int64_t key = 1; key <= 1024 && shown < 3; ++key) {
    std::optional<std::vector<cost::MapAlloc>> as = cost::InsertNew(l, &m, &why);
    if (!as.has_value()) break;
    std::vector<cost::MapAlloc> growth;
    for (const cost::MapAlloc& a : *as) {
      if (a.what.find("stored indirectly") == std::string::npos) growth.push_back(a);
    }
    if (growth.empty()) continue;
    ++shown;
    add(growth, When::kSometimes,
        fmt::format("when key {} is inserted (runtime.mapassign{})", key,
                    hint.has_value() ? "" : ", for a hint of at most 8"));
  }
  if (l.indirect_key || l.indirect_elem) {
    cost::SwissMap probe;
    probe.form = cost::SwissMap::Form::kSmall;
    add(*cost::InsertNew(l, &probe, &why), When::kSometimes,
        "for each new key (over 128 bytes: stored behind a pointer)");
  }
}

void Model::NodeAllocation(NodeId id, bool escapes, ExplainEntry& out) {
  const ir::Node& n = N(id);
  switch (n.op) {
    case Op::kConvIface:
      ConvAllocation(id, escapes, out);
      return;
    case Op::kNew:
    case Op::kPtrLit: {
      TypeId t = Elem(n.type);
      if (!t) {
        out.allocations.push_back(
            Alloc("runtime.newobject", When::kAlways, "", Unknown("the type is not known")));
      } else if (n.dynamic_type) {
        out.allocations.push_back(
            Alloc("runtime.newobject", When::kAlways, "",
                  Unknown("the type comes from a generic dictionary; its size depends on the type "
                          "argument")));
      } else if (types::SizeOf(u_, t) == 0) {
        out.allocations.push_back(
            NoAlloc("zero-sized: runtime.newobject returns &runtime.zerobase, nothing is allocated",
                    "runtime.zerobase"));
      } else {
        out.allocations.push_back(
            Alloc("runtime.newobject", When::kAlways, "", Fixed(types::SizeOf(u_, t), NoScan(t))));
      }
      return;
    }
    case Op::kMakeSlice:
      MakeSliceAllocation(id, escapes, out);
      return;
    case Op::kMakeMap:
    case Op::kMapLit:
      MapAllocation(id, true, out);
      return;
    case Op::kMakeChan:
      return;
    case Op::kSliceLit: {
      TypeId elem = Elem(n.type);
      int64_t len = 0, idx = 0;
      for (uint32_t i = 0; i < n.list.count; ++i) {
        NodeId e = prog_.At(n.list, i);
        if (e && N(e).op == Op::kKey) {
          if (std::optional<int64_t> k = IntConst(N(e).x)) idx = *k;
        }
        ++idx;
        len = std::max(len, idx);
      }
      if (!elem) {
        out.allocations.push_back(Alloc("runtime.newobject", When::kAlways, "",
                                        Unknown("the element type is not known")));
      } else if (len * types::SizeOf(u_, elem) == 0) {
        out.allocations.push_back(
            NoAlloc("a zero-sized backing array: &runtime.zerobase", "runtime.zerobase"));
      } else {
        out.allocations.push_back(Alloc("runtime.newobject", When::kAlways, "",
                                        Fixed(len * types::SizeOf(u_, elem), NoScan(elem))));
        out.notes.push_back(fmt::format("the backing array is [{}]{}", len, Type(elem)));
      }
      return;
    }
    case Op::kClosure: {
      if (!n.func || !prog_.funcs.Get(n.func).is_closure) {
        out.allocations.push_back(
            NoAlloc("the func literal captures no variables: walk makes it a static function value",
                    "static closure"));
        return;
      }
      std::string layout;
      ExplainSize s = ClosureSize(id, &layout);
      out.allocations.push_back(Alloc("runtime.newobject", When::kAlways, "", s));
      out.notes.push_back("the closure is " + layout);
      return;
    }
    case Op::kMethValue: {
      TypeId rt = n.x ? N(n.x).type : TypeId();
      if (!rt) {
        out.allocations.push_back(Alloc("runtime.newobject", When::kAlways, "",
                                        Unknown("the receiver's type is not known")));
        return;
      }
      int64_t al = std::max<int64_t>(types::AlignOf(u_, rt), 1);
      int64_t rs = types::SizeOf(u_, rt);
      int64_t size = (kPtrSize + al - 1) / al * al + rs;
      if (rs == 0) ++size;
      size = (size + kPtrSize - 1) / kPtrSize * kPtrSize;
      out.allocations.push_back(
          Alloc("runtime.newobject", When::kAlways, "", Fixed(size, NoScan(rt))));
      out.notes.push_back("the method value is a closure struct{F uintptr; R " + Type(rt) +
                          "} holding a copy of the receiver");
      return;
    }
    case Op::kAddStr: {
      int64_t constant = 0;
      bool all_const = true;
      std::vector<std::string> dyn;
      for (uint32_t i = 0; i < n.list.count; ++i) {
        NodeId op = prog_.At(n.list, i);
        if (std::optional<std::string> s = StringConst(op)) {
          constant += static_cast<int64_t>(s->size());
        } else {
          all_const = false;
          dyn.push_back("len(" + Expr(op) + ")");
        }
      }
      std::string cond =
          "unless the result is \"\" or only one operand is non-empty at run "
          "time (concatstrings then returns that operand without copying)";
      if (all_const) {
        out.allocations.push_back(
            Alloc("runtime.concatstrings", When::kSometimes, cond, Fixed(constant, true)));
      } else {
        std::string total = fmt::format("{}", fmt::join(dyn, " + "));
        if (constant > 0) total += fmt::format(" + {}", constant);
        out.allocations.push_back(Alloc("runtime.concatstrings", When::kSometimes, cond,
                                        Dynamic("size depends on the operands at run time: " +
                                                    total + " bytes, rounded up to a size class",
                                                true)));
      }
      return;
    }
    case Op::kStr2Bytes:
    case Op::kStr2Runes: {
      bool bytes = n.op == Op::kStr2Bytes;
      if (bytes && esc_.zero_copy.Get(id) == 1) {
        out.allocations.push_back(NoAlloc(
            "the []byte is never written to: gc makes it share the string's memory (zero-copy)",
            "zero-copy"));
        return;
      }
      const char* routine = bytes ? "runtime.stringtoslicebyte" : "runtime.stringtoslicerune";
      std::optional<std::string> s = StringConst(n.x);
      if (s) {
        int64_t len = bytes ? static_cast<int64_t>(s->size()) : 0;
        if (!bytes) {
          for (unsigned char c : *s) len += (c & 0xC0) != 0x80;  // runes
          len *= 4;
        }
        if (len == 0) {
          out.allocations.push_back(NoAlloc("an empty result: no allocation", "empty"));
        } else {
          ExplainSize sz = Fixed(static_cast<int64_t>(cost::RoundUpSize(len, true)), true);
          sz.note = fmt::format("{} bytes, capacity rounded up to the size class", len);
          out.allocations.push_back(Alloc(routine, When::kAlways, "", sz));
        }
      } else {
        out.allocations.push_back(Alloc(
            routine, When::kSometimes, "unless the result is empty",
            Dynamic(bytes ? "size depends on len(" + Expr(n.x) +
                                ") at run time, rounded up to a size class (the capacity grows "
                                "with it)"
                          : "size depends on the number of runes of " + Expr(n.x) +
                                " at run time: 4 bytes each, rounded up to a size class",
                    true)));
      }
      return;
    }
    case Op::kBytes2Str:
      out.allocations.push_back(
          Alloc("runtime.slicebytetostring", When::kSometimes,
                "unless the length is 0 (\"\") or 1 (a pointer into runtime.staticuint64s)",
                Dynamic("size depends on len(" + Expr(n.x) +
                            ") at run time, rounded up to a size "
                            "class",
                        true)));
      return;
    case Op::kRunes2Str:
      out.allocations.push_back(Alloc(
          "runtime.slicerunetostring", When::kSometimes, "unless the result is empty",
          Dynamic("size depends on the UTF-8 length of " + Expr(n.x) + " at run time", true)));
      return;
    case Op::kRuneStr:
      out.allocations.push_back(Alloc("runtime.intstring", When::kAlways, "", Fixed(4, true)));
      out.notes.push_back(
          "intstring allocates 4 bytes (the longest UTF-8 encoding) and slices "
          "the string to the rune's length");
      return;
    case Op::kAppend:
      AppendAllocation(id, escapes, out);
      return;
    default:
      out.allocations.push_back(
          Alloc("?", When::kSometimes, "",
                Unknown(std::string("allocations of ") + ir::OpName(n.op) + " are not modelled")));
      return;
  }
}

// ---- entries

std::string VarKind(const ir::Var& v) {
  switch (v.cls) {
    case ir::Class::kParam:
      return "parameter";
    case ir::Class::kParamOut:
      return "result";
    default:
      return v.is_temp ? "compiler temporary" : "local variable";
  }
}

void Model::AddHeapEntry(const escape::Remark& r) {
  using K = escape::Remark::Kind;
  ExplainEntry e;
  e.pos = r.pos;
  e.func = FuncName(r.func);
  e.gc.push_back(report::RemarkText(r, prog_, u_));
  if (r.kind == K::kMovedToHeap) {
    e.kind = ExplainEntry::Kind::kMovedToHeap;
    e.op = "ONAME";
    const ir::Var& v = V(r.var);
    std::string fn = e.func.empty() ? "its function" : e.func;
    e.summary = fmt::format(
        "{} (a {} of type {}) moves to the heap: it would live in {}'s frame, but a reference to "
        "it outlives the frame, so it is allocated on the heap{}",
        Quote(ir::VarName(prog_, u_, r.var)), VarKind(v), Type(v.type), fn,
        v.cls == ir::Class::kAuto ? " where it is declared" : " when the function is entered");
    auto it = var_expl_.find(r.var.index());
    DescribePath(it == var_expl_.end() ? nullptr : it->second, v.pos, e);
    VarAllocation(r.var, e);
  } else {
    NodeId id = r.node;
    const ir::Node& n = N(id);
    e.kind =
        n.op == Op::kAppend ? ExplainEntry::Kind::kAppendEscapes : ExplainEntry::Kind::kEscapes;
    e.op = ir::OpName(n.op);
    std::string what;
    switch (n.op) {
      case Op::kConvIface: {
        TypeId from = n.x ? N(n.x).type : TypeId();
        what = fmt::format(
            "the value of {} ({}) escapes: the interface type {} holds it "
            "through a pointer (its data word), and the interface value outlives "
            "the frame, so what the pointer points at cannot live in the frame",
            Quote(Expr(n.x ? n.x : id)), Type(from), Type(n.type));
        break;
      }
      case Op::kAppend:
        what = SliceMoveOf(id) != nullptr
                   ? "escape analysis finds that the backing array this append may allocate "
                     "outlives the frame; gc's slice pass then lets it start on the stack anyway "
                     "(see the note)"
                   : "the backing array this append may allocate escapes, so it cannot be on "
                     "the stack";
        break;
      case Op::kClosure:
        what =
            "the func literal escapes: its closure (a function pointer and the captured "
            "variables) outlives the frame";
        break;
      case Op::kMethValue:
        what = fmt::format(
            "the method value {} escapes: its closure (a function pointer and a "
            "copy of the receiver) outlives the frame",
            Quote(Expr(id)));
        break;
      case Op::kSliceLit:
        what = n.implicit ? "the implicit slice holding a variadic call's arguments escapes"
                          : "the backing array of the slice literal escapes";
        break;
      case Op::kMakeSlice:
        what = fmt::format("the backing array of {} escapes", Quote(Expr(id)));
        break;
      case Op::kAddStr:
        what = "the concatenated string escapes, so it cannot be built in a stack buffer";
        break;
      default:
        what =
            fmt::format("{} escapes: the memory it allocates outlives the frame", Quote(Expr(id)));
        break;
    }
    e.summary = what;
    auto it = node_expl_.find(id.index());
    DescribePath(it == node_expl_.end() ? nullptr : it->second, n.pos, e);
    NodeAllocation(id, /*escapes=*/true, e);
    bool never = !e.allocations.empty();
    for (const ExplainAllocation& al : e.allocations) never = never && al.when == When::kNever;
    if (never) {
      e.notes.push_back("gc reports it as escaping, yet it allocates nothing at run time");
    }
  }
  if (r.pos.known() && e.path.empty()) {
    e.notes.push_back("unknown: no -m=2 flow path was recorded for this verdict");
  }
  entries_.push_back(std::move(e));
}

void Model::AddLeakEntries() {
  using K = escape::Remark::Kind;
  // One entry per parameter, gc's lines in emission order.
  std::map<std::pair<uint32_t, uint32_t>, size_t> by_param;  // (func, var) -> entry
  for (const escape::Remark& r : esc_.remarks) {
    if (r.verbosity > 1) continue;
    if (r.kind != K::kLeakingParam && r.kind != K::kLeakingParamContent &&
        r.kind != K::kLeakingParamToResult) {
      continue;
    }
    if (!r.var) continue;
    auto key = std::make_pair(r.func.index(), r.var.index());
    auto it = by_param.find(key);
    if (it == by_param.end()) {
      ExplainEntry e;
      e.kind = ExplainEntry::Kind::kLeaks;
      e.pos = r.pos;
      e.func = FuncName(r.func);
      it = by_param.emplace(key, entries_.size()).first;
      entries_.push_back(std::move(e));
    }
    ExplainEntry& e = entries_[it->second];
    e.gc.push_back(report::RemarkText(r, prog_, u_));
    std::string p = Quote(ir::VarName(prog_, u_, r.var));
    std::string s;
    if (r.kind == K::kLeakingParam) {
      s = fmt::format(
          "parameter {} leaks to the heap: what a caller passes may be kept beyond "
          "the call, so whatever it points to must be on the heap (a caller's &x "
          "moves x there; a value converted to an interface for it escapes)",
          p);
    } else if (r.kind == K::kLeakingParamContent) {
      s = fmt::format(
          "the contents of parameter {} leak to the heap: values reached through "
          "what the caller passes must be on the heap, while the argument itself may "
          "stay on the caller's stack",
          p);
    } else if (r.level == 0) {
      s = fmt::format(
          "parameter {} leaks to result {}: the function returns the pointer it "
          "was given, so the caller's argument escapes only if the caller lets the "
          "result escape",
          p, r.text);
    } else {
      s = fmt::format(
          "parameter {} leaks to result {} through {} dereference{}: what it points "
          "to is returned, so values the caller's argument reaches escape only if "
          "the caller lets the result escape",
          p, r.text, r.level, r.level == 1 ? "" : "s");
    }
    e.summary += (e.summary.empty() ? "" : "; ") + s;
  }
  for (const auto& [key, idx] : by_param) {
    ExplainEntry& e = entries_[idx];
    VarId v(key.second);
    auto it = leak_expl_.find(key.second);
    ir::FuncId fn(key.first);
    if (it == leak_expl_.end() && fn && !prog_.funcs.Get(fn).body) {
      e.outlives =
          "the function has no Go body (assembly, or a linkname), so gc assumes its "
          "pointer parameters leak to the heap unless it is marked //go:noescape";
      continue;
    }
    if (it == leak_expl_.end()) {
      e.notes.push_back("unknown: no -m=2 flow path was recorded for this leak");
      continue;
    }
    // Each leak's path: the first explanation per root (gc may explain a root twice).
    std::set<std::string> roots;
    for (const escape::Explanation* x : it->second) {
      if (x->steps.empty()) continue;
      std::string root = x->steps.back().dst;
      if (!roots.insert(root).second) continue;
      ExplainEntry part;
      DescribePath(x, V(v).pos, part);
      for (report::ExplainPathLine& l : part.path) {
        bool dup = false;
        for (const report::ExplainPathLine& have : e.path) {
          dup = dup || (have.pos.file == l.pos.file && have.pos.line == l.pos.line);
        }
        if (!dup) e.path.push_back(std::move(l));
      }
      if (!part.outlives.empty()) {
        e.outlives += (e.outlives.empty() ? "" : "; and ") + part.outlives;
      }
    }
    e.allocations.clear();
  }
}

void Model::AddRunTimeAndStackEntries() {
  using K = escape::Remark::Kind;
  std::unordered_set<uint32_t> done;
  for (const escape::Remark& r : esc_.remarks) {
    if (r.verbosity > 1 || !r.node) continue;
    bool not_escape = r.kind == K::kDoesNotEscape || r.kind == K::kAppendDoesNotEscape ||
                      (r.kind == K::kOther && r.text.size() > 16 &&
                       r.text.compare(r.text.size() - 16, 16, " does not escape") == 0);
    if (!not_escape || !done.insert(r.node.index()).second) continue;
    const ir::Node& n = N(r.node);
    ExplainEntry e;
    e.op = ir::OpName(n.op);
    e.pos = r.pos;
    e.func = FuncName(r.func);
    e.gc.push_back(report::RemarkText(r, prog_, u_));
    if (n.op == Op::kMakeSlice || n.op == Op::kAppend) {
      if (n.op == Op::kMakeSlice) {
        MakeSliceAllocation(r.node, false, e);
      } else {
        AppendAllocation(r.node, false, e);
      }
      e.kind = e.allocations.empty() ? ExplainEntry::Kind::kStack : ExplainEntry::Kind::kRunTime;
      entries_.push_back(std::move(e));
      continue;
    }
    if (n.op == Op::kConvIface) {
      const walk::DataWord* w = walk::FindDataWord(words_, r.node);
      if (w != nullptr && w->kind == walk::DataWord::Kind::kRuntime) {
        e.kind = ExplainEntry::Kind::kRunTime;
        e.summary = "the conversion does not escape, yet it allocates";
        ConvAllocation(r.node, false, e);
        entries_.push_back(std::move(e));
        continue;
      }
    }
    e.kind = ExplainEntry::Kind::kStack;
    switch (n.op) {
      case Op::kConvIface:
        e.summary =
            "the interface value stays in the frame: its data word points at a stack "
            "copy or a static, no allocation";
        break;
      case Op::kClosure:
        e.summary =
            "the func literal stays in the frame: its closure and the variables it "
            "captures by reference stay on the stack";
        break;
      case Op::kSliceLit:
        e.summary = n.implicit ? "the variadic arguments' slice is a stack array"
                               : "the slice literal's backing array is a stack array";
        break;
      case Op::kMakeMap:
      case Op::kMapLit:
        e.summary =
            "the map does not escape: walk puts its header (and, for a hint of at most "
            "8, its first group) on the stack; growth beyond that allocates";
        MapAllocation(r.node, false, e);
        break;
      default:
        e.summary = "stays in the frame: no heap allocation";
        break;
    }
    entries_.push_back(std::move(e));
  }
}

// Heap allocations -m has no line for: channels (escape analysis gives make(chan) no location:
// runtime.makechan always allocates) and the wrapper closures of go and defer statements whose
// verdict gc does not print (escape.go finish: goDeferWrapper).
void Model::AddUnreportedEntries() {
  std::unordered_set<uint32_t> done;
  for (const auto& [id, fid] : unreported_candidates_) {
    if (!done.insert(id.index()).second) continue;
    const ir::Node& n = N(id);
    ExplainEntry e;
    e.kind = ExplainEntry::Kind::kUnreported;
    e.op = ir::OpName(n.op);
    e.pos = n.pos;
    e.func = FuncName(fid);
    if (n.op == Op::kMakeChan) {
      TypeId elem = Elem(n.type);
      std::optional<int64_t> size = n.x ? IntConst(n.x) : std::optional<int64_t>(0);
      e.summary = fmt::format(
          "{} is always on the heap: escape analysis does not track "
          "channels, and runtime.makechan allocates the channel "
          "(runtime.hchan, {} B) with its buffer",
          Quote(Expr(id)), kHchanSize);
      if (!elem) {
        e.allocations.push_back(
            Alloc("runtime.makechan", When::kAlways, "", Unknown("the element type is not known")));
      } else {
        int64_t esize = types::SizeOf(u_, elem);
        std::string sizename = n.x ? Expr(n.x) : "0";
        if (esize == 0 || (size && *size == 0)) {
          e.allocations.push_back(
              Alloc("runtime.makechan", When::kAlways, "", Fixed(kHchanSize, true)));
        } else if (NoScan(elem)) {
          if (size) {
            e.allocations.push_back(Alloc("runtime.makechan", When::kAlways, "",
                                          Fixed(kHchanSize + *size * esize, true)));
          } else {
            e.allocations.push_back(Alloc(
                "runtime.makechan", When::kAlways, "",
                Dynamic(fmt::format("{} + {}*{} bytes in one allocation (a buffer of size 0: {} "
                                    "B), rounded up to a size class",
                                    kHchanSize, esize, sizename, kHchanSize),
                        true)));
          }
          e.notes.push_back(
              "the elements hold no pointers: the buffer shares the hchan's "
              "allocation");
        } else {
          e.allocations.push_back(
              Alloc("runtime.makechan (new(hchan))", When::kAlways, "", Fixed(kHchanSize, false)));
          e.allocations.push_back(Alloc(
              "runtime.makechan (buffer)", When::kSometimes, "unless the buffer size is 0",
              size
                  ? Fixed(*size * esize, false)
                  : Dynamic(fmt::format("{}*{} bytes, rounded up to a size class", esize, sizename),
                            false)));
        }
      }
      entries_.push_back(std::move(e));
      continue;
    }
    // A go/defer wrapper closure that escapes.
    if (!n.func || esc_.heap_nodes.Get(id) != 1) continue;
    const ir::Func& f = prog_.funcs.Get(n.func);
    if (!(f.is_go_wrap || f.is_defer_wrap)) continue;
    e.summary = fmt::format(
        "the closure gc wraps around the {} statement's call (holding its "
        "evaluated arguments) escapes to the heap; gc prints no -m line for "
        "these wrappers",
        f.is_go_wrap ? "go" : "defer");
    if (!f.is_closure) {
      e.allocations.push_back(
          NoAlloc("the wrapper captures nothing: a static function value", "static closure"));
    } else {
      std::string layout;
      e.allocations.push_back(
          Alloc("runtime.newobject", When::kAlways, "", ClosureSize(id, &layout)));
      e.notes.push_back("the closure is " + layout);
    }
    auto it = node_expl_.find(id.index());
    DescribePath(it == node_expl_.end() ? nullptr : it->second, n.pos, e);
    entries_.push_back(std::move(e));
  }
}

// Variables whose address is taken yet stay in their frame (the chapter's Experiment 2: `q :=
// &p` alone does not allocate). gc prints nothing for them.
void Model::AddAddressTakenStackEntries() {
  std::unordered_set<uint32_t> files;
  for (const syntax::FileInfo& fi : u_.Pkg(a_.pkg).ast.files) files.insert(fi.file_index);
  for (const auto& [index, addr_pos] : addr_of_) {
    VarId v(index);
    const ir::Var& var = V(v);
    if (var.is_temp || var.name.empty() || var.name == "_" || esc_.heap_vars.Get(v) == 1) continue;
    if (var.cls != ir::Class::kAuto && var.cls != ir::Class::kParam) continue;
    if (!var.pos.known() || !files.count(var.pos.file) || !files.count(addr_pos.file)) continue;
    ExplainEntry e;
    e.kind = ExplainEntry::Kind::kStack;
    e.op = "ONAME";
    e.pos = var.pos;
    e.func = FuncName(var.curfn);
    e.summary = fmt::format(
        "{}'s address is taken (line {}: {}), but no reference to it outlives {}'s frame: it "
        "stays on the stack",
        Quote(var.name), addr_pos.line, report::SourceLine(a_.loader.sources(), addr_pos),
        e.func.empty() ? "its function" : e.func);
    entries_.push_back(std::move(e));
  }
}

report::ExplainReport Model::Build() {
  using K = escape::Remark::Kind;
  report::ExplainReport rep;
  rep.package = u_.Pkg(a_.pkg).path;
  std::set<std::pair<std::tuple<uint32_t, uint32_t, uint32_t>, std::string>> seen;
  for (const escape::Remark& r : esc_.remarks) {
    if (r.verbosity > 1) continue;
    bool heap =
        r.kind == K::kMovedToHeap || r.kind == K::kEscapesToHeap || r.kind == K::kAppendEscapes;
    if (r.kind == K::kOther && r.node && r.text.size() > 16 &&
        r.text.compare(r.text.size() - 16, 16, " escapes to heap") == 0) {
      heap = true;
    }
    if (!heap) continue;
    if (r.kind == K::kMovedToHeap ? !r.var : !r.node) continue;
    // gc prints a repeated line once (base.FlushErrors).
    auto key = std::make_pair(std::make_tuple(r.pos.file, r.pos.line, r.pos.col),
                              report::RemarkText(r, prog_, u_));
    if (!seen.insert(key).second) continue;
    AddHeapEntry(r);
  }
  AddLeakEntries();
  AddRunTimeAndStackEntries();
  AddUnreportedEntries();
  AddAddressTakenStackEntries();
  rep.entries = std::move(entries_);
  return rep;
}

}  // namespace

int RunExplain(const Options& opts) {
  Options o = opts;
  // The -m=2 explanations give each verdict's path; nothing of -m is printed.
  o.debug_m = 2;
  return AnalyzeSingle(o, /*include_tests=*/false, [&](PackageAnalysis& a) {
    if (a.diags.error_count() > 0) {
      for (const Diagnostic& d : a.diags.diags()) {
        if (d.severity == Severity::kError) {
          std::cerr << a.loader.sources().Format(d.pos) << ": " << d.text << "\n";
        }
      }
      return 1;
    }
    Model model(a, o);
    report::ExplainReport rep = model.Build();
    if (opts.json) {
      std::cout << report::ExplainJson(rep, a.loader.sources());
    } else {
      std::cout << report::ExplainText(rep, a.loader.sources());
    }
    return 0;
  });
}

}  // namespace escapist::driver
