// inline/can_inline.cpp -- gc's CanInlineFuncs, CanInline, InlineImpossible and the hairy
// visitor's cost model (inline/inl.go), with the call-graph walk (ir/scc.go) and the static
// value / reassignment queries (ir/expr.go StaticValue, Reassigned) the cost of a call needs.
#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "inline/inline.h"
#include "inline/internal.h"
#include "syntax/ast.h"

namespace escapist::inlining {

namespace {


// objabi's runtimePkgs (PkgSpecial.Runtime): runtime and the packages it imports.
bool IsRuntimePkg(std::string_view path) {
  static const std::unordered_set<std::string_view> kPkgs = {
      "runtime",
      "internal/runtime/atomic",
      "internal/runtime/cgroup",
      "internal/runtime/exithook",
      "internal/runtime/gc",
      "internal/runtime/gc/scan",
      "internal/runtime/maps",
      "internal/runtime/math",
      "internal/runtime/sys",
      "internal/runtime/syscall/linux",
      "internal/runtime/syscall/windows",
      "internal/abi",
      "internal/bytealg",
      "internal/byteorder",
      "internal/chacha8rand",
      "internal/coverage/rtcov",
      "internal/cpu",
      "internal/goarch",
      "internal/godebugs",
      "internal/goexperiment",
      "internal/goos",
      "internal/profilerecord",
      "internal/strconv",
      "internal/stringslite",
  };
  return kPkgs.count(path) > 0;
}

// PkgSpecial.NoInstrument: the runtime packages (except internal/bytealg) and the sanitizers'.
bool IsNoInstrumentPkg(std::string_view path) {
  if (path == "internal/bytealg") return false;
  return IsRuntimePkg(path) || path == "runtime/race" || path == "runtime/msan" ||
         path == "runtime/asan";
}

// PkgSpecial.NoRaceFunc.
bool IsNoRacePkg(std::string_view path) {
  return path == "sync" || path == "sync/atomic" || path == "internal/sync" ||
         path == "internal/runtime/atomic";
}

// ssagen's intrinsics on amd64 (the table of ssagen/intrinsics_test.go), by package and name.
bool IsIntrinsic(std::string_view pkg, std::string_view name, bool race) {
  static const std::unordered_map<std::string_view, std::unordered_set<std::string_view>> kTable = {
      {"internal/runtime/atomic",
       {"And", "And32", "And64", "And8", "Cas", "Cas64", "CasRel", "Casint32", "Casint64",
        "Casp1", "Casuintptr", "Load", "Load64", "Load8", "LoadAcq", "LoadAcq64",
        "LoadAcquintptr", "Loadint32", "Loadint64", "Loadp", "Loaduint", "Loaduintptr", "Or",
        "Or32", "Or64", "Or8", "Store", "Store64", "Store8", "StoreRel", "StoreRel64",
        "StoreReluintptr", "Storeint32", "Storeint64", "StorepNoWB", "Storeuintptr", "Xadd",
        "Xadd64", "Xaddint32", "Xaddint64", "Xadduintptr", "Xchg", "Xchg64", "Xchg8",
        "Xchgint32", "Xchgint64", "Xchguintptr"}},
      {"internal/runtime/maps",
       {"bitsetFirst", "bitsetRemoveBelow", "bitsetLowestSet", "bitsetShiftOutLowest",
        "ctrlGroupMatchH2", "ctrlGroupMatchEmpty", "ctrlGroupMatchEmptyOrDeleted",
        "ctrlGroupMatchFull"}},
      {"internal/runtime/math", {"Add64", "MulUintptr"}},
      {"internal/runtime/sys",
       {"Bswap32", "Bswap64", "GetCallerPC", "GetCallerSP", "GetClosurePtr", "Len64", "Len8",
        "OnesCount64", "Prefetch", "PrefetchStreamed", "TrailingZeros32", "TrailingZeros64",
        "TrailingZeros8"}},
      {"math", {"Ceil", "FMA", "Floor", "RoundToEven", "Trunc", "sqrt"}},
      {"math/big", {"mulWW"}},
      {"math/bits",
       {"Add", "Add64", "Div", "Div64", "Len", "Len16", "Len32", "Len64", "Len8", "Mul", "Mul64",
        "OnesCount", "OnesCount16", "OnesCount32", "OnesCount64", "ReverseBytes32",
        "ReverseBytes64", "RotateLeft", "RotateLeft16", "RotateLeft32", "RotateLeft64",
        "RotateLeft8", "Sub", "Sub64", "TrailingZeros16", "TrailingZeros32", "TrailingZeros64",
        "TrailingZeros8"}},
      {"runtime", {"KeepAlive", "slicebytetostringtmp"}},
      {"sync/atomic",
       {"AddInt32", "AddInt64", "AddUint32", "AddUint64", "AddUintptr", "AndInt32", "AndInt64",
        "AndUint32", "AndUint64", "AndUintptr", "CompareAndSwapInt32", "CompareAndSwapInt64",
        "CompareAndSwapUint32", "CompareAndSwapUint64", "CompareAndSwapUintptr", "LoadInt32",
        "LoadInt64", "LoadPointer", "LoadUint32", "LoadUint64", "LoadUintptr", "OrInt32",
        "OrInt64", "OrUint32", "OrUint64", "OrUintptr", "StoreInt32", "StoreInt64",
        "StoreUint32", "StoreUint64", "StoreUintptr", "SwapInt32", "SwapInt64", "SwapUint32",
        "SwapUint64", "SwapUintptr"}},
      {"crypto/internal/constanttime", {"Select", "boolToUint8"}},
  };
  if (race && pkg == "sync/atomic") return false;  // the race detector intercepts these
  auto it = kTable.find(pkg);
  return it != kTable.end() && it->second.count(name) > 0;
}

// The inline.go special cases of cheap calls on architectures that merge loads (amd64).
bool IsCheapByteorder(std::string_view name) {
  static const std::unordered_set<std::string_view> kNames = {
      "LEUint64",      "LEUint32",      "LEUint16",      "BEUint64",      "BEUint32",
      "BEUint16",      "LEPutUint64",   "LEPutUint32",   "LEPutUint16",   "BEPutUint64",
      "BEPutUint32",   "BEPutUint16",   "LEAppendUint64", "LEAppendUint32", "LEAppendUint16",
      "BEAppendUint64", "BEAppendUint32", "BEAppendUint16"};
  return kNames.count(name) > 0;
}

bool IsCheapBinaryMethod(std::string_view recv, std::string_view name) {
  if (recv != "littleEndian" && recv != "bigEndian") return false;
  static const std::unordered_set<std::string_view> kNames = {
      "Uint64",    "Uint32",    "Uint16",    "PutUint64",    "PutUint32",    "PutUint16",
      "AppendUint64", "AppendUint32", "AppendUint16"};
  return kNames.count(name) > 0;
}

}  // namespace

// gc's hairyVisitor: the cost of one function's body.
class HairyVisitor {
 public:
  HairyVisitor(Inliner& in, FuncId cur, bool big, int32_t budget, int32_t extra_call_cost)
      : in_(in), cur_(cur), big_(big), budget_(budget), max_budget_(budget),
        extra_call_cost_(extra_call_cost) {}

  // tooHairy: whether fn cannot be inlined; `reason` says why.
  bool TooHairy(NodeId body);
  int32_t cost() const { return max_budget_ - budget_; }
  const std::string& reason() const { return reason_; }

 private:
  // doNode for one node without its children: adjusts the budget; returns true when the
  // function is too hairy. Sets *descend to false when the children are not visited.
  bool Visit(NodeId id, std::vector<NodeId>& stack);
  void PushChildren(const ir::Node& n, std::vector<NodeId>& stack) const;
  void VisitCall(const ir::Node& n, bool* fail);
  // Whether a range statement ranges over an array (or pointer to array) with at most one
  // iteration variable and no call or receive in the operand: gc ranges over len(x) instead.
  bool RangeLenIsConstant(const ir::Node& n) const;

  Inliner& in_;
  FuncId cur_;
  bool big_;
  int32_t budget_;
  int32_t max_budget_;
  int32_t extra_call_cost_;
  std::string reason_;
};

void Inliner::Run() {
  checked_.assign(prog.funcs.size(), 0);
  BottomUpVisitor(*this, [&](const std::vector<FuncId>& block) {
    for (FuncId f : block) {
      // The package's init function is made by pkginit after inlining: gc never costs it.
      if (!IsBlank(f) && !F(f).is_package_init) CanInline(f);
    }
  }).VisitAll();
  // interleaved.DevirtualizeAndInlinePackage's pre-pass over Target.Funcs, in list order.
  if (opts.debug_m > 1) {
    for (FuncId f : prog.target_funcs) {
      if (IsBlank(f) || !IsBigFunc(f)) continue;
      result.remarks.push_back(
          {F(f).pos, "function " + F(f).name + " considered 'big'; reducing max cost of inlinees"});
    }
  }
}

// ---- CanInline

std::string Inliner::InlineImpossible(FuncId id) const {
  const ir::Func& fn = F(id);
  uint32_t p = fn.pragmas;
  if (p & syntax::kPragmaUintptrEscapes) p |= syntax::kPragmaUintptrKeepAlive;
  if (p & syntax::kPragmaNoinline) return "marked go:noinline";
  if (opts.race && (p & syntax::kPragmaNorace)) return "marked go:norace with -race compilation";
  if (opts.checkptr && (p & syntax::kPragmaNoCheckPtr)) return "marked go:nocheckptr";
  if (p & syntax::kPragmaCgoUnsafeArgs) return "marked go:cgo_unsafe_args";
  if (p & syntax::kPragmaUintptrKeepAlive) return "marked as having a keep-alive uintptr argument";
  if (p & syntax::kPragmaUintptrEscapes) return "marked as having an escaping uintptr argument";
  if (p & syntax::kPragmaYeswritebarrierrec) return "marked go:yeswritebarrierrec";
  if (!fn.body.has_value()) return "no function body";  // an empty body is an empty OBLOCK
  return "";
}

bool Inliner::IsBigFunc(FuncId fn) const {
  int64_t budget = kInlineBigFunctionNodes;
  bool big = false;
  ForEachNode(prog, F(fn).body, [&](NodeId, const ir::Node& n) {
    if (big) return false;
    if (n.op == Op::kAs2 && n.list2.count > 0) {
      const ir::Node& rhs0 = N(prog.At(n.list2, 0));
      if (rhs0.init.count == 1 && IsAssignList(N(prog.At(rhs0.init, 0)).op)) {
        budget += 4 * n.list.count + 1;
      }
    }
    budget -= GcNodeCount(n);
    if (budget <= 0) big = true;
    return !big;
  });
  return big;
}

void Inliner::CanInline(FuncId id) {
  const ir::Func& fn = F(id);
  Inlinability* info = result.funcs.Mutable(id);
  std::string reason = InlineImpossible(id);
  auto report_failure = [&] {
    info->reason = reason;
    if (opts.debug_m > 1) {
      result.remarks.push_back({fn.pos, "cannot inline " + fn.name + ": " + reason});
    }
  };
  if (!reason.empty()) {
    info->checked = true;
    report_failure();
    return;
  }
  if (id.index() >= checked_.size()) checked_.resize(prog.funcs.size(), 0);
  if (checked_[id.index()]) return;
  checked_[id.index()] = 1;
  info->checked = true;

  int32_t cc = opts.level == 4 ? 1 : kInlineExtraCallCost;
  int32_t budget = kInlineMaxBudget;
  if (fn.closure.has_value()) budget = std::max(budget, kInlineClosureCalledOnceCost);

  HairyVisitor v(*this, id, IsBigFunc(id), budget, cc);
  bool hairy = v.TooHairy(fn.body);
  info = result.funcs.Mutable(id);  // CanInline of a called closure may have grown the table
  if (hairy) {
    reason = v.reason();
    info->cost = v.cost();
    report_failure();
    return;
  }
  info->inlinable = true;
  info->cost = v.cost();
  if (opts.debug_m > 1) {
    result.remarks.push_back({fn.pos, "can inline " + fn.name + " with cost " +
                                          std::to_string(info->cost) + " as: " +
                                          FuncTypeString(prog, u, id) + " { " +
                                          BodyString(prog, u, id) + " }"});
  } else if (opts.debug_m != 0) {
    result.remarks.push_back({fn.pos, "can inline " + fn.name});
  }
}

// ---- the callee of a call

std::string Inliner::PkgPathOf(types::ObjId obj) const {
  if (!obj.has_value()) return "";
  types::PkgId p = u.Obj(obj).pkg;
  if (!p.has_value() || p.index() >= u.packages.size()) return "";
  return u.Pkg(p).path;
}

NodeId Inliner::OuterValue(NodeId n) const {
  for (;;) {
    if (!n.has_value()) return n;
    const ir::Node& x = N(n);
    if (x.op == Op::kDot || x.op == Op::kConvNop) {
      n = x.x;
      continue;
    }
    if (x.op == Op::kIndex && x.x.has_value() && N(x.x).type.has_value() &&
        u.Get(types::Underlying(u, N(x.x).type)).kind == types::TypeKind::kArray) {
      n = x.x;
      continue;
    }
    return n;
  }
}

bool Inliner::Reassigned(VarId v) {
  auto cached = reassigned_.find(v.index());
  if (cached != reassigned_.end()) return cached->second;
  const ir::Var& var = V(v);
  bool out = false;
  if (!var.curfn.has_value() || var.addrtaken) {
    out = true;
  } else {
    auto is_name = [&](NodeId x) {
      x = OuterValue(x);
      if (!x.has_value()) return false;
      const ir::Node& n = N(x);
      return n.op == Op::kName && n.var.has_value() && Canonical(n.var) == v;
    };
    // The function's body and, through its literals, theirs.
    std::vector<FuncId> fns{var.curfn};
    while (!fns.empty() && !out) {
      FuncId f = fns.back();
      fns.pop_back();
      ForEachNode(prog, F(f).body, [&](NodeId id, const ir::Node& n) {
        if (out) return false;
        switch (n.op) {
          case Op::kAs:
            if (is_name(n.x) && id != var.defn) out = true;
            break;
          case Op::kAs2:
          case Op::kAs2Func:
          case Op::kAs2MapR:
          case Op::kAs2DotType:
          case Op::kAs2Recv:
            for (uint32_t i = 0; i < n.list.count; ++i) {
              if (is_name(prog.At(n.list, i)) && id != var.defn) out = true;
            }
            break;
          case Op::kAsOp:
            if (is_name(n.x)) out = true;
            break;
          case Op::kRange:
            for (uint32_t i = 0; i < n.list.count && i < 2; ++i) {
              if (is_name(prog.At(n.list, i))) out = true;
            }
            break;
          case Op::kClosure:
            if (n.func.has_value()) fns.push_back(n.func);
            break;
          default:
            break;
        }
        return !out;
      });
    }
  }
  reassigned_[v.index()] = out;
  return out;
}

NodeId Inliner::StaticValue1(NodeId nn) {
  const ir::Node& n = N(nn);
  if (n.op != Op::kName || !n.var.has_value()) return NodeId();
  VarId v = Canonical(n.var);
  const ir::Var& var = V(v);
  if (var.cls != Class::kAuto || var.is_closure_var) return NodeId();
  if (!var.defn.has_value()) return NodeId();
  const ir::Node& defn = N(var.defn);
  NodeId rhs;
  if (defn.op == Op::kAs) {
    rhs = defn.y;
  } else if (defn.op == Op::kAs2) {
    for (uint32_t i = 0; i < defn.list.count; ++i) {
      const ir::Node& lhs = N(prog.At(defn.list, i));
      if (lhs.op == Op::kName && lhs.var.has_value() && Canonical(lhs.var) == v) {
        if (i < defn.list2.count) rhs = prog.At(defn.list2, i);
        break;
      }
    }
  } else {
    return NodeId();
  }
  if (!rhs.has_value()) return NodeId();
  if (Reassigned(v)) return NodeId();
  return rhs;
}

NodeId Inliner::StaticValue(NodeId n) {
  for (int guard = 0; guard < 1000 && n.has_value(); ++guard) {
    if (N(n).op == Op::kConvNop) {
      n = N(n).x;
      continue;
    }
    if (N(n).op == Op::kInlCall && N(n).list2.count == 1) {
      n = prog.At(N(n).list2, 0);
      continue;
    }
    NodeId n1 = StaticValue1(n);
    if (!n1.has_value()) return n;
    n = n1;
  }
  return n;
}

std::optional<Callee> Inliner::InlCallee(FuncId caller, NodeId fn_id, bool resolve_only) {
  NodeId sv = StaticValue(fn_id);
  if (!sv.has_value()) return std::nullopt;
  const ir::Node& fn = N(sv);
  switch (fn.op) {
    case Op::kMethExpr: {
      if (!fn.obj.has_value()) return std::nullopt;
      const types::Object& m = u.Obj(fn.obj);
      // The method's receiver type must be the method expression's (no implicit deref).
      if (!m.type.has_value() || !fn.type.has_value()) return std::nullopt;
      const types::Type& sig = u.Get(m.type);
      const types::Type& ft = u.Get(fn.type);
      if (sig.kind != types::TypeKind::kSignature || !sig.recv.has_value() ||
          ft.kind != types::TypeKind::kSignature || !ft.params.has_value() ||
          u.Get(ft.params).vars.empty()) {
        return std::nullopt;
      }
      types::TypeId recv = u.Obj(sig.recv).type;
      types::TypeId first = u.Obj(u.Get(ft.params).vars[0]).type;
      if (!types::Identical(u, recv, first)) return std::nullopt;
      Callee c;
      c.obj = fn.obj;
      auto it = func_by_obj.find(fn.obj.index());
      if (it != func_by_obj.end()) c.func = it->second;
      return c;
    }
    case Op::kName: {
      if (fn.var.has_value() || !fn.obj.has_value()) return std::nullopt;
      if (u.Obj(fn.obj).kind != types::ObjKind::kFunc) return std::nullopt;
      Callee c;
      c.obj = fn.obj;
      auto it = func_by_obj.find(fn.obj.index());
      if (it != func_by_obj.end()) c.func = it->second;
      return c;
    }
    case Op::kClosure: {
      FuncId c = fn.func;
      if (!c.has_value()) return std::nullopt;
      const ir::Func& cf = F(c);
      if (!cf.closure_vars.empty()) {
        VarId outer = V(cf.closure_vars[0]).outer;
        if (!outer.has_value() || V(outer).curfn != caller) return std::nullopt;
      }
      if (!resolve_only) CanInline(c);
      return Callee{c, types::ObjId()};
    }
    default:
      return std::nullopt;
  }
}

std::optional<int32_t> Inliner::InlineCost(const Callee& c) const {
  if (c.func.has_value()) {
    const Inlinability& info = result.funcs.Get(c.func);
    if (!info.inlinable) return std::nullopt;
    return info.cost;
  }
  if (!c.obj.has_value() || !opts.imported_cost) return std::nullopt;
  return opts.imported_cost(c.obj);
}

bool Inliner::IsIntrinsic(const std::string& pkg, const std::string& name) const {
  return inlining::IsIntrinsic(pkg, name, opts.race);
}

bool Inliner::CanInlineCallExpr(const Callee& c, bool big_caller,
                                bool closure_called_once) const {
  std::optional<int32_t> cost = InlineCost(c);
  if (!cost) return false;
  int32_t max_cost = big_caller ? kInlineBigFunctionMaxCost : kInlineMaxBudget;
  if (c.func.has_value() && F(c.func).closure.has_value()) {
    max_cost *= 2;
    if (closure_called_once) max_cost = std::max(max_cost, kInlineClosureCalledOnceCost);
  }
  if (*cost > max_cost) return false;
  std::string pkg = c.func.has_value() ? prog.funcs.Get(c.func).pkg_path : PkgPathOf(c.obj);
  if (opts.race && (IsNoInstrumentPkg(pkg) || IsNoRacePkg(pkg))) return false;
  if (opts.checkptr && IsRuntimePkg(pkg)) return false;
  return true;
}

// ---- the hairy visitor

bool HairyVisitor::TooHairy(NodeId body) {
  std::vector<NodeId> stack;
  if (body.has_value()) {
    std::vector<NodeId> live = LiveStmts(in_.prog, in_.u, in_.N(body).list);
    for (size_t i = live.size(); i-- > 0;) stack.push_back(live[i]);
  }
  while (!stack.empty()) {
    NodeId id = stack.back();
    stack.pop_back();
    if (!id.has_value()) continue;
    if (Visit(id, stack)) return true;
  }
  if (budget_ < 0) {
    reason_ = "function too complex: cost " + std::to_string(max_budget_ - budget_) +
              " exceeds budget " + std::to_string(max_budget_);
    return true;
  }
  return false;
}

void HairyVisitor::PushChildren(const ir::Node& n, std::vector<NodeId>& stack) const {
  const ir::Program& prog = in_.prog;
  // Statement lists lose their dead tails as gc's writer drops them.
  bool stmts1 = n.op == Op::kBlock || n.op == Op::kIf || n.op == Op::kFor;
  bool stmts2 = n.op == Op::kIf || n.op == Op::kRange || n.op == Op::kCase;
  auto push = [&](IdSpan<NodeId> list, bool stmts) {
    if (!stmts) {
      for (uint32_t i = list.count; i-- > 0;) stack.push_back(prog.At(list, i));
      return;
    }
    std::vector<NodeId> live = LiveStmts(prog, in_.u, list);
    for (size_t i = live.size(); i-- > 0;) stack.push_back(live[i]);
  };
  push(n.list2, stmts2);
  push(n.list, stmts1);
  stack.push_back(n.w);
  stack.push_back(n.z);
  stack.push_back(n.y);
  stack.push_back(n.x);
  for (uint32_t i = n.init.count; i-- > 0;) stack.push_back(prog.At(n.init, i));
}

void HairyVisitor::VisitCall(const ir::Node& n, bool* fail) {
  const types::Universe& u = in_.u;
  bool cheap = false;
  const ir::Node* fun = n.x.has_value() ? &in_.N(n.x) : nullptr;
  if (n.var_live) return;  // runtime.KeepAlive is an intrinsic: an ordinary node
  bool pfunc = fun != nullptr && fun->op == Op::kName && !fun->var.has_value() &&
               fun->obj.has_value() && u.Obj(fun->obj).kind == types::ObjKind::kFunc;
  // A shaped instance takes its dictionary first (reader.callShaped / funcInst): `&.dict.F[T]`
  // (OADDR, ONAME) from non-generic code, `(*[N]uintptr)(.dict[i])` (OCONVNOP, OINDEX, ONAME,
  // OLITERAL) from a shaped body; escapist's IR leaves that argument out, so its nodes are
  // counted here.
  if (fun != nullptr && (fun->op == Op::kName || fun->op == Op::kMethExpr) &&
      !fun->var.has_value() && fun->obj.has_value()) {
    auto it = in_.func_by_obj.find(fun->obj.index());
    if (it != in_.func_by_obj.end() && in_.F(it->second).is_instance) {
      budget_ -= in_.F(cur_).is_instance ? 4 : 2;
    }
  }
  std::string fpkg, fname;
  if (pfunc) {
    fpkg = in_.PkgPathOf(fun->obj);
    fname = u.Obj(fun->obj).name;
    if (fpkg == "internal/abi" && (fname == "NoEscape" || fname.rfind("EscapeNonString[", 0) == 0)) {
      cheap = true;
    }
    if (fpkg == "internal/runtime/sys" && (fname == "GetCallerPC" || fname == "GetCallerSP")) {
      reason_ = "call to " + fname;
      *fail = true;
      return;
    }
    if (fpkg == "internal/byteorder" && IsCheapByteorder(fname)) cheap = true;
    // The runtime helpers of range-over-func loops (ir/rangefunc.cpp: objects outside any
    // package); gc's "go.runtime" cases.
    if (fpkg.empty() && fname == "runtime.panicrangestate") cheap = true;
    if (fpkg.empty() && fname == "runtime.deferrangefunc") {
      reason_ = "defer call in range func";
      *fail = true;
      return;
    }
  }
  if (fun != nullptr && fun->op == Op::kMethExpr && fun->obj.has_value()) {
    const types::Object& m = u.Obj(fun->obj);
    std::string mpkg = in_.PkgPathOf(fun->obj);
    std::string recv = m.method_of.has_value() ? u.Obj(m.method_of).name : "";
    if (mpkg == "runtime" && recv == "heapBits" && m.name == "nextArena") cheap = true;
    if (mpkg == "encoding/binary" && IsCheapBinaryMethod(recv, m.name)) cheap = true;
    fpkg = mpkg;
  }
  int32_t extra = extra_call_cost_;
  if (fun != nullptr && fun->op == Op::kName && fun->var.has_value()) {
    const ir::Var& v = in_.V(fun->var);
    if (v.cls == Class::kParam || v.is_closure_var) extra = std::min(extra, kInlineParamCallCost);
  }
  if (cheap) return;
  // ssagen.IsIntrinsicCall (functions only: no method of this table is an intrinsic).
  if (pfunc && IsIntrinsic(fpkg, fname, in_.opts.race)) return;
  if (std::optional<Callee> callee = in_.InlCallee(cur_, n.x)) {
    if (std::optional<int32_t> cost = in_.InlineCost(*callee)) {
      if (in_.CanInlineCallExpr(*callee, big_)) {
        budget_ -= *cost;
        return;
      }
    }
  }
  budget_ -= extra;
}

bool HairyVisitor::RangeLenIsConstant(const ir::Node& n) const {
  if (n.list.count >= 2 || !n.x.has_value()) return false;
  const types::Universe& u = in_.u;
  types::TypeId t = in_.N(n.x).type;
  if (!t.has_value()) return false;
  const types::Type* ut = &u.Get(types::Underlying(u, t));
  if (ut->kind == types::TypeKind::kPointer && ut->elem.has_value()) {
    ut = &u.Get(types::Underlying(u, ut->elem));
  }
  if (ut->kind != types::TypeKind::kArray) return false;
  bool call = false;
  ForEachNode(in_.prog, n.x, [&](NodeId, const ir::Node& x) {
    switch (x.op) {
      case Op::kCallFunc: case Op::kCallInter: case Op::kRecv: case Op::kAppend: case Op::kCopy:
      case Op::kLen: case Op::kCap: case Op::kNew: case Op::kMakeSlice: case Op::kMakeMap:
      case Op::kMakeChan: case Op::kMin: case Op::kMax: case Op::kReal: case Op::kImag:
      case Op::kComplex: case Op::kUnsafeAdd: case Op::kUnsafeSlice: case Op::kUnsafeString:
      case Op::kUnsafeSliceData: case Op::kUnsafeStringData: case Op::kRecover: case Op::kPanic:
      case Op::kPrint: case Op::kPrintln: case Op::kDelete: case Op::kClear: case Op::kClose:
        call = true;
        break;
      default:
        break;
    }
    return !call;
  });
  return !call;
}

bool HairyVisitor::Visit(NodeId id, std::vector<NodeId>& stack) {
  const ir::Node& n = in_.N(id);
  const ir::Program& prog = in_.prog;
  switch (n.op) {
    case Op::kCallFunc: {
      bool fail = false;
      VisitCall(n, &fail);
      if (fail) return true;
      break;
    }
    case Op::kCallInter:
      budget_ -= extra_call_cost_;
      break;
    case Op::kPanic:
      if (n.x.has_value() && in_.N(n.x).op == Op::kConvIface && in_.N(n.x).implicit) ++budget_;
      budget_ -= kInlineExtraPanicCost;
      break;
    case Op::kRecover:
      reason_ = "call to recover";
      return true;
    case Op::kClosure:
      if (!in_.opts.inl_funcs_with_closures) {
        reason_ = "not inlining functions with closures";
        return true;
      }
      budget_ -= 15;
      break;
    case Op::kGo:
      reason_ = "unhandled op GO";
      return true;
    case Op::kDefer:
      reason_ = "unhandled op DEFER";
      return true;
    case Op::kAddr: {
      // &x.f costs 0 for the & and the . when f is at offset 0.
      if (n.x.has_value()) {
        const ir::Node& dot = in_.N(n.x);
        if ((dot.op == Op::kDot || dot.op == Op::kDotPtr) && dot.x.has_value() &&
            in_.N(dot.x).op == Op::kName && FieldOffsetOf(prog, in_.u, dot) == 0) {
          budget_ += 2;
        }
      }
      break;
    }
    case Op::kDeref: {
      NodeId ptr = n.x;
      while (ptr.has_value() && in_.N(ptr).op == Op::kConvNop && GcConvIsNop(prog, in_.u, in_.N(ptr))) {
        ptr = in_.N(ptr).x;
      }
      if (ptr.has_value() && in_.N(ptr).op == Op::kAddr) budget_ += 1;
      break;
    }
    case Op::kConv:
    case Op::kConvNop:
      if (GcConvIsNop(prog, in_.u, n)) ++budget_;  // no code, but the children might
      break;
    case Op::kBlock:
    case Op::kMethExpr:
    case Op::kExprStmt:  // gc has no expression-statement node
    case Op::kEmpty:
      ++budget_;
      break;
    case Op::kFallthrough:
    case Op::kType:
      return false;
    case Op::kIf: {
      int b = ConstBool(prog, in_.u, n.x);
      if (b >= 0) {
        // This if and its condition cost nothing: only the init and the taken branch.
        std::vector<NodeId> taken = LiveStmts(prog, in_.u, b ? n.list : n.list2);
        for (size_t i = taken.size(); i-- > 0;) stack.push_back(taken[i]);
        for (uint32_t i = n.init.count; i-- > 0;) stack.push_back(prog.At(n.init, i));
        return false;
      }
      break;
    }
    case Op::kMethValue:
    case Op::kSliceLit:
      --budget_;
      break;
    case Op::kDcl:
      --budget_;  // gc's ODCL holds its ONAME
      break;
    case Op::kTypeSwitchGuard:
      if (n.var.has_value()) --budget_;  // the bound identifier (an ir.Ident)
      break;
    case Op::kCase:
      if (n.var.has_value()) --budget_;  // CaseClause.Var
      // A select case `v := <-c` is gc's OSELRECV2 `v, _ = <-c`: one more (blank) name; a
      // plain `<-c` is OSELRECV2 `_, _ = <-c`.
      if (n.x.has_value() && in_.N(n.x).op == Op::kAs) --budget_;
      if (n.x.has_value() && in_.N(n.x).op == Op::kExprStmt) budget_ -= 3;
      break;
    case Op::kMakeMap:
    case Op::kMakeChan:
      if (!n.x.has_value()) --budget_;  // gc's MakeExpr.Len is the literal 0
      break;
    case Op::kRange:
      // A blank key before a value is a blank ONAME in gc; escapist leaves the slot empty.
      for (uint32_t i = 0; i < n.list.count; ++i) {
        if (!prog.At(n.list, i).has_value()) --budget_;
      }
      if (RangeLenIsConstant(n)) {
        // types2 records such an operand as the constant len(x) (types2/range.go): one
        // OLITERAL instead of the expression.
        budget_ -= 2;  // the range and the literal
        if (budget_ < 0 && in_.opts.debug_m < 2) {
          reason_ = "too expensive";
          return true;
        }
        ir::Node copy = n;
        copy.x = NodeId();
        PushChildren(copy, stack);
        return false;
      }
      break;
    case Op::kAs2:
      if (n.list2.count > 0) {
        const ir::Node& rhs0 = in_.N(prog.At(n.list2, 0));
        if (rhs0.init.count == 1 && IsAssignList(in_.N(prog.At(rhs0.init, 0)).op)) {
          budget_ += 4 * static_cast<int32_t>(n.list.count) + 1;
        }
      }
      break;
    case Op::kSlice:
    case Op::kSliceArr:
    case Op::kSliceStr:
    case Op::kSlice3:
    case Op::kSlice3Arr: {
      // Superfluous slicing: s[0:...] and s[...:len(s)].
      if (n.y.has_value() && IsIntLiteral(prog, in_.u, n.y, 0)) ++budget_;
      if (n.z.has_value() && in_.N(n.z).op == Op::kLen && SameName(prog, in_.N(n.z).x, n.x)) {
        budget_ += 2;
      }
      break;
    }
    default:
      break;
  }
  --budget_;
  // When debugging (-m=2), gc does not stop early, to get the full cost.
  if (budget_ < 0 && in_.opts.debug_m < 2) {
    reason_ = "too expensive";
    return true;
  }
  PushChildren(n, stack);
  return false;
}


Result CanInlineFuncs(const ir::Program& prog, const types::Universe& u, const Options& opts) {
  Result result;
  if (opts.level == 0) return result;
  if (!prog.pkg.has_value() || prog.pkg.index() >= u.packages.size()) return result;
  Inliner in(prog, u, opts, result);
  in.Run();
  return result;
}

std::unordered_map<uint32_t, int32_t> ExportCosts(const ir::Program& prog, const Result& result) {
  std::unordered_map<uint32_t, int32_t> out;
  for (FuncId f : prog.target_funcs) {
    const ir::Func& fn = prog.funcs.Get(f);
    if (!fn.obj.has_value()) continue;
    const Inlinability& info = result.funcs.Get(f);
    if (info.inlinable) out[fn.obj.index()] = info.cost;
  }
  return out;
}

}  // namespace escapist::inlining
