// inline/devirtualize.cpp -- gc's static devirtualization (devirtualize/devirtualize.go StaticCall
// with go1.26's concrete-type analysis, and State.InlinedCall), which the interleaved pass runs
// on every call site before trying to inline it, even with -l: an interface call whose receiver
// can only hold one concrete type T becomes a static call of T's method on `x.(T)` (or, for a
// method promoted from an embedded interface, an interface call on that field: "partially
// devirtualizing").
#include "inline/internal.h"

#include "ir/build.h"

namespace escapist::inlining {

namespace {

using types::TypeId;
using types::TypeKind;

TypeKind UKind(const types::Universe& u, TypeId t) {
  if (!t.has_value()) return TypeKind::kInvalid;
  TypeId ut = types::Underlying(u, t);
  return ut.has_value() ? u.Get(ut).kind : TypeKind::kInvalid;
}
bool IsIface(const types::Universe& u, TypeId t) { return UKind(u, t) == TypeKind::kInterface; }
bool IsPtr(const types::Universe& u, TypeId t) { return UKind(u, t) == TypeKind::kPointer; }
TypeId ElemOf(const types::Universe& u, TypeId t) {
  return u.Get(types::Underlying(u, t)).elem;
}

// Whether a and b are one *types.Type in gc, which concreteType1 compares by pointer: defined
// types (and instances) are unique, pointer and slice types are cached by element type, other
// type literals written apart are distinct types.
bool GcSameType(const types::Universe& u, TypeId a, TypeId b) {
  for (int guard = 0; guard < 100; ++guard) {
    if (a == b) return true;
    if (!a.has_value() || !b.has_value()) return false;
    const types::Type& ta = u.Get(a);
    const types::Type& tb = u.Get(b);
    if (ta.kind != tb.kind) return false;
    switch (ta.kind) {
      case TypeKind::kNamed:
      case TypeKind::kBasic:
        return types::Identical(u, a, b);
      case TypeKind::kPointer:
      case TypeKind::kSlice:
        a = ta.elem;
        b = tb.elem;
        continue;
      default:
        return false;
    }
  }
  return false;
}

}  // namespace

Devirtualizer::Devirtualizer(ir::Program& prog, const types::Universe& u, const Options& opts,
                             std::vector<Remark>* remarks)
    : prog_(prog), u_(u), opts_(opts), remarks_(remarks) {}

VarId Devirtualizer::Canonical(VarId v) const {
  int guard = 0;
  while (v.has_value() && prog_.vars.Get(v).is_closure_var && prog_.vars.Get(v).outer.has_value() &&
         guard++ < 1000) {
    v = prog_.vars.Get(v).outer;
  }
  return v;
}

// concreteType: the single concrete type n may hold, or none.
TypeId Devirtualizer::ConcreteType(NodeId n) {
  std::unordered_map<uint32_t, bool> seen;
  bool no_type = false;
  TypeId t = ConcreteType1(n, seen, &no_type);
  return no_type ? TypeId() : t;
}

// concreteType1; *no_type reports gc's &noType sentinel (statically nil, or a cycle).
TypeId Devirtualizer::ConcreteType1(NodeId n, std::unordered_map<uint32_t, bool>& seen,
                                    bool* no_type) {
  *no_type = false;
  for (int guard = 0; guard < 10000; ++guard) {
    const ir::Node& x = prog_[n];
    if (!x.type.has_value()) return TypeId();
    if (!IsIface(u_, x.type)) return x.type;
    if ((x.op == Op::kConvNop || x.op == Op::kConvIface || x.op == Op::kDotType ||
         x.op == Op::kDotType2) &&
        x.x.has_value()) {
      n = x.x;
      continue;
    }
    if (x.op == Op::kInlCall && x.list2.count == 1) {
      n = prog_.At(x.list2, 0);
      continue;
    }
    break;
  }
  const ir::Node& x = prog_[n];
  if (x.op != Op::kName || !x.var.has_value()) return TypeId();
  VarId name = Canonical(x.var);
  const ir::Var& v = prog_.vars.Get(name);
  if (v.cls != Class::kAuto || !v.curfn.has_value() || v.addrtaken) return TypeId();
  if (seen.count(name.index())) {
    *no_type = true;
    return TypeId();
  }
  seen[name.index()] = true;
  TypeId typ;
  for (const Assignment& as : Assignments(name)) {
    TypeId t = as.type;
    if (as.node.has_value()) {
      bool nt = false;
      t = ConcreteType1(as.node, seen, &nt);
      if (nt) continue;
    }
    if (!t.has_value()) return TypeId();  // unknown concrete type
    if (typ.has_value() && !GcSameType(u_, typ, t)) return TypeId();
    typ = t;
  }
  if (!typ.has_value()) *no_type = true;  // zero value or only nil assigned
  return typ;
}

const std::vector<Devirtualizer::Assignment>& Devirtualizer::Assignments(VarId n) {
  FuncId fn = prog_.vars.Get(n).curfn;
  if (!analyzed_.count(fn.index())) {
    analyzed_[fn.index()] = true;
    Analyze(prog_.funcs.Get(fn).body);
  }
  return assignments_[n.index()];
}

int Devirtualizer::Assign(NodeId name, Assignment as, VarId* out) {
  if (!name.has_value() || prog_[name].op != Op::kName) return -1;
  VarId v = prog_[name].var;
  if (!v.has_value() || prog_.vars.Get(v).name == "_" || !prog_.vars.Get(v).curfn.has_value()) {
    return -1;
  }
  if (!IsIface(u_, prog_.vars.Get(v).type)) return -1;
  v = Canonical(v);
  if (prog_.vars.Get(v).cls != Class::kAuto) return -1;
  if (as.type.has_value() && IsIface(u_, as.type)) as.type = TypeId();
  if (as.node.has_value() && prog_[as.node].op == Op::kNil) return -1;  // nil panics: ignore
  std::vector<Assignment>& list = assignments_[v.index()];
  list.push_back(as);
  if (out != nullptr) *out = v;
  return static_cast<int>(list.size()) - 1;
}

TypeId Devirtualizer::ResultType(NodeId call, size_t i) const {
  const ir::Node& c = prog_[call];
  if (!c.x.has_value() || !prog_[c.x].type.has_value()) return TypeId();
  TypeId sig = types::Underlying(u_, prog_[c.x].type);
  if (!sig.has_value() || u_.Get(sig).kind != TypeKind::kSignature) return TypeId();
  TypeId res = u_.Get(sig).results;
  if (!res.has_value() || i >= u_.Get(res).vars.size()) return TypeId();
  return u_.Obj(u_.Get(res).vars[i]).type;
}

void Devirtualizer::Analyze(NodeId root) {
  ForEachNode(prog_, root, [&](NodeId, const ir::Node& n) {
    Do(n);
    return true;
  });
}

void Devirtualizer::AssignCallResult(NodeId lhs, NodeId call, size_t i) {
  TypeId rt = ResultType(call, i);
  VarId v;
  int idx = Assign(lhs, {rt, NodeId()}, &v);
  if (idx >= 0 && IsIface(u_, rt)) {
    call_assigns_[call.index()].push_back({v, idx, static_cast<int>(i)});
  }
}

void Devirtualizer::Do(const ir::Node& n) {
  auto is_call = [&](NodeId x) {
    return x.has_value() && (prog_[x].op == Op::kCallFunc || prog_[x].op == Op::kCallInter);
  };
  switch (n.op) {
    case Op::kAs:
      if (!n.y.has_value()) break;
      if (is_call(n.y)) {
        AssignCallResult(n.x, n.y, 0);
      } else {
        Assign(n.x, {TypeId(), n.y}, nullptr);
      }
      break;
    case Op::kAs2:
      for (uint32_t i = 0; i < n.list.count && i < n.list2.count; ++i) {
        NodeId r = prog_.At(n.list2, i);
        if (r.has_value()) Assign(prog_.At(n.list, i), {TypeId(), r}, nullptr);
      }
      break;
    case Op::kAs2DotType:
      if (n.list.count > 0) Assign(prog_.At(n.list, 0), {TypeId(), n.x}, nullptr);
      if (n.list.count > 1) Assign(prog_.At(n.list, 1), {}, nullptr);
      break;
    case Op::kAs2MapR:
    case Op::kAs2Recv:
      if (n.list.count > 0 && n.x.has_value()) {
        Assign(prog_.At(n.list, 0), {prog_[n.x].type, NodeId()}, nullptr);
      }
      if (n.list.count > 1) Assign(prog_.At(n.list, 1), {}, nullptr);
      break;
    case Op::kAs2Func:
      if (is_call(n.x)) {
        for (uint32_t i = 0; i < n.list.count; ++i) AssignCallResult(prog_.At(n.list, i), n.x, i);
      } else if (n.x.has_value() && prog_[n.x].op == Op::kInlCall) {
        const ir::Node& ic = prog_[n.x];
        for (uint32_t i = 0; i < n.list.count && i < ic.list2.count; ++i) {
          Assign(prog_.At(n.list, i), {TypeId(), prog_.At(ic.list2, i)}, nullptr);
        }
      }
      break;
    case Op::kRange: {
      NodeId key = n.list.count > 0 ? prog_.At(n.list, 0) : NodeId();
      NodeId value = n.list.count > 1 ? prog_.At(n.list, 1) : NodeId();
      TypeId xt = n.x.has_value() ? prog_[n.x].type : TypeId();
      if (IsPtr(u_, xt) && UKind(u_, ElemOf(u_, xt)) == TypeKind::kArray) xt = ElemOf(u_, xt);
      TypeKind k = UKind(u_, xt);
      if (k == TypeKind::kArray || k == TypeKind::kSlice) {
        Assign(key, {}, nullptr);
        Assign(value, {ElemOf(u_, xt), NodeId()}, nullptr);
      } else if (k == TypeKind::kChan) {
        Assign(key, {ElemOf(u_, xt), NodeId()}, nullptr);
      } else if (k == TypeKind::kMap) {
        TypeId ut = types::Underlying(u_, xt);
        Assign(key, {u_.Get(ut).key, NodeId()}, nullptr);
        Assign(value, {u_.Get(ut).elem, NodeId()}, nullptr);
      } else {
        Assign(key, {}, nullptr);
        Assign(value, {}, nullptr);
      }
      break;
    }
    case Op::kSwitch:
      if (n.x.has_value() && prog_[n.x].op == Op::kTypeSwitchGuard) {
        NodeId gx = prog_[n.x].x;
        for (NodeId cas : prog_.List(n.list)) {
          if (!cas.has_value() || !prog_[cas].var.has_value()) continue;
          VarId cv = prog_[cas].var;
          if (!IsIface(u_, prog_.vars.Get(cv).type)) continue;
          VarId c = Canonical(cv);
          if (prog_.vars.Get(c).cls != Class::kAuto) continue;
          if (gx.has_value() && prog_[gx].op == Op::kNil) continue;
          assignments_[c.index()].push_back({TypeId(), gx});
        }
      }
      break;
    case Op::kClosure:
      if (n.func.has_value() && !analyzed_.count(n.func.index())) {
        analyzed_[n.func.index()] = true;
        Analyze(prog_.funcs.Get(n.func).body);
      }
      break;
    default:
      break;
  }
}

void Devirtualizer::InlinedCall(FuncId fn, NodeId inlined) {
  if (!analyzed_.count(fn.index())) return;
  const ir::Node& ic = prog_[inlined];
  for (NodeId s : prog_.List(ic.init)) Analyze(s);
  for (NodeId s : prog_.List(ic.list)) Analyze(s);
  auto it = call_assigns_.find(inlined.index());
  if (it == call_assigns_.end()) return;
  std::vector<CallAssign> refs = std::move(it->second);
  call_assigns_.erase(it);
  for (const CallAssign& r : refs) {
    if (static_cast<uint32_t>(r.result) >= ic.list2.count) continue;
    assignments_[r.var.index()][r.index] = Assignment{TypeId(), prog_.At(ic.list2, r.result)};
  }
}

// devirtualize.StaticCall.
void Devirtualizer::StaticCall(FuncId fn, NodeId call_id, bool go_defer) {
  (void)fn;
  if (go_defer) return;
  const ir::Node& call = prog_[call_id];
  if (call.op != Op::kCallInter || !call.x.has_value()) return;
  NodeId sel_id = call.x;
  const ir::Node sel = prog_[sel_id];
  if (sel.op != Op::kDotInter || !sel.x.has_value() || !sel.obj.has_value()) return;
  TypeId typ = ConcreteType(sel.x);
  if (!typ.has_value()) return;
  TypeId iface = prog_[sel.x].type;
  if (!types::Implements(u_, typ, iface)) return;
  if (types::IsShape(u_, typ)) return;
  types::Selection s;
  types::ObjId m =
      types::LookupFieldOrMethod(u_, typ, false, prog_.pkg, u_.Obj(sel.obj).name, &s);
  if (!m.has_value() || u_.Obj(m).kind != types::ObjKind::kFunc) return;
  std::vector<uint32_t> path = s.path;
  if (!path.empty()) path.pop_back();  // the method's own index
  const types::Type& msig = u_.Get(u_.Obj(m).type);
  bool partial = msig.kind == TypeKind::kSignature && msig.recv.has_value() &&
                 IsIface(u_, u_.Obj(msig.recv).type);
  if (opts_.debug_m != 0 && remarks_ != nullptr) {
    remarks_->push_back({call.pos, std::string(partial ? "partially devirtualizing "
                                                       : "devirtualizing ") +
                                       ir::ExprString(prog_, u_, sel_id) + " to " +
                                       types::TypeString(u_, typ, prog_.pkg)});
  }
  auto& mu = const_cast<types::Universe&>(u_);  // interning only (as ir's builder does)
  Pos pos = call.pos;
  uint32_t inl = call.inl;
  auto add = [&](Op op, Pos p, TypeId t, NodeId x) {
    ir::Node n;
    n.op = op;
    n.pos = p;
    n.type = t;
    n.implicit = true;
    n.x = x;
    n.inl = inl;
    return prog_.Add(std::move(n));
  };
  // dt := x.(T) at the call's position (UseNilPanic), then XDotMethod's implicit dots.
  NodeId recv = add(Op::kDotType, pos, typ, sel.x);
  prog_[recv].implicit = false;
  TypeId cur = typ;
  for (uint32_t idx : path) {
    bool ptr = IsPtr(u_, cur);
    TypeId st = ptr ? ElemOf(u_, cur) : cur;
    TypeId ust = types::Underlying(u_, st);
    if (!ust.has_value() || u_.Get(ust).kind != TypeKind::kStruct ||
        idx >= u_.Get(ust).fields.size()) {
      break;
    }
    types::ObjId field = u_.Get(ust).fields[idx];
    cur = u_.Obj(field).type;
    recv = add(ptr ? Op::kDotPtr : Op::kDot, sel.pos, cur, recv);
    prog_[recv].obj = field;
    prog_[recv].index = idx;
  }
  if (partial) {
    ir::Node& c = prog_[call_id];
    NodeId dot = add(Op::kDotInter, sel.pos, sel.type, recv);
    prog_[dot].implicit = false;
    prog_[dot].obj = m;
    prog_[dot].syntax = sel.syntax;
    c.x = dot;
    return;
  }
  bool want_ptr = u_.Obj(m).ptr_recv;
  if (want_ptr && !IsPtr(u_, cur)) {
    cur = mu.NewPointer(cur);
    recv = add(Op::kAddr, sel.pos, cur, recv);
  } else if (!want_ptr && IsPtr(u_, cur)) {
    cur = ElemOf(u_, cur);
    recv = add(Op::kDeref, sel.pos, cur, recv);
  }
  // The method expression's type: the method's signature with the receiver first.
  std::vector<types::ObjId> params;
  if (msig.recv.has_value()) params.push_back(msig.recv);
  if (msig.params.has_value()) {
    for (types::ObjId p : u_.Get(msig.params).vars) params.push_back(p);
  }
  types::Type t;
  t.kind = TypeKind::kSignature;
  t.params = mu.NewTuple(params);
  t.results = msig.results.has_value() ? msig.results : mu.NewTuple({});
  t.variadic = msig.variadic;
  TypeId mtype = mu.NewType(std::move(t));
  NodeId callee = add(Op::kMethExpr, sel.pos, mtype, NodeId());
  prog_[callee].implicit = false;
  prog_[callee].obj = m;
  prog_[callee].syntax = sel.syntax;
  std::vector<NodeId> args{recv};
  for (NodeId a : prog_.List(prog_[call_id].list)) args.push_back(a);
  IdSpan<NodeId> list = prog_.AddList(args);
  ir::Node& c = prog_[call_id];
  c.op = Op::kCallFunc;
  c.x = callee;
  c.list = list;
}

}  // namespace escapist::inlining
