// escape/finish.cpp -- running one batch (gc's escape.go Batch) and finishing it: literal
// rewriting and heap-forcing sizes before solving (rewriteWithLiterals, HeapAllocReason), then
// parameter tags with their messages (paramTag, reportLeaks) and one verdict per location in
// allLocs order (finish), and the package-level driver Analyze.
#include <fmt/format.h>

#include "escape/batch.h"
#include "ir/build.h"

namespace escapist::escape {

namespace {
constexpr int64_t kMaxStackVarSize = 128 * 1024;
constexpr int64_t kMaxImplicitStackVarSize = 64 * 1024;
constexpr int64_t kPtrSize = 8;

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// ir.ValidTypeForConst: the constant's kind suits type t.
bool ValidTypeForConst(const types::Universe& u, TypeId t, const types::Constant& c) {
  TypeId ut = types::Underlying(u, t);
  if (!ut || u.Get(ut).kind != types::TypeKind::kBasic) return false;
  using BK = types::BasicKind;
  BK k = u.Get(ut).basic;
  switch (c.kind) {
    case types::Constant::Kind::kBool:
      return k == BK::kBool || k == BK::kUntypedBool;
    case types::Constant::Kind::kString:
      return k == BK::kString || k == BK::kUntypedString;
    case types::Constant::Kind::kInt:
      return types::IsInteger(u, t);
    case types::Constant::Kind::kFloat:
      return k == BK::kFloat32 || k == BK::kFloat64 || k == BK::kUntypedFloat;
    case types::Constant::Kind::kComplex:
      return k == BK::kComplex64 || k == BK::kComplex128 || k == BK::kUntypedComplex;
    default:
      return false;
  }
}

// CompLitExpr.Len of a slice literal: the highest index plus one.
int64_t SliceLitLen(const Analyzer& a, NodeId lit) {
  int64_t idx = 0, len = 0;
  for (NodeId e : a.List(a.N(lit).list)) {
    if (e && a.N(e).op == Op::kKey) {
      if (std::optional<int64_t> k = Int64Const(a, a.N(e).x)) idx = *k;
    }
    ++idx;
    len = std::max(len, idx);
  }
  return len;
}

bool IsUnnamedParam(const std::string& name) {
  return name.empty() || name == "_" || name.rfind("~p", 0) == 0 || name.rfind("~b", 0) == 0;
}

}  // namespace

void Batch::AddRemark(Remark r) {
  if (a.opts.debug_m <= 0 || r.verbosity > a.opts.debug_m) return;
  a.result.remarks.push_back(std::move(r));
}

Batch::Batch(Analyzer& an, const std::vector<FuncId>& list) : a(an), fns(list) {
  auto pseudo = [&](uint8_t attrs) {
    Location l;
    l.attrs = attrs;
    return locs.Add(std::move(l));
  };
  heap_loc = pseudo(kAttrAll);
  mutator_loc = pseudo(kAttrMutates);
  callee_loc = pseudo(kAttrCalls);
  blank_loc = pseudo(0);
}

// escape.Batch: graph construction, closures, heap-forcing sizes, solving, finishing.
void Batch::Run() {
  for (FuncId fn : fns) Escape(*this, fn).InitFunc();
  for (FuncId fn : fns) {
    if (!a.F(fn).is_closure) Escape(*this, fn).WalkFunc();
  }
  // Every reassignment and address-of is known now: decide how closures capture.
  for (size_t i = 0; i < closures.size(); ++i) FlowClosure(closures[i].k, closures[i].clo);
  closures.clear();

  for (size_t i = 0; i < all_locs.size(); ++i) {
    LocId loc = all_locs[i];
    RewriteWithLiterals(loc);
    if (const char* why = HeapAllocReason(loc)) {
      const Location& l = L(loc);
      Hole k = l.var ? NoteVar(Shift(HeapHole(), -1), l.var, why) : Addr(HeapHole(), l.n, why);
      Flow(k, loc);
    }
  }
  WalkAll();
  Finish();
}

// batch.rewriteWithLiterals: a make size or an interface-converted operand whose static value
// is a constant is printed (and sized) as that constant.
void Batch::RewriteWithLiterals(LocId loc_id) {
  const Location& loc = L(loc_id);
  if (!loc.n || !loc.curfn) return;
  NodeId id = loc.n;
  const ir::Node& n = a.N(id);
  if (n.op == Op::kMakeSlice) {
    NodeId r = n.y ? n.y : n.x;
    if (!r || a.N(r).op == Op::kLiteral) return;
    const ReassignOracle& ro = a.Oracle(loc.curfn);
    NodeId s = ro.StaticValue(r);
    if (!s) return;
    std::string lit;
    if (a.N(s).op == Op::kLiteral) {
      const ir::Node& sn = a.N(s);
      if (!sn.value) return;
      const types::Constant& c = a.u.constants.Get(sn.value);
      if (c.kind != types::Constant::Kind::kInt || sgn(c.re) < 0) return;
      mpz_class v = c.re.get_num();
      if (v.fits_slong_p()) {
        make_size[id.index()] = v.get_si();
        a.result.make_size.Set(id, v.get_si());
      }
      TypeId rt = a.N(r).type ? a.N(r).type : sn.type;
      lit = types::ConstantString(a.u, sn.value, rt, a.prog.pkg);
    } else if (a.N(s).op == Op::kLen) {
      NodeId x = ro.StaticValue(a.N(s).x);
      if (!x || a.N(x).op != Op::kSliceLit) return;
      int64_t len = SliceLitLen(a, x);
      make_size[id.index()] = len;
      a.result.make_size.Set(id, len);
      lit = std::to_string(len);
    } else {
      return;
    }
    a.result.rewrite_temps.Set(loc.curfn, a.result.rewrite_temps.Get(loc.curfn) + 1);
    std::string full = ir::ExprString(a.prog, a.u, id);
    std::string rs = ir::ExprString(a.prog, a.u, r);
    if (EndsWith(full, ", " + rs + ")")) {
      rewritten_text[id.index()] = full.substr(0, full.size() - rs.size() - 1) + lit + ")";
    }
    return;
  }
  if (n.op == Op::kConvIface) {
    NodeId x = n.x;
    if (!x || a.N(x).op == Op::kLiteral || IsInterfaceT(a.u, a.N(x).type)) return;
    const ReassignOracle& ro = a.Oracle(loc.curfn);
    NodeId v = ro.StaticValue(x);
    if (!v || a.N(v).op != Op::kLiteral || !a.N(v).value) return;
    const types::Constant& c = a.u.constants.Get(a.N(v).value);
    if (!ValidTypeForConst(a.u, a.N(x).type, c)) return;
    a.result.literal_operand.Set(id, v);
    a.result.rewrite_temps.Set(loc.curfn, a.result.rewrite_temps.Get(loc.curfn) + 1);
    std::string lit = types::ConstantString(a.u, a.N(v).value, a.N(x).type, a.prog.pkg);
    if (n.implicit) {
      rewritten_text[id.index()] = lit;
      return;
    }
    std::string full = ir::ExprString(a.prog, a.u, id);
    std::string xs = ir::ExprString(a.prog, a.u, x);
    if (EndsWith(full, "(" + xs + ")")) {
      rewritten_text[id.index()] = full.substr(0, full.size() - xs.size() - 1) + lit + ")";
    } else {
      rewritten_text[id.index()] = lit;
    }
  }
}

// escape.HeapAllocReason: why n must be heap allocated whatever flows to it (nullptr: no reason).
const char* Batch::HeapAllocReason(LocId loc_id) {
  const Location& loc = L(loc_id);
  const types::Universe& u = a.u;
  TypeId t;
  Op op = Op::kName;
  NodeId id = loc.n;
  if (loc.var) {
    const ir::Var& v = a.V(loc.var);
    // Parameters are always passed via the stack.
    if (v.cls == ir::Class::kParam || v.cls == ir::Class::kParamOut) return nullptr;
    t = v.type;
  } else if (id) {
    t = a.N(id).type;
    op = a.N(id).op;
  }
  if (!t) return nullptr;
  if (types::SizeOf(u, t) > kMaxStackVarSize) return "too large for stack";
  if (types::AlignOf(u, t) > kPtrSize) return "too aligned for stack";
  const ir::Node* n = id ? &a.N(id) : nullptr;
  if (op == Op::kNew || op == Op::kPtrLit) {
    TypeId elem = Elem(u, t);
    if (elem && types::SizeOf(u, elem) > kMaxImplicitStackVarSize) return "too large for stack";
    if (elem && types::AlignOf(u, elem) > kPtrSize) return "too aligned for stack";
  }
  if (op == Op::kClosure && n->func) {
    std::vector<TypeId> fields{u.Basic(types::BasicKind::kUintptr)};
    for (VarId cv : a.F(n->func).closure_vars) {
      VarId c = a.Canonical(cv);
      TypeId ct = a.V(c).type;
      bool byval = a.result.byval.Get(c) == 1;
      fields.push_back(byval ? ct : u.Basic(types::BasicKind::kUnsafePointer));
    }
    if (StructSize(u, fields) > kMaxImplicitStackVarSize) return "too large for stack";
  }
  if (op == Op::kMethValue && n->x) {
    std::vector<TypeId> fields{u.Basic(types::BasicKind::kUintptr), a.N(n->x).type};
    if (StructSize(u, fields) > kMaxImplicitStackVarSize) return "too large for stack";
  }
  if (op == Op::kMakeSlice) {
    NodeId r = n->y ? n->y : n->x;
    TypeId elem = Elem(u, t);
    int64_t esize = elem ? types::SizeOf(u, elem) : 1;
    if (esize == 0) return "zero-sized element";
    std::optional<int64_t> size;
    auto it = make_size.find(id.index());
    if (it != make_size.end()) {
      size = it->second;
    } else {
      size = Int64Const(a, r);
    }
    // Non-constant sizes may still use a stack buffer chosen at run time (walkMakeSlice).
    if (!size || static_cast<int64_t>(static_cast<int32_t>(*size)) != *size) return nullptr;
    if (esize > 0 && *size > kMaxImplicitStackVarSize / esize) return "too large for stack";
  }
  return nullptr;
}

// batch.paramTag: the tag of parameter `param` (narg counts from 1, receiver first), and its
// leak message.
void Batch::ParamTag(FuncId fn_id, int narg, VarId param, std::vector<Leaks>& out) {
  const ir::Func& fn = a.F(fn_id);
  const ir::Var* var = param ? &a.V(param) : nullptr;
  std::string name = var ? var->name : fmt::format("arg#{}", narg);
  // An unnamed parameter is gc's ~pN (ir.Func.DeclareParams, N counting the receiver).
  if (var && name.empty()) name = fmt::format("~p{}", narg - 1);
  bool named = var && !IsUnnamedParam(var->name);
  Pos pos = var ? var->pos : fn.pos;
  TypeId t = var ? var->type : TypeId();
  // Only user code gets diagnostics, not wrappers generated around it.
  bool diagnose =
      a.opts.debug_m != 0 && !(fn.is_go_wrap || fn.is_defer_wrap || fn.dupok);
  auto other = [&](std::string text) {
    if (!diagnose) return;
    Remark r;
    r.kind = Remark::Kind::kOther;
    r.pos = pos;
    r.var = param;
    r.func = fn_id;
    r.text = std::move(text);
    AddRemark(std::move(r));
  };
  auto verdict = [&](Remark::Kind kind) {
    Remark r;
    r.kind = kind;
    r.pos = pos;
    r.var = param;
    r.func = fn_id;
    AddRemark(std::move(r));
  };
  uint32_t pragmas = fn.pragmas | a.extra_pragmas[fn_id.index()];

  if (!fn.body) {
    // Bodyless (assembly or linkname) functions keep uintptr arguments alive
    // (golang.org/issue/13372).
    a.extra_pragmas[fn_id.index()] |= kPragmaUintptrKeepAlive;
    if (t && IsUintptr(a.u, t)) {
      other(fmt::format("assuming {} is unsafe uintptr", name));
      out.push_back(Leaks::Decode(""));
      return;
    }
    if (!t || !HasPtrs(a.u, t)) {
      out.push_back(Leaks::Decode(""));
      return;
    }
    Leaks esc;
    if (pragmas & kPragmaNoescape) {
      if (diagnose && named) verdict(Remark::Kind::kDoesNotEscape);
      esc.AddMutator(0);
      esc.AddCallee(0);
    } else {
      if (diagnose && named) verdict(Remark::Kind::kLeakingParam);
      esc.AddHeap(0);
    }
    out.push_back(Leaks::Decode(esc.Encode()));
    return;
  }

  if (pragmas & kPragmaUintptrEscapes) {
    if (t && IsUintptr(a.u, t)) {
      other(fmt::format("marking {} as escaping uintptr", name));
      out.push_back(Leaks::Decode(""));
      return;
    }
    bool is_ddd = false;
    if (fn.obj && param == fn.params.back()) {
      const types::Type& sig = a.u.Get(a.u.Obj(fn.obj).type);
      is_ddd = sig.kind == types::TypeKind::kSignature && sig.variadic;
    }
    if (is_ddd && IsUintptr(a.u, Elem(a.u, t))) {
      other(fmt::format("marking {} as escaping ...uintptr", name));
      out.push_back(Leaks::Decode(""));
      return;
    }
  }

  if (!t || !HasPtrs(a.u, t)) {  // don't bother tagging scalars
    out.push_back(Leaks::Decode(""));
    return;
  }
  // Unnamed parameters are unused and therefore do not escape.
  if (!named) {
    out.push_back(Leaks{});
    return;
  }
  Location& loc = L(OldLoc(param));
  Leaks esc = loc.param_esc;
  esc.Optimize();
  if (diagnose && !loc.HasAttr(kAttrEscapes)) ReportLeaks(pos, param, name, esc, fn_id);
  out.push_back(Leaks::Decode(esc.Encode()));
}

// batch.reportLeaks.
void Batch::ReportLeaks(Pos pos, VarId param, const std::string& name, const Leaks& esc,
                        FuncId fn_id) {
  const ir::Func& fn = a.F(fn_id);
  auto make = [&](Remark::Kind kind) {
    Remark r;
    r.kind = kind;
    r.pos = pos;
    r.var = param;
    r.func = fn_id;
    return r;
  };
  bool warned = false;
  if (int x = esc.Heap(); x >= 0) {
    AddRemark(make(x == 0 ? Remark::Kind::kLeakingParam : Remark::Kind::kLeakingParamContent));
    warned = true;
  }
  for (int i = 0; i < Leaks::kNumResults; ++i) {
    if (int x = esc.Result(i); x >= 0) {
      Remark r = make(Remark::Kind::kLeakingParamToResult);
      std::string res;
      if (static_cast<size_t>(i) < fn.results.size() && fn.results[i]) {
        res = a.V(fn.results[i]).name;
      }
      if (res.empty() || res == "_") res = fmt::format("~r{}", i);
      r.text = res;
      r.level = x;
      AddRemark(std::move(r));
      warned = true;
    }
  }
  if (!a.opts.escape_mutations_calls) {
    if (!warned) AddRemark(make(Remark::Kind::kDoesNotEscape));
    return;
  }
  auto other = [&](std::string text) {
    Remark r = make(Remark::Kind::kOther);
    r.text = std::move(text);
    AddRemark(std::move(r));
  };
  if (int x = esc.Mutator(); x >= 0) {
    other(fmt::format("mutates param: {} derefs={}", name, x));
    warned = true;
  }
  if (int x = esc.Callee(); x >= 0) {
    other(fmt::format("calls param: {} derefs={}", name, x));
    warned = true;
  }
  if (!warned) other(fmt::format("{} does not escape, mutate, or call", name));
}

// batch.finish: tags first, then one verdict per location.
void Batch::Finish() {
  for (FuncId fn : fns) {
    a.func_esc[fn.index()] = kEscFuncTagged;
    std::vector<Leaks> tags;
    const ir::Func& f = a.F(fn);
    for (size_t i = 0; i < f.params.size(); ++i) {
      ParamTag(fn, static_cast<int>(i) + 1, f.params[i], tags);
    }
    a.result.leaks.Set(fn, std::move(tags));
  }

  for (LocId loc_id : all_locs) {
    const Location& loc = L(loc_id);
    if (loc.var) {
      if (loc.HasAttr(kAttrEscapes)) {
        a.result.heap_vars.Set(loc.var, 1);
        Remark r;
        r.kind = Remark::Kind::kMovedToHeap;
        r.pos = a.V(loc.var).pos;
        r.var = loc.var;
        r.func = loc.curfn;
        AddRemark(std::move(r));
      }
      continue;
    }
    if (!loc.n) continue;
    NodeId id = loc.n;
    const ir::Node& n = a.N(id);
    // No diagnostics for go/defer wrapper literals.
    bool go_defer_wrapper = n.op == Op::kClosure && n.func &&
                            (a.F(n.func).is_go_wrap || a.F(n.func).is_defer_wrap);
    Remark r;
    r.pos = n.pos;
    r.node = id;
    r.func = loc.curfn;
    // After rewriteWithLiterals the EXPR is not ExprString(node): the remark carries its text.
    auto it = rewritten_text.find(id.index());
    bool rewritten = it != rewritten_text.end();
    if (loc.HasAttr(kAttrEscapes)) {
      a.result.heap_nodes.Set(id, 1);
      if (!go_defer_wrapper) {
        r.kind = n.op == Op::kAppend ? Remark::Kind::kAppendEscapes
                                     : Remark::Kind::kEscapesToHeap;
        if (rewritten) {
          r.kind = Remark::Kind::kOther;
          r.text = it->second + " escapes to heap";
        }
        AddRemark(r);
      }
    } else {
      a.result.heap_nodes.Set(id, 2);
      if (!go_defer_wrapper) {
        r.kind = n.op == Op::kAppend ? Remark::Kind::kAppendDoesNotEscape
                                     : Remark::Kind::kDoesNotEscape;
        if (rewritten) {
          r.kind = Remark::Kind::kOther;
          r.text = it->second + " does not escape";
        }
        AddRemark(r);
      }
      if (!loc.HasAttr(kAttrPersists) &&
          (n.op == Op::kClosure || n.op == Op::kMethValue || n.op == Op::kSliceLit)) {
        a.result.transient.Set(id, 1);
      }
    }
    // A string->[]byte conversion never mutated can share the string's memory.
    if (a.opts.zero_copy && n.op == Op::kStr2Bytes && !loc.HasAttr(kAttrMutates)) {
      a.result.zero_copy.Set(id, 1);
      Remark z;
      z.kind = Remark::Kind::kZeroCopy;
      z.pos = n.pos;
      z.node = id;
      z.func = loc.curfn;
      AddRemark(std::move(z));
    }
  }
}

// ---- Analyzer

Analyzer::Analyzer(const ir::Program& p, const types::Universe& uni, const Options& o, Result& r)
    : prog(p), u(uni), opts(o), result(r) {
  size_t nf = prog.funcs.size();
  func_esc.assign(nf, kEscFuncUnknown);
  results_lost.assign(nf, 0);
  extra_pragmas.assign(nf, 0);
  addrtaken_extra.assign(prog.vars.size(), 0);
  for (size_t i = 0; i < nf; ++i) {
    FuncId f(static_cast<uint32_t>(i));
    if (F(f).obj) func_by_obj.emplace(F(f).obj.index(), f);
  }
}

void Analyzer::Run() {
  VisitFuncsBottomUp(*this, [&](const std::vector<FuncId>& fns, bool) {
    Batch b(*this, fns);
    b.Run();
  });
}

Result Analyze(const ir::Program& prog, const types::Universe& u, const Options& opts) {
  Result result;
  Analyzer a(prog, u, opts, result);
  a.Run();
  return result;
}

std::unordered_map<uint32_t, std::vector<Leaks>> ExportTags(const ir::Program& prog,
                                                            const Result& result) {
  std::unordered_map<uint32_t, std::vector<Leaks>> out;
  for (size_t i = 0; i < prog.funcs.size(); ++i) {
    FuncId f(static_cast<uint32_t>(i));
    const ir::Func& fn = prog.funcs.Get(f);
    if (!fn.obj) continue;
    out[fn.obj.index()] = result.leaks.Get(f);
  }
  return out;
}

}  // namespace escapist::escape
