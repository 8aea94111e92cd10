// ir/expr.cpp -- gc's ir/expr.go predicates (see expr.h).
#include "ir/expr.h"

namespace escapist::ir {

namespace {

types::TypeKind UnderKind(const types::Universe& u, types::TypeId t) {
  if (!t) return types::TypeKind::kInvalid;
  types::TypeId ut = types::Underlying(u, t);
  if (ut && u.Get(ut).kind == types::TypeKind::kTypeParam) {
    if (types::TypeId core = types::CoreType(u, ut)) ut = core;
  }
  return ut ? u.Get(ut).kind : types::TypeKind::kInvalid;
}

}  // namespace

bool IsZero(const Program& prog, const types::Universe& u, NodeId id) {
  if (!id) return false;
  const Node& n = prog[id];
  switch (n.op) {
    case Op::kNil:
      return true;
    case Op::kLiteral: {
      if (!n.value) return false;
      const types::Constant& c = u.constants.Get(n.value);
      switch (c.kind) {
        case types::Constant::Kind::kString: return c.s.empty();
        case types::Constant::Kind::kBool: return !c.b;
        case types::Constant::Kind::kUnknown: return false;
        default: return c.re == 0 && c.im == 0;
      }
    }
    case Op::kArrayLit:
      for (NodeId e : prog.List(n.list)) {
        if (e && prog[e].op == Op::kKey) e = prog[e].y;
        if (!IsZero(prog, u, e)) return false;
      }
      return true;
    case Op::kStructLit:
      for (NodeId e : prog.List(n.list)) {
        if (!e || prog[e].op != Op::kStructKey || !IsZero(prog, u, prog[e].x)) return false;
      }
      return true;
    default:
      return false;
  }
}

bool IsAddressable(const Program& prog, const types::Universe& u, NodeId id) {
  while (id) {
    const Node& n = prog[id];
    switch (n.op) {
      case Op::kIndex: {
        types::TypeKind k = n.x ? UnderKind(u, prog[n.x].type) : types::TypeKind::kInvalid;
        if (k == types::TypeKind::kArray) {
          id = n.x;
          continue;
        }
        if (k == types::TypeKind::kBasic) return false;  // a string
        return true;
      }
      case Op::kDeref:
      case Op::kDotPtr:
        return true;
      case Op::kDot:
        id = n.x;
        continue;
      case Op::kName:
        return n.var.has_value();  // not a declared function (PFUNC)
      default:
        return false;
    }
  }
  return false;
}

NodeId OuterValue(const Program& prog, const types::Universe& u, NodeId id) {
  while (id) {
    const Node& n = prog[id];
    if (n.op == Op::kDot || n.op == Op::kConvNop) {
      id = n.x;
    } else if (n.op == Op::kIndex && n.x && UnderKind(u, prog[n.x].type) == types::TypeKind::kArray) {
      id = n.x;
    } else {
      return id;
    }
  }
  return id;
}

}  // namespace escapist::ir
