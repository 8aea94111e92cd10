// escape/utils.cpp -- type and IR queries the analysis needs (gc's escape/utils.go isSelfAssign,
// mayAffectMemory; ir.SameSafeExpr, ir.IsZero, ir.IsReflectHeaderDataField) and gc's statement
// printing for messages.
#include "escape/batch.h"
#include "ir/expr.h"
#include "ir/build.h"
#include "syntax/token.h"

namespace escapist::escape {

using types::BasicKind;
using types::TypeKind;

// ---- types

static TypeId Resolve(const types::Universe& u, TypeId t) {
  if (!t) return t;
  TypeId ut = types::Underlying(u, t);
  if (ut && u.Get(ut).kind == TypeKind::kTypeParam) {
    TypeId core = types::CoreType(u, ut);
    if (core) return core;
  }
  return ut;
}

TypeKind UKind(const types::Universe& u, TypeId t) {
  TypeId ut = Resolve(u, t);
  if (!ut) return TypeKind::kInvalid;
  return u.Get(ut).kind;
}

bool IsKindBasic(const types::Universe& u, TypeId t, BasicKind k) {
  TypeId ut = Resolve(u, t);
  return ut && u.Get(ut).kind == TypeKind::kBasic && u.Get(ut).basic == k;
}

bool IsArray(const types::Universe& u, TypeId t) { return UKind(u, t) == TypeKind::kArray; }
bool IsSlice(const types::Universe& u, TypeId t) { return UKind(u, t) == TypeKind::kSlice; }
bool IsPtr(const types::Universe& u, TypeId t) { return UKind(u, t) == TypeKind::kPointer; }
bool IsUintptr(const types::Universe& u, TypeId t) {
  return IsKindBasic(u, t, BasicKind::kUintptr);
}
bool IsUnsafePtr(const types::Universe& u, TypeId t) {
  return IsKindBasic(u, t, BasicKind::kUnsafePointer);
}

TypeId Elem(const types::Universe& u, TypeId t) {
  TypeId ut = Resolve(u, t);
  if (!ut) return TypeId();
  return u.Get(ut).elem;
}

bool HasPtrs(const types::Universe& u, TypeId t) {
  if (!t) return true;
  return types::HasPointers(u, t);
}

bool IsUntypedT(const types::Universe& u, TypeId t) { return t && types::IsUntyped(u, t); }

bool IsInterfaceT(const types::Universe& u, TypeId t) {
  return t && UKind(u, t) == TypeKind::kInterface;
}

int64_t StructSize(const types::Universe& u, const std::vector<TypeId>& fields) {
  int64_t off = 0, max_align = 1;
  for (TypeId f : fields) {
    int64_t al = std::max<int64_t>(1, types::AlignOf(u, f));
    max_align = std::max(max_align, al);
    off = (off + al - 1) / al * al + types::SizeOf(u, f);
  }
  return (off + max_align - 1) / max_align * max_align;
}

// ---- IR

bool IsBlankNode(const Analyzer& a, NodeId id) {
  if (!id) return true;
  const ir::Node& n = a.N(id);
  if (n.op != Op::kName) return false;
  if (n.var) return a.V(n.var).name == "_";
  return !n.obj;
}

bool IsCallOp(Op op) { return op == Op::kCallFunc || op == Op::kCallInter; }

std::optional<int64_t> Int64Const(const Analyzer& a, NodeId id) {
  if (!id) return std::nullopt;
  const ir::Node& n = a.N(id);
  if (n.op != Op::kLiteral || !n.value) return std::nullopt;
  const types::Constant& c = a.u.constants.Get(n.value);
  if (c.kind != types::Constant::Kind::kInt) return std::nullopt;
  mpz_class num = c.re.get_num();
  if (c.re.get_den() != 1 || !num.fits_slong_p()) return std::nullopt;
  return num.get_si();
}

// ir.IsZero.
bool IsZeroNode(const Analyzer& a, NodeId id) { return ir::IsZero(a.prog, a.u, id); }

// ir.IsReflectHeaderDataField: p.Data with p of type reflect.SliceHeader/StringHeader.
bool IsReflectHeaderDataField(const Analyzer& a, NodeId id) {
  const ir::Node& n = a.N(id);
  if (!n.type || n.type != a.u.Basic(BasicKind::kUintptr)) return false;
  TypeId t;
  if (n.op == Op::kDot) {
    t = n.x ? a.N(n.x).type : TypeId();
  } else if (n.op == Op::kDotPtr) {
    t = n.x ? Elem(a.u, a.N(n.x).type) : TypeId();
  } else {
    return false;
  }
  if (!t || a.u.Get(t).kind != TypeKind::kNamed) return false;
  const types::Object& tn = a.u.Obj(a.u.Get(t).obj);
  if (!n.obj || a.u.Obj(n.obj).name != "Data") return false;
  if (!tn.pkg || a.u.Pkg(tn.pkg).path != "reflect") return false;
  return tn.name == "SliceHeader" || tn.name == "StringHeader";
}

namespace {

bool IsArithTok(syntax::Token t) {
  using syntax::Token;
  switch (t) {
    case Token::kAdd:
    case Token::kSub:
    case Token::kOr:
    case Token::kXor:
    case Token::kMul:
    case Token::kShl:
    case Token::kShr:
    case Token::kAnd:
    case Token::kAndNot:
    case Token::kDiv:
    case Token::kRem:
      return true;
    default:
      return false;
  }
}

bool IsSimpleKind(const types::Universe& u, TypeId t) {
  TypeId ut = Resolve(u, t);
  if (!ut) return false;
  const types::Type& ty = u.Get(ut);
  if (ty.kind == TypeKind::kPointer) return true;
  if (ty.kind != TypeKind::kBasic) return false;
  switch (ty.basic) {
    case BasicKind::kString:
    case BasicKind::kUnsafePointer:
    case BasicKind::kInvalid:
      return false;
    default:
      return true;
  }
}

// ir.SameSafeExpr.
bool SameSafeExpr(const Analyzer& a, NodeId l, NodeId r) {
  if (!l || !r) return false;
  while (a.N(l).op == Op::kConvNop && a.N(l).x) l = a.N(l).x;
  while (a.N(r).op == Op::kConvNop && a.N(r).x) r = a.N(r).x;
  const ir::Node& ln = a.N(l);
  const ir::Node& rn = a.N(r);
  if (ln.op != rn.op) return false;
  if (ln.type != rn.type && !(ln.type && rn.type && types::Identical(a.u, ln.type, rn.type))) {
    return false;
  }
  switch (ln.op) {
    case Op::kName:
      if (ln.var || rn.var) return ln.var && rn.var && a.Canonical(ln.var) == a.Canonical(rn.var);
      return ln.obj == rn.obj;
    case Op::kDot:
    case Op::kDotPtr:
      return ln.obj == rn.obj && ln.index == rn.index && SameSafeExpr(a, ln.x, rn.x);
    case Op::kDeref:
      return SameSafeExpr(a, ln.x, rn.x);
    case Op::kUnary:
      return ln.tok == rn.tok && SameSafeExpr(a, ln.x, rn.x);
    case Op::kConv:
      return IsSimpleKind(a.u, ln.type) && SameSafeExpr(a, ln.x, rn.x);
    case Op::kIndex:
    case Op::kIndexMap:
      return SameSafeExpr(a, ln.x, rn.x) && SameSafeExpr(a, ln.y, rn.y);
    case Op::kBinary:
      return IsArithTok(ln.tok) && ln.tok == rn.tok && SameSafeExpr(a, ln.x, rn.x) &&
             SameSafeExpr(a, ln.y, rn.y);
    case Op::kLiteral: {
      if (!ln.value || !rn.value) return false;
      const types::Constant& x = a.u.constants.Get(ln.value);
      const types::Constant& y = a.u.constants.Get(rn.value);
      if (x.kind != y.kind) return false;
      return x.b == y.b && x.s == y.s && x.re == y.re && x.im == y.im;
    }
    case Op::kNil:
      return true;
    default:
      return false;
  }
}

// escape.mayAffectMemory.
bool MayAffectMemory(const Analyzer& a, NodeId id) {
  if (!id) return false;
  const ir::Node& n = a.N(id);
  switch (n.op) {
    case Op::kName:
    case Op::kLiteral:
    case Op::kNil:
      return false;
    case Op::kBinary:
      if (!IsArithTok(n.tok)) return true;
      return MayAffectMemory(a, n.x) || MayAffectMemory(a, n.y);
    case Op::kIndex:
      return MayAffectMemory(a, n.x) || MayAffectMemory(a, n.y);
    case Op::kConvNop:
    case Op::kConv:
    case Op::kLen:
    case Op::kCap:
    case Op::kUnary:
    case Op::kDot:
    case Op::kDotPtr:
    case Op::kDeref:
      return MayAffectMemory(a, n.x);
    default:
      return true;
  }
}

// escape.isSliceSelfAssign: `b.buf = b.buf[i:j]` stores no new pointer into *b.
bool IsSliceSelfAssign(const Analyzer& a, NodeId dst, NodeId src) {
  const ir::Node& d = a.N(dst);
  if (d.op != Op::kDeref && d.op != Op::kDotPtr) return false;
  NodeId dst_x = d.x;
  if (!dst_x || a.N(dst_x).op != Op::kName) return false;
  const ir::Node& s = a.N(src);
  switch (s.op) {
    case Op::kSlice:
    case Op::kSlice3:
    case Op::kSliceStr:
      break;
    case Op::kSliceArr:
    case Op::kSlice3Arr:
      // Slicing an array value (an implicit &) would store a pointer to *b itself.
      if (s.x && a.N(s.x).op == Op::kAddr) return false;
      break;
    default:
      return false;
  }
  if (!s.x) return false;
  const ir::Node& base = a.N(s.x);
  if (base.op != Op::kDeref && base.op != Op::kDotPtr) return false;
  NodeId base_x = base.x;
  if (!base_x || a.N(base_x).op != Op::kName) return false;
  VarId dv = a.N(dst_x).var, bv = a.N(base_x).var;
  return dv && bv && a.Canonical(dv) == a.Canonical(bv);
}

}  // namespace

// escape.isSelfAssign: `val.x = val.y`, `val.x[i] = val.y[j]` and slice self-assignments do
// not change what val points to.
bool IsSelfAssign(const Analyzer& a, NodeId dst, NodeId src) {
  if (!dst || !src) return false;
  if (IsSliceSelfAssign(a, dst, src)) return true;
  const ir::Node& d = a.N(dst);
  const ir::Node& s = a.N(src);
  if (d.op != s.op) return false;
  switch (d.op) {
    case Op::kDot:
    case Op::kDotPtr:
      return SameSafeExpr(a, d.x, s.x);
    case Op::kIndex:
      if (MayAffectMemory(a, d.y) || MayAffectMemory(a, s.y)) return false;
      return SameSafeExpr(a, d.x, s.x);
    default:
      return false;
  }
}

// gc's %v of a node inside messages: statements per ir/fmt.go stmtFmt, else ExprString.
std::string NodeString(const Analyzer& a, NodeId id) {
  if (!id) return "<nil>";
  const ir::Node& n = a.N(id);
  auto expr = [&](NodeId e) { return e ? NodeString(a, e) : std::string("<nil>"); };
  auto join = [&](const std::vector<NodeId>& l, const char* sep) {
    std::string s;
    for (size_t i = 0; i < l.size(); ++i) {
      if (i > 0) s += sep;
      s += l[i] ? expr(l[i]) : std::string("_");
    }
    return s;
  };
  switch (n.op) {
    case Op::kDcl:
      return "var " + (n.var ? a.V(n.var).name : std::string("_")) + " " +
             (n.var ? types::TypeString(a.u, a.V(n.var).type, a.prog.pkg) : std::string());
    case Op::kAs:
      return expr(n.x) + (n.defining && n.y ? " := " : " = ") + expr(n.y);
    case Op::kAsOp:
      return expr(n.x) + " " + syntax::TokenString(n.tok) + "= " + expr(n.y);
    case Op::kAs2:
      return join(a.List(n.list), ", ") + (n.defining ? " := " : " = ") +
             join(a.List(n.list2), ", ");
    case Op::kAs2Func:
    case Op::kAs2DotType:
    case Op::kAs2MapR:
    case Op::kAs2Recv:
      return join(a.List(n.list), ", ") + (n.defining ? " := " : " = ") + expr(n.x);
    case Op::kBlock:
      return join(a.List(n.list), "; ");
    case Op::kReturn:
      return "return " + join(a.List(n.list), ", ");
    case Op::kFor:
    case Op::kRange:
      return "for loop";
    case Op::kSelect:
      return "select statement";
    case Op::kSwitch:
      return "switch statement";
    case Op::kCase:
      return (n.list.count == 0 ? std::string("default") : "case " + join(a.List(n.list), ", ")) +
             ": " + join(a.List(n.list2), "; ");
    case Op::kIf: {
      std::string s = "if " + expr(n.x) + " { " + join(a.List(n.list), "; ") + " }";
      if (n.list2.count != 0) s += " else { " + join(a.List(n.list2), "; ") + " }";
      return s;
    }
    case Op::kSend:
      return expr(n.x) + " <- " + expr(n.y);
    case Op::kGo:
      return "go " + expr(n.x);
    case Op::kDefer:
      return "defer " + expr(n.x);
    case Op::kExprStmt:
      return expr(n.x);
    case Op::kBreak:
    case Op::kContinue:
    case Op::kGoto:
    case Op::kFallthrough: {
      const char* w = n.op == Op::kBreak      ? "break"
                      : n.op == Op::kContinue ? "continue"
                      : n.op == Op::kGoto     ? "goto"
                                              : "fallthrough";
      return n.label.empty() ? std::string(w) : std::string(w) + " " + n.label;
    }
    case Op::kLabel:
      return n.label + ": ";
    default:
      return ir::ExprString(a.prog, a.u, id);
  }
}

}  // namespace escapist::escape
