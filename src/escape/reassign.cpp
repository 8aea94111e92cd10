// escape/reassign.cpp -- the analyzer's name and callee lookups, and its reassignment oracles
// (batch.reassignOracle over ir/reassign.h's ReassignOracle).
#include "escape/batch.h"

namespace escapist::escape {

// ---- Analyzer lookups

VarId Analyzer::Canonical(VarId v) const { return ir::Canonical(prog, v); }

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
  auto ro = std::make_shared<ReassignOracle>(prog, u, f,
                                             [this](VarId v) { return Addrtaken(v); });
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
