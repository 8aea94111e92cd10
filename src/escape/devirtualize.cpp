// escape/devirtualize.cpp -- gc's static devirtualization (devirtualize/devirtualize.go
// StaticCall with the 1.26 concrete-type analysis), which runs before escape analysis even with
// -l: an interface call whose receiver's concrete type is known becomes a static method call on
// `x.(T)`. The IR is not rewritten; escape analysis consults the decision when it meets the call.
#include "escape/batch.h"
#include "ir/build.h"

namespace escapist::escape {

namespace {

// An assignment to an interface variable: unknown (none), a concrete type, or an expression.
struct Assignment {
  TypeId type;
  NodeId node;
};

class ConcreteTypes {
 public:
  explicit ConcreteTypes(const Analyzer& a) : a_(a) {}

  // concreteType: the single concrete type n may hold, or none.
  TypeId ConcreteType(NodeId n) {
    std::unordered_map<uint32_t, bool> seen;
    bool no_type = false;
    TypeId t = ConcreteType1(n, seen, &no_type);
    if (no_type) return TypeId();
    return t;
  }

 private:
  // concreteType1; *no_type reports gc's &noType sentinel (statically nil, or a cycle).
  TypeId ConcreteType1(NodeId n, std::unordered_map<uint32_t, bool>& seen, bool* no_type) {
    *no_type = false;
    for (;;) {
      const ir::Node& x = a_.N(n);
      if (!x.type) return TypeId();
      if (!IsInterfaceT(a_.u, x.type)) return x.type;
      if ((x.op == Op::kConvNop || x.op == Op::kConvIface || x.op == Op::kDotType ||
           x.op == Op::kDotType2) &&
          x.x) {
        n = x.x;
        continue;
      }
      break;
    }
    const ir::Node& x = a_.N(n);
    if (x.op != Op::kName || !x.var) return TypeId();
    VarId name = a_.Canonical(x.var);
    const ir::Var& v = a_.V(name);
    if (v.cls != ir::Class::kAuto || !v.curfn) return TypeId();
    if (a_.V(name).addrtaken) return TypeId();
    if (seen.count(name.index())) {
      *no_type = true;
      return TypeId();
    }
    seen[name.index()] = true;
    TypeId typ;
    for (const Assignment& as : Assignments(name)) {
      TypeId t = as.type;
      if (as.node) {
        bool nt = false;
        t = ConcreteType1(as.node, seen, &nt);
        if (nt) continue;
      }
      if (!t) return TypeId();  // unknown concrete type
      if (typ && typ != t && !types::Identical(a_.u, typ, t)) return TypeId();
      typ = t;
    }
    if (!typ) *no_type = true;  // zero value or only nil assigned
    return typ;
  }

  const std::vector<Assignment>& Assignments(VarId n) {
    FuncId fn = a_.V(n).curfn;
    if (!analyzed_.count(fn.index())) {
      analyzed_[fn.index()] = true;
      Analyze(fn);
    }
    return assignments_[n.index()];
  }

  void Assign(NodeId name, Assignment as) {
    if (!name || a_.N(name).op != Op::kName || IsBlankNode(a_, name)) return;
    VarId v = a_.N(name).var;
    if (!v || !a_.V(v).curfn) return;
    if (!IsInterfaceT(a_.u, a_.V(v).type)) return;
    v = a_.Canonical(v);
    if (a_.V(v).cls != ir::Class::kAuto) return;
    if (as.type && IsInterfaceT(a_.u, as.type)) as.type = TypeId();
    if (as.node && a_.N(as.node).op == Op::kNil) return;  // nil panics: ignore
    assignments_[v.index()].push_back(as);
  }

  void Analyze(FuncId fn) {
    a_.Visit(a_.F(fn).body, [&](NodeId id, const ir::Node& n) {
      Do(id, n);
      return true;
    });
  }

  static TypeId ResultType(const Analyzer& a, NodeId call, size_t i) {
    const ir::Node& c = a.N(call);
    if (!c.x || !a.N(c.x).type) return TypeId();
    TypeId sig = types::Underlying(a.u, a.N(c.x).type);
    if (!sig || a.u.Get(sig).kind != types::TypeKind::kSignature) return TypeId();
    TypeId res = a.u.Get(sig).results;
    if (!res || i >= a.u.Get(res).vars.size()) return TypeId();
    return a.u.Obj(a.u.Get(res).vars[i]).type;
  }

  void Do(NodeId id, const ir::Node& n) {
    switch (n.op) {
      case Op::kAs:
        if (!n.y) break;
        if (IsCallOp(a_.N(n.y).op)) {
          Assign(n.x, {ResultType(a_, n.y, 0), NodeId()});
        } else {
          Assign(n.x, {TypeId(), n.y});
        }
        break;
      case Op::kAs2:
        for (uint32_t i = 0; i < n.list.count && i < n.list2.count; ++i) {
          NodeId r = a_.prog.At(n.list2, i);
          if (r) Assign(a_.prog.At(n.list, i), {TypeId(), r});
        }
        break;
      case Op::kAs2DotType:
        if (n.list.count > 0) Assign(a_.prog.At(n.list, 0), {TypeId(), n.x});
        if (n.list.count > 1) Assign(a_.prog.At(n.list, 1), {});
        break;
      case Op::kAs2MapR:
      case Op::kAs2Recv:
        if (n.list.count > 0 && n.x) Assign(a_.prog.At(n.list, 0), {a_.N(n.x).type, NodeId()});
        if (n.list.count > 1) Assign(a_.prog.At(n.list, 1), {});
        break;
      case Op::kAs2Func:
        if (n.x && IsCallOp(a_.N(n.x).op)) {
          for (uint32_t i = 0; i < n.list.count; ++i) {
            Assign(a_.prog.At(n.list, i), {ResultType(a_, n.x, i), NodeId()});
          }
        }
        break;
      case Op::kRange: {
        NodeId key = n.list.count > 0 ? a_.prog.At(n.list, 0) : NodeId();
        NodeId value = n.list.count > 1 ? a_.prog.At(n.list, 1) : NodeId();
        TypeId xt = n.x ? a_.N(n.x).type : TypeId();
        if (IsPtr(a_.u, xt) && IsArray(a_.u, Elem(a_.u, xt))) xt = Elem(a_.u, xt);
        types::TypeKind k = UKind(a_.u, xt);
        if (k == types::TypeKind::kArray || k == types::TypeKind::kSlice) {
          Assign(key, {});
          Assign(value, {Elem(a_.u, xt), NodeId()});
        } else if (k == types::TypeKind::kChan) {
          Assign(key, {Elem(a_.u, xt), NodeId()});
        } else if (k == types::TypeKind::kMap) {
          TypeId ut = types::Underlying(a_.u, xt);
          Assign(key, {a_.u.Get(ut).key, NodeId()});
          Assign(value, {a_.u.Get(ut).elem, NodeId()});
        } else {
          Assign(key, {});
          Assign(value, {});
        }
        break;
      }
      case Op::kSwitch:
        if (n.x && a_.N(n.x).op == Op::kTypeSwitchGuard) {
          NodeId gx = a_.N(n.x).x;
          for (NodeId cas : a_.List(n.list)) {
            if (!cas || !a_.N(cas).var) continue;
            VarId cv = a_.N(cas).var;
            // assign(v.Var, guard.X) with the clause variable as the name.
            if (!IsInterfaceT(a_.u, a_.V(cv).type)) continue;
            VarId c = a_.Canonical(cv);
            if (a_.V(c).cls != ir::Class::kAuto) continue;
            if (gx && a_.N(gx).op == Op::kNil) continue;
            assignments_[c.index()].push_back({TypeId(), gx});
          }
        }
        break;
      case Op::kClosure:
        if (n.func && !analyzed_.count(n.func.index())) {
          analyzed_[n.func.index()] = true;
          Analyze(n.func);
        }
        break;
      default:
        break;
    }
    (void)id;
  }

  const Analyzer& a_;
  std::unordered_map<uint32_t, bool> analyzed_;
  std::unordered_map<uint32_t, std::vector<Assignment>> assignments_;
};

}  // namespace

// Runs devirtualize.StaticCall on every interface call of the package, in Target.Funcs order,
// recording the decisions and their messages.
void Analyzer::Devirtualize() {
  ConcreteTypes ct(*this);
  for (FuncId fn : prog.target_funcs) {
    // Calls inside go/defer wrappers are the deferred calls themselves (call.GoDefer).
    if (F(fn).is_go_wrap || F(fn).is_defer_wrap) continue;
    Visit(F(fn).body, [&](NodeId id, const ir::Node& n) {
      if (n.op != Op::kCallInter || !n.x) return true;
      const ir::Node& sel = N(n.x);
      if (sel.op != Op::kDotInter || !sel.x || !sel.obj) return true;
      TypeId typ = ct.ConcreteType(sel.x);
      if (!typ) return true;
      TypeId iface = N(sel.x).type;
      if (!types::Implements(u, typ, iface)) return true;
      types::Selection s;
      types::ObjId m = types::LookupFieldOrMethod(u, typ, false, prog.pkg, u.Obj(sel.obj).name, &s);
      if (!m || u.Obj(m).kind != types::ObjKind::kFunc) return true;
      DevirtCall d;
      d.typ = typ;
      d.method = m;
      d.path = s.path;
      if (!d.path.empty()) d.path.pop_back();  // the method's own index
      const types::Type& msig = u.Get(u.Obj(m).type);
      d.partial = msig.kind == types::TypeKind::kSignature && msig.recv &&
                  IsInterfaceT(u, u.Obj(msig.recv).type);
      devirt[id.index()] = d;
      if (opts.debug_m != 0) {
        Remark r;
        r.kind = Remark::Kind::kOther;
        r.pos = n.pos;
        r.node = id;
        r.func = fn;
        r.text = std::string(d.partial ? "partially devirtualizing " : "devirtualizing ") +
                 ir::ExprString(prog, u, n.x) + " to " + types::TypeString(u, typ, prog.pkg);
        result.remarks.push_back(std::move(r));
      }
      return true;
    });
  }
}

// The hole for evaluating the interface operand x of a devirtualized call, whose receiver is
// XDotMethod(x.(T), M): implicit dots to the embedded field declaring M, then & or * to match
// M's receiver. Each step applies exprSkipInit's pruning and its hole operation.
Hole Escape::DevirtReceiverHole(Hole k, NodeId call, const DevirtCall& d) {
  const types::Universe& u = a.u;
  struct Step {
    Op op;
    TypeId type;  // the step's result type
  };
  std::vector<Step> steps;  // innermost first
  TypeId cur = d.typ;
  steps.push_back({Op::kDotType, cur});
  for (uint32_t idx : d.path) {
    bool ptr = IsPtr(u, cur);
    TypeId st = ptr ? Elem(u, cur) : cur;
    TypeId ust = types::Underlying(u, st);
    if (!ust || u.Get(ust).kind != types::TypeKind::kStruct || idx >= u.Get(ust).fields.size()) {
      break;
    }
    cur = u.Obj(u.Get(ust).fields[idx]).type;
    steps.push_back({ptr ? Op::kDotPtr : Op::kDot, cur});
  }
  if (!d.partial) {
    bool want_ptr = u.Obj(d.method).ptr_recv;
    if (want_ptr && !IsPtr(u, cur)) {
      steps.push_back({Op::kAddr, u.Basic(types::BasicKind::kUnsafePointer)});
    } else if (!want_ptr && IsPtr(u, cur)) {
      steps.push_back({Op::kDeref, Elem(u, cur)});
    }
  }
  for (auto it = steps.rbegin(); it != steps.rend(); ++it) {
    if (k.derefs >= 0 && it->type && !IsUntypedT(u, it->type) && !HasPtrs(u, it->type)) {
      k.dst = b.blank_loc;
    }
    switch (it->op) {
      case Op::kAddr:
        k = b.Addr(k, call, "address-of");
        break;
      case Op::kDeref:
        k = b.Deref(k, call, "indirection");
        break;
      case Op::kDot:
        k = b.Note(k, call, "dot");
        break;
      case Op::kDotPtr:
        k = b.Deref(k, call, "dot of pointer");
        break;
      default:
        k = b.DotType(k, d.typ, call, "dot");
        break;
    }
  }
  return k;
}

}  // namespace escapist::escape
