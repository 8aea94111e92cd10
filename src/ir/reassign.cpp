// ir/reassign.cpp -- gc's ir/reassignment.go ReassignOracle (see reassign.h).
#include "ir/reassign.h"

namespace escapist::ir {

namespace {

// The kind of t's underlying type (a type parameter's core type).
types::TypeKind UnderKind(const types::Universe& u, types::TypeId t) {
  if (!t) return types::TypeKind::kInvalid;
  types::TypeId ut = types::Underlying(u, t);
  if (ut && u.Get(ut).kind == types::TypeKind::kTypeParam) {
    if (types::TypeId core = types::CoreType(u, ut)) ut = core;
  }
  return ut ? u.Get(ut).kind : types::TypeKind::kInvalid;
}

// Visits the body of fn and, through func literals, their bodies (gc's ir.Any with explicit
// recursion into closures), each node pre-order: init, x, y, z, w, list, list2.
template <typename Fn>
void VisitWithClosures(const Program& prog, FuncId fn, Fn&& visit) {
  std::vector<FuncId> work{fn};
  while (!work.empty()) {
    FuncId f = work.back();
    work.pop_back();
    std::vector<FuncId> inner;
    std::vector<NodeId> stack{prog.funcs.Get(f).body};
    while (!stack.empty()) {
      NodeId id = stack.back();
      stack.pop_back();
      if (!id) continue;
      const Node& n = prog[id];
      visit(id, n);
      if (n.op == Op::kClosure && n.func) inner.push_back(n.func);
      for (uint32_t i = n.list2.count; i-- > 0;) stack.push_back(prog.At(n.list2, i));
      for (uint32_t i = n.list.count; i-- > 0;) stack.push_back(prog.At(n.list, i));
      stack.push_back(n.w);
      stack.push_back(n.z);
      stack.push_back(n.y);
      stack.push_back(n.x);
      for (uint32_t i = n.init.count; i-- > 0;) stack.push_back(prog.At(n.init, i));
    }
    // Closures are visited after the enclosing body; the result does not depend on order.
    for (auto it = inner.rbegin(); it != inner.rend(); ++it) work.push_back(*it);
  }
}

// ir.OuterValue followed by Canonical: the variable an assignment destination stores into.
VarId OuterName(const Program& prog, const types::Universe& u, NodeId x) {
  while (x) {
    const Node& n = prog[x];
    switch (n.op) {
      case Op::kDot:
      case Op::kConvNop:
        x = n.x;
        continue;
      case Op::kIndex:
        if (n.x && UnderKind(u, prog[n.x].type) == types::TypeKind::kArray) {
          x = n.x;
          continue;
        }
        return VarId();
      case Op::kName:
        return n.var ? Canonical(prog, n.var) : VarId();
      default:
        return VarId();
    }
  }
  return VarId();
}

bool IsNilAssign(const Program& prog, NodeId as) {
  NodeId y = prog[as].y;
  if (!y) return true;
  while (prog[y].op == Op::kConvNop && prog[y].x) y = prog[y].x;
  return prog[y].op == Op::kNil;
}

}  // namespace

VarId Canonical(const Program& prog, VarId v) {
  int guard = 0;
  while (v && prog.vars.Get(v).is_closure_var && prog.vars.Get(v).outer && guard++ < 1000) {
    v = prog.vars.Get(v).outer;
  }
  return v;
}

// ReassignOracle.Init.
ReassignOracle::ReassignOracle(const Program& prog, const types::Universe& u, FuncId fn,
                               const std::function<bool(VarId)>& addrtaken)
    : prog_(prog) {
  // Parameters are candidates, defined by the function itself.
  for (VarId p : prog.funcs.Get(fn).params) {
    if (p && prog.vars.Get(p).name != "_") single_def_[p.index()] = NodeId();
  }
  // Locals not address-taken: those assigned by `:=` (or any defining statement).
  auto find_local = [&](VarId v) {
    if (!v) return;
    const Var& var = prog.vars.Get(v);
    if (var.is_closure_var || var.cls != Class::kAuto || addrtaken(v)) return;
    bool is_func = UnderKind(u, var.type) == types::TypeKind::kSignature;
    if (!var.defn) {
      if (is_func) func_assigns_.try_emplace(v.index());
    } else if (prog[var.defn].op == Op::kAs) {
      single_def_[v.index()] = var.defn;
      if (is_func) func_assigns_.try_emplace(v.index());
    } else {
      single_def_[v.index()] = var.defn;
    }
  };
  VisitWithClosures(prog, fn, [&](NodeId, const Node& n) {
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
    VarId oname = OuterName(prog, u, lhs);
    if (!oname) return;
    auto sd = single_def_.find(oname.index());
    if (sd != single_def_.end()) {
      Class cls = prog.vars.Get(oname).cls;
      bool param_assigned = cls == Class::kParam;
      bool local_assigned = cls == Class::kAuto && asn != sd->second;
      if (param_assigned || local_assigned) single_def_.erase(sd);
    }
    auto fa = func_assigns_.find(oname.index());
    if (fa != func_assigns_.end()) {
      if (prog[asn].op == Op::kAs) {
        if (!IsNilAssign(prog, asn)) fa->second.push_back(asn);
      } else {
        func_assigns_.erase(fa);  // not a simple assignment
      }
    }
  };
  VisitWithClosures(prog, fn, [&](NodeId id, const Node& n) {
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
      case Op::kRange:
        for (NodeId p : prog.List(n.list)) prune(p, id);
        break;
      default:
        break;
    }
  });
}

// ReassignOracle.StaticValue.
NodeId ReassignOracle::StaticValue(NodeId n) const {
  while (n) {
    if (prog_[n].op == Op::kConvNop && prog_[n].x) {
      n = prog_[n].x;
      continue;
    }
    if (prog_[n].op == Op::kInlCall && prog_[n].list2.count == 1) {
      n = prog_.At(prog_[n].list2, 0);
      continue;
    }
    NodeId n1 = StaticValue1(n);
    if (!n1) return n;
    n = n1;
  }
  return n;
}

NodeId ReassignOracle::StaticValue1(NodeId nn) const {
  const Node& node = prog_[nn];
  if (node.op != Op::kName || !node.var) return NodeId();
  VarId n = Canonical(prog_, node.var);
  const Var& v = prog_.vars.Get(n);
  if (v.cls != Class::kAuto || !v.defn) return NodeId();
  const Node& defn = prog_[v.defn];
  NodeId rhs;
  switch (defn.op) {
    case Op::kAs:
      rhs = defn.y;
      break;
    case Op::kAs2:
      for (uint32_t i = 0; i < defn.list.count; ++i) {
        NodeId lhs = prog_.At(defn.list, i);
        if (lhs && prog_[lhs].op == Op::kName && prog_[lhs].var &&
            Canonical(prog_, prog_[lhs].var) == n) {
          if (i < defn.list2.count) rhs = prog_.At(defn.list2, i);
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
  auto it = func_assigns_.find(Canonical(prog_, v).index());
  if (it == func_assigns_.end()) return nullptr;
  return &it->second;
}

}  // namespace escapist::ir
