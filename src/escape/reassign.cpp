// escape/reassign.cpp -- static values of local variables (gc's ir/reassignment.go
// ReassignOracle and ir.StaticValue): which locals are defined once and never reassigned, and
// which functions a func-typed local may hold; plus the analyzer's name and callee lookups.
#include "escape/batch.h"

namespace escapist::escape {

namespace {

// Visits fn's body and, through func literals, their bodies (gc's ir.Any with explicit
// recursion into closures).
template <typename Fn>
void VisitWithClosures(const Analyzer& a, FuncId fn, Fn&& visit) {
  std::vector<FuncId> work{fn};
  while (!work.empty()) {
    FuncId f = work.back();
    work.pop_back();
    std::vector<FuncId> inner;
    a.Visit(a.F(f).body, [&](NodeId id, const ir::Node& n) {
      visit(id, n);
      if (n.op == Op::kClosure && n.func) inner.push_back(n.func);
      return true;
    });
    // Closures are visited after the enclosing body; the result does not depend on order.
    for (auto it = inner.rbegin(); it != inner.rend(); ++it) work.push_back(*it);
  }
}

// ir.OuterValue followed by Canonical: the variable an assignment destination stores into.
VarId OuterName(const Analyzer& a, NodeId x) {
  while (x) {
    const ir::Node& n = a.N(x);
    switch (n.op) {
      case Op::kDot:
      case Op::kConvNop:
        x = n.x;
        continue;
      case Op::kIndex:
        if (n.x && IsArray(a.u, a.N(n.x).type)) {
          x = n.x;
          continue;
        }
        return VarId();
      case Op::kName:
        return n.var ? a.Canonical(n.var) : VarId();
      default:
        return VarId();
    }
  }
  return VarId();
}

bool IsNilAssign(const Analyzer& a, NodeId as) {
  NodeId y = a.N(as).y;
  if (!y) return true;
  while (a.N(y).op == Op::kConvNop && a.N(y).x) y = a.N(y).x;
  return a.N(y).op == Op::kNil;
}

}  // namespace

// ReassignOracle.Init.
ReassignOracle::ReassignOracle(const Analyzer& a, FuncId fn) : a_(a) {
  // Parameters are candidates, defined by the function itself.
  for (VarId p : a.F(fn).params) {
    if (p && a.V(p).name != "_") single_def_[p.index()] = NodeId();
  }
  // Locals not address-taken: those assigned by `:=` (or any defining statement).
  auto find_local = [&](VarId v) {
    if (!v) return;
    const ir::Var& var = a.V(v);
    if (var.is_closure_var || var.cls != ir::Class::kAuto || a.Addrtaken(v)) return;
    bool is_func = var.type && UKind(a.u, var.type) == types::TypeKind::kSignature;
    if (!var.defn) {
      if (is_func) func_assigns_.try_emplace(v.index());
    } else if (a.N(var.defn).op == Op::kAs) {
      single_def_[v.index()] = var.defn;
      if (is_func) func_assigns_.try_emplace(v.index());
    } else {
      single_def_[v.index()] = var.defn;
    }
  };
  VisitWithClosures(a, fn, [&](NodeId, const ir::Node& n) {
    switch (n.op) {
      case Op::kName:
      case Op::kDcl:
      case Op::kTypeSwitchGuard:
      case Op::kCase:
        find_local(n.var);
        break;
      default:
        break;
    }
  });

  // Prune anything that looks reassigned.
  auto prune = [&](NodeId lhs, NodeId asn) {
    VarId oname = OuterName(a, lhs);
    if (!oname) return;
    auto sd = single_def_.find(oname.index());
    if (sd != single_def_.end()) {
      ir::Class cls = a.V(oname).cls;
      bool param_assigned = cls == ir::Class::kParam;
      bool local_assigned = cls == ir::Class::kAuto && asn != sd->second;
      if (param_assigned || local_assigned) single_def_.erase(sd);
    }
    auto fa = func_assigns_.find(oname.index());
    if (fa != func_assigns_.end()) {
      if (a.N(asn).op == Op::kAs) {
        if (!IsNilAssign(a, asn)) fa->second.push_back(asn);
      } else {
        func_assigns_.erase(fa);  // not a simple assignment
      }
    }
  };
  VisitWithClosures(a, fn, [&](NodeId id, const ir::Node& n) {
    switch (n.op) {
      case Op::kAs:
      case Op::kAsOp:
        prune(n.x, id);
        break;
      case Op::kAs2:
      case Op::kAs2Func:
      case Op::kAs2MapR:
      case Op::kAs2DotType:
      case Op::kAs2Recv:
        for (NodeId p : a.List(n.list)) prune(p, id);
        break;
      case Op::kRange:
        for (NodeId p : a.List(n.list)) prune(p, id);
        break;
      default:
        break;
    }
  });
}

// ReassignOracle.StaticValue.
NodeId ReassignOracle::StaticValue(NodeId n) const {
  while (n) {
    if (a_.N(n).op == Op::kConvNop && a_.N(n).x) {
      n = a_.N(n).x;
      continue;
    }
    if (a_.N(n).op == Op::kInlCall && a_.N(n).list2.count == 1) {
      n = a_.prog.At(a_.N(n).list2, 0);
      continue;
    }
    NodeId n1 = StaticValue1(n);
    if (!n1) return n;
    n = n1;
  }
  return n;
}

NodeId ReassignOracle::StaticValue1(NodeId nn) const {
  const ir::Node& node = a_.N(nn);
  if (node.op != Op::kName || !node.var) return NodeId();
  VarId n = a_.Canonical(node.var);
  const ir::Var& v = a_.V(n);
  if (v.cls != ir::Class::kAuto || !v.defn) return NodeId();
  const ir::Node& defn = a_.N(v.defn);
  NodeId rhs;
  switch (defn.op) {
    case Op::kAs:
      rhs = defn.y;
      break;
    case Op::kAs2:
      for (uint32_t i = 0; i < defn.list.count; ++i) {
        NodeId lhs = a_.prog.At(defn.list, i);
        if (lhs && a_.N(lhs).op == Op::kName && a_.N(lhs).var &&
            a_.Canonical(a_.N(lhs).var) == n) {
          if (i < defn.list2.count) rhs = a_.prog.At(defn.list2, i);
          break;
        }
      }
      break;
    default:
      return NodeId();
  }
  if (!rhs) return NodeId();
  if (!single_def_.count(n.index())) return NodeId();
  return rhs;
}

const std::vector<NodeId>* ReassignOracle::FuncAssignments(VarId v) const {
  auto it = func_assigns_.find(a_.Canonical(v).index());
  if (it == func_assigns_.end()) return nullptr;
  return &it->second;
}

// ---- Analyzer lookups

VarId Analyzer::Canonical(VarId v) const {
  int guard = 0;
  while (v && V(v).is_closure_var && V(v).outer && guard++ < 1000) v = V(v).outer;
  return v;
}

bool Analyzer::Addrtaken(VarId v) const {
  VarId c = Canonical(v);
  return V(c).addrtaken || V(v).addrtaken || addrtaken_extra[c.index()];
}

FuncId Analyzer::FuncOf(types::ObjId obj) const {
  if (!obj) return FuncId();
  auto it = func_by_obj.find(obj.index());
  return it == func_by_obj.end() ? FuncId() : it->second;
}

// ir.StaticCalleeName.
std::optional<Callee> Analyzer::StaticCalleeName(NodeId id) const {
  if (!id) return std::nullopt;
  const ir::Node& n = N(id);
  switch (n.op) {
    case Op::kMethExpr:
    case Op::kName: {
      if (n.op == Op::kName && n.var) return std::nullopt;
      if (!n.obj) return std::nullopt;
      const types::Object& obj = u.Obj(n.obj);
      if (obj.kind != types::ObjKind::kFunc) return std::nullopt;
      // Interface methods have no body and no tags.
      if (obj.type) {
        const types::Type& sig = u.Get(obj.type);
        if (sig.kind == types::TypeKind::kSignature && sig.recv &&
            IsInterfaceT(u, u.Obj(sig.recv).type)) {
          return std::nullopt;
        }
      }
      return Callee{FuncOf(n.obj), n.obj};
    }
    case Op::kClosure:
      if (!n.func) return std::nullopt;
      return Callee{n.func, F(n.func).obj};
    default:
      return std::nullopt;
  }
}

// batch.reassignOracle: one oracle per outermost function, shared by its closures.
const ReassignOracle& Analyzer::Oracle(FuncId fn) {
  auto it = oracles.find(fn.index());
  if (it != oracles.end()) return *it->second;
  FuncId f = fn;
  while (F(f).outer) {
    FuncId p = F(f).outer;
    // Closures in package-level initializers keep their own oracle (ClosureParent is init).
    if (F(p).is_package_init) break;
    f = p;
  }
  if (f != fn) {
    auto pit = oracles.find(f.index());
    if (pit != oracles.end()) {
      oracles[fn.index()] = pit->second;
      return *pit->second;
    }
  }
  auto ro = std::make_shared<ReassignOracle>(*this, f);
  oracles[fn.index()] = ro;
  if (f != fn) oracles[f.index()] = ro;
  return *ro;
}

uint32_t Analyzer::Pragmas(const Callee& c) const {
  if (c.fn) return F(c.fn).pragmas | extra_pragmas[c.fn.index()];
  if (c.obj) {
    const types::Object& o = u.Obj(c.obj);
    return o.pragmas | (o.has_body ? 0u : kPragmaUintptrKeepAlive);
  }
  return 0;
}

}  // namespace escapist::escape
